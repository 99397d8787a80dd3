import { formatAmount, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { lkvExpected, type LkvResult } from '../lkv';
import type { LkvKind, PayrollYearParameters } from '../parameters';
import type { MonthSlice } from '../proration';
import { NONE, payslipLine, type Step } from './step';

export interface LkvStep extends Step {
  /** Null without an LKV, and on a former employee's payslip (back pay only). */
  lkv: Omit<LkvResult, 'explanation' | 'warnings'> | null;
}

const NO_LKV: LkvStep = { lkv: null, explanation: NONE, warnings: NONE, lines: NONE };

/** 8. The wage-cost benefit (LKV) expected for the month: information, paid to the employer next year. */
export function lkvOfMonth(input: {
  parameters: PayrollYearParameters;
  kind: LkvKind | null;
  backPayOnly: boolean;
  hoursPerWeek: Exact;
  slice: MonthSlice;
  startDate: Date;
  claimedBefore: Exact;
}): LkvStep {
  if (input.kind === null || input.backPayOnly) return NO_LKV;
  const { explanation, warnings, ...lkv } = lkvExpected({
    parameters: input.parameters,
    kind: input.kind,
    hoursPerWeek: input.hoursPerWeek,
    slice: input.slice,
    startDate: input.startDate,
    claimedBefore: input.claimedBefore,
  });
  const line = payslipLine({
    code: 'LKV_EXPECTED',
    kind: 'INFORMATION',
    description: 'Wage-cost benefit (LKV) expected, paid to the employer next year',
    base: lkv.hours.toFixed(0),
    rate: formatAmount(lkv.perHour),
    rateUnit: 'EUR_PER_HOUR',
    amount: formatAmount(lkv.expected),
  });
  return { lkv, explanation, warnings, lines: [line] };
}
