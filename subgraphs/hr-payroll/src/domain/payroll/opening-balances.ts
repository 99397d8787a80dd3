import { exact, formatAmount, formatEuro, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { PAYROLL_YEARS } from './parameters';
import { daysInMonth, formatDate } from './proration';
import { emptyYearToDate, type YearToDate } from './types';

/**
 * Opening balances (beginsaldi): what a member's former payroll system knows about an employee
 * when the member moves its payroll here, so that the months paid here carry on from it (README
 * rule 11). Pure: the rules for entering them, and what they give the first month paid here.
 *
 * - `asOf` is the last day the former system paid, the last day of a month; the platform pays
 *   from the next month. A run of a month up to `asOf` leaves the employee out (paid there).
 * - **Year to date** (gross, taxable wage, wage tax, premium wage, pensions, ...) of the calendar
 *   year of `asOf`: the first month paid here starts from it instead of from zero, so the
 *   cumulative premium-wage maximum, the LKV maximum and the year's totals on the payslip count the
 *   whole year. Not with `asOf` on 31 December: the first month here starts a new year.
 * - **Holiday allowance accrued** and not yet paid on `asOf` (reserved since June): paid with the
 *   reservations made here in May (the accrual year June–May), or when the employment ends.
 * - **Previous year's annual wage**: the annual wage for the special-payments table of the first
 *   year paid here (the year of the day after `asOf`); it takes precedence over any estimate
 *   (annual-wage.ts). In the year after, that year's taxable wage counts the months paid
 *   before the platform too (`monthsBeforePlatform`).
 * - Usable until the employee's first approved or paid payslip here: the services refuse a change
 *   after it (the figures have been used and paid on).
 */

/** The year-to-date figures that can be entered: every total the payslips carry. */
export const OPENING_YEAR_TO_DATE_FIELDS = [
  'grossWage',
  'holidayAllowancePaid',
  'taxableWage',
  'wageTax',
  'premiumWage',
  'employeePension',
  'employerPension',
  'employerPremiums',
  'netPay',
  'lkvClaimed',
] as const satisfies readonly (keyof YearToDate)[];

export type OpeningYearToDateField = (typeof OPENING_YEAR_TO_DATE_FIELDS)[number];

export interface OpeningBalanceFigures {
  asOf: Date;
  holidayAllowanceAccrued: Exact | null;
  /** The wages the accrued allowance was reserved on, when the former system shows them. */
  holidayAllowanceAccruedOnWages: Exact | null;
  previousYearAnnualWage: Exact | null;
  /** Not entered: null or absent (counts as zero). */
  yearToDate: Partial<Record<OpeningYearToDateField, Exact | null>>;
}

/** One reason the figures cannot be taken, on a field of the input (`asOf`, `yearToDate.wageTax`). */
export interface OpeningBalanceProblem {
  field: string;
  message: string;
}

/** The largest amount accepted: a typing error beyond it, not a wage (a year of the highest wage is ~€0.2 million). */
export const MAX_OPENING_AMOUNT = '1000000';

const LABELS: Record<
  OpeningYearToDateField | 'holidayAllowanceAccrued' | 'holidayAllowanceAccruedOnWages' | 'previousYearAnnualWage',
  string
> = {
  holidayAllowanceAccrued: 'The holiday allowance accrued',
  holidayAllowanceAccruedOnWages: 'The wages the holiday allowance was reserved on',
  previousYearAnnualWage: "The previous year's annual wage",
  grossWage: 'The gross wage to date',
  holidayAllowancePaid: 'The holiday allowance paid to date',
  taxableWage: 'The taxable wage to date',
  wageTax: 'The wage tax to date',
  premiumWage: 'The premium wage to date',
  employeePension: "The employee's pension to date",
  employerPension: "The employer's pension to date",
  employerPremiums: "The employer's premiums to date",
  netPay: 'The net pay to date',
  lkvClaimed: 'The LKV expected to date',
};

const dayAfter = (date: Date) => new Date(date.getTime() + 86_400_000);

/** The first year paid here: the year of the day after `asOf`. */
export const firstYearPaidHere = (asOf: Date) => dayAfter(asOf).getUTCFullYear();

/** The first month paid here. */
export const firstMonthPaidHere = (asOf: Date) => {
  const next = dayAfter(asOf);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1 };
};

/** Whether the former system paid the month (it ends on or before `asOf`). */
export const paidBeforePlatform = (asOf: Date, year: number, month: number) =>
  Date.UTC(year, month, 0) <= asOf.getTime();

/**
 * What stops the figures from being taken, every reason at once (a CSV row is reported whole).
 * `employment`: the employee's employment at this member that runs over `asOf` (started on or
 * before it, not ended by it), or null when there is none.
 */
export function openingBalanceProblems(
  figures: OpeningBalanceFigures,
  context: { today: Date; employment: { startDate: Date; endDate: Date | null } | null },
): OpeningBalanceProblem[] {
  const problems: OpeningBalanceProblem[] = [];
  const { asOf } = figures;
  const asOfText = formatDate(asOf);
  if (dayAfter(asOf).getUTCDate() !== 1) {
    problems.push({
      field: 'asOf',
      message: `Opening balances close a month the former system paid: asOf must be the last day of a month (such as 2026-06-30), not ${asOfText}.`,
    });
  }
  const earliest = Date.UTC(Math.min(...PAYROLL_YEARS) - 1, 11, 31);
  if (asOf.getTime() < earliest) {
    problems.push({
      field: 'asOf',
      message: `Payroll here starts in ${Math.min(...PAYROLL_YEARS)} at the earliest: asOf must be ${formatDate(new Date(earliest))} or later.`,
    });
  }
  if (asOf > context.today) {
    problems.push({
      field: 'asOf',
      message: `asOf (${asOfText}) lies in the future: balances can be entered once the former system has paid that month.`,
    });
  }
  if (context.employment === null) {
    problems.push({
      field: 'asOf',
      message: `The employee has no employment at this member that runs over ${asOfText}: opening balances carry a history into the months paid here.`,
    });
  }
  const amounts: [string, Exact | null | undefined][] = [
    ['holidayAllowanceAccrued', figures.holidayAllowanceAccrued],
    ['holidayAllowanceAccruedOnWages', figures.holidayAllowanceAccruedOnWages],
    ['previousYearAnnualWage', figures.previousYearAnnualWage],
    ...OPENING_YEAR_TO_DATE_FIELDS.map((f): [string, Exact | null | undefined] => [
      `yearToDate.${f}`,
      figures.yearToDate[f],
    ]),
  ];
  for (const [field, value] of amounts) {
    if (value == null) continue;
    const label = LABELS[field.replace('yearToDate.', '') as keyof typeof LABELS];
    if (!value.isFinite() || value.isNegative() || value.greaterThan(MAX_OPENING_AMOUNT) || value.decimalPlaces() > 2) {
      problems.push({
        field,
        message: `${label} must be an amount in euros and cents from 0 to ${formatEuro(exact(MAX_OPENING_AMOUNT))}.`,
      });
    }
  }
  const { holidayAllowanceAccrued: accrued, holidayAllowanceAccruedOnWages: onWages } = figures;
  if (onWages != null && accrued == null) {
    problems.push({
      field: 'holidayAllowanceAccruedOnWages',
      message: 'The wages the holiday allowance was reserved on go with the holiday allowance accrued: enter that too.',
    });
  } else if (onWages != null && accrued != null && accrued.greaterThan(onWages)) {
    problems.push({
      field: 'holidayAllowanceAccrued',
      message: `The holiday allowance accrued (${formatEuro(accrued)}) cannot exceed the wages it was reserved on (${formatEuro(onWages)}).`,
    });
  }
  const ytd = figures.yearToDate;
  const entered = OPENING_YEAR_TO_DATE_FIELDS.filter((f) => ytd[f] != null);
  if (entered.length > 0 && asOf.getUTCMonth() === 11 && asOf.getUTCDate() === 31) {
    problems.push({
      field: `yearToDate.${entered[0]!}`,
      message:
        'asOf is 31 December: the first month paid here starts a new year, so there is no year to date to carry. ' +
        "Enter that year's wage as previousYearAnnualWage instead.",
    });
  }
  if (ytd.wageTax != null && ytd.taxableWage != null && ytd.wageTax.greaterThan(ytd.taxableWage)) {
    problems.push({
      field: 'yearToDate.wageTax',
      message: `The wage tax to date (${formatEuro(ytd.wageTax)}) cannot exceed the taxable wage to date (${formatEuro(ytd.taxableWage)}).`,
    });
  }
  if (ytd.employeePension != null && ytd.grossWage != null) {
    const wage = ytd.grossWage.plus(ytd.holidayAllowancePaid ?? 0);
    if (ytd.employeePension.greaterThan(wage)) {
      problems.push({
        field: 'yearToDate.employeePension',
        message: `The employee's pension to date (${formatEuro(ytd.employeePension)}) cannot exceed the wage it is withheld from (${formatEuro(wage)}).`,
      });
    }
  }
  return problems;
}

/** The year to date a month of `year` starts from when it is the first paid here: the entered figures in the year of `asOf`. */
export function openingYearToDate(figures: OpeningBalanceFigures, year: number): YearToDate {
  const empty = emptyYearToDate();
  if (figures.asOf.getUTCFullYear() !== year) return empty;
  const entered = Object.fromEntries(
    OPENING_YEAR_TO_DATE_FIELDS.map((f) => [f, formatAmount(figures.yearToDate[f] ?? exact(empty[f]))]),
  );
  return { ...empty, ...entered };
}

/**
 * The months of the year of `asOf` the former system paid, from 1 January or the employment's
 * start, to `asOf`: each with its days employed, so that a part year converts to a year like the
 * months paid here (annual-wage.ts `periodsPaid`).
 */
export function monthsBeforePlatform(asOf: Date, employedFrom: Date): { daysEmployed: number; daysInMonth: number }[] {
  const year = asOf.getUTCFullYear();
  const months: { daysEmployed: number; daysInMonth: number }[] = [];
  for (let month = 1; month <= asOf.getUTCMonth() + 1; month++) {
    const days = daysInMonth(year, month);
    const first = Date.UTC(year, month - 1, 1);
    const last = Date.UTC(year, month - 1, days);
    if (employedFrom.getTime() > last) continue;
    const from = Math.max(first, employedFrom.getTime());
    months.push({ daysEmployed: Math.round((last - from) / 86_400_000) + 1, daysInMonth: days });
  }
  return months;
}
