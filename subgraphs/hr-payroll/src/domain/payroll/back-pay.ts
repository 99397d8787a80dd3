import { DomainError, exact, formatAmount, formatEuro, ZERO } from '@samen-sterk/subgraph-runtime/pure';
import { monthIndex, periodName, prorate } from './proration';
import type { BackPayInput, BackPayPeriod } from './types';

/**
 * Back pay (nabetaling) after a retroactive change: a CAO version or a statutory minimum wage
 * published with an effective date before months already settled.
 *
 * - Per corrected month: the wage due now for that month's days minus what was paid for them
 *   then, minus back pay for that month already paid in earlier runs. Both wages are pro rata
 *   exactly as the month was paid (its days employed / days in month, half up to cents each),
 *   so a full month's correction is exactly the difference of the monthly wages.
 * - Only a positive difference is back pay. A wage published LOWER later is not taken back
 *   automatically: recovering paid wage needs the employee's consent, so it is left to people.
 * - Back pay is paid in a later month's payslip as a special payment (bijzondere beloning): taxed
 *   with the special-payments table, premium wage in the month it is paid, with holiday
 *   allowance and pension over it as over any wage (see calculate.ts).
 */

/** The wage difference for one settled month; null when nothing (more) is due. */
export function backPayFor(
  period: Omit<BackPayInput, 'alreadyCorrected'> & { alreadyCorrected: string },
  field = 'backPay',
): Omit<BackPayPeriod, 'holidayAllowanceAlreadyPaidOut'> | null {
  const days = period.daysEmployed;
  if (
    !Number.isInteger(days) ||
    days < 1 ||
    days > period.daysInMonth ||
    ![28, 29, 30, 31].includes(period.daysInMonth)
  ) {
    throw new DomainError(
      'INVALID_BACK_PAY',
      field,
      `Back pay for ${period.year}-${period.month}: ${days} of ${period.daysInMonth} days is not a month's pro rata.`,
    );
  }
  const paidMonthly = exact(period.paidMonthly);
  const dueMonthly = exact(period.dueMonthly);
  const alreadyCorrected = exact(period.alreadyCorrected);
  const paidForDays = prorate(paidMonthly, days, period.daysInMonth);
  const dueForDays = prorate(dueMonthly, days, period.daysInMonth);
  const amount = dueForDays.minus(paidForDays).minus(alreadyCorrected);
  if (amount.lessThanOrEqualTo(ZERO)) return null;
  return {
    year: period.year,
    month: period.month,
    correctedPayslipId: period.correctedPayslipId,
    paidMonthly: formatAmount(paidMonthly),
    dueMonthly: formatAmount(dueMonthly),
    dueCaoVersionId: period.dueCaoVersionId,
    dueCaoVersionName: period.dueCaoVersionName,
    daysEmployed: days,
    daysInMonth: period.daysInMonth,
    paidForDays: formatAmount(paidForDays),
    dueForDays: formatAmount(dueForDays),
    alreadyCorrected: formatAmount(alreadyCorrected),
    amount: formatAmount(amount),
  };
}

/**
 * Whether the holiday allowance of a corrected month was paid out before the month now paid:
 * the accrual year ending with the payment month (June–May, paid in May) that holds the
 * corrected month lies wholly before it. Then the allowance over the back pay is paid now;
 * otherwise it is reserved and paid at the next payout like any reservation.
 */
export function holidayAllowanceAlreadyPaidOut(
  corrected: { year: number; month: number },
  now: { year: number; month: number },
  paymentMonth: number,
): boolean {
  const payoutYear = corrected.month <= paymentMonth ? corrected.year : corrected.year + 1;
  return monthIndex(payoutYear, paymentMonth) < monthIndex(now.year, now.month);
}

/** Checks a run's back-pay inputs and works out each month; refuses corrections of this month or later. */
export function backPayPeriods(
  inputs: readonly BackPayInput[],
  now: { year: number; month: number },
  paymentMonth: number,
  /** The employment has ended: everything reserved was paid at its end, so is this. */
  employmentEnded = false,
): BackPayPeriod[] {
  const periods: BackPayPeriod[] = [];
  inputs.forEach((input, i) => {
    const field = `backPay.${i}`;
    if (monthIndex(input.year, input.month) >= monthIndex(now.year, now.month)) {
      throw new DomainError(
        'INVALID_BACK_PAY',
        field,
        `Back pay is for an earlier month; ${input.year}-${input.month} is not before ${now.year}-${now.month}.`,
      );
    }
    const period = backPayFor(input, field);
    if (period) {
      periods.push({
        ...period,
        holidayAllowanceAlreadyPaidOut: employmentEnded || holidayAllowanceAlreadyPaidOut(input, now, paymentMonth),
      });
    }
  });
  return periods;
}

/** "2026-01: €2,500.00 × 31/31 due instead of €2,450.00 …" for lines and explanations. */
export function describeBackPay(p: BackPayPeriod): string {
  const name = periodName(p.year, p.month);
  const fraction = p.daysEmployed === p.daysInMonth ? '' : ` × ${p.daysEmployed}/${p.daysInMonth}`;
  const before = exact(p.alreadyCorrected).isZero() ? '' : `, less ${formatEuro(p.alreadyCorrected)} corrected before`;
  return (
    `${name}: ${p.dueCaoVersionName} ${formatEuro(p.dueMonthly)}${fraction} = ${formatEuro(p.dueForDays)} due, ` +
    `${formatEuro(p.paidMonthly)}${fraction} = ${formatEuro(p.paidForDays)} paid${before}: ${formatEuro(p.amount)}`
  );
}
