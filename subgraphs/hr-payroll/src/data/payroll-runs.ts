import { rowsOfMember, visibleFinder, type Identity, type Selection } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { canManageEmployeesOf } from '../access';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

type Db = Pick<PrismaClient, 'payrollRun'>;

/** Runs whose payslips count as history (year to date, holiday allowance reserved, back pay). */
export const SETTLED: Prisma.PayrollRunWhereInput = { status: { in: ['APPROVED', 'PAID'] } };

/** A member's runs, newest first. */
export const RUNS_NEWEST_FIRST: Prisma.PayrollRunOrderByWithRelationInput[] = [
  { year: 'desc' },
  { month: 'desc' },
  { id: 'asc' },
];

/**
 * A run the caller may act on (its member's HR staff and payroll service); someone else's is
 * "not found". On a transaction too, so that a status change reads the run it locked.
 */
export const findRun = visibleFinder(
  'Payroll run',
  (
    db: Pick<Prisma.TransactionClient, 'payrollRun'>,
    id: string,
    query?: Selection<Prisma.PayrollRunInclude, Prisma.PayrollRunSelect>,
  ) => db.payrollRun.findUnique({ ...query, where: { id } }),
  (caller: Identity | null, run: { memberId: string }) => canManageEmployeesOf(caller, run.memberId),
);

/** A run just changed, read back with what the caller selected. */
export const readRun = (
  ctx: HrContext,
  id: string,
  query: Selection<Prisma.PayrollRunInclude, Prisma.PayrollRunSelect>,
) => ctx.db.payrollRun.findUniqueOrThrow({ ...query, where: { id } });

/** A member's runs, newest first: for its HR staff and payroll service (the schema asks). */
export const runsOf = rowsOfMember((db: Db) => db.payrollRun, RUNS_NEWEST_FIRST);
