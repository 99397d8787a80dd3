import {
  exact,
  formatAmount,
  formatEuro,
  formatPercent,
  percentOf,
  roundCents,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { backPayPeriods, describeBackPay } from '../back-pay';
import type { ReadInput } from '../input';
import type { BackPayInput, BackPayPeriod, PayrollLine } from '../types';
import { NONE, payslipLine, SILENT, type Step } from './step';

export interface BackPayStep extends Step {
  periods: BackPayPeriod[];
  total: Exact;
  /** Back pay of months whose accrual year's holiday allowance was paid out already. */
  ofPaidOutYears: Exact;
  /** The rest: its holiday allowance is reserved with this month's. */
  toReserveOn: Exact;
  /** The holiday allowance over `ofPaidOutYears`, paid now. */
  holidayAllowance: Exact;
}

/**
 * 2b. Back pay for earlier, settled months (a CAO or minimum wage published later with an earlier
 * effective date): a special payment this month; see ../back-pay.ts.
 */
export function backPay(
  inputs: readonly BackPayInput[],
  r: ReadInput,
  wage: { gross: Exact; backPayOnly: boolean },
): BackPayStep {
  const periods = backPayPeriods(inputs, { year: r.year, month: r.month }, r.paymentMonth, wage.backPayOnly);
  if (periods.length === 0) {
    return {
      periods,
      total: ZERO,
      ofPaidOutYears: ZERO,
      toReserveOn: ZERO,
      holidayAllowance: ZERO,
      explain: SILENT,
      warnings: NONE,
      lines: NONE,
    };
  }
  let total = ZERO;
  let ofPaidOutYears = ZERO;
  for (const p of periods) {
    const amount = exact(p.amount);
    total = total.plus(amount);
    if (p.holidayAllowanceAlreadyPaidOut) ofPaidOutYears = ofPaidOutYears.plus(amount);
  }
  const toReserveOn = total.minus(ofPaidOutYears);
  // Rounding: the holiday allowance over back pay of accrual years already paid out, half up to cents once.
  const holidayAllowance = roundCents(percentOf(ofPaidOutYears, r.holidayAllowancePercent));

  const described = periods.map(describeBackPay);
  const lines: PayrollLine[] = [];
  periods.forEach((p, i) => {
    lines.push(
      payslipLine({
        code: 'BACK_PAY',
        kind: 'EARNING',
        description: `Back pay ${described[i]}`,
        base: p.dueForDays,
        amount: p.amount,
      }),
    );
  });
  const explain = () => {
    const explanation = described.map((d) => `Back pay ${d}.`);
    if (!ofPaidOutYears.isZero()) {
      explanation.push(
        `Holiday allowance over back pay of accrual years already paid out: ${formatPercent(r.holidayAllowancePercent)} % of ` +
          `${formatEuro(ofPaidOutYears)} = ${formatEuro(holidayAllowance)}, paid now (half up to cents).`,
      );
    }
    if (!toReserveOn.isZero()) {
      explanation.push(
        `Holiday allowance over back pay of the current accrual year is reserved with this month's: on ${formatEuro(wage.gross)} + ${formatEuro(toReserveOn)}.`,
      );
    }
    return explanation;
  };
  if (!holidayAllowance.isZero()) {
    lines.push(
      payslipLine({
        code: 'HOLIDAY_ALLOWANCE_BACK_PAY',
        kind: 'EARNING',
        description: 'Holiday allowance over back pay of accrual years already paid out',
        base: formatAmount(ofPaidOutYears),
        rate: formatPercent(r.holidayAllowancePercent),
        rateUnit: 'PERCENT',
        amount: formatAmount(holidayAllowance),
      }),
    );
  }
  return { periods, total, ofPaidOutYears, toReserveOn, holidayAllowance, explain, warnings: NONE, lines };
}
