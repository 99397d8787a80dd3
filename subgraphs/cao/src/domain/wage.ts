import { DomainError, exact, formatCalendarDate, formatEuro, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { hourlyFromMonthly, monthlyFromHourly, partTimeMonthly, type HoursBasis } from './conversion';

/** `2201.94` → `€2,201.94`, for explanations people read. */
const euros = (value: Exact) => formatEuro(value, { grouping: true });

/** Scale 1 of this CAO is the statutory minimum wage itself (for under-21s, its youth percentage). */
export const MINIMUM_WAGE_SCALE = 1;

export type WageBasis = 'CAO_TABLE' | 'MINIMUM_WAGE_SCALE' | 'LIFTED_TO_MINIMUM_WAGE';

export interface WageInput {
  version: HoursBasis & { name: string; effectiveFrom: Date | null; effectiveTo: Date | null };
  afterEffect: boolean;
  scale: number;
  step: number;
  /** The table's amount for the cell, monthly at full time. */
  tableMonthlyFullTime: Exact;
  on: Date;
  hoursPerWeek: Exact;
  /** The statutory hourly minimum wage for the employee's age on the date. */
  minimumWage: { hourly: Exact; age: number; effectiveFrom: Date };
}

export interface Wage {
  basis: WageBasis;
  liftedToMinimumWage: boolean;
  tableMonthlyFullTime: Exact;
  minimumWageMonthlyFullTime: Exact;
  monthlyFullTime: Exact;
  monthly: Exact;
  hourly: Exact;
  explanation: string[];
}

/**
 * The wage for a cell of the table on a date, for a number of hours and an age: the table
 * amount, never below the statutory minimum wage, then pro rata for the hours.
 */
export function computeWage(input: WageInput): Wage {
  const { version, scale, step, on } = input;
  const fullTime = exact(version.fullTimeHoursPerWeek);
  if (!input.hoursPerWeek.isPositive() || input.hoursPerWeek.isZero() || input.hoursPerWeek.greaterThan(fullTime)) {
    throw new DomainError(
      'HOURS_OUT_OF_RANGE',
      'hoursPerWeek',
      `Hours per week must be more than 0 and at most the full-time ${fullTime.toString()} hours of this CAO.`,
    );
  }
  const minimumWageMonthlyFullTime = monthlyFromHourly(input.minimumWage.hourly, fullTime, version);
  let basis: WageBasis = 'CAO_TABLE';
  let monthlyFullTime = input.tableMonthlyFullTime;
  if (scale === MINIMUM_WAGE_SCALE) {
    basis = 'MINIMUM_WAGE_SCALE';
    monthlyFullTime = minimumWageMonthlyFullTime;
  } else if (monthlyFullTime.lessThan(minimumWageMonthlyFullTime)) {
    basis = 'LIFTED_TO_MINIMUM_WAGE';
    monthlyFullTime = minimumWageMonthlyFullTime;
  }
  const monthly = partTimeMonthly(monthlyFullTime, input.hoursPerWeek, version);
  const hourly = hourlyFromMonthly(monthlyFullTime, fullTime, version);
  const period = `${version.effectiveFrom ? formatCalendarDate(version.effectiveFrom) : '?'} – ${version.effectiveTo ? formatCalendarDate(version.effectiveTo) : 'open'}`;
  const ageText = input.minimumWage.age >= 21 ? '21 and over' : `age ${input.minimumWage.age}`;
  const explanation = [
    input.afterEffect
      ? `${version.name} (${period}) ended before ${formatCalendarDate(on)} and no later version is in force, so it still applies (after-effect, "nawerking").`
      : `${version.name} (${period}) is in force on ${formatCalendarDate(on)}.`,
    `Scale ${scale} step ${step} in its table: ${euros(input.tableMonthlyFullTime)} a month at ${fullTime.toString()} hours.`,
    `Statutory minimum wage from ${formatCalendarDate(input.minimumWage.effectiveFrom)}, ${ageText}: ${euros(input.minimumWage.hourly)} an hour = ${euros(minimumWageMonthlyFullTime)} a month at ${fullTime.toString()} hours (× ${exact(version.weeksPerYear).toString()} weeks ÷ 12).`,
    basis === 'MINIMUM_WAGE_SCALE'
      ? `Scale ${MINIMUM_WAGE_SCALE} is the statutory minimum wage itself (its youth percentage under 21): ${euros(monthlyFullTime)}.`
      : basis === 'LIFTED_TO_MINIMUM_WAGE'
        ? `The table amount is ${euros(minimumWageMonthlyFullTime.minus(input.tableMonthlyFullTime))} below the minimum wage, so the minimum wage applies: ${euros(monthlyFullTime)}.`
        : `The table amount is at or above the minimum wage.`,
    input.hoursPerWeek.equals(fullTime)
      ? `Full time: ${euros(monthly)} a month, ${euros(hourly)} an hour.`
      : `${input.hoursPerWeek.toString()} of ${fullTime.toString()} hours: ${euros(monthlyFullTime)} × ${input.hoursPerWeek.toString()} / ${fullTime.toString()} = ${euros(monthly)} a month (half up to cents); ${euros(hourly)} an hour.`,
  ];
  return {
    basis,
    liftedToMinimumWage: basis === 'LIFTED_TO_MINIMUM_WAGE',
    tableMonthlyFullTime: input.tableMonthlyFullTime,
    minimumWageMonthlyFullTime,
    monthlyFullTime,
    monthly,
    hourly,
    explanation,
  };
}
