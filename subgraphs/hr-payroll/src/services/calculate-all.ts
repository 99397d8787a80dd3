import { isDomainError } from '@samen-sterk/subgraph-runtime/pure';
import { calculatePayslipFigures } from '../domain/payroll/calculate';
import type { PayrollInput } from '../domain/payroll/types';
import type { StoredCalculation } from './explanation';
import { copyWriter, insertWriter, payslipIds } from './payslip-rows';

/**
 * A page of a run's payslips calculated and written for storage, with nothing of the database or
 * the network: it runs in a worker thread (calculation-threads.ts) or in this one. What comes
 * back is small: the rows as blocks of COPY bytes or INSERT strings, and of each calculation only what the
 * run still needs (back pay paid, LKV), not the calculated payslips themselves (10,000 of them
 * serialise to 44 MB: copying them between threads cost as much as calculating them).
 */

export interface PageToCalculate {
  runId: string;
  memberId: string;
  /** COPY's text format (PostgreSQL) or a JSON document a row (the INSERT). */
  storage: 'copy' | 'insert';
  employments: { id: string; employeeId: string; startDate: Date }[];
  /** The employments' inputs, in the same order. */
  inputs: PayrollInput[];
}

/** What a run needs of a calculated payslip once it is stored: the back pay it pays, its LKV. */
export type CalculationKept = Pick<StoredCalculation, 'backPay' | 'lkv' | 'lkvForgone'>;

export type CalculationOutcome =
  { calculation: CalculationKept } | { error: { field: string | null; message: string } };

export interface CalculatedPage {
  /** Per employment, in order: what the run keeps, or why the rules refuse its input. */
  outcomes: CalculationOutcome[];
  /** The payslips' new ids, in order. */
  ids: string[];
  /** The rows, unless an employment was refused (then the run stores nothing). */
  rows: { copy: Uint8Array[] } | { insert: string[] } | null;
}

/**
 * Calculates a page's payslips, as they are stored (without the explanation, see
 * explanation.ts). An input the rules refuse (a DomainError) gives an error outcome for that
 * employment; anything else is a bug and throws.
 *
 * An employee with two employments in one month (a contract that ends and a new one that starts)
 * has them calculated one after the other, in order of start: the later one carries on from the
 * earlier one's year to date and holiday allowance reserved, as one employee at one employer.
 * (A page holds all of an employee's employments.)
 *
 * With `consume` (a worker thread, whose page is its own copy), each input is let go of once its
 * payslip is written: a page arrives as 2,000 inputs at once, and those still waiting were copied
 * by every collection of the thread's young generation.
 */
export function calculatePayslipPage(page: PageToCalculate, { consume = false } = {}): CalculatedPage {
  const { employments, inputs } = page;
  // With `consume`, the page's slots are emptied as their payslips are written.
  const slots: (PayrollInput | undefined)[] = inputs;
  const byEmployee = new Map<string, number[]>();
  employments.forEach((e, i) => byEmployee.set(e.employeeId, [...(byEmployee.get(e.employeeId) ?? []), i]));
  const ids = payslipIds(inputs.length);
  // Each payslip written as a row once calculated, in the order calculated (ids are the page's order).
  const writer =
    page.storage === 'copy' ? copyWriter(page.runId, page.memberId) : insertWriter(page.runId, page.memberId);
  let refused = false;
  const outcomes: CalculationOutcome[] = new Array(inputs.length);
  for (const chain of byEmployee.values()) {
    chain.sort((a, b) => employments[a]!.startDate.getTime() - employments[b]!.startDate.getTime());
    let earlier: StoredCalculation | null = null;
    for (const i of chain) {
      const input = inputs[i]!;
      if (consume) slots[i] = undefined;
      if (earlier) {
        input.yearToDate = earlier.yearToDateAfter;
        input.holidayAllowanceAccrual = earlier.holidayAllowance.accrualAfter;
      }
      try {
        // As stored: without the explanation, which is never made (explanation.ts).
        const calculation: StoredCalculation = calculatePayslipFigures(input);
        outcomes[i] = {
          calculation: { backPay: calculation.backPay, lkv: calculation.lkv, lkvForgone: calculation.lkvForgone },
        };
        // Once one is refused, the page stores nothing: no more rows to write.
        if (!refused) {
          writer.add(
            { employeeId: employments[i]!.employeeId, employmentId: employments[i]!.id, input, calculation },
            ids[i]!,
          );
        }
        earlier = calculation;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        outcomes[i] = { error: { field: error.field, message: error.message } };
        refused = true;
        earlier = null;
      }
    }
  }
  return { outcomes, ids, rows: refused ? null : writer.rows() };
}
