import { visibleFinder, type Identity } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf } from '../access';
import type { Prisma } from '../generated/prisma/client';

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
  (db: Pick<Prisma.TransactionClient, 'payrollRun'>, id: string) => db.payrollRun.findUnique({ where: { id } }),
  (caller: Identity | null, run: { memberId: string }) => canManageEmployeesOf(caller, run.memberId),
);
