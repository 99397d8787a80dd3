import { parseCalendarDate } from '@samen-sterk/subgraph-runtime';
import type { CaoWage, WageQuestion } from '../cao-client';
import { lkvApplicationSignal, stepIncreaseSignal, type RunSignal } from '../domain/run-signals';
import { stepIncreasesDue } from '../domain/step-increase';
import type { RunEmployment } from '../data/run-employments';
import type { Appraisal } from '../generated/prisma/client';
import type { PayslipDraft } from './payroll-page';

/**
 * The signals of a month's run (domain/run-signals.ts has the rules), from the employments and
 * their calculated payslips, a page of employments at a time: step increases due by the month's
 * last day and not applied (the CAO is asked for the wage at the step they lead to, with the
 * run's own questions, before the run is stored: `stepQuestion`), and LKV statements not
 * applied for. Former employees paid only back pay get none.
 */
export interface SignalRules {
  month: { first: Date; last: Date };
  /** The CAO's highest step of each scale this month. */
  maxima: Map<number, number>;
  /** The page's appraisals by employment, oldest first. */
  appraisals: Map<string, Appraisal[]>;
}

const isCurrent = (employment: RunEmployment, month: { first: Date }) =>
  employment.endDate === null || employment.endDate >= month.first;

/** The step increases due by the month's last day and not applied (none for a former employee). */
function raisedSteps(employment: RunEmployment, rules: SignalRules) {
  if (!isCurrent(employment, rules.month)) return [];
  const maxStep = rules.maxima.get(employment.caoScale);
  // A scale the CAO no longer has: the run's own wage question refuses it first.
  if (maxStep === undefined) return [];
  const { last } = rules.month;
  const lastDay = employment.endDate !== null && employment.endDate < last ? employment.endDate : last;
  return stepIncreasesDue(employment, rules.appraisals.get(employment.id) ?? [], maxStep, lastDay).filter(
    (d) => d.outcome === 'RAISED',
  );
}

/**
 * The wage question for the step the overdue years lead to (the month's own question, one step
 * value changed), or null when no step increase is overdue.
 */
export function stepQuestion(employment: RunEmployment, monthQuestion: WageQuestion, rules: SignalRules) {
  const raised = raisedSteps(employment, rules);
  return raised.length === 0 ? null : { ...monthQuestion, step: raised.at(-1)!.toStep };
}

/** The signals of a page's payslips, in the order found: step increases first, then LKV statements. */
export function pageSignals(
  page: readonly { draft: PayslipDraft; employment: RunEmployment }[],
  rules: SignalRules,
  wageAt: (question: WageQuestion) => CaoWage,
): RunSignal[] {
  const signals: RunSignal[] = [];
  for (const { draft, employment } of page) {
    const raised = raisedSteps(employment, rules);
    if (raised.length === 0) continue;
    const asked = draft.facts.caoWage.request!;
    const atStep = wageAt({ ...asked, on: parseCalendarDate(asked.on)!, step: raised.at(-1)!.toStep });
    const signal = stepIncreaseSignal({
      employeeId: draft.employeeId,
      employmentId: draft.employmentId,
      caoScale: employment.caoScale,
      raised,
      monthlyNow: draft.facts.caoWage.monthly,
      monthlyAtStep: atStep.monthly,
    });
    if (signal) signals.push(signal);
  }
  for (const { draft, employment } of page) {
    if (!isCurrent(employment, rules.month)) continue;
    const signal = lkvApplicationSignal({
      employeeId: draft.employeeId,
      employmentId: draft.employmentId,
      application: draft.facts.employment.lkvApplication,
      expected: draft.calculation.lkv?.expected ?? null,
      forgone: draft.calculation.lkvForgone ?? null,
    });
    if (signal) signals.push(signal);
  }
  return signals;
}
