import type { Prisma } from '../generated/prisma/client';
import { RUN_SIGNAL_CODES, type RunSignalCode, type RunSignalTotal } from '../domain/run-signals';

/** A run's signals per code (in the order of RUN_SIGNAL_CODES): how many, and their amounts added up, by the database. */
export async function signalTotalsOf(db: Prisma.TransactionClient, runId: string): Promise<RunSignalTotal[]> {
  const groups = await db.payrollRunSignal.groupBy({
    by: ['code'],
    where: { runId },
    _count: { _all: true },
    _sum: { amount: true },
  });
  return RUN_SIGNAL_CODES.flatMap((code: RunSignalCode) => {
    const group = groups.find((g) => g.code === code);
    return group ? [{ code, count: group._count._all, amount: group._sum.amount!.toFixed(2) }] : [];
  });
}
