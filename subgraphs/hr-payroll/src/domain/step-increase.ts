import { addYears, formatCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { effectiveDay } from './employment';

/**
 * The CAO's yearly step increase (periodiek), the one home of the rule. CAO Kringloop Nederland
 * 2024, `periodicIncrease`: "one step a year after a good appraisal; automatic where the
 * employer does not appraise; up to the scale maximum".
 *
 * Read as:
 * - A step increase falls due one year after the current step took effect (`stepSince`; the
 *   start date where it was never set). The anniversary is counted in whole months, as periods
 *   in Dutch law are: a day the target month lacks becomes its last day (29 February 2024 + one
 *   year = 28 February 2025).
 * - The year judged is the one that ends on the due date: appraisals after the previous due
 *   date (or the day the step took effect) up to and including the due date. The latest of them
 *   decides. GOOD: one step up. INSUFFICIENT: the step stays, but the year is done, so the next
 *   year is judged on its own. None: the employer did not appraise, so the step is automatic.
 * - At the scale's top step nothing changes: "up to the scale maximum".
 * - Years are judged one by one, each due date one year after the previous one (not counted
 *   from the first), so catching up several years at once ends where applying every year on
 *   time would have ended.
 */

export type AppraisalOutcome = 'GOOD' | 'INSUFFICIENT';
export type StepIncreaseOutcome = 'RAISED' | 'WITHHELD' | 'AT_MAXIMUM';

export interface StepPosition {
  caoScale: number;
  caoStep: number;
  startDate: Date;
  /** The day the current step took effect; null (rows from before the column) means the start date. */
  stepSince: Date | null;
}

export interface AppraisalFact {
  appraisedOn: Date;
  outcome: AppraisalOutcome;
}

export interface StepIncreaseDecision<A extends AppraisalFact = AppraisalFact> {
  dueOn: Date;
  outcome: StepIncreaseOutcome;
  fromStep: number;
  toStep: number;
  /** The appraisal the decision rests on; null when there was none (automatic) or at the maximum. */
  appraisal: A | null;
  /** `stepSince` afterwards: the due date, except at the maximum, where nothing changes. */
  stepSinceAfter: Date;
  reason: string;
}

export const stepSinceOf = (position: Pick<StepPosition, 'startDate' | 'stepSince'>) =>
  position.stepSince ?? position.startDate;

/** One year after the current step took effect (end-of-month clamped). */
export const nextStepIncreaseOn = (position: Pick<StepPosition, 'startDate' | 'stepSince'>) =>
  addYears(stepSinceOf(position), 1);

/** The latest appraisal in the year (from, to]; on the same day, the one listed last. */
export function latestAppraisalIn<A extends AppraisalFact>(appraisals: readonly A[], from: Date, to: Date): A | null {
  let latest: A | null = null;
  for (const appraisal of appraisals) {
    if (appraisal.appraisedOn <= from || appraisal.appraisedOn > to) continue;
    if (!latest || appraisal.appraisedOn >= latest.appraisedOn) latest = appraisal;
  }
  return latest;
}

const day = formatCalendarDate;

/** The decision for the next due date, whatever today is. */
export function decideStepIncrease<A extends AppraisalFact>(
  position: StepPosition,
  appraisals: readonly A[],
  maxStep: number,
): StepIncreaseDecision<A> {
  const since = stepSinceOf(position);
  const dueOn = addYears(since, 1);
  const fromStep = position.caoStep;
  // "up to the scale maximum": at the top step (or above it, after a CAO shortened the scale)
  // there is nothing to raise or withhold, and stepSince stays.
  if (fromStep >= maxStep) {
    return {
      dueOn,
      outcome: 'AT_MAXIMUM',
      fromStep,
      toStep: fromStep,
      appraisal: null,
      stepSinceAfter: since,
      reason: `Step ${fromStep} is the top of scale ${position.caoScale}: no further step (the CAO raises "up to the scale maximum").`,
    };
  }
  const appraisal = latestAppraisalIn(appraisals, since, dueOn);
  const year = `${day(since)} – ${day(dueOn)}`;
  if (!appraisal) {
    return {
      dueOn,
      outcome: 'RAISED',
      fromStep,
      toStep: fromStep + 1,
      appraisal: null,
      stepSinceAfter: dueOn,
      reason: `No appraisal in the year ${year}: step ${fromStep} → ${fromStep + 1} automatically (the CAO: "automatic where the employer does not appraise").`,
    };
  }
  if (appraisal.outcome === 'GOOD') {
    return {
      dueOn,
      outcome: 'RAISED',
      fromStep,
      toStep: fromStep + 1,
      appraisal,
      stepSinceAfter: dueOn,
      reason: `Good appraisal on ${day(appraisal.appraisedOn)}: step ${fromStep} → ${fromStep + 1} (the CAO: "one step a year after a good appraisal").`,
    };
  }
  // Withheld for this year only: the year is over, so stepSince moves on and the next year is
  // judged by its own appraisal.
  return {
    dueOn,
    outcome: 'WITHHELD',
    fromStep,
    toStep: fromStep,
    appraisal,
    stepSinceAfter: dueOn,
    reason: `Insufficient appraisal on ${day(appraisal.appraisedOn)}: step ${fromStep} stays this year; the next year is judged on ${day(addYears(dueOn, 1))}.`,
  };
}

/**
 * Every step increase due on or before `on`, oldest first: one decision per elapsed year, each
 * judged by its own year's appraisal, until the top of the scale (reported once) or until the
 * next due date lies after `on`. Empty when nothing is due yet.
 */
export function stepIncreasesDue<A extends AppraisalFact>(
  position: StepPosition,
  appraisals: readonly A[],
  maxStep: number,
  on: Date,
): StepIncreaseDecision<A>[] {
  const decisions: StepIncreaseDecision<A>[] = [];
  let current = { ...position };
  for (;;) {
    // Not due yet (most employees, most months): no decision to write.
    if (nextStepIncreaseOn(current) > on) return decisions;
    const decision = decideStepIncrease(current, appraisals, maxStep);
    if (decision.dueOn > on) return decisions;
    decisions.push(decision);
    if (decision.outcome === 'AT_MAXIMUM') return decisions;
    current = { ...current, caoStep: decision.toStep, stepSince: decision.stepSinceAfter };
  }
}

/**
 * The day a step set by hand takes effect, so the year towards the next step starts again:
 * today while the employment runs, its first day if it has not begun, its last if it has ended
 * (the same day the CAO service checks the new scale and step on).
 */
export function stepSinceAfterManualChange(
  before: { caoScale: number; caoStep: number },
  after: { caoScale: number; caoStep: number; startDate: Date; endDate: Date | null },
  today: Date,
): { stepSince: Date } | Record<string, never> {
  if (before.caoScale === after.caoScale && before.caoStep === after.caoStep) return {};
  return { stepSince: effectiveDay(after, today) };
}
