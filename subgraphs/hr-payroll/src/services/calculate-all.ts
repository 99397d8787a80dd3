import { isDomainError } from '@samen-sterk/subgraph-runtime';
import { calculatePayroll } from '../domain/payroll/calculate';
import type { PayrollInput } from '../domain/payroll/types';
import { forStorage, type StoredCalculation } from './explanation';
import { timedPhase } from './phases';

export type CalculationOutcome =
  { calculation: StoredCalculation } | { error: { field: string | null; message: string } };

/**
 * Calculates a run's payslips, as they are stored (without the explanation, see explanation.ts).
 * An input the calculation refuses (a DomainError of the payroll rules) gives an error outcome
 * for that payslip; anything else is a bug and throws.
 *
 * In this thread, on purpose: worker threads were measured and lost. A calculated payslip is a
 * large object graph (10,000 of them serialise to 44 MB), and copying the outcomes back to this
 * thread cost as much as calculating them here.
 */
export async function calculateAll(inputs: PayrollInput[]): Promise<CalculationOutcome[]> {
  return timedPhase('calculation', inputs.length, async () =>
    inputs.map((input) => {
      try {
        return { calculation: forStorage(calculatePayroll(input)) };
      } catch (error) {
        if (isDomainError(error)) return { error: { field: error.field, message: error.message } };
        throw error;
      }
    }),
  );
}
