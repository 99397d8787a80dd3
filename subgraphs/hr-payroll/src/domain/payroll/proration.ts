import { DomainError, exact, roundCents, type Exact } from '@samen-sterk/subgraph-runtime/pure';

/**
 * Pro rata for partial months, by CALENDAR DAYS: days employed in the month / days in the month.
 *
 * Why calendar days: it needs nothing but the dates (no work schedule, which payroll does not
 * have), it is exact and reproducible, a full month always gives exactly the monthly wage, and
 * every day of the month weighs the same. The alternatives in Dutch practice (working days in the
 * month, or a fixed 1/21.75 per working day) need a schedule or give a month that does not add up
 * to the monthly wage. No public CAO text prescribes a method (the 2025/2026 CAO is not public).
 *
 * All dates are calendar dates: JS Dates at 00:00 UTC.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (exact: the date is at 00:00 UTC). */
const dayNumber = (date: Date) => Math.round(date.getTime() / DAY_MS);

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last calendar day of a month (1–12). */
export const monthBounds = (year: number, month: number) => ({
  first: new Date(Date.UTC(year, month - 1, 1)),
  last: new Date(Date.UTC(year, month, 0)),
});

/** A month as people and the API write it: "2026-01". */
export const periodName = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** Months counted from year 0, to compare and order periods. */
export const monthIndex = (year: number, month: number) => year * 12 + (month - 1);

export const formatDate = (date: Date) => date.toISOString().slice(0, 10);

/** Refuses anything that is not a valid calendar date at 00:00 UTC. */
export function checkCalendarDate(date: unknown, field: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new DomainError('INVALID_DATE', field, `${field} must be a date.`);
  }
  if (date.getTime() % DAY_MS !== 0) {
    throw new DomainError(
      'INVALID_DATE',
      field,
      `${field} must be a calendar date at 00:00 UTC, not ${date.toISOString()}.`,
    );
  }
  return date;
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: Date, years: number): Date {
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), last)));
}

export interface MonthSlice {
  firstDay: Date;
  lastDay: Date;
  daysInMonth: number;
  /** Calendar days of the month inside the employment. */
  daysEmployed: number;
  /** First and last day employed in the month. */
  from: Date;
  to: Date;
  partial: boolean;
  /** The employment ends inside this month (its end date is in it). */
  endsInMonth: boolean;
}

/** The part of the month the employment covers; refuses a month without any employed day. */
export function monthSlice(
  year: number,
  month: number,
  employment: { startDate: Date; endDate: Date | null },
): MonthSlice {
  const { first: firstDay, last: lastDay } = monthBounds(year, month);
  const days = daysInMonth(year, month);
  const from = employment.startDate > firstDay ? employment.startDate : firstDay;
  const to = employment.endDate !== null && employment.endDate < lastDay ? employment.endDate : lastDay;
  if (from > to) {
    throw new DomainError(
      'NOT_EMPLOYED_IN_PERIOD',
      'period',
      `The employment (${formatDate(employment.startDate)} – ${employment.endDate ? formatDate(employment.endDate) : 'open'}) ` +
        `has no day in ${periodName(year, month)}.`,
    );
  }
  const daysEmployed = dayNumber(to) - dayNumber(from) + 1;
  return {
    firstDay,
    lastDay,
    daysInMonth: days,
    daysEmployed,
    from,
    to,
    partial: daysEmployed !== days,
    endsInMonth: employment.endDate !== null && employment.endDate <= lastDay,
  };
}

/**
 * A month after the employment ended: no day employed. Only a payslip paying back pay to a former
 * employee has one.
 */
export function monthAfterEmployment(year: number, month: number): MonthSlice {
  const { first: firstDay, last: lastDay } = monthBounds(year, month);
  const days = daysInMonth(year, month);
  return {
    firstDay,
    lastDay,
    daysInMonth: days,
    daysEmployed: 0,
    from: firstDay,
    to: lastDay,
    partial: false,
    endsInMonth: false,
  };
}

/** Days of the slice before `until` (exclusive): for benefits that stop after a number of years. */
export function daysBefore(slice: MonthSlice, until: Date): number {
  if (until <= slice.from) return 0;
  if (until > slice.to) return slice.daysEmployed;
  return dayNumber(until) - dayNumber(slice.from);
}

/**
 * The working days of a stretch of calendar days, for the day and week tables of a broken wage
 * period: Monday to Friday count (payroll keeps no work schedule, so five working days a week are
 * assumed; public holidays on a weekday count, as the tax tables' five-day week does). `fullWeeks`
 * are the Monday-to-Friday weeks wholly inside the stretch; `restDays` the working days outside them.
 */
export function workingDays(from: Date, to: Date): { days: number; fullWeeks: number; restDays: number } {
  let days = 0;
  let fullWeeks = 0;
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    // 1970-01-01 was a Thursday: day number n is a Monday when (n + 3) % 7 === 0.
    const weekday = (((n + 3) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
    if (weekday < 5) days++;
    if (weekday === 0 && n + 4 <= dayNumber(to)) fullWeeks++;
  }
  return { days, fullWeeks, restDays: days - 5 * fullWeeks };
}

/** monthly × days / days in month. Rounding: half up to cents (a full month is the monthly amount itself). */
export function prorate(monthly: Exact, days: number, daysInMonthCount: number): Exact {
  return roundCents(monthly.times(days).div(daysInMonthCount));
}

/** Unrounded hours of a month: hours a week × weeks a year / 12 × days / days in month. */
export function hoursInMonth(hoursPerWeek: Exact, weeksPerYear: string, days: number, daysInMonthCount: number): Exact {
  return hoursPerWeek.times(exact(weeksPerYear)).div(12).times(days).div(daysInMonthCount);
}
