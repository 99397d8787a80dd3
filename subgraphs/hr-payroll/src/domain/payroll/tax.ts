import { specialPaymentsTax, wageTax } from '../wage-tax/wage-tax';
import { DomainError, exact, formatAmount, formatEuro, ZERO, type Exact } from '@samen-sterk/subgraph-runtime/pure';

/**
 * The wage tax of the month, from the wage-tax module (never recomputed here):
 * - the regular wage through the white MONTHLY table (`wageTax`);
 * - a holiday-allowance payout through the special-payments table (`specialPaymentsTax`).
 * Errors of that module (DomainErrors: unsupported year, wage above what it supports,
 * unverified 2025 special-payments rows) pass through unchanged.
 */

export interface MonthlyTaxResult {
  tax: Exact;
  explanation: string[];
  warnings: string[];
}

export function monthlyWageTax(input: {
  year: number;
  taxableWage: Exact;
  withTaxCredit: boolean;
  partial: boolean;
}): MonthlyTaxResult {
  const result = wageTax({
    year: input.year,
    period: 'MONTH',
    wage: formatAmount(input.taxableWage),
    withTaxCredit: input.withTaxCredit,
  });
  const tax = exact(result.tax);
  const explanation = [
    `Wage tax, white monthly table ${input.withTaxCredit ? 'with' : 'without'} loonheffingskorting, on ${formatEuro(input.taxableWage)}: ${formatEuro(tax)}.`,
    ...result.explanation.map((line) => `  ${line}`),
  ];
  const warnings: string[] = [];
  if (input.partial) {
    warnings.push(
      'Broken period: the employment starts or ends inside the month. The Belastingdienst prescribes the day table for a ' +
        'broken wage period (gebroken loontijdvak); that rule is NOT implemented. The monthly table was applied to the ' +
        'pro-rated wage instead, which usually withholds less tax than the rule (a whole month of tax credits and a ' +
        'lower bracket); the difference is settled in the income tax return. Check before approving.',
    );
    explanation.push(
      'Partial month: monthly table on the pro-rated wage (the day-table rule for broken periods is not implemented).',
    );
  }
  return { tax, explanation, warnings };
}

export interface SpecialTaxResult {
  tax: Exact;
  ratePercent: Exact | null;
  explanation: string[];
}

export function holidayAllowanceTax(input: {
  year: number;
  amount: Exact;
  withTaxCredit: boolean;
  previousYearAnnualWage: Exact | null;
  /** What is paid, for the explanation: "the holiday allowance paid" unless said otherwise. */
  what?: string;
}): SpecialTaxResult {
  const what = input.what ?? 'the holiday allowance paid';
  if (input.amount.isZero()) return { tax: ZERO, ratePercent: null, explanation: [] };
  if (input.previousYearAnnualWage === null) {
    throw new DomainError(
      'MISSING_PREVIOUS_YEAR_WAGE',
      'previousYearAnnualWage',
      `${what[0]!.toUpperCase()}${what.slice(1)} (${formatEuro(input.amount)}) this month: its wage tax needs the previous year's annual wage ` +
        '(annualised for someone who started during that year).',
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
    explanation: [
      `Wage tax on ${what}, special-payments table (tabel bijzondere beloningen), not the monthly table: ${formatEuro(tax)}.`,
      ...result.explanation.map((line) => `  ${line}`),
    ],
  };
}
