import { calculatePayroll } from '../domain/payroll/calculate';
import type { PayrollCalculation, PayrollInput } from '../domain/payroll/types';

/**
 * A payslip's calculation as stored: everything but the explanation. The ~40 sentences of
 * reasons are a third of the JSON (most of a whole sector's run was spent writing them); the
 * calculation is pure and deterministic and its inputs are frozen with the payslip, so the
 * reasons are produced again when someone reads them. Payslips stored before keep theirs. (A run
 * calculates with `calculatePayslipFigures`, which never makes them.)
 */
export type StoredCalculation = Omit<PayrollCalculation, 'explanation'> & { explanation?: string[] };

/** What the reasons explain: the payslip's lines and totals. */
const figures = (c: Pick<PayrollCalculation, 'lines' | 'netPay' | 'employerCostsTotal'>) =>
  `${c.lines.map((l) => `${l.code}:${l.base}:${l.rate}:${l.amount}`).join('|')}|${c.netPay}|${c.employerCostsTotal}`;

/** Stored JSON has dates as ISO strings; the calculation takes calendar dates (00:00 UTC). */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/;
function revived(value: unknown): unknown {
  if (typeof value === 'string') return CALENDAR_DATE.test(value) ? new Date(value) : value;
  if (Array.isArray(value)) return value.map(revived);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, revived(v)]));
  }
  return value;
}

/**
 * The explanation of a stored payslip: its own (stored before explanations were left out), or
 * recalculated from its frozen inputs. Should the rules have changed since so that the same
 * inputs give other figures, the reasons say so first: the stored figures are the payslip.
 */
export function explanationOf(payslip: { inputs: unknown; calculation: unknown }): string[] {
  const stored = payslip.calculation as StoredCalculation;
  if (stored.explanation) return stored.explanation;
  let again: PayrollCalculation;
  try {
    again = calculatePayroll(revived(payslip.inputs) as PayrollInput);
  } catch (error) {
    return [`The explanation cannot be recalculated from the frozen inputs: ${(error as Error).message}`];
  }
  if (figures(again) === figures(stored)) return again.explanation;
  return [
    "Recalculated with today's rules, these frozen inputs give other figures than this payslip " +
      `(net pay €${again.netPay}, not €${stored.netPay}): the payslip's own figures stand; the reasons below are today's.`,
    ...again.explanation,
  ];
}
