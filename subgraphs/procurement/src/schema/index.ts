import { builder } from '../builder';
import './catalogue';
import './catalogue-admin';
import './orders';
import './fulfilment';
import './settings';
import './settlement';
import './insight';

/** The procurement subgraph's schema, with the federation additions (`_entities`, `_service`). */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
