import { builder } from '../builder';

/** Member, owned by the members subgraph: here it gains its enrolments and training budget. */
export const MemberRef = builder.externalRef('Member', builder.selection<{ id: string }>('id'));

/** Employee, owned by hr-payroll: here it gains enrolments, certificates and a skills passport. */
export const EmployeeRef = builder.externalRef('Employee', builder.selection<{ id: string }>('id'));

/** Money in the API: always two decimals ("495.00", not "495"); the database keeps it exact. */
export const money = (amount: { toFixed(places: number): string }) => amount.toFixed(2);
