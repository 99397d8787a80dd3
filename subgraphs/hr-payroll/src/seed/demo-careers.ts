import { addYears } from '@samen-sterk/subgraph-runtime/pure';

/**
 * Demo employments whose CAO step follows their years of service, as if HR had applied every
 * yearly step increase (domain/step-increase.ts: one step a year, automatic without appraisals,
 * up to the scale's top), and a few where it did not, so that a payroll run has something to
 * signal. Pure, so the seed and its test agree.
 */

/** Where a career stands on `today`: its step and the day that step took effect. */
export interface Career {
  caoStep: number;
  stepSince: Date;
}

/**
 * Hired on `startDate` at `startStep` (experience counted at hiring), one step on every
 * anniversary up to `maxStep`. `behind` years not applied: the step and its day as they were
 * that many increases ago (never before the start).
 */
export function careerOn(input: {
  startDate: Date;
  startStep: number;
  maxStep: number;
  today: Date;
  behind?: number;
}): Career {
  const start = Math.min(input.startStep, input.maxStep);
  let years = 0;
  while (addYears(input.startDate, years + 1) <= input.today) years++;
  const increases = Math.min(years, input.maxStep - start);
  const applied = Math.max(0, increases - (input.behind ?? 0));
  return { caoStep: start + applied, stepSince: addYears(input.startDate, applied) };
}

/**
 * The target-group statement applied for in time (three weeks after the start), or, for the
 * employments picked to show the signal, never.
 */
export const lkvStatementRequestedOn = (startDate: Date, missed: boolean) =>
  missed ? null : new Date(startDate.getTime() + 21 * 86_400_000);

/**
 * Per member number: how many yearly increases its first employments are behind (each the next
 * employment, in seed order, that has had at least that many), so HR sees overdue steps.
 */
export const DEMO_BEHIND: ReadonlyMap<number, readonly number[]> = new Map([
  [1, [3, 1]],
  [2, [2]],
]);
/** Per member number: its employments with an LKV (0-based, in seed order) whose statement was never applied for. */
export const DEMO_LKV_MISSED: ReadonlyMap<number, readonly number[]> = new Map([[1, [1, 3]]]);
