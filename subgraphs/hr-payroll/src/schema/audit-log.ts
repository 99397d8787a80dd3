import { ForbiddenError, UnauthenticatedError, type Identity } from '@samen-sterk/subgraph-runtime';
import { canReadAuditLogOf } from '../access';
import { builder, type HrContext } from '../builder';
import { maskBsn, maskIban } from '../domain/masking';
import type { Prisma } from '../generated/prisma/client';
import { EmployeeRef } from './employee';
import { PayrollRunRef } from './payroll-run';

const refused = () =>
  new ForbiddenError("Only the member's HR staff and its payroll service read its payroll audit log.");
const unauthorized = (identity: Identity | null) => (identity ? refused() : new UnauthenticatedError());

/** Newest first; the id breaks ties (entries of one transaction share a moment). */
const NEWEST_FIRST: Prisma.AuditLogEntryOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];

/**
 * Snapshots are written with BSN and IBAN masked (employee-mutations.ts). Masking again on the
 * way out keeps a full number from ever leaving through the log, whatever an older row holds;
 * masking a masked value changes nothing.
 */
const snapshot = (json: Prisma.JsonValue | null) => {
  if (json === null) return null;
  if (typeof json === 'object' && !Array.isArray(json)) {
    const masked = { ...json };
    if (typeof masked.bsn === 'string') masked.bsn = maskBsn(masked.bsn);
    if (typeof masked.iban === 'string') masked.iban = maskIban(masked.iban);
    return JSON.stringify(masked);
  }
  return JSON.stringify(json);
};

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
      resolve: (e) => snapshot(e.before),
    }),
    after: t.string({ nullable: true, description: 'The state after, as JSON.', resolve: (e) => snapshot(e.after) }),
  }),
});

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
    // In authScopes, not resolve: a query for totalCount alone never calls resolve.
    authScopes: (_root, args, ctx) => canReadAuditLogOf(ctx.identity, args.memberId),
    unauthorizedError: (_r, _a, ctx) => unauthorized(ctx.identity),
    totalCount: (_c, args, ctx) => ctx.db.auditLogEntry.count({ where: logWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.auditLogEntry.findMany({ ...query, where: logWhere(args), orderBy: NEWEST_FIRST }),
  }),
}));

const logWhere = (args: {
  memberId: string | number;
  entityType?: string | null;
  entityId?: string | number | null;
}): Prisma.AuditLogEntryWhereInput => ({
  memberId: String(args.memberId),
  ...(args.entityType ? { entityType: args.entityType } : {}),
  ...(args.entityId ? { entityId: String(args.entityId) } : {}),
});

/** An employee's own changes and those of their employments, within their employer's log. */
const employeeWhere = async (
  db: Pick<HrContext['db'], 'employment'>,
  employee: { id: string; memberId: string },
): Promise<Prisma.AuditLogEntryWhereInput> => {
  const employments = await db.employment.findMany({ where: { employeeId: employee.id }, select: { id: true } });
  return {
    memberId: employee.memberId,
    OR: [
      { entityType: 'Employee', entityId: employee.id },
      { entityType: 'Employment', entityId: { in: employments.map((e) => e.id) } },
    ],
  };
};

builder.prismaObjectFields(EmployeeRef, (t) => ({
  auditLog: t.prismaConnection({
    type: PayrollAuditLogEntryRef,
    cursor: 'id',
    description:
      'Changes to this employee and their employments, newest first (HR and the payroll service; not the employee).',
    // An employee may read their own record but not its log: null for them, not the whole record.
    nullable: true,
    authScopes: (employee, _args, ctx) => canReadAuditLogOf(ctx.identity, employee.memberId),
    unauthorizedError: (_e, _a, ctx) => unauthorized(ctx.identity),
    totalCount: async (employee, _args, ctx) =>
      ctx.db.auditLogEntry.count({ where: await employeeWhere(ctx.db, employee) }),
    resolve: async (query, employee, _args, ctx) =>
      ctx.db.auditLogEntry.findMany({ ...query, where: await employeeWhere(ctx.db, employee), orderBy: NEWEST_FIRST }),
  }),
}));

builder.prismaObjectFields(PayrollRunRef, (t) => ({
  auditLog: t.prismaConnection({
    type: PayrollAuditLogEntryRef,
    cursor: 'id',
    description: "This run's history, newest first: calculated, recalculated, approved, paid.",
    authScopes: (run, _args, ctx) => canReadAuditLogOf(ctx.identity, run.memberId),
    unauthorizedError: (_r, _a, ctx) => unauthorized(ctx.identity),
    totalCount: (run, _args, ctx) =>
      ctx.db.auditLogEntry.count({ where: { memberId: run.memberId, entityType: 'PayrollRun', entityId: run.id } }),
    resolve: (query, run, _args, ctx) =>
      ctx.db.auditLogEntry.findMany({
        ...query,
        where: { memberId: run.memberId, entityType: 'PayrollRun', entityId: run.id },
        orderBy: NEWEST_FIRST,
      }),
  }),
}));
