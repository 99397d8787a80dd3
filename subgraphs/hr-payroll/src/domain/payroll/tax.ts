import { specialPaymentsTax, wageTax } from '../wage-tax/wage-tax';
import {
  DomainError,
  exact,
  formatAmount,
  formatEuro,
  roundCents,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { formatDate, workingDays } from './proration';

/**
 * The wage tax of the month, from the wage-tax module (never recomputed here):
 * - the regular wage through the white MONTHLY table (`wageTax`), or in a broken period through the
 *   week and day tables;
 * - a holiday-allowance payout through the special-payments table (`specialPaymentsTax`).
 * Errors of that module (DomainErrors: unsupported year, wage above what it supports,
 * unverified 2025 special-payments rows) pass through unchanged.
 */

export interface MonthlyTaxResult {
  tax: Exact;
  /** Which tables were used: the month's, or the week and day tables of a broken period. */
  tables: { kind: 'MONTH' } | { kind: 'BROKEN_PERIOD'; workingDays: number; fullWeeks: number; restDays: number };
  /** Its sentences for people, made when asked (steps/step.ts). */
  explain: () => string[];
  warnings: string[];
}

/**
 * The wage tax on the month's regular wage.
 *
 * A whole month: the white monthly table.
 *
 * A broken wage period (gebroken loontijdvak: the employment starts or ends inside the month) does
 * not get the monthly table: that would grant a whole month of tax credits and a lower bracket for
 * a part of a month. The Handboek Loonheffingen prescribes, for the days wage is paid over, the
 * week table for every whole working week and the day table for the remaining working days. The
 * wage of the period is spread evenly over its working days (Monday to Friday):
 *   day wage = wage / working days, half up to cents;
 *   tax = whole weeks × week table (5 × day wage) + remaining days × day table (day wage),
 * each table amount rounded by its own rule (annual tax / 52 or / 260, half up to cents).
 * A period without a weekday (employed only on a Saturday and Sunday) counts as one day.
 */
export function monthlyWageTax(input: {
  year: number;
  taxableWage: Exact;
  withTaxCredit: boolean;
  /** The days employed when the month is a broken period; null for a whole month. */
  brokenPeriod: { from: Date; to: Date } | null;
}): MonthlyTaxResult {
  const credit = input.withTaxCredit ? 'with' : 'without';
  if (input.brokenPeriod === null) {
    const result = wageTax({
      year: input.year,
      period: 'MONTH',
      wage: formatAmount(input.taxableWage),
      withTaxCredit: input.withTaxCredit,
    });
    const tax = exact(result.tax);
    return {
      tax,
      tables: { kind: 'MONTH' },
      explain: () => [
        `Wage tax, white monthly table ${credit} loonheffingskorting, on ${formatEuro(input.taxableWage)}: ${formatEuro(tax)}.`,
        ...result.explanation.map((line) => `  ${line}`),
      ],
      warnings: [],
    };
  }
  const { from, to } = input.brokenPeriod;
  const counted = workingDays(from, to);
  const days = Math.max(counted.days, 1);
  const fullWeeks = counted.fullWeeks;
  const restDays = days - 5 * fullWeeks;
  // Rounding: the wage per working day half up to cents.
  const dayWage = roundCents(input.taxableWage.div(days));
  const table = (period: 'WEEK' | 'DAY', wage: Exact) =>
    wageTax({ year: input.year, period, wage: formatAmount(wage), withTaxCredit: input.withTaxCredit });
  const week = fullWeeks > 0 ? table('WEEK', dayWage.times(5)) : null;
  const day = restDays > 0 ? table('DAY', dayWage) : null;
  const weeksTax = week ? exact(week.tax).times(fullWeeks) : ZERO;
  const daysTax = day ? exact(day.tax).times(restDays) : ZERO;
  const tax = weeksTax.plus(daysTax);
  const explain = () => {
    const explanation = [
      `Broken wage period ${formatDate(from)} – ${formatDate(to)}: ${counted.days} working days (Monday to Friday)` +
        (counted.days === 0 ? ', counted as one day' : '') +
        `, ${fullWeeks} whole working week${fullWeeks === 1 ? '' : 's'} and ${restDays} day${restDays === 1 ? '' : 's'}. ` +
        `Not the monthly table: the week table for each whole week and the day table for the other days ` +
        `(Handboek Loonheffingen), white, ${credit} loonheffingskorting.`,
      `Wage per working day ${formatEuro(input.taxableWage)} / ${days} = ${formatEuro(dayWage)} (half up to cents).`,
    ];
    if (week) {
      explanation.push(
        `Week table on ${formatEuro(dayWage.times(5))}: ${formatEuro(exact(week.tax))} a week × ${fullWeeks} = ${formatEuro(weeksTax)}.`,
        ...week.explanation.map((line) => `  ${line}`),
      );
    }
    if (day) {
      explanation.push(
        `Day table on ${formatEuro(dayWage)}: ${formatEuro(exact(day.tax))} a day × ${restDays} = ${formatEuro(daysTax)}.`,
        ...day.explanation.map((line) => `  ${line}`),
      );
    }
    explanation.push(`Wage tax of the broken period: ${formatEuro(tax)}.`);
    return explanation;
  };
  return {
    tax,
    tables: { kind: 'BROKEN_PERIOD', workingDays: counted.days, fullWeeks, restDays },
    explain,
    warnings: [],
  };
}

export interface SpecialTaxResult {
  tax: Exact;
  ratePercent: Exact | null;
  /** Its sentences for people, made when asked (steps/step.ts). */
  explain: () => string[];
}

export function holidayAllowanceTax(input: {
  year: number;
  amount: Exact;
  withTaxCredit: boolean;
  previousYearAnnualWage: Exact | null;
  /** How that annual wage was found, for the explanation. */
  basis?: string | null;
  /** What is paid, for the explanation: "the holiday allowance paid" unless said otherwise. */
  what?: string;
}): SpecialTaxResult {
  const what = input.what ?? 'the holiday allowance paid';
  if (input.amount.isZero()) return { tax: ZERO, ratePercent: null, explain: () => [] };
  if (input.previousYearAnnualWage === null) {
    throw new DomainError(
      'MISSING_PREVIOUS_YEAR_WAGE',
      'previousYearAnnualWage',
      `${what[0]!.toUpperCase()}${what.slice(1)} (${formatEuro(input.amount)}) this month: its wage tax needs the annual wage ` +
        "for the special-payments table (the previous year's, converted to a year, or a new employee's estimate).",
    );
  }
  const result = specialPaymentsTax({
    year: input.year,
    previousYearAnnualWage: formatAmount(input.previousYearAnnualWage),
    withTaxCredit: input.withTaxCredit,
    amount: formatAmount(input.amount),
  });
  const tax = exact(result.tax);
  return {
    tax,
    ratePercent: exact(result.ratePercent),
    explain: () => [
      `Wage tax on ${what}, special-payments table (tabel bijzondere beloningen), not the monthly table: ${formatEuro(tax)}.`,
      ...(input.basis ? [`  ${input.basis}`] : []),
      ...result.explanation.map((line) => `  ${line}`),
    ],
  };
}
