import { builder } from '../builder';
import './catalogue';
import './orders';

/** The procurement subgraph's schema, with the federation additions (`_entities`, `_service`). */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
