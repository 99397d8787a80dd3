import { formatAmount, formatEuro, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { lkvExpected, type LkvResult } from '../lkv';
import type { LkvKind, PayrollYearParameters } from '../parameters';
import type { MonthSlice } from '../proration';
import type { LkvApplicationStatus } from '../types';
import { NONE, payslipLine, SILENT, type Step } from './step';

export interface LkvStep extends Step {
  /** Null without an LKV, on a former employee's payslip (back pay only), and when it was lost. */
  lkv: Omit<LkvResult, 'explain' | 'warnings'> | null;
  /** What a lost LKV (statement not applied for in time) would have brought this month, else null. */
  forgone: Exact | null;
}

const NO_LKV: LkvStep = { lkv: null, forgone: null, explain: SILENT, warnings: NONE, lines: NONE };

/** 8. The wage-cost benefit (LKV) expected for the month: information, paid to the employer next year. */
export function lkvOfMonth(input: {
  parameters: PayrollYearParameters;
  kind: LkvKind | null;
  backPayOnly: boolean;
  hoursPerWeek: Exact;
  slice: MonthSlice;
  startDate: Date;
  claimedBefore: Exact;
  application?: { status: LkvApplicationStatus; deadline: string };
}): LkvStep {
  if (input.kind === null || input.backPayOnly) return NO_LKV;
  const {
    explain: explainExpected,
    warnings,
    ...lkv
  } = lkvExpected({
    parameters: input.parameters,
    kind: input.kind,
    hoursPerWeek: input.hoursPerWeek,
    slice: input.slice,
    startDate: input.startDate,
    claimedBefore: input.claimedBefore,
  });
  const deadline = input.application?.deadline;
  // No statement applied for by the deadline: the benefit is lost (../../employment.ts).
  if (input.application?.status === 'MISSED') {
    return {
      ...NO_LKV,
      forgone: lkv.expected,
      explain: () => [
        `No LKV: the target-group statement (doelgroepverklaring) was not applied for by ${deadline}, three months after the start, so the benefit is lost; ${formatEuro(lkv.expected)} forgone this month.`,
      ],
      warnings,
    };
  }
  const notYetApplied = input.application !== undefined && input.application.status !== 'REQUESTED';
  const explain = () => [
    ...explainExpected(),
    ...(notYetApplied
      ? [
          `Expected only if the target-group statement is applied for by ${deadline}; it has not been recorded as applied for yet.`,
        ]
      : []),
  ];
  const line = payslipLine({
    code: 'LKV_EXPECTED',
    kind: 'INFORMATION',
    description: 'Wage-cost benefit (LKV) expected, paid to the employer next year',
    base: lkv.hours.toFixed(0),
    rate: formatAmount(lkv.perHour),
    rateUnit: 'EUR_PER_HOUR',
    amount: formatAmount(lkv.expected),
  });
  return { lkv, forgone: null, explain, warnings, lines: [line] };
}
