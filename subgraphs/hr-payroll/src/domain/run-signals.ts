import { exact, formatAmount, formatCalendarDate, formatEuro } from '@samen-sterk/subgraph-runtime/pure';
import type { LkvApplicationStatus } from './payroll/types';
import type { StepIncreaseDecision } from './step-increase';

/**
 * Signals of a payroll run: what HR should act on, found when the run is calculated and frozen
 * with it. They do not change a payslip and do not block approval (compliance does that); each
 * names the employment, what to do, and the monthly amount at stake.
 *
 * - STEP_INCREASE_OVERDUE: yearly step increases (./step-increase.ts) due on or before the month's
 *   last day and not applied. The amount is what the month's wage would be higher at the step
 *   they lead to (the CAO's wage for the same hours, age and day). Applying them
 *   (`applyStepIncreases`) pays the months already settled as back pay.
 * - LKV_APPLICATION_MISSED: the employment has an LKV but its target-group statement was not
 *   applied for within three months of the start (./employment.ts): the LKV is lost; the amount
 *   is the month's LKV forgone.
 * - LKV_APPLICATION_OPEN: not applied for yet, the deadline still ahead: the amount is the month's
 *   LKV that depends on it.
 */

export type RunSignalCode = 'STEP_INCREASE_OVERDUE' | 'LKV_APPLICATION_MISSED' | 'LKV_APPLICATION_OPEN';

export const RUN_SIGNAL_CODES: readonly RunSignalCode[] = [
  'STEP_INCREASE_OVERDUE',
  'LKV_APPLICATION_MISSED',
  'LKV_APPLICATION_OPEN',
];

export interface RunSignal {
  code: RunSignalCode;
  employeeId: string;
  employmentId: string;
  /** Per month, two decimals: wage due on top, LKV forgone, or LKV at stake. */
  amount: string;
  message: string;
}

const day = formatCalendarDate;

/** Overdue step increases of one employment (`raised`: the due years that raise, oldest first). */
export function stepIncreaseSignal(input: {
  employeeId: string;
  employmentId: string;
  caoScale: number;
  raised: readonly StepIncreaseDecision[];
  monthlyNow: string;
  monthlyAtStep: string;
}): RunSignal | null {
  const { raised } = input;
  if (raised.length === 0) return null;
  const first = raised[0]!;
  const last = raised.at(-1)!;
  // Rounding: none; both wages are CAO amounts in cents.
  const more = exact(input.monthlyAtStep).minus(exact(input.monthlyNow));
  const count = raised.length === 1 ? 'A step increase' : `${raised.length} step increases`;
  return {
    code: 'STEP_INCREASE_OVERDUE',
    employeeId: input.employeeId,
    employmentId: input.employmentId,
    amount: formatAmount(more),
    message:
      `${count} due since ${day(first.dueOn)} not applied: scale ${input.caoScale}, step ${first.fromStep} → ${last.toStep}, ` +
      (more.isZero()
        ? `no more pay this month (${formatEuro(input.monthlyNow)} either way: the statutory minimum wage is above both steps), but the step counts for later raises. `
        : `${formatEuro(more)} a month more (${formatEuro(input.monthlyNow)} → ${formatEuro(input.monthlyAtStep)}). `) +
      'Apply them (applyStepIncreases); months already settled are paid as back pay.',
  };
}

/** The LKV's target-group statement of one employment, from its frozen status and the month's calculation. */
export function lkvApplicationSignal(input: {
  employeeId: string;
  employmentId: string;
  application: { status: LkvApplicationStatus; deadline: string } | undefined;
  expected: string | null;
  forgone: string | null;
}): RunSignal | null {
  const { application } = input;
  if (!application || application.status === 'REQUESTED') return null;
  const who = { employeeId: input.employeeId, employmentId: input.employmentId };
  if (application.status === 'MISSED') {
    const forgone = input.forgone ?? '0.00';
    return {
      code: 'LKV_APPLICATION_MISSED',
      ...who,
      amount: forgone,
      message:
        `The target-group statement for the LKV was not applied for by ${application.deadline} (three months after the start): ` +
        `no LKV for this employment, ${formatEuro(forgone)} forgone this month. If it was applied for in time, record the day (lkvStatementRequestedOn).`,
    };
  }
  const expected = input.expected ?? '0.00';
  return {
    code: 'LKV_APPLICATION_OPEN',
    ...who,
    amount: expected,
    message:
      `Apply for the target-group statement by ${application.deadline}, or the LKV is lost: ${formatEuro(expected)} this month depends on it. ` +
      'Then record the day (lkvStatementRequestedOn).',
  };
}

export interface RunSignalTotal {
  code: RunSignalCode;
  count: number;
  amount: string;
}
