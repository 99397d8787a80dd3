import {
  exact,
  formatEuro,
  max,
  min,
  roundCents,
  roundWhole,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { isAssumed, WEEKS_PER_YEAR_FOR_PAID_HOURS, type LkvKind, type PayrollYearParameters } from './parameters';
import { addYears, daysBefore, formatDate, hoursInMonth, type MonthSlice } from './proration';

/**
 * Wage-cost benefit (loonkostenvoordeel, LKV) expected for the month.
 *
 * - Per paid hour ("verloond uur"): hours a week × 52 / 12 × the days of the month that count /
 *   days in the month, rounded HALF UP TO WHOLE HOURS, as the wage return declares paid hours in
 *   whole hours (the Belastingdienst computes the LKV from those declared hours).
 * - Only days within the benefit's maximum duration count (3 years from the start date for a
 *   disabled employee; the job-agreement LKV runs as long as the employment from 2026, 3 years
 *   in 2025).
 * - Capped at the annual maximum, counting what the year already expects (yearToDate.lkvClaimed).
 * - Information only: the Belastingdienst pays the LKV to the employer in the FOLLOWING year; it is
 *   no income of the employee and not on the payslip. It assumes the target-group statement
 *   (doelgroepverklaring, where one is needed) was applied for in time (see ../employment.ts).
 */

const KIND_NAMES: Record<LkvKind, string> = {
  DISABLED_EMPLOYEE: 'disabled employee (arbeidsgehandicapte werknemer)',
  JOB_AGREEMENT_TARGET_GROUP: 'job-agreement target group (doelgroep banenafspraak)',
};

export interface LkvResult {
  kind: LkvKind;
  hours: Exact;
  eligibleDays: number;
  perHour: Exact;
  uncapped: Exact;
  maxPerYear: Exact;
  claimedBefore: Exact;
  expected: Exact;
  /** Its sentences for people, made when asked (steps/step.ts). */
  explain: () => string[];
  warnings: string[];
}

export function lkvExpected(input: {
  parameters: PayrollYearParameters;
  kind: LkvKind;
  hoursPerWeek: Exact;
  slice: MonthSlice;
  startDate: Date;
  claimedBefore: Exact;
}): LkvResult {
  const p = input.parameters.lkv[input.kind];
  const perHour = exact(p.perHour.value);
  const maxPerYear = exact(p.maxPerYear.value);
  const warnings: string[] = [];

  const until = p.maxYears.value === null ? null : addYears(input.startDate, p.maxYears.value);
  const eligibleDays = until === null ? input.slice.daysEmployed : daysBefore(input.slice, until);
  const exactHours = hoursInMonth(
    input.hoursPerWeek,
    WEEKS_PER_YEAR_FOR_PAID_HOURS,
    eligibleDays,
    input.slice.daysInMonth,
  );
  // Rounding: half up to whole hours (paid hours are declared in whole hours).
  const hours = roundWhole(exactHours);
  // Rounding: half up to cents (whole hours × an amount in cents is exact already).
  const uncapped = roundCents(hours.times(perHour));
  const remaining = max(ZERO, maxPerYear.minus(input.claimedBefore));
  const expected = min(uncapped, remaining);
  if (isAssumed(p.perHour) || isAssumed(p.maxPerYear)) {
    warnings.push(
      `The ${input.parameters.year} LKV amounts are assumed unchanged statutory amounts, not read from a ${input.parameters.year} publication.`,
    );
  }
  const explain = () => {
    const explanation: string[] = [];
    if (until !== null && eligibleDays < input.slice.daysEmployed) {
      explanation.push(
        `LKV ${KIND_NAMES[input.kind]} lasts at most ${p.maxYears.value} years from the start date, until ${formatDate(until)} (exclusive): ` +
          `${eligibleDays} of the ${input.slice.daysEmployed} days employed this month count.`,
      );
    }
    explanation.push(
      `LKV ${KIND_NAMES[input.kind]}: ${input.hoursPerWeek.toFixed()} h × ${WEEKS_PER_YEAR_FOR_PAID_HOURS} / 12 × ${eligibleDays}/${input.slice.daysInMonth} ` +
        `= ${exactHours.toDecimalPlaces(4).toFixed()} h → ${hours.toFixed(0)} paid hours (half up to whole hours) × ${formatEuro(perHour)} = ${formatEuro(uncapped)}.`,
    );
    if (expected.lessThan(uncapped)) {
      explanation.push(
        `Annual maximum ${formatEuro(maxPerYear)}, ${formatEuro(input.claimedBefore)} expected earlier this year: only ${formatEuro(expected)} is left.`,
      );
    }
    explanation.push(
      `Expected LKV ${formatEuro(expected)}: paid to the employer by the Belastingdienst the following year; not income, not on the payslip.`,
    );
    return explanation;
  };
  return {
    kind: input.kind,
    hours,
    eligibleDays,
    perHour,
    uncapped,
    maxPerYear,
    claimedBefore: input.claimedBefore,
    expected,
    explain,
    warnings,
  };
}
