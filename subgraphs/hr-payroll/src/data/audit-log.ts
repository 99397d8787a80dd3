import type { HrContext } from '../builder';
import type { Prisma } from '../generated/prisma/client';

/** What the API asks to load with a page of log entries (Pothos' connection `query`). */
export interface AuditLogPage {
  cursor?: Prisma.AuditLogEntryWhereUniqueInput;
  take: number;
  skip: number;
}

/** Newest first; the id breaks ties (entries of one transaction share a moment). */
const NEWEST_FIRST: Prisma.AuditLogEntryOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];

/** A member's log, or the part about one kind of entity, or one entity. */
export const memberLog = (args: {
  memberId: string;
  entityType?: string | null;
  entityId?: string | null;
}): Prisma.AuditLogEntryWhereInput => ({
  memberId: args.memberId,
  ...(args.entityType ? { entityType: args.entityType } : {}),
  ...(args.entityId ? { entityId: args.entityId } : {}),
});

/** An employee's own changes, those of their employments and opening balances, within their employer's log. */
export const employeeLog = async (
  db: HrContext['db'],
  employee: { id: string; memberId: string },
): Promise<Prisma.AuditLogEntryWhereInput> => {
  const employments = await db.employment.findMany({ where: { employeeId: employee.id }, select: { id: true } });
  return {
    memberId: employee.memberId,
    OR: [
      { entityType: { in: ['Employee', 'OpeningBalance'] }, entityId: employee.id },
      { entityType: 'Employment', entityId: { in: employments.map((e) => e.id) } },
    ],
  };
};

/** A payroll run's history: calculated, recalculated, approved, paid. */
export const runLog = (run: { id: string; memberId: string }): Prisma.AuditLogEntryWhereInput => ({
  memberId: run.memberId,
  entityType: 'PayrollRun',
  entityId: run.id,
});

/** How many entries a part of the log has; `where` may still be on its way (employeeLog). */
export const countLogEntries = async (
  db: HrContext['db'],
  where: Prisma.AuditLogEntryWhereInput | Promise<Prisma.AuditLogEntryWhereInput>,
) => db.auditLogEntry.count({ where: await where });

/** A page of a part of the log, newest first. */
export const logEntries = async (
  db: HrContext['db'],
  page: AuditLogPage,
  where: Prisma.AuditLogEntryWhereInput | Promise<Prisma.AuditLogEntryWhereInput>,
) => db.auditLogEntry.findMany({ ...page, where: await where, orderBy: NEWEST_FIRST });
