import { formatAmount, formatPercent, ZERO } from '@samen-sterk/subgraph-runtime/pure';
import { checkHolidayAllowancePercent } from './holiday-allowance';
import { readInput } from './input';
import { formatDate } from './proration';
import { backPay } from './steps/back-pay';
import { complianceOfMonth } from './steps/compliance';
import { employerCosts, premiumsOfMonth } from './steps/employer-costs';
import { holidayAllowanceOfMonth } from './steps/holiday-allowance';
import { lkvOfMonth } from './steps/lkv';
import { netPay } from './steps/net-pay';
import { openingBalanceOfMonth } from './steps/opening-balance';
import { pension } from './steps/pension';
import { joinSteps } from './steps/step';
import { wageAndHours } from './steps/wage';
import { taxableWage, wageTaxOfMonth } from './steps/wage-tax';
import { yearToDateAfter } from './steps/year-to-date';
import type { AccruedHolidayAllowance } from './holiday-allowance';
import type { HolidayAllowanceAccrual, PayrollCalculation, PayrollInput } from './types';

/** The holiday allowance still reserved, as the next month reads it (its opening balance kept until paid). */
const accrualForStorage = (a: AccruedHolidayAllowance): HolidayAllowanceAccrual => ({
  reserved: formatAmount(a.reserved),
  base: formatAmount(a.base),
  ...(a.opening
    ? {
        opening: {
          reserved: formatAmount(a.opening.reserved),
          base: a.opening.base === null ? null : formatAmount(a.opening.base),
          asOf: a.opening.asOf,
        },
      }
    : {}),
});

/** A payslip's calculation without its explanation: what a run stores (services/explanation.ts). */
export type PayslipFigures = Omit<PayrollCalculation, 'explanation'>;

/**
 * Payroll for ONE employment in ONE calendar month (Dutch payroll, employee below state-pension
 * age): pure and exact. Inputs in, a fully explained payslip calculation out; no database, no
 * network. The rules, their sources and the assumptions are in README.md in this folder.
 *
 * The calculation is the list of its steps (in `steps/`), each a pure function of what it needs
 * that gives its amounts, its explanation and its payslip lines; the explanation reads in the
 * order of the steps, the payslip in its own order of lines.
 */
export function calculatePayroll(input: PayrollInput): PayrollCalculation {
  const { figures, explain } = calculate(input);
  return { ...figures, explanation: explain() };
}

/**
 * The same calculation without its ~40 sentences of explanation, which are never made: what a
 * run stores. Every figure equals `calculatePayroll`'s (a test compares them).
 */
export function calculatePayslipFigures(input: PayrollInput): PayslipFigures {
  return calculate(input).figures;
}

function calculate(input: PayrollInput): { figures: PayslipFigures; explain: () => string[] } {
  const r = readInput(input);
  // Refuse a holiday allowance below the statutory 8 % before anything else.
  checkHolidayAllowancePercent(r.holidayAllowancePercent);
  const { employment } = input;

  const wage = wageAndHours(input, r);
  const { gross, slice } = wage;
  const back = backPay(input.backPay ?? [], r, wage);
  const holiday = holidayAllowanceOfMonth(r, wage, back);
  const pensions = pension(r, gross, back.total);
  const taxable = taxableWage({
    gross,
    pensionEmployee: pensions.employee,
    holidayAllowancePaid: holiday.paid,
    backPayTotal: back.total,
    holidayAllowanceOnBackPay: back.holidayAllowance,
    pensionOnBackPay: pensions.backPayEmployee,
  });
  const tax = wageTaxOfMonth(r, employment.applyTaxCredit, slice, taxable);
  const net = netPay({
    gross,
    extraPaid: holiday.paid.plus(back.total).plus(back.holidayAllowance),
    pensionEmployee: pensions.employee.plus(pensions.backPayEmployee),
    monthlyTax: tax.monthly,
    specialTax: tax.special,
  });
  const premiums = premiumsOfMonth({
    parameters: r.parameters,
    premiumWage: taxable.total,
    premiumWageBefore: r.yearToDate.premiumWage,
    contractType: employment.contractType,
    writtenContract: employment.writtenContract,
    smallEmployer: input.settings.smallEmployer,
    whkPercent: r.whkPercent,
  });
  const costs = employerCosts({
    gross,
    backPayPaid: back.total.plus(back.holidayAllowance),
    holidayAllowanceReserved: holiday.reserved,
    premiums: premiums.total,
    pensionEmployer: pensions.employer.plus(pensions.backPayEmployer),
  });
  const lkvStep = lkvOfMonth({
    parameters: r.parameters,
    kind: employment.lkv,
    backPayOnly: wage.backPayOnly,
    hoursPerWeek: r.hoursPerWeek,
    slice,
    startDate: r.startDate,
    claimedBefore: r.yearToDate.lkvClaimed,
    application: employment.lkvApplication,
  });
  const { lkv } = lkvStep;
  const compliance = complianceOfMonth(r, wage);
  const { explain, warnings, lines } = joinSteps([
    openingBalanceOfMonth(input.openingBalanceAsOf, r.year, r.month),
    wage,
    back,
    holiday,
    pensions,
    taxable,
    tax,
    net,
    premiums,
    costs,
    lkvStep,
    compliance,
  ]);

  const figures: PayslipFigures = {
    period: {
      year: r.year,
      month: r.month,
      firstDay: formatDate(slice.firstDay),
      lastDay: formatDate(slice.lastDay),
      daysInMonth: slice.daysInMonth,
      daysEmployed: slice.daysEmployed,
      partial: slice.partial,
    },
    cao: { versionId: input.caoWage.caoVersionId, versionName: input.caoWage.caoVersionName },
    lines,
    grossWage: formatAmount(gross),
    paidHours: wage.paidHours.toFixed(0),
    taxableWage: {
      regular: formatAmount(taxable.regular),
      special: formatAmount(taxable.special),
      total: formatAmount(taxable.total),
    },
    wageTax: {
      monthly: formatAmount(tax.monthly),
      special: formatAmount(tax.special),
      total: formatAmount(tax.total),
      withTaxCredit: employment.applyTaxCredit,
      specialRatePercent: tax.specialRatePercent === null ? null : formatPercent(tax.specialRatePercent),
    },
    pension: {
      base: formatAmount(gross),
      employeePercent: formatPercent(r.pensionEmployeePercent),
      employee: formatAmount(pensions.employee),
      employerPercent: formatPercent(r.pensionEmployerPercent),
      employer: formatAmount(pensions.employer),
    },
    holidayAllowance: {
      percent: formatPercent(r.holidayAllowancePercent),
      reserved: formatAmount(holiday.reserved),
      paid: formatAmount(holiday.paid),
      payoutReason: holiday.payoutReason,
      accrualAfter: accrualForStorage(holiday.accrualAfter),
    },
    premiumWage: {
      thisMonth: formatAmount(premiums.cap.thisMonth),
      charged: formatAmount(premiums.cap.charged),
      maxPerYear: formatAmount(premiums.cap.maxPerYear),
      remainingBefore: formatAmount(premiums.cap.remainingBefore),
    },
    awfClass: premiums.awfClass,
    employerPremiums: premiums.premiums.map((p) => ({
      code: p.code,
      base: formatAmount(p.base),
      ratePercent: formatPercent(p.ratePercent),
      amount: formatAmount(p.amount),
      source: p.source,
    })),
    employerCostsTotal: formatAmount(costs.employerCosts),
    totalCostOfEmployment: formatAmount(costs.totalCost),
    netPay: formatAmount(net.net),
    lkv: lkv && {
      kind: lkv.kind,
      hours: lkv.hours.toFixed(0),
      eligibleDays: lkv.eligibleDays,
      perHour: formatAmount(lkv.perHour),
      uncapped: formatAmount(lkv.uncapped),
      maxPerYear: formatAmount(lkv.maxPerYear),
      claimedBefore: formatAmount(lkv.claimedBefore),
      expected: formatAmount(lkv.expected),
    },
    lkvForgone: lkvStep.forgone && formatAmount(lkvStep.forgone),
    backPay: back.periods.length
      ? {
          total: formatAmount(back.total),
          holidayAllowancePaid: formatAmount(back.holidayAllowance),
          holidayAllowanceReservedOn: formatAmount(back.toReserveOn),
          pensionEmployee: formatAmount(pensions.backPayEmployee),
          pensionEmployer: formatAmount(pensions.backPayEmployer),
          periods: back.periods,
        }
      : null,
    compliance: compliance.checks,
    compliant: compliance.compliant,
    warnings,
    yearToDateAfter: yearToDateAfter(r.yearToDate, {
      gross,
      backPay: back.total,
      holidayAllowancePaid: holiday.paid,
      holidayAllowanceOnBackPay: back.holidayAllowance,
      pensionEmployee: pensions.employee,
      pensionEmployeeOnBackPay: pensions.backPayEmployee,
      pensionEmployer: pensions.employer,
      pensionEmployerOnBackPay: pensions.backPayEmployer,
      taxableWage: taxable.total,
      wageTax: tax.total,
      premiumWage: premiums.cap.thisMonth,
      employerPremiums: premiums.total,
      netPay: net.net,
      lkvExpected: lkv ? lkv.expected : ZERO,
    }),
  };
  return { figures, explain };
}
