import { formatAmount, formatEuro, roundWhole, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { ReadInput } from '../input';
import { WEEKS_PER_YEAR_FOR_PAID_HOURS } from '../parameters';
import {
  formatDate,
  hoursInMonth,
  monthAfterEmployment,
  monthBounds,
  monthSlice,
  periodName,
  prorate,
  type MonthSlice,
} from '../proration';
import type { PayrollInput } from '../types';
import { NONE, payslipLine, type Step } from './step';

export interface WageStep extends Step {
  /** The employment ended before this month: a former employee's payslip pays back pay only. */
  backPayOnly: boolean;
  slice: MonthSlice;
  gross: Exact;
  /** The wage return's paid hours ("verloonde uren"), whole hours. */
  paidHours: Exact;
}

/** 1–2. Pro rata by calendar days; gross wage; paid hours. A former employee's payslip pays back pay only. */
export function wageAndHours(input: PayrollInput, r: ReadInput): WageStep {
  const { year, month } = r;
  const { employment } = input;
  const backPayOnly =
    r.endDate !== null && r.endDate < monthBounds(year, month).first && (input.backPay?.length ?? 0) > 0;
  const slice = backPayOnly
    ? monthAfterEmployment(year, month)
    : monthSlice(year, month, { startDate: r.startDate, endDate: r.endDate });
  const gross = prorate(r.monthly, slice.daysEmployed, slice.daysInMonth);
  // Paid hours (the wage return's "verloonde uren"). Rounding: half up to whole hours.
  const paidHours = roundWhole(
    hoursInMonth(r.hoursPerWeek, WEEKS_PER_YEAR_FOR_PAID_HOURS, slice.daysEmployed, slice.daysInMonth),
  );
  const explanation = [
    `Payroll ${periodName(year, month)}, ${input.caoWage.caoVersionName}: ${r.hoursPerWeek.toFixed()} hours a week, ` +
      `${employment.contractType.toLowerCase().replace('_', '-')} contract${employment.writtenContract ? ' in writing' : ' not in writing'}.`,
    backPayOnly
      ? `The employment ended on ${formatDate(r.endDate!)}: no wage this month, back pay only.`
      : slice.partial
        ? `Employed ${formatDate(slice.from)} – ${formatDate(slice.to)}: ${slice.daysEmployed} of ${slice.daysInMonth} calendar days. ` +
          `Gross wage ${formatEuro(r.monthly)} × ${slice.daysEmployed}/${slice.daysInMonth} = ${formatEuro(gross)} (half up to cents).`
        : `Employed the whole month. Gross wage = the CAO monthly wage ${formatEuro(gross)}.`,
  ];
  const line = payslipLine({
    code: 'GROSS_WAGE',
    kind: 'EARNING',
    description: backPayOnly
      ? 'No wage this month: the employment has ended'
      : slice.partial
        ? `Gross wage, ${slice.daysEmployed} of ${slice.daysInMonth} days`
        : 'Gross wage',
    base: formatAmount(r.monthly),
    rate: `${slice.daysEmployed}/${slice.daysInMonth}`,
    rateUnit: 'FRACTION',
    amount: formatAmount(gross),
  });
  return { backPayOnly, slice, gross, paidHours, explanation, warnings: NONE, lines: [line] };
}
