import { formatAmount, formatEuro, formatPercent, ZERO, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { ReadInput } from '../input';
import { pensionPremium } from '../premiums';
import type { PayrollLine } from '../types';
import { NONE, payslipLine, type Step } from './step';

export interface PensionStep extends Step {
  employee: Exact;
  employer: Exact;
  /** The premiums on the back pay: separate lines, rounded on their own. */
  backPayEmployee: Exact;
  backPayEmployer: Exact;
}

/**
 * 4. Pension on the gross wage (no franchise): the employee's part is withheld before wage tax.
 * Back pay is pensionable wage too; its premiums are separate lines, rounded on their own.
 */
export function pension(r: ReadInput, gross: Exact, backPayTotal: Exact): PensionStep {
  const employee = pensionPremium(gross, r.pensionEmployeePercent);
  const employer = pensionPremium(gross, r.pensionEmployerPercent);
  const onWage = () =>
    `Pension on the gross wage (no franchise): employee ${formatPercent(r.pensionEmployeePercent)} % = ${formatEuro(employee)}, ` +
    `employer ${formatPercent(r.pensionEmployerPercent)} % = ${formatEuro(employer)} (each half up to cents).`;
  const lines: PayrollLine[] = [
    payslipLine({
      code: 'PENSION_EMPLOYEE',
      kind: 'DEDUCTION',
      description: 'Pension premium, employee',
      base: formatAmount(gross),
      rate: formatPercent(r.pensionEmployeePercent),
      rateUnit: 'PERCENT',
      amount: formatAmount(employee),
    }),
    payslipLine({
      code: 'PENSION_EMPLOYER',
      kind: 'EMPLOYER_COST',
      description: 'Pension premium, employer',
      base: formatAmount(gross),
      rate: formatPercent(r.pensionEmployerPercent),
      rateUnit: 'PERCENT',
      amount: formatAmount(employer),
    }),
  ];
  if (backPayTotal.isZero()) {
    return {
      employee,
      employer,
      backPayEmployee: ZERO,
      backPayEmployer: ZERO,
      explain: () => [onWage()],
      warnings: NONE,
      lines,
    };
  }

  const backPayEmployee = pensionPremium(backPayTotal, r.pensionEmployeePercent);
  const backPayEmployer = pensionPremium(backPayTotal, r.pensionEmployerPercent);
  const explain = () => [
    onWage(),
    `Pension on the back pay ${formatEuro(backPayTotal)}: employee ${formatEuro(backPayEmployee)}, employer ${formatEuro(backPayEmployer)} (each half up to cents).`,
  ];
  lines.push(
    payslipLine({
      code: 'PENSION_EMPLOYEE_BACK_PAY',
      kind: 'DEDUCTION',
      description: 'Pension premium on the back pay, employee',
      base: formatAmount(backPayTotal),
      rate: formatPercent(r.pensionEmployeePercent),
      rateUnit: 'PERCENT',
      amount: formatAmount(backPayEmployee),
    }),
    payslipLine({
      code: 'PENSION_EMPLOYER_BACK_PAY',
      kind: 'EMPLOYER_COST',
      description: 'Pension premium on the back pay, employer',
      base: formatAmount(backPayTotal),
      rate: formatPercent(r.pensionEmployerPercent),
      rateUnit: 'PERCENT',
      amount: formatAmount(backPayEmployer),
    }),
  );
  return { employee, employer, backPayEmployee, backPayEmployer, explain, warnings: NONE, lines };
}
