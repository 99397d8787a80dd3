import { builder } from '../builder';
import './catalogue';
import './catalogue-admin';
import './enrolments';
import './certificates';
import './people';
import './budgets';

/** The Academy subgraph's schema, with the federation additions (`_entities`, `_service`). */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
