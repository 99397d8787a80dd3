import {
  DomainError,
  exact,
  formatAmount,
  formatEuro,
  roundDown,
  roundUp,
  sum,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { ageOn } from './employment';
import { PAYROLL_PARAMETERS, PAYROLL_YEARS, type PayrollYear } from './payroll/parameters';

/**
 * The volunteer scheme (vrijwilligersregeling): an allowance paid to a volunteer is not wage,
 * and so untaxed, as long as it stays within ALL of
 * - the hourly maximum for the volunteer's age on the payment date (21 or over, or under 21),
 *   a maximum on average per hour worked,
 * - the monthly maximum (calendar month), and
 * - the yearly maximum (calendar year).
 * Above any of them the WHOLE allowance, not only the part above the limit, may become taxable
 * wage. The limits per year come from ./payroll/parameters.ts (PAYROLL-NL
 * `volunteerAllowanceUntaxed`); years without them are not answered.
 *
 * Pure: no database, no clock. Amounts and hours are decimal strings read only into decimal.js
 * (`Exact`). Inputs have at most two decimals (whole cents, hundredths of an hour: the API refuses
 * more); sums of them are exact and are never rounded. The one rounding rule:
 * - PER_HOUR: the amount allowed for the hours of a payment is hours × hourly maximum, rounded
 *   DOWN to whole cents (the highest amount in cents whose average stays within the maximum);
 *   a payment breaks the limit when its amount is above that. For 10 h × €5.75 that is €57.50
 *   exactly; for 7.25 h × €5.75 = €41.6875 it is €41.68 (€41.69 would average €5.7503 an hour).
 * The average per hour shown (`averagePerHour`) is amount ÷ hours rounded UP to cents, for people
 * only: it never shows €5.75 for an average above €5.75. Decisions never use it.
 */

export type VolunteerLimit = 'PER_HOUR' | 'PER_MONTH' | 'PER_YEAR';

/** From this age on, the higher hourly maximum applies. */
export const VOLUNTEER_ADULT_AGE = 21;

export interface VolunteerAllowanceLimits {
  readonly year: PayrollYear;
  readonly perHour21Plus: string;
  readonly perHourUnder21: string;
  readonly maxPerMonth: string;
  readonly maxPerYear: string;
}

export const VOLUNTEER_LIMIT_YEARS: readonly PayrollYear[] = PAYROLL_YEARS;

/** The untaxed limits of a calendar year; null for a year the platform has no figures for. */
export function volunteerLimitsFor(year: number): VolunteerAllowanceLimits | null {
  const parameters = (PAYROLL_PARAMETERS as Partial<Record<number, (typeof PAYROLL_PARAMETERS)[PayrollYear]>>)[year];
  if (!parameters) return null;
  const v = parameters.volunteerAllowance;
  return {
    year: parameters.year,
    perHour21Plus: formatAmount(exact(v.perHour21Plus.value)),
    perHourUnder21: formatAmount(exact(v.perHourUnder21.value)),
    maxPerMonth: formatAmount(exact(v.maxPerMonth.value)),
    maxPerYear: formatAmount(exact(v.maxPerYear.value)),
  };
}

/** The hourly maximum for a volunteer of this age. */
export const hourlyMaximum = (limits: VolunteerAllowanceLimits, age: number) =>
  age >= VOLUNTEER_ADULT_AGE ? limits.perHour21Plus : limits.perHourUnder21;

const ageGroup = (age: number) => (age >= VOLUNTEER_ADULT_AGE ? 'aged 21 or over' : 'under 21');

export interface AllowancePayment {
  readonly paidOn: Date;
  /** Hours worked that the payment covers: more than 0, at most two decimals. */
  readonly hours: string;
  /** Euros: more than 0, at most two decimals. */
  readonly amount: string;
}

export interface VolunteerLimitBreach {
  readonly limit: VolunteerLimit;
  /** Euros allowed untaxed: for PER_HOUR the most for this payment's hours, else the monthly or yearly maximum. */
  readonly allowed: string;
  /** Euros: for PER_HOUR this payment's amount, else the month's or year's total with this payment. */
  readonly actual: string;
  /** actual − allowed. */
  readonly over: string;
  readonly message: string;
}

export interface VolunteerAllowanceCheck {
  /** Within every limit: the allowance stays untaxed. */
  readonly ok: boolean;
  readonly limitBreaches: readonly VolunteerLimitBreach[];
  readonly message: string;
  readonly limits: VolunteerAllowanceLimits;
  readonly year: number;
  readonly month: number;
  /** The volunteer's age on the payment date. */
  readonly age: number;
  readonly hourlyMaximum: string;
  /** amount ÷ hours, rounded up to cents (display only). */
  readonly averagePerHour: string;
  /** The calendar month's allowances with this payment. */
  readonly monthTotal: string;
  /** The calendar year's allowances with this payment. */
  readonly yearTotal: string;
  /** Still untaxed this month after this payment: min(month room, year room), never below 0. */
  readonly remainingInMonth: string;
  /** Still untaxed this year after this payment, never below 0. */
  readonly remainingInYear: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const monthName = (year: number, month: number) => `${MONTHS[month - 1]} ${year}`;

/**
 * amount ÷ hours rounded UP to cents: for people to read; decisions never use it. (Both are more
 * than 0, so up towards plus infinity and away from zero are the same.)
 */
export const averagePerHour = (amount: string, hours: string) =>
  formatAmount(roundUp(exact(amount).div(exact(hours)), 2));

const positiveTwoDecimals = (value: string, field: 'hours' | 'amount') => {
  const x = exact(value);
  if (!x.isFinite() || x.lte(ZERO) || x.decimalPlaces() > 2) {
    throw new DomainError('INVALID_AMOUNT', field, `The ${field} must be more than 0, with at most two decimals.`);
  }
  return x;
};

const nonNegative = (x: Exact) => (x.isNegative() ? ZERO : x);
const minimum = (a: Exact, b: Exact) => (a.lessThan(b) ? a : b);
const hours = (x: Exact) => `${x.toFixed()} ${x.eq(1) ? 'hour' : 'hours'}`;

/** `limit` broken: `actual` above `allowed`; `message` is given the excess in euros ("€1.00"). */
function breach(
  limit: VolunteerLimit,
  actual: Exact,
  allowed: Exact,
  message: (over: string) => string,
): VolunteerLimitBreach {
  const over = actual.minus(allowed);
  return {
    limit,
    allowed: formatAmount(allowed),
    actual: formatAmount(actual),
    over: formatAmount(over),
    message: message(formatEuro(over)),
  };
}

/**
 * The PER_HOUR test of one payment: the most allowed for its hours, rounded down to cents (hours
 * and rate are more than 0, so down towards minus infinity and towards zero are the same).
 */
function perHour(limits: VolunteerAllowanceLimits, age: number, payment: { hours: Exact; amount: Exact }) {
  const rate = exact(hourlyMaximum(limits, age));
  const allowed = roundDown(payment.hours.times(rate), 2);
  return { rate, allowed, broken: payment.amount.greaterThan(allowed) };
}

/**
 * Checks a new allowance payment against the limits of its year.
 * @param limits the limits of the payment's calendar year (`volunteerLimitsFor(paidOn year)`)
 * @param age the volunteer's age on the payment date
 * @param earlier the volunteer's payments recorded before (any dates: only those in the payment's
 *   calendar month and year count)
 * @param payment the new payment
 */
export function checkVolunteerAllowance(
  limits: VolunteerAllowanceLimits,
  age: number,
  earlier: readonly Pick<AllowancePayment, 'paidOn' | 'amount'>[],
  payment: AllowancePayment,
): VolunteerAllowanceCheck {
  const year = payment.paidOn.getUTCFullYear();
  const month = payment.paidOn.getUTCMonth() + 1;
  if (year !== limits.year) {
    throw new DomainError('INVALID_DATE', 'paidOn', `These are the limits of ${limits.year}, not of ${year}.`);
  }
  const amount = positiveTwoDecimals(payment.amount, 'amount');
  const paidHours = positiveTwoDecimals(payment.hours, 'hours');
  const inYear = earlier.filter((p) => p.paidOn.getUTCFullYear() === year);
  const inMonth = inYear.filter((p) => p.paidOn.getUTCMonth() + 1 === month);
  const monthTotal = sum(inMonth.map((p) => exact(p.amount))).plus(amount);
  const yearTotal = sum(inYear.map((p) => exact(p.amount))).plus(amount);
  const maxPerMonth = exact(limits.maxPerMonth);
  const maxPerYear = exact(limits.maxPerYear);

  const breaches: VolunteerLimitBreach[] = [];
  const hourly = perHour(limits, age, { hours: paidHours, amount });
  if (hourly.broken) {
    breaches.push(
      breach(
        'PER_HOUR',
        amount,
        hourly.allowed,
        (over) =>
          `per hour: ${formatEuro(amount)} for ${hours(paidHours)} is more than ${formatEuro(hourly.rate)} an hour, ` +
          `the maximum for volunteers ${ageGroup(age)} in ${year}; at most ${formatEuro(hourly.allowed)} for these hours, ` +
          `${over} over`,
      ),
    );
  }
  if (monthTotal.greaterThan(maxPerMonth)) {
    breaches.push(
      breach(
        'PER_MONTH',
        monthTotal,
        maxPerMonth,
        (over) =>
          `per month: ${formatEuro(monthTotal)} in ${monthName(year, month)} with this payment is more than the ` +
          `maximum of ${formatEuro(maxPerMonth)} a month; ${over} over`,
      ),
    );
  }
  if (yearTotal.greaterThan(maxPerYear)) {
    breaches.push(
      breach(
        'PER_YEAR',
        yearTotal,
        maxPerYear,
        (over) =>
          `per year: ${formatEuro(yearTotal)} in ${year} with this payment is more than the maximum of ` +
          `${formatEuro(maxPerYear)} a year; ${over} over`,
      ),
    );
  }

  const yearRoom = nonNegative(maxPerYear.minus(yearTotal));
  const monthRoom = nonNegative(minimum(maxPerMonth.minus(monthTotal), yearRoom));
  const ok = breaches.length === 0;
  const message = ok
    ? `Within the untaxed limits of ${year}: ${formatEuro(amount)} for ${hours(paidHours)} ` +
      `(at most ${formatEuro(hourly.rate)} an hour ${ageGroup(age)}); ${monthName(year, month)} ${formatEuro(monthTotal)} of ` +
      `${formatEuro(maxPerMonth)}, ${year} ${formatEuro(yearTotal)} of ${formatEuro(maxPerYear)}.`
    : `This allowance breaks the untaxed volunteer ${breaches.length === 1 ? 'limit' : 'limits'} of ${year}: ` +
      `${breaches.map((b) => b.message).join('; ')}. Above any of these limits the WHOLE volunteer allowance, ` +
      `not only the part above the limit, may become taxable wage: lower the amount, or pay it as wage.`;

  return {
    ok,
    limitBreaches: breaches,
    message,
    limits,
    year,
    month,
    age,
    hourlyMaximum: formatAmount(hourly.rate),
    averagePerHour: averagePerHour(payment.amount, payment.hours),
    monthTotal: formatAmount(monthTotal),
    yearTotal: formatAmount(yearTotal),
    remainingInMonth: formatAmount(monthRoom),
    remainingInYear: formatAmount(yearRoom),
  };
}

export interface VolunteerMonthTotals {
  readonly month: number;
  /** YYYY-MM */
  readonly period: string;
  readonly payments: number;
  readonly hours: string;
  readonly total: string;
  /** Still untaxed this month: min(maxPerMonth − total, the year's room), never below 0. */
  readonly remaining: string;
  /** total − maxPerMonth when above it, else 0.00. */
  readonly over: string;
}

export interface VolunteerYearTotals {
  readonly year: number;
  readonly limits: VolunteerAllowanceLimits;
  readonly payments: number;
  readonly hours: string;
  readonly total: string;
  /** maxPerYear − total, never below 0. */
  readonly remaining: string;
  /** total − maxPerYear when above it, else 0.00. */
  readonly over: string;
  /** No payment above the hourly maximum, no month above the monthly, the year within the yearly maximum. */
  readonly withinLimits: boolean;
  /** Payments above their hourly maximum (each with the volunteer's age on its date). */
  readonly paymentsOverHourlyMaximum: number;
  /** Every month of the year, January to December. */
  readonly months: readonly VolunteerMonthTotals[];
}

/**
 * A volunteer's allowances in a calendar year, per month and for the year, with the room left
 * under each limit. Payments of other years are ignored.
 */
export function volunteerYearTotals(
  limits: VolunteerAllowanceLimits,
  birthDate: Date,
  payments: readonly AllowancePayment[],
): VolunteerYearTotals {
  const year = limits.year;
  const inYear = payments.filter((p) => p.paidOn.getUTCFullYear() === year);
  const maxPerMonth = exact(limits.maxPerMonth);
  const maxPerYear = exact(limits.maxPerYear);
  const total = sum(inYear.map((p) => exact(p.amount)));
  const yearRoom = nonNegative(maxPerYear.minus(total));
  const months = Array.from({ length: 12 }, (_, i): VolunteerMonthTotals => {
    const month = i + 1;
    const these = inYear.filter((p) => p.paidOn.getUTCMonth() === i);
    const monthTotal = sum(these.map((p) => exact(p.amount)));
    return {
      month,
      period: `${year}-${String(month).padStart(2, '0')}`,
      payments: these.length,
      hours: sum(these.map((p) => exact(p.hours))).toFixed(),
      total: formatAmount(monthTotal),
      remaining: formatAmount(nonNegative(minimum(maxPerMonth.minus(monthTotal), yearRoom))),
      over: formatAmount(nonNegative(monthTotal.minus(maxPerMonth))),
    };
  });
  const overHourly = inYear.filter(
    (p) => perHour(limits, ageOn(birthDate, p.paidOn), { hours: exact(p.hours), amount: exact(p.amount) }).broken,
  ).length;
  const over = nonNegative(total.minus(maxPerYear));
  return {
    year,
    limits,
    payments: inYear.length,
    hours: sum(inYear.map((p) => exact(p.hours))).toFixed(),
    total: formatAmount(total),
    remaining: formatAmount(yearRoom),
    over: formatAmount(over),
    withinLimits: overHourly === 0 && over.isZero() && months.every((m) => m.over === '0.00'),
    paymentsOverHourlyMaximum: overHourly,
    months,
  };
}
