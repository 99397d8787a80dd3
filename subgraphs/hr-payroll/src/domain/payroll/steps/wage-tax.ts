import { formatAmount, formatEuro, formatPercent, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { ReadInput } from '../input';
import { holidayAllowanceTax, monthlyWageTax } from '../tax';
import type { MonthSlice } from '../proration';
import type { PayrollLine } from '../types';
import { NONE, payslipLine, type Step } from './step';

export interface TaxableWageStep extends Step {
  /** The month's wage, less the employee's pension: the monthly table's. */
  regular: Exact;
  /** Special payments: holiday allowance paid, and back pay (with its holiday allowance, less its pension). */
  special: Exact;
  total: Exact;
  /** What the special payments are, in words ("the holiday allowance paid", "the back pay", or both). */
  specialWhat: string;
}

/** 5a. The taxable wage (loon voor de loonbelasting): regular and special payments. */
export function taxableWage(amounts: {
  gross: Exact;
  pensionEmployee: Exact;
  holidayAllowancePaid: Exact;
  backPayTotal: Exact;
  holidayAllowanceOnBackPay: Exact;
  pensionOnBackPay: Exact;
}): TaxableWageStep {
  const { gross, pensionEmployee, holidayAllowancePaid, backPayTotal } = amounts;
  const regular = gross.minus(pensionEmployee);
  const special = holidayAllowancePaid
    .plus(backPayTotal)
    .plus(amounts.holidayAllowanceOnBackPay)
    .minus(amounts.pensionOnBackPay);
  const total = regular.plus(special);
  const specialWhat = backPayTotal.isZero()
    ? 'the holiday allowance paid'
    : holidayAllowancePaid.isZero()
      ? 'the back pay'
      : 'the holiday allowance paid and the back pay';
  const explain = () => [
    `Taxable wage: ${formatEuro(gross)} − pension ${formatEuro(pensionEmployee)} = ${formatEuro(regular)}` +
      (special.isZero() ? '.' : `, plus ${specialWhat} ${formatEuro(special)} = ${formatEuro(total)}.`),
  ];
  const line = payslipLine({
    code: 'TAXABLE_WAGE',
    kind: 'INFORMATION',
    description: 'Taxable wage (regular and special)',
    amount: formatAmount(total),
  });
  return { regular, special, total, specialWhat, explain, warnings: NONE, lines: [line] };
}

export interface WageTaxStep extends Step {
  monthly: Exact;
  special: Exact;
  total: Exact;
  /** The special-payments percentage used, when there were special payments. */
  specialRatePercent: Exact | null;
}

/**
 * 5b. Wage tax: the monthly table on the regular wage (the week and day tables in a broken period),
 * the special-payments table on the special payments.
 */
export function wageTaxOfMonth(
  r: ReadInput,
  withTaxCredit: boolean,
  slice: MonthSlice,
  taxable: TaxableWageStep,
): WageTaxStep {
  const monthlyTax = monthlyWageTax({
    year: r.year,
    taxableWage: taxable.regular,
    withTaxCredit,
    brokenPeriod: slice.partial ? { from: slice.from, to: slice.to } : null,
  });
  const tables = monthlyTax.tables;
  const specialTax = holidayAllowanceTax({
    year: r.year,
    amount: taxable.special,
    withTaxCredit,
    previousYearAnnualWage: r.previousYearAnnualWage,
    basis: r.previousYearAnnualWageBasis,
    what: taxable.specialWhat,
  });
  const lines: PayrollLine[] = [
    payslipLine({
      code: 'WAGE_TAX',
      kind: 'DEDUCTION',
      description:
        tables.kind === 'MONTH'
          ? `Wage tax, white monthly table ${withTaxCredit ? 'with' : 'without'} tax credit`
          : `Wage tax, broken period: white week and day tables ${withTaxCredit ? 'with' : 'without'} tax credit ` +
            `(${tables.fullWeeks} × week, ${tables.restDays} × day)`,
      base: formatAmount(taxable.regular),
      rateUnit: 'TABLE',
      amount: formatAmount(monthlyTax.tax),
    }),
  ];
  if (!taxable.special.isZero()) {
    lines.push(
      payslipLine({
        code: 'WAGE_TAX_SPECIAL',
        kind: 'DEDUCTION',
        description: `Wage tax on ${taxable.specialWhat.replace(' paid', '')}, special-payments table`,
        base: formatAmount(taxable.special),
        rate: specialTax.ratePercent === null ? null : formatPercent(specialTax.ratePercent),
        rateUnit: 'PERCENT',
        amount: formatAmount(specialTax.tax),
      }),
    );
  }
  const explain = () => [...monthlyTax.explain(), ...specialTax.explain()];
  return {
    monthly: monthlyTax.tax,
    special: specialTax.tax,
    total: monthlyTax.tax.plus(specialTax.tax),
    specialRatePercent: specialTax.ratePercent,
    explain,
    warnings: monthlyTax.warnings,
    lines,
  };
}
