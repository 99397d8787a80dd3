import { ConflictError, ForbiddenError, recordChange } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { findRun } from '../data/payroll-runs';
import type { PayrollCalculation } from '../domain/payroll/types';
import type { PayrollRun, PayrollRunStatus, Prisma } from '../generated/prisma/client';

/**
 * A run's way from calculated to paid: CALCULATED → APPROVED (by a second person, every payslip
 * compliant) → PAID (frozen with its inputs). Each step locks the run, checks it may be taken,
 * stamps who took it and when, and goes to the audit log, all in one transaction.
 */

interface StatusChange {
  /** The status the run must have. */
  from: PayrollRunStatus;
  /** What the caller reads when it has another (CONFLICT). */
  refusal: (status: string) => string;
  /** Further conditions, checked on the locked run. */
  check?: (tx: Prisma.TransactionClient, run: PayrollRun, actor: string) => Promise<void>;
  /** The new status with who set it and when. */
  data: (actor: string, at: Date) => Prisma.PayrollRunUpdateInput;
  /** The audit log's name for the change. */
  action: string;
}

async function changeRunStatus(ctx: HrContext, id: string, change: StatusChange): Promise<PayrollRun> {
  const actor = ctx.identity!.userId;
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM payroll_run WHERE id = ${id} FOR UPDATE`;
    const run = await findRun(tx, ctx.identity, id);
    if (run.status !== change.from) throw new ConflictError(change.refusal(run.status.toLowerCase()));
    await change.check?.(tx, run, actor);
    const changed = await tx.payrollRun.update({ where: { id }, data: change.data(actor, new Date()) });
    await recordChange(tx, {
      actorId: actor,
      memberId: run.memberId,
      action: change.action,
      entityType: 'PayrollRun',
      entityId: id,
      before: run,
      after: changed,
    });
    return changed;
  });
}

/** Approves a calculated run. Four eyes: not by the person who calculated it; and only when every payslip is compliant. */
export const approvePayrollRun = (ctx: HrContext, id: string) =>
  changeRunStatus(ctx, id, {
    from: 'CALCULATED',
    refusal: (status) => `This run is ${status} already.`,
    check: async (tx, run, actor) => {
      if (run.calculatedBy === actor) {
        throw new ForbiddenError('You calculated this run; a second person must approve it (four eyes).');
      }
      const failing = await tx.payslip.findMany({ where: { runId: run.id, compliant: false } });
      if (failing.length > 0) {
        const problems = failing.flatMap((p) =>
          (p.calculation as unknown as PayrollCalculation).compliance.filter((c) => !c.ok).map((c) => c.message),
        );
        throw new ConflictError(`This run cannot be approved: ${problems.join(' ')}`);
      }
      // Opening balances start an employee's first month here (and say who is paid here at all):
      // a change since the calculation makes the run stale.
      const changed = await tx.auditLogEntry.findFirst({
        where: { memberId: run.memberId, entityType: 'OpeningBalance', at: { gt: run.calculatedAt } },
      });
      if (changed) {
        throw new ConflictError(
          "This run cannot be approved: the member's opening balances changed after it was calculated. Recalculate it first.",
        );
      }
    },
    data: (actor, at) => ({ status: 'APPROVED', approvedBy: actor, approvedAt: at }),
    action: 'APPROVE_PAYROLL_RUN',
  });

/** Records that an approved run was paid. From then on it is frozen with its inputs. */
export const markPayrollRunPaid = (ctx: HrContext, id: string) =>
  changeRunStatus(ctx, id, {
    from: 'APPROVED',
    refusal: (status) => `Only an approved run can be paid; this one is ${status}.`,
    data: (actor, at) => ({ status: 'PAID', paidBy: actor, paidAt: at }),
    action: 'PAY_PAYROLL_RUN',
  });
