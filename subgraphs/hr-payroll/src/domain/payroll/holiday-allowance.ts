import {
  DomainError,
  exact,
  formatEuro,
  formatPercent,
  percentOf,
  roundCents,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { STATUTORY_HOLIDAY_ALLOWANCE_PERCENT } from './parameters';

/**
 * Holiday allowance (vakantiebijslag, "vakantiegeld").
 *
 * - Reserved every month: the CAO's percentage of the month's gross wage, half up to cents.
 *   The statutory minimum is 8 % of the wage (Wet minimumloon en minimumvakantiebijslag, art. 15);
 *   a lower percentage is refused (it cannot be an input mistake we silently pay on).
 * - Paid in the CAO's payment month (May) over the accrual year June–May: the sum of the monthly
 *   reservations not yet paid, this month's included. Paid as well in the month the employment
 *   ends (everything reserved so far, this month's included).
 * - Not wage until it is paid: the reservation is neither taxed nor a premium wage; the payout is
 *   taxed at the special-payments rate (see tax.ts) and is premium wage in the month it is paid.
 */

export function checkHolidayAllowancePercent(percent: Exact): void {
  const minimum = exact(STATUTORY_HOLIDAY_ALLOWANCE_PERCENT);
  if (percent.lessThan(minimum)) {
    throw new DomainError(
      'HOLIDAY_ALLOWANCE_BELOW_MINIMUM',
      'caoWage.holidayAllowancePercent',
      `The holiday allowance is ${formatPercent(percent)} % of the wage; the statutory minimum is ${STATUTORY_HOLIDAY_ALLOWANCE_PERCENT} % ` +
        `(Wet minimumloon en minimumvakantiebijslag, art. 15). Correct the CAO's percentage before running payroll.`,
    );
  }
}

export interface HolidayAllowanceInput {
  percent: Exact;
  gross: Exact;
  month: number;
  paymentMonth: number;
  endsInMonth: boolean;
  accruedBefore: AccruedHolidayAllowance;
}

/** Reserved before this month, and the part of it accrued before the platform (an opening balance). */
export interface AccruedHolidayAllowance {
  reserved: Exact;
  base: Exact;
  opening?: { reserved: Exact; base: Exact | null; asOf: string };
}

export interface HolidayAllowanceResult {
  reserved: Exact;
  paid: Exact;
  payoutReason: 'PAYMENT_MONTH' | 'END_OF_EMPLOYMENT' | null;
  accrualAfter: AccruedHolidayAllowance;
  /** The wages the payout was reserved on; null when part of it is an opening balance entered without them. */
  paidBase: Exact | null;
  /** Its sentences for people, made when asked (steps/step.ts). */
  explain: () => string[];
  warnings: string[];
}

export function holidayAllowance(input: HolidayAllowanceInput): HolidayAllowanceResult {
  checkHolidayAllowancePercent(input.percent);
  // Rounding: the month's reservation half up to cents.
  const reserved = roundCents(percentOf(input.gross, input.percent));
  const warnings: string[] = [];
  const totalReserved = input.accruedBefore.reserved.plus(reserved);
  const totalBase = input.accruedBefore.base.plus(input.gross);

  const opening = input.accruedBefore.opening;
  // An opening balance's reservation was made on wages paid before the platform: counted in the base when HR entered them.
  const knownBase = opening && opening.base === null ? null : totalBase.plus(opening?.base ?? ZERO);
  const payoutReason = input.endsInMonth
    ? 'END_OF_EMPLOYMENT'
    : input.month === input.paymentMonth
      ? 'PAYMENT_MONTH'
      : null;
  if (
    payoutReason === null &&
    input.month === (input.paymentMonth % 12) + 1 &&
    input.accruedBefore.reserved.greaterThan(0)
  ) {
    warnings.push(
      `${formatEuro(input.accruedBefore.reserved)} of holiday allowance from the previous accrual year is still unpaid at the start of a new one: ` +
        `it should have been paid in month ${input.paymentMonth}. It stays reserved and will be paid at the next payout.`,
    );
  }
  const explain = () => {
    const explanation = [
      `Holiday allowance reserved: ${formatPercent(input.percent)} % of the gross wage ${formatEuro(input.gross)} = ${formatEuro(reserved)} (half up to cents).`,
    ];
    if (opening) {
      explanation.push(
        `Of the reserved before this month, ${formatEuro(opening.reserved)} was accrued before the platform (opening balance as of ${opening.asOf}` +
          (opening.base === null
            ? ', the wages it was reserved on not entered).'
            : `, reserved on wages of ${formatEuro(opening.base)}).`),
      );
    }
    if (payoutReason === null) {
      explanation.push(
        `Reserved and not yet paid after this month: ${formatEuro(input.accruedBefore.reserved)} + ${formatEuro(reserved)} = ${formatEuro(totalReserved)} ` +
          (knownBase === null
            ? `(on wages of ${formatEuro(totalBase)} here).`
            : `(on wages of ${formatEuro(knownBase)}).`),
      );
    } else {
      const paidOut =
        `${formatEuro(input.accruedBefore.reserved)} reserved before + ${formatEuro(reserved)} this month = ${formatEuro(totalReserved)} ` +
        (knownBase === null
          ? `(reserved on wages of ${formatEuro(totalBase)} here, and the opening balance).`
          : `(reserved on wages of ${formatEuro(knownBase)}).`);
      explanation.push(
        payoutReason === 'END_OF_EMPLOYMENT'
          ? `The employment ends this month: all reserved holiday allowance is paid out: ${paidOut}`
          : `Payment month of the CAO (month ${input.paymentMonth}): the accrual year's reservations are paid out: ${paidOut}`,
      );
    }
    return explanation;
  };
  // A payout pays everything reserved and starts the accrual afresh; otherwise it all stays reserved.
  const paysOut = payoutReason !== null;
  return {
    reserved,
    paid: paysOut ? totalReserved : ZERO,
    payoutReason,
    accrualAfter: paysOut
      ? { reserved: ZERO, base: ZERO }
      : { reserved: totalReserved, base: totalBase, ...(opening ? { opening } : {}) },
    paidBase: paysOut ? knownBase : null,
    explain,
    warnings,
  };
}
