import {
  exact,
  formatAmount,
  formatEuro,
  formatPercent,
  roundDown,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import type { PayrollYearParameters } from '../parameters';
import {
  awfClass,
  capPremiumWage,
  employerPremiums,
  type AwfClass,
  type PremiumLine,
  type PremiumWageCap,
} from '../premiums';
import type { ContractType, PayrollLine } from '../types';
import { NONE, payslipLine, type Step } from './step';

/**
 * Rounding: the period maximum is the annual one / 12 DOWN to cents, as the Belastingdienst prints
 * it. (The amount is positive: down towards zero and towards minus infinity are the same.)
 */
const periodMaximumPremiumWage = (maxPerYear: Exact): Exact => roundDown(maxPerYear.div(12), 2);

export interface PremiumsStep extends Step {
  cap: PremiumWageCap;
  awfClass: AwfClass;
  premiums: PremiumLine[];
  /** The employer premiums together (without pension). */
  total: Exact;
}

/** 7. Employer premiums on the premium wage, capped at the annual maximum cumulatively. */
export function premiumsOfMonth(input: {
  parameters: PayrollYearParameters;
  /** The premium wage of the month: the taxable wage, regular and special. */
  premiumWage: Exact;
  premiumWageBefore: Exact;
  contractType: ContractType;
  writtenContract: boolean;
  smallEmployer: boolean;
  whkPercent: Exact | null;
}): PremiumsStep {
  const maxPerYear = exact(input.parameters.maxPremiumWageYear.value);
  const cap = capPremiumWage(input.premiumWage, input.premiumWageBefore, maxPerYear);
  const premiumWageSentence = () =>
    cap.charged.equals(cap.thisMonth)
      ? `Premium wage ${formatEuro(cap.thisMonth)}: all of it is charged (${formatEuro(cap.remainingBefore)} of the ${formatEuro(maxPerYear)} annual maximum was left).`
      : `Premium wage ${formatEuro(cap.thisMonth)}, but only ${formatEuro(cap.remainingBefore)} of the ${formatEuro(maxPerYear)} annual maximum was left ` +
        `after ${formatEuro(input.premiumWageBefore)} earlier this year: premiums are charged on ${formatEuro(cap.charged)}.`;
  const warnings: string[] = [];
  const periodMaximum = periodMaximumPremiumWage(maxPerYear);
  if (cap.thisMonth.greaterThan(periodMaximum)) {
    warnings.push(
      `The premium wage ${formatEuro(cap.thisMonth)} is above the monthly maximum ${formatEuro(periodMaximum)} (annual / 12). The annual maximum is ` +
        'applied cumulatively here; the Handboek Loonheffingen caps each wage period (cumulative calculation allowed), so this ' +
        "month's premiums can differ from the official per-period figures (not the year's total for a full-year employee).",
    );
  }
  const awf = awfClass(input.contractType, input.writtenContract);
  const premiums = employerPremiums({
    parameters: input.parameters,
    base: cap.charged,
    awf: awf.awfClass,
    smallEmployer: input.smallEmployer,
    whkPercent: input.whkPercent,
  });
  for (const warning of premiums.warnings) warnings.push(warning);
  const explain = () => [
    premiumWageSentence(),
    `AWf ${awf.awfClass === 'LOW' ? 'low' : 'high'} rate: ${awf.reason}.`,
    ...premiums.explain(),
  ];

  const lines: PayrollLine[] = [
    payslipLine({
      code: 'PREMIUM_WAGE',
      kind: 'INFORMATION',
      description: 'Premium wage charged (up to the annual maximum)',
      base: formatAmount(cap.thisMonth),
      amount: formatAmount(cap.charged),
    }),
  ];
  for (const p of premiums.lines) {
    lines.push(
      payslipLine({
        code: p.code,
        kind: 'EMPLOYER_COST',
        description: p.description,
        base: formatAmount(p.base),
        rate: formatPercent(p.ratePercent),
        rateUnit: 'PERCENT',
        amount: formatAmount(p.amount),
      }),
    );
  }
  return {
    cap,
    awfClass: awf.awfClass,
    premiums: premiums.lines,
    total: premiums.total,
    explain,
    warnings: warnings.length ? warnings : NONE,
    lines,
  };
}

export interface EmployerCostsStep extends Step {
  /** Employer premiums plus employer pension. */
  employerCosts: Exact;
  /** The month's cost of employment: wage, back pay, holiday allowance reserved, employer costs. */
  totalCost: Exact;
}

/** 7b. The employer's costs of the month (information: nothing here is withheld from the employee). */
export function employerCosts(amounts: {
  gross: Exact;
  /** Back pay with the holiday allowance over it paid now. */
  backPayPaid: Exact;
  holidayAllowanceReserved: Exact;
  premiums: Exact;
  /** The employer's pension, on the wage and on the back pay. */
  pensionEmployer: Exact;
}): EmployerCostsStep {
  const { gross, backPayPaid, holidayAllowanceReserved, premiums, pensionEmployer } = amounts;
  const employerCosts = premiums.plus(pensionEmployer);
  const totalCost = gross.plus(backPayPaid).plus(holidayAllowanceReserved).plus(employerCosts);
  const explain = () => [
    `Employer costs: premiums ${formatEuro(premiums)} + employer pension ${formatEuro(pensionEmployer)} = ${formatEuro(employerCosts)}; ` +
      `cost of employment this month ${formatEuro(gross)}${backPayPaid.isZero() ? '' : ` + back pay ${formatEuro(backPayPaid)}`} + holiday allowance reserved ${formatEuro(holidayAllowanceReserved)} + ${formatEuro(employerCosts)} = ${formatEuro(totalCost)}.`,
  ];
  return { employerCosts, totalCost, explain, warnings: NONE, lines: NONE };
}
