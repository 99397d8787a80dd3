import { parseCalendarDate } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { caoScaleMaxima, caoWages } from '../cao-client';
import { appraisalsByEmployment } from '../data/employments';
import { lkvApplicationSignal, stepIncreaseSignal, type RunSignal } from '../domain/run-signals';
import { stepIncreasesDue } from '../domain/step-increase';
import type { Employment } from '../generated/prisma/client';
import type { PayslipDraft } from './payroll-runs';

/**
 * The signals of a month's run (domain/run-signals.ts has the rules), from the employments and
 * their calculated payslips: step increases due by the month's last day and not applied (the
 * CAO is asked once more, for the wage at the step they lead to), and LKV statements not applied
 * for. Former employees paid only back pay get none.
 */
export async function runSignals(
  ctx: HrContext,
  memberId: string,
  month: { first: Date; last: Date },
  employments: readonly Employment[],
  drafts: readonly PayslipDraft[],
): Promise<RunSignal[]> {
  const byId = new Map(employments.map((e) => [e.id, e]));
  const current = drafts.filter((d) => {
    const e = byId.get(d.employmentId);
    return e !== undefined && (e.endDate === null || e.endDate >= month.first);
  });
  if (current.length === 0) return [];
  const [maxima, appraisals] = await Promise.all([
    caoScaleMaxima(ctx, month.first),
    appraisalsByEmployment(ctx.db, memberId),
  ]);
  const overdue = current.flatMap((draft) => {
    const employment = byId.get(draft.employmentId)!;
    const maxStep = maxima.get(employment.caoScale);
    // A scale the CAO no longer has: the run's own wage question refuses it first.
    if (maxStep === undefined) return [];
    const lastDay = employment.endDate !== null && employment.endDate < month.last ? employment.endDate : month.last;
    const raised = stepIncreasesDue(employment, appraisals.get(employment.id) ?? [], maxStep, lastDay).filter(
      (d) => d.outcome === 'RAISED',
    );
    return raised.length === 0 ? [] : [{ draft, employment, raised }];
  });
  // The wage at the step the overdue years lead to: the month's own question, one step value changed.
  const atStep = await caoWages(
    ctx,
    overdue.map(({ draft, raised }) => {
      const asked = draft.input.caoWage.request!;
      return { ...asked, on: parseCalendarDate(asked.on)!, step: raised.at(-1)!.toStep };
    }),
  );
  const signals: RunSignal[] = [];
  overdue.forEach(({ draft, employment, raised }, i) => {
    const signal = stepIncreaseSignal({
      employeeId: draft.employeeId,
      employmentId: draft.employmentId,
      caoScale: employment.caoScale,
      raised,
      monthlyNow: draft.input.caoWage.monthly,
      monthlyAtStep: atStep[i]!.monthly,
    });
    if (signal) signals.push(signal);
  });
  for (const draft of current) {
    const signal = lkvApplicationSignal({
      employeeId: draft.employeeId,
      employmentId: draft.employmentId,
      application: draft.input.employment.lkvApplication,
      expected: draft.calculation.lkv?.expected ?? null,
      forgone: draft.calculation.lkvForgone ?? null,
    });
    if (signal) signals.push(signal);
  }
  return signals;
}
