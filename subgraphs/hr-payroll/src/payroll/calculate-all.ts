import { calculatePayroll } from '../domain/payroll/calculate';
import { PayrollInputError, type PayrollCalculation, type PayrollInput } from '../domain/payroll/types';

export type CalculationOutcome = { calculation: PayrollCalculation } | { error: { field: string; message: string } };

/**
 * Calculates a run's payslips. An input the calculation refuses (PayrollInputError) gives an
 * error outcome for that payslip; anything else is a bug and throws.
 */
export async function calculateAll(inputs: PayrollInput[]): Promise<CalculationOutcome[]> {
  return inputs.map((input) => {
    try {
      return { calculation: calculatePayroll(input) };
    } catch (error) {
      if (error instanceof PayrollInputError) return { error: { field: error.field, message: error.message } };
      throw error;
    }
  });
}
