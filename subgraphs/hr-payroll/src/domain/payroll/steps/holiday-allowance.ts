import { formatAmount, formatPercent, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { holidayAllowance, type HolidayAllowanceResult } from '../holiday-allowance';
import type { ReadInput } from '../input';
import type { MonthSlice } from '../proration';
import type { PayrollLine } from '../types';
import { payslipLine, type Step } from './step';

export interface HolidayAllowanceStep extends Step, Omit<HolidayAllowanceResult, 'explain' | 'warnings'> {
  /** What this month's reservation is made on: the gross wage and the back pay of the current accrual year. */
  base: Exact;
}

/** 3. Holiday allowance: reserved on this month's wage (and back pay), paid in the payment month or at the end. */
export function holidayAllowanceOfMonth(
  r: ReadInput,
  wage: { gross: Exact; slice: MonthSlice },
  backPay: { toReserveOn: Exact },
): HolidayAllowanceStep {
  const base = wage.gross.plus(backPay.toReserveOn);
  const holiday = holidayAllowance({
    percent: r.holidayAllowancePercent,
    gross: base,
    month: r.month,
    paymentMonth: r.paymentMonth,
    endsInMonth: wage.slice.endsInMonth,
    accruedBefore: r.accrual,
  });
  const lines: PayrollLine[] = [];
  if (!holiday.paid.isZero()) {
    lines.push(
      payslipLine({
        code: 'HOLIDAY_ALLOWANCE_PAID',
        kind: 'EARNING',
        description:
          (holiday.payoutReason === 'END_OF_EMPLOYMENT'
            ? 'Holiday allowance paid at the end of employment (sum of the reservations)'
            : 'Holiday allowance paid over the accrual year June–May (sum of the reservations)') +
          (r.accrual.opening ? `, ${formatAmount(r.accrual.opening.reserved)} of it accrued before the platform` : ''),
        base: holiday.paidBase === null ? null : formatAmount(holiday.paidBase),
        amount: formatAmount(holiday.paid),
      }),
    );
  }
  lines.push(
    payslipLine({
      code: 'HOLIDAY_ALLOWANCE_RESERVED',
      kind: 'INFORMATION',
      description: backPay.toReserveOn.isZero()
        ? 'Holiday allowance reserved this month'
        : 'Holiday allowance reserved this month (wage and back pay)',
      base: formatAmount(base),
      rate: formatPercent(r.holidayAllowancePercent),
      rateUnit: 'PERCENT',
      amount: formatAmount(holiday.reserved),
    }),
  );
  return { ...holiday, base, lines };
}
