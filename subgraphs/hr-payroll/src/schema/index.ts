import { builder } from '../builder';
import './references';
import './employee';
import './employment';
import './employee-mutations';
import './step-increase';
import './wage-tax';
import './payroll-run';
import './back-pay';
import './payroll-settings';
import './payslip-pdf';
import './volunteer';
import './audit-log';
import './opening-balances';

/** The HR/payroll subgraph's schema, with the federation additions (`_entities`, `_service`). */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
