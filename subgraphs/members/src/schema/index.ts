import { builder } from '../builder';
import './enums';
import './member';
import './member-queries';
import './member-mutations';
import './branch';
import './branch-mutations';
import './user';
import './user-mutations';

/** The members subgraph's schema, with the federation additions (`_entities`, `_service`). */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
