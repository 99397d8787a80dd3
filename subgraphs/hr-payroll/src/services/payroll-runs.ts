import { ConflictError, recordChange, transactionConnection } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { timedPhase } from './phases';
import { pageSignals } from './run-signals';
import {
  copyPayslips,
  insertPayslips,
  orderSignals,
  storeBackPay,
  storeSignals,
  useFastCompression,
} from './payslip-storage';
import { periodName } from '../domain/payroll/proration';
import { timedPayrollRun } from './payroll-run-metrics';
import { answerOf, planMonth, type MonthPlan, type Reads } from './payroll-month';
import { calculatePage, readPages, type CalculatedRunPage } from './payroll-page';
import { calculationThreads } from './calculation-threads';

/**
 * Payroll runs: gather each employment's inputs (the CAO service's wage, settings, year to
 * date), calculate, and store the run with its payslips in one transaction, so that a run is
 * there whole or not at all. The CAO is asked before the transaction starts: no network call
 * holds database locks. Employments are read, calculated and stored a page at a time: a run holds
 * at most two pages of payslips, whatever its size (a sector's is 200,000).
 */

/**
 * A whole sector's run is stored in one transaction (all or nothing), which takes longer than
 * Prisma's default 5 s: allow minutes.
 */
const RUN_TRANSACTION = { maxWait: 30_000, timeout: 10 * 60_000 };

/**
 * Calculates (or recalculates, while not approved) a member's payroll for a month and stores it
 * as the month's run. A first pass over the employments collects the CAO questions, asked before
 * the run's transaction; the second, in it, calculates and stores a page at a time.
 */
export async function calculatePayrollRun(ctx: HrContext, memberId: string, year: number, month: number) {
  return timedPayrollRun(async () => {
    const plan = await timedPhase('first-pass', 0, () => planMonth(ctx, memberId, year, month));
    return timedPhase('second-pass', 0, () => storeRun(ctx, plan));
  });
}

/**
 * Payslips are stored with COPY on PostgreSQL and a multi-row INSERT on PGlite;
 * `HR_PAYROLL_PAYSLIP_STORAGE=insert` takes the INSERT on PostgreSQL too (to measure one against
 * the other: `pnpm bench:payroll`).
 */
const copyWanted = () => process.env.HR_PAYROLL_PAYSLIP_STORAGE !== 'insert';

/**
 * Calculates and stores the month's run (new, or replacing a calculated one) in one transaction,
 * a page of employments at a time: a run is there whole or not at all, and holds no more than two
 * pages of payslips in memory. On PostgreSQL the next page is read (from the pool) while one is
 * calculated and the last is stored; one statement at a time on the transaction's connection.
 */
async function storeRun(ctx: HrContext, plan: MonthPlan) {
  const { memberId, year, month } = plan;
  const actor = ctx.identity!.userId;
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.payrollRun.findUnique({ where: { memberId_year_month: { memberId, year, month } } });
    if (existing && existing.status !== 'CALCULATED') {
      throw new ConflictError(
        `The payroll of ${periodName(year, month)} is ${existing.status.toLowerCase()} and can no longer be recalculated.`,
      );
    }
    const run = existing
      ? await tx.payrollRun.update({
          where: { id: existing.id },
          data: { calculatedBy: actor, calculatedAt: new Date() },
        })
      : // A second calculation of the same month at the same time fails here on the unique key: CONFLICT.
        await tx.payrollRun.create({
          data: { memberId, year, month, calculatedBy: actor, calculatedAt: new Date() },
        });
    if (existing) {
      await tx.payslip.deleteMany({ where: { runId: run.id } });
      await tx.payrollRunSignal.deleteMany({ where: { runId: run.id } });
    }
    await useFastCompression(tx);
    const connection = await transactionConnection(ctx.db, tx);
    const copy = connection !== null && copyWanted() ? connection : null;
    // PGlite has one connection, which the transaction holds: everything goes through it, in turn.
    const reads: Reads = connection ? ctx.db : tx;
    const counts = { payslips: 0, signals: 0 };
    const storage = copy ? 'copy' : 'insert';
    // Pages calculated at once: one a calculation thread on PostgreSQL, where reading, calculating
    // and storing overlap; one at a time on PGlite, whose one connection does everything in turn.
    const depth = connection ? Math.max(1, calculationThreads()) : 1;
    const calculating: Promise<CalculatedRunPage>[] = [];
    let storing: Promise<void> = Promise.resolve();
    /** The oldest page calculating: its signals found, its storage started once the last page's is done. */
    const storeNext = async () => {
      const { page, drafts, ids, rows } = await calculating.shift()!;
      const byId = new Map(page.employments.map((e) => [e.id, e]));
      const signals = pageSignals(
        drafts.map((draft) => ({ draft, employment: byId.get(draft.employmentId)! })),
        { month: plan.period, maxima: plan.maxima, appraisals: page.appraisals },
        (question) => answerOf(plan, question),
      );
      const position = counts.signals;
      counts.payslips += drafts.length;
      counts.signals += signals.length;
      await timedPhase('storage-wait', 0, () => storing);
      storing = timedPhase('storage', drafts.length, async () => {
        if ('copy' in rows) await copyPayslips(copy!, rows.copy);
        else await insertPayslips(tx, run.id, memberId, rows.insert);
        await storeBackPay(tx, run.id, memberId, drafts, ids);
        await storeSignals(tx, run.id, memberId, signals, position);
      });
      // Awaited with the next page; until then a failure must not count as an unhandled rejection.
      storing.catch(() => {});
      if (!connection) await timedPhase('storage-wait', 0, () => storing);
    };
    try {
      // On PostgreSQL the next page is read from the pool while earlier ones are calculated.
      for await (const page of readPages(reads, plan, connection !== null)) {
        const calculated = calculatePage(plan, page, { id: run.id, storage });
        calculated.catch(() => {}); // awaited in turn by storeNext
        calculating.push(calculated);
        if (calculating.length >= depth) await storeNext();
      }
      while (calculating.length > 0) await storeNext();
      await timedPhase('storage-wait', 0, () => storing);
    } finally {
      // Nothing may still be sent on the connection when the transaction ends (a failure rolls back).
      await storing.catch(() => {});
    }
    await orderSignals(tx, run.id);
    await recordChange(tx, {
      actorId: actor,
      memberId,
      action: existing ? 'RECALCULATE_PAYROLL_RUN' : 'CALCULATE_PAYROLL_RUN',
      entityType: 'PayrollRun',
      entityId: run.id,
      before: existing ?? undefined,
      after: { ...run, signals: counts.signals, payslips: counts.payslips, period: `${year}-${month}` },
    });
    return run;
  }, RUN_TRANSACTION);
}
