import { builder } from '../builder';
import './enums';
import './version';
import './minimum-wage';
import './wage';
import './maintenance';
import './audit-log';

/** The CAO subgraph's schema, with the federation additions (`_entities`, `_service`). */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
