import { DomainError, Exact, HUNDRED, roundDown } from '@samen-sterk/subgraph-runtime/pure';
import { type SpecialPaymentsRow } from './parameters';
import { amount, d, eur, parametersFor, type AmountInput } from './inputs';

/** Down to cents: "in het voordeel van de werknemer". */
const floorCents = (x: Exact) => roundDown(x, 2);

export interface SpecialPaymentsRateInput {
  year: number;
  /**
   * The employee's annual wage of the previous calendar year (jaarloon voor de tabel bijzondere
   * beloningen; the caller annualises it for someone who started during that year).
   */
  previousYearAnnualWage: AmountInput;
  withTaxCredit: boolean;
  /**
   * Use table rows that were reconstructed rather than read from a source (2025 only, see
   * parameters.ts). Off by default: such rows throw UNVERIFIED_TABLE_ROW.
   */
  allowUnverifiedRows?: boolean;
}

function specialPaymentsRow(input: SpecialPaymentsRateInput): {
  row: SpecialPaymentsRow;
  percent: Exact;
  annual: Exact;
} {
  const p = parametersFor(input.year);
  const annual = amount(input.previousYearAnnualWage, 'previousYearAnnualWage');
  if (annual.isNegative()) {
    throw new DomainError(
      'INVALID_AMOUNT',
      'previousYearAnnualWage',
      'The previous year’s annual wage cannot be negative.',
    );
  }
  // The row is the one with the highest lower bound not above the wage ("tussen twee bedragen: het lagere").
  const row = [...p.specialPayments].reverse().find((r) => annual.greaterThanOrEqualTo(d(r.fromAnnualWage)))!;
  const usesUnverified = input.withTaxCredit && row.status === 'inferred';
  if (usesUnverified && !input.allowUnverifiedRows) {
    throw new DomainError(
      'UNVERIFIED_TABLE_ROW',
      'previousYearAnnualWage',
      `The ${p.year} special-payments rate with tax credit for an annual wage of ${eur(annual)} is not confirmed by a source ` +
        `(reconstructed: ${row.withCreditPercent}%). Check it against the official table before using it.`,
    );
  }
  return { row, percent: d(input.withTaxCredit ? row.withCreditPercent : row.withoutCreditPercent), annual };
}

/** The special-payments percentage (tabel bijzondere beloningen), e.g. 40.2 for 40,20%. */
export function specialPaymentsRate(input: SpecialPaymentsRateInput): Exact {
  return specialPaymentsRow(input).percent;
}

export interface SpecialPaymentsTaxInput extends SpecialPaymentsRateInput {
  /** The special payment, e.g. the holiday allowance (vakantiebijslag). */
  amount: AmountInput;
}

export interface SpecialPaymentsTaxResult {
  tax: Exact;
  ratePercent: Exact;
  explanation: string[];
}

/** Wage tax on a special payment: the table percentage of the amount, rounded down to cents. */
export function specialPaymentsTax(input: SpecialPaymentsTaxInput): SpecialPaymentsTaxResult {
  const payment = amount(input.amount, 'amount');
  if (payment.isNegative()) throw new DomainError('INVALID_AMOUNT', 'amount', 'A special payment cannot be negative.');
  const { row, percent, annual } = specialPaymentsRow(input);
  // Rounding: down to cents, in the employee's favour (see README: not read from the RV itself).
  const tax = floorCents(payment.times(percent).div(HUNDRED));
  return {
    tax,
    ratePercent: percent,
    explanation: [
      `Previous year's annual wage ${eur(annual)}: table row from ${eur(d(row.fromAnnualWage), 0)}, ` +
        `${input.withTaxCredit ? 'with' : 'without'} loonheffingskorting ${percent.toFixed(2)}%.`,
      `${percent.toFixed(2)}% of ${eur(payment)} = ${eur(tax)} (rounded down to cents).`,
    ],
  };
}
