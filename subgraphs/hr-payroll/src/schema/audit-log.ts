import { builder } from '../builder';
import { countLogEntries, employeeLog, logEntries, memberLog, runLog } from '../data/audit-log';
import { shownSnapshot } from '../services/audit-log';
import { EmployeeRef } from './employee';
import { PayrollRunRef } from './payroll-run';

// Named apart from the CAO subgraph's `AuditLogEntry`: the two are different logs with different
// readers, and one shared type name would have to be declared @shareable with identical fields.
export const PayrollAuditLogEntryRef = builder.prismaObject('AuditLogEntry', {
  name: 'PayrollAuditLogEntry',
  description:
    'One change to pay-relevant data or to a payroll run: who, when, before and after. BSN and IBAN appear masked.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.exposeID('actorId', { description: 'The user who made the change.' }),
    action: t.exposeString('action', { description: 'What happened: `UPDATE_EMPLOYMENT`, `APPROVE_PAYROLL_RUN`, …' }),
    entityType: t.exposeString('entityType', { description: '`Employee`, `Employment`, `PayrollRun`, …' }),
    entityId: t.exposeID('entityId'),
    before: t.string({
      nullable: true,
      description: 'The state before, as JSON (none for something new).',
      resolve: (e) => shownSnapshot(e.before),
    }),
    after: t.string({
      nullable: true,
      description: 'The state after, as JSON.',
      resolve: (e) => shownSnapshot(e.after),
    }),
  }),
});

// Who may read a log is in authScopes, not in resolve: a query for totalCount alone never calls resolve.

builder.queryFields((t) => ({
  payrollAuditLog: t.prismaConnection({
    type: PayrollAuditLogEntryRef,
    cursor: 'id',
    description:
      "A member's payroll audit log, newest first: changes to employees, employments, volunteers and allowances, and payroll runs (the member's HR staff and its payroll service).",
    args: {
      memberId: t.arg.id({ required: true }),
      entityType: t.arg.string({ required: false, description: 'Only changes to this kind: `Employment`, …' }),
      entityId: t.arg.id({ required: false, description: 'Only changes to this one.' }),
    },
    authScopes: (_root, args) => ({ readsAuditLogOf: args.memberId }),
    totalCount: (_c, args, ctx) => countLogEntries(ctx.db, memberLog(args)),
    resolve: (query, _root, args, ctx) => logEntries(ctx.db, query, memberLog(args)),
  }),
}));

builder.prismaObjectFields(EmployeeRef, (t) => ({
  auditLog: t.prismaConnection({
    type: PayrollAuditLogEntryRef,
    cursor: 'id',
    description:
      'Changes to this employee, their employments and opening balances, newest first (HR and the payroll service; not the employee).',
    // An employee may read their own record but not its log: null for them, not the whole record.
    nullable: true,
    authScopes: (employee) => ({ readsAuditLogOf: employee.memberId }),
    totalCount: (employee, _args, ctx) => countLogEntries(ctx.db, employeeLog(ctx.db, employee)),
    resolve: (query, employee, _args, ctx) => logEntries(ctx.db, query, employeeLog(ctx.db, employee)),
  }),
}));

builder.prismaObjectFields(PayrollRunRef, (t) => ({
  auditLog: t.prismaConnection({
    type: PayrollAuditLogEntryRef,
    cursor: 'id',
    description: "This run's history, newest first: calculated, recalculated, approved, paid.",
    authScopes: (run) => ({ readsAuditLogOf: run.memberId }),
    totalCount: (run, _args, ctx) => countLogEntries(ctx.db, runLog(run)),
    resolve: (query, run, _args, ctx) => logEntries(ctx.db, query, runLog(run)),
  }),
}));
