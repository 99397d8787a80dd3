import type { PayrollLine, PayrollLineCode } from '../types';

/**
 * What every step of the monthly calculation gives besides its amounts: its sentences for people
 * (in the order it reasons), what to check before approving, and its lines on the payslip.
 * `calculatePayroll` joins the explanations and warnings in the order of the steps, and the lines
 * in the payslip's own order (`payslipLines`).
 *
 * The sentences are made only when asked (`explain`): a run stores its payslips without them
 * (services/explanation.ts), and writing ~40 sentences of formatted amounts a payslip was a fifth
 * of a run's calculation. A step's amounts never change once it returns, so asking later gives
 * the same sentences as asking at once.
 */
export interface Step {
  readonly explain: () => readonly string[];
  readonly warnings: readonly string[];
  readonly lines: readonly PayrollLine[];
}

/** One empty list for every step without warnings or lines (nothing is ever added to it). */
export const NONE: readonly never[] = Object.freeze([]);

/** What a step without sentences says. */
export const SILENT = (): readonly string[] => NONE;

/** A payslip line; base, rate and its unit are null unless given. */
export const payslipLine = (
  l: Omit<PayrollLine, 'base' | 'rate' | 'rateUnit'> & Partial<PayrollLine>,
): PayrollLine => ({
  code: l.code,
  kind: l.kind,
  description: l.description,
  base: l.base ?? null,
  rate: l.rate ?? null,
  rateUnit: l.rateUnit ?? null,
  amount: l.amount,
});

/**
 * The payslip's order of lines: earnings, deductions, net pay, information, employer costs, LKV.
 * Every code has its place (the type makes sure); lines of one code (BACK_PAY) keep their order.
 */
const LINE_ORDER: Readonly<Record<PayrollLineCode, number>> = {
  GROSS_WAGE: 0,
  BACK_PAY: 1,
  HOLIDAY_ALLOWANCE_BACK_PAY: 2,
  HOLIDAY_ALLOWANCE_PAID: 3,
  PENSION_EMPLOYEE: 4,
  PENSION_EMPLOYEE_BACK_PAY: 5,
  WAGE_TAX: 6,
  WAGE_TAX_SPECIAL: 7,
  NET_PAY: 8,
  TAXABLE_WAGE: 9,
  HOLIDAY_ALLOWANCE_RESERVED: 10,
  PREMIUM_WAGE: 11,
  AWF: 12,
  AOF: 13,
  WKO: 14,
  WHK: 15,
  ZVW: 16,
  PENSION_EMPLOYER: 17,
  PENSION_EMPLOYER_BACK_PAY: 18,
  LKV_EXPECTED: 19,
};

/** The steps' explanations, warnings and lines joined: sentences in step order (when asked), lines in the payslip's. */
export function joinSteps(steps: readonly Step[]): {
  explain: () => string[];
  warnings: string[];
  lines: PayrollLine[];
} {
  const warnings: string[] = [];
  const lines: PayrollLine[] = [];
  for (const step of steps) {
    for (const warning of step.warnings) warnings.push(warning);
    for (const line of step.lines) lines.push(line);
  }
  // A stable sort: lines of the same code stay in the order their step gave them.
  lines.sort((a, b) => LINE_ORDER[a.code] - LINE_ORDER[b.code]);
  return { explain: () => steps.flatMap((step) => step.explain()), warnings, lines };
}
