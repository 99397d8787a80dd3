import Decimal from 'decimal.js';
import { caoWageCheck, holidayAllowanceCheck, minimumWageCheck } from './compliance';
import { backPayPeriods, describeBackPay } from './back-pay';
import { checkHolidayAllowancePercent, holidayAllowance } from './holiday-allowance';
import { readInput } from './input';
import { lkvExpected } from './lkv';
import { eur, Exact, money, pct, percentOf, roundCents, roundWhole, sum, ZERO } from './money';
import { WEEKS_PER_YEAR_FOR_PAID_HOURS } from './parameters';
import { awfClass, capPremiumWage, employerPremiums, pensionPremium } from './premiums';
import {
  formatDate,
  hoursInMonth,
  monthAfterEmployment,
  monthBounds,
  monthSlice,
  periodName,
  prorate,
} from './proration';
import { holidayAllowanceTax, monthlyWageTax } from './tax';
import type { PayrollCalculation, PayrollInput, PayrollLine, YearToDate } from './types';

/**
 * Payroll for ONE employment in ONE calendar month (Dutch payroll, employee below state-pension
 * age): pure and exact. Inputs in, a fully explained payslip calculation out; no database, no
 * network. The rules, their sources and the assumptions are in README.md in this folder.
 */
export function calculatePayroll(input: PayrollInput): PayrollCalculation {
  const r = readInput(input);
  // Refuse a holiday allowance below the statutory 8 % before anything else.
  checkHolidayAllowancePercent(r.holidayAllowancePercent);
  const { year, month, parameters } = r;
  const employment = input.employment;
  const explanation: string[] = [];
  const warnings: string[] = [];
  explanation.push(
    `Payroll ${periodName(year, month)}, ${input.caoWage.caoVersionName}: ${r.hoursPerWeek.toFixed()} hours a week, ` +
      `${employment.contractType.toLowerCase().replace('_', '-')} contract${employment.writtenContract ? ' in writing' : ' not in writing'}.`,
  );

  // 1–2. Pro rata by calendar days; gross wage. A former employee's payslip pays back pay only.
  const backPayOnly =
    r.endDate !== null && r.endDate < monthBounds(year, month).first && (input.backPay?.length ?? 0) > 0;
  const slice = backPayOnly
    ? monthAfterEmployment(year, month)
    : monthSlice(year, month, { startDate: r.startDate, endDate: r.endDate });
  const gross = prorate(r.monthly, slice.daysEmployed, slice.daysInMonth);
  explanation.push(
    backPayOnly
      ? `The employment ended on ${formatDate(r.endDate!)}: no wage this month, back pay only.`
      : slice.partial
        ? `Employed ${formatDate(slice.from)} – ${formatDate(slice.to)}: ${slice.daysEmployed} of ${slice.daysInMonth} calendar days. ` +
          `Gross wage ${eur(r.monthly)} × ${slice.daysEmployed}/${slice.daysInMonth} = ${eur(gross)} (half up to cents).`
        : `Employed the whole month. Gross wage = the CAO monthly wage ${eur(gross)}.`,
  );
  // Paid hours (the wage return's "verloonde uren"). Rounding: half up to whole hours.
  const paidHours = roundWhole(
    hoursInMonth(r.hoursPerWeek, WEEKS_PER_YEAR_FOR_PAID_HOURS, slice.daysEmployed, slice.daysInMonth),
  );

  // 2b. Back pay for earlier, settled months (a CAO or minimum wage published later with an
  // earlier effective date): a special payment this month; see back-pay.ts.
  const backPay = backPayPeriods(input.backPay ?? [], { year, month }, r.paymentMonth, backPayOnly);
  const backPayTotal = sum(backPay.map((p) => new Exact(p.amount)));
  const backPayOfPaidOutYears = sum(
    backPay.filter((p) => p.holidayAllowanceAlreadyPaidOut).map((p) => new Exact(p.amount)),
  );
  const backPayToReserveOn = backPayTotal.minus(backPayOfPaidOutYears);
  // Rounding: the holiday allowance over back pay of accrual years already paid out, half up to cents once.
  const holidayOnBackPay = roundCents(percentOf(backPayOfPaidOutYears, r.holidayAllowancePercent));
  for (const p of backPay) explanation.push(`Back pay ${describeBackPay(p)}.`);
  if (!backPayOfPaidOutYears.isZero()) {
    explanation.push(
      `Holiday allowance over back pay of accrual years already paid out: ${pct(r.holidayAllowancePercent)} % of ` +
        `${eur(backPayOfPaidOutYears)} = ${eur(holidayOnBackPay)}, paid now (half up to cents).`,
    );
  }
  if (!backPayToReserveOn.isZero()) {
    explanation.push(
      `Holiday allowance over back pay of the current accrual year is reserved with this month's: on ${eur(gross)} + ${eur(backPayToReserveOn)}.`,
    );
  }

  // 3. Holiday allowance.
  const holidayBase = gross.plus(backPayToReserveOn);
  const holiday = holidayAllowance({
    percent: r.holidayAllowancePercent,
    gross: holidayBase,
    month,
    paymentMonth: r.paymentMonth,
    endsInMonth: slice.endsInMonth,
    accruedBefore: r.accrual,
  });
  explanation.push(...holiday.explanation);
  warnings.push(...holiday.warnings);

  // 4. Pension on the gross wage (no franchise): the employee's part is withheld before wage tax.
  const pensionEmployee = pensionPremium(gross, r.pensionEmployeePercent);
  const pensionEmployer = pensionPremium(gross, r.pensionEmployerPercent);
  explanation.push(
    `Pension on the gross wage (no franchise): employee ${pct(r.pensionEmployeePercent)} % = ${eur(pensionEmployee)}, ` +
      `employer ${pct(r.pensionEmployerPercent)} % = ${eur(pensionEmployer)} (each half up to cents).`,
  );
  // Back pay is pensionable wage too; its premiums are separate lines, rounded on their own.
  const pensionBackPayEmployee = backPayTotal.isZero() ? ZERO : pensionPremium(backPayTotal, r.pensionEmployeePercent);
  const pensionBackPayEmployer = backPayTotal.isZero() ? ZERO : pensionPremium(backPayTotal, r.pensionEmployerPercent);
  if (!backPayTotal.isZero()) {
    explanation.push(
      `Pension on the back pay ${eur(backPayTotal)}: employee ${eur(pensionBackPayEmployee)}, employer ${eur(pensionBackPayEmployer)} (each half up to cents).`,
    );
  }

  // 5. Wage tax: monthly table on the regular wage, special-payments table on the holiday allowance paid.
  const taxableRegular = gross.minus(pensionEmployee);
  // Special payments: holiday allowance paid, and back pay (with its holiday allowance, less its pension).
  const taxableSpecial = holiday.paid.plus(backPayTotal).plus(holidayOnBackPay).minus(pensionBackPayEmployee);
  const taxableTotal = taxableRegular.plus(taxableSpecial);
  const specialWhat = backPayTotal.isZero()
    ? 'the holiday allowance paid'
    : holiday.paid.isZero()
      ? 'the back pay'
      : 'the holiday allowance paid and the back pay';
  explanation.push(
    `Taxable wage: ${eur(gross)} − pension ${eur(pensionEmployee)} = ${eur(taxableRegular)}` +
      (taxableSpecial.isZero() ? '.' : `, plus ${specialWhat} ${eur(taxableSpecial)} = ${eur(taxableTotal)}.`),
  );
  const monthlyTax = monthlyWageTax({
    year,
    taxableWage: taxableRegular,
    withTaxCredit: employment.applyTaxCredit,
    partial: slice.partial,
  });
  explanation.push(...monthlyTax.explanation);
  warnings.push(...monthlyTax.warnings);
  const specialTax = holidayAllowanceTax({
    year,
    amount: taxableSpecial,
    withTaxCredit: employment.applyTaxCredit,
    previousYearAnnualWage: r.previousYearAnnualWage,
    what: specialWhat,
  });
  explanation.push(...specialTax.explanation);
  const wageTaxTotal = monthlyTax.tax.plus(specialTax.tax);

  // 6. Net pay. No rounding: every term is in cents.
  const extraPaid = holiday.paid.plus(backPayTotal).plus(holidayOnBackPay);
  const net = gross.plus(extraPaid).minus(pensionEmployee).minus(pensionBackPayEmployee).minus(wageTaxTotal);
  explanation.push(
    `Net pay: ${eur(gross)}${extraPaid.isZero() ? '' : ` + ${eur(extraPaid)}`} − ${eur(pensionEmployee.plus(pensionBackPayEmployee))} − ${eur(monthlyTax.tax)}` +
      `${specialTax.tax.isZero() && extraPaid.isZero() ? '' : ` − ${eur(specialTax.tax)}`} = ${eur(net)}.`,
  );

  // 7. Employer costs on the premium wage, capped at the annual maximum cumulatively.
  const maxPerYear = new Exact(parameters.maxPremiumWageYear.value);
  const cap = capPremiumWage(taxableTotal, r.yearToDate.premiumWage, maxPerYear);
  explanation.push(
    cap.charged.equals(cap.thisMonth)
      ? `Premium wage ${eur(cap.thisMonth)}: all of it is charged (${eur(cap.remainingBefore)} of the ${eur(maxPerYear)} annual maximum was left).`
      : `Premium wage ${eur(cap.thisMonth)}, but only ${eur(cap.remainingBefore)} of the ${eur(maxPerYear)} annual maximum was left ` +
          `after ${eur(r.yearToDate.premiumWage)} earlier this year: premiums are charged on ${eur(cap.charged)}.`,
  );
  // Rounding: the period maximum is the annual one / 12 DOWN to cents, as the Belastingdienst prints it.
  const periodMaximum = maxPerYear.div(12).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  if (cap.thisMonth.greaterThan(periodMaximum)) {
    warnings.push(
      `The premium wage ${eur(cap.thisMonth)} is above the monthly maximum ${eur(periodMaximum)} (annual / 12). The annual maximum is ` +
        'applied cumulatively here; the Handboek Loonheffingen caps each wage period (cumulative calculation allowed), so this ' +
        "month's premiums can differ from the official per-period figures (not the year's total for a full-year employee).",
    );
  }
  const awf = awfClass(employment.contractType, employment.writtenContract);
  explanation.push(`AWf ${awf.awfClass === 'LOW' ? 'low' : 'high'} rate: ${awf.reason}.`);
  const premiums = employerPremiums({
    parameters,
    base: cap.charged,
    awf: awf.awfClass,
    smallEmployer: input.settings.smallEmployer,
    whkPercent: r.whkPercent,
  });
  explanation.push(...premiums.explanation);
  warnings.push(...premiums.warnings);
  const employerCostsTotal = premiums.total.plus(pensionEmployer).plus(pensionBackPayEmployer);
  const backPayPaid = backPayTotal.plus(holidayOnBackPay);
  const totalCost = gross.plus(backPayPaid).plus(holiday.reserved).plus(employerCostsTotal);
  explanation.push(
    `Employer costs: premiums ${eur(premiums.total)} + employer pension ${eur(pensionEmployer.plus(pensionBackPayEmployer))} = ${eur(employerCostsTotal)}; ` +
      `cost of employment this month ${eur(gross)}${backPayPaid.isZero() ? '' : ` + back pay ${eur(backPayPaid)}`} + holiday allowance reserved ${eur(holiday.reserved)} + ${eur(employerCostsTotal)} = ${eur(totalCost)}.`,
  );

  // 8. LKV.
  const lkv =
    employment.lkv === null || backPayOnly
      ? null
      : lkvExpected({
          parameters,
          kind: employment.lkv,
          hoursPerWeek: r.hoursPerWeek,
          slice,
          startDate: r.startDate,
          claimedBefore: r.yearToDate.lkvClaimed,
        });
  if (lkv) {
    explanation.push(...lkv.explanation);
    warnings.push(...lkv.warnings);
  }

  // 9. Compliance.
  const compliance = [
    minimumWageCheck({ gross, hourly: r.hourly, minimumHourly: r.minimumWageHourly }),
    caoWageCheck({ gross, caoWageForDays: prorate(r.monthly, slice.daysEmployed, slice.daysInMonth) }),
    holidayAllowanceCheck(r.holidayAllowancePercent),
  ];
  const compliant = compliance.every((c) => c.ok);
  explanation.push(
    compliant
      ? 'Compliance: all checks ok.'
      : `Compliance: NOT ok: ${compliance
          .filter((c) => !c.ok)
          .map((c) => c.message)
          .join(' ')}`,
  );

  // 10. Year to date after this month.
  const y = r.yearToDate;
  const yearToDateAfter: YearToDate = {
    grossWage: money(y.grossWage.plus(gross).plus(backPayTotal)),
    holidayAllowancePaid: money(y.holidayAllowancePaid.plus(holiday.paid).plus(holidayOnBackPay)),
    employeePension: money(y.employeePension.plus(pensionEmployee).plus(pensionBackPayEmployee)),
    employerPension: money(y.employerPension.plus(pensionEmployer).plus(pensionBackPayEmployer)),
    taxableWage: money(y.taxableWage.plus(taxableTotal)),
    wageTax: money(y.wageTax.plus(wageTaxTotal)),
    premiumWage: money(y.premiumWage.plus(cap.thisMonth)),
    employerPremiums: money(y.employerPremiums.plus(premiums.total)),
    netPay: money(y.netPay.plus(net)),
    lkvClaimed: money(y.lkvClaimed.plus(lkv ? lkv.expected : 0)),
  };

  // The payslip's lines.
  const line = (l: Omit<PayrollLine, 'base' | 'rate' | 'rateUnit'> & Partial<PayrollLine>): PayrollLine => ({
    code: l.code,
    kind: l.kind,
    description: l.description,
    base: l.base ?? null,
    rate: l.rate ?? null,
    rateUnit: l.rateUnit ?? null,
    amount: l.amount,
  });
  const lines: PayrollLine[] = [
    line({
      code: 'GROSS_WAGE',
      kind: 'EARNING',
      description: backPayOnly
        ? 'No wage this month: the employment has ended'
        : slice.partial
          ? `Gross wage, ${slice.daysEmployed} of ${slice.daysInMonth} days`
          : 'Gross wage',
      base: money(r.monthly),
      rate: `${slice.daysEmployed}/${slice.daysInMonth}`,
      rateUnit: 'FRACTION',
      amount: money(gross),
    }),
    ...backPay.map((p) =>
      line({
        code: 'BACK_PAY',
        kind: 'EARNING',
        description: `Back pay ${describeBackPay(p)}`,
        base: p.dueForDays,
        amount: p.amount,
      }),
    ),
  ];
  if (!holidayOnBackPay.isZero()) {
    lines.push(
      line({
        code: 'HOLIDAY_ALLOWANCE_BACK_PAY',
        kind: 'EARNING',
        description: 'Holiday allowance over back pay of accrual years already paid out',
        base: money(backPayOfPaidOutYears),
        rate: pct(r.holidayAllowancePercent),
        rateUnit: 'PERCENT',
        amount: money(holidayOnBackPay),
      }),
    );
  }
  if (!holiday.paid.isZero()) {
    lines.push(
      line({
        code: 'HOLIDAY_ALLOWANCE_PAID',
        kind: 'EARNING',
        description:
          holiday.payoutReason === 'END_OF_EMPLOYMENT'
            ? 'Holiday allowance paid at the end of employment (sum of the reservations)'
            : 'Holiday allowance paid over the accrual year June–May (sum of the reservations)',
        base: money(r.accrual.base.plus(holidayBase)),
        amount: money(holiday.paid),
      }),
    );
  }
  lines.push(
    line({
      code: 'PENSION_EMPLOYEE',
      kind: 'DEDUCTION',
      description: 'Pension premium, employee',
      base: money(gross),
      rate: pct(r.pensionEmployeePercent),
      rateUnit: 'PERCENT',
      amount: money(pensionEmployee),
    }),
  );
  if (!backPayTotal.isZero()) {
    lines.push(
      line({
        code: 'PENSION_EMPLOYEE_BACK_PAY',
        kind: 'DEDUCTION',
        description: 'Pension premium on the back pay, employee',
        base: money(backPayTotal),
        rate: pct(r.pensionEmployeePercent),
        rateUnit: 'PERCENT',
        amount: money(pensionBackPayEmployee),
      }),
    );
  }
  lines.push(
    line({
      code: 'WAGE_TAX',
      kind: 'DEDUCTION',
      description: `Wage tax, white monthly table ${employment.applyTaxCredit ? 'with' : 'without'} tax credit`,
      base: money(taxableRegular),
      rateUnit: 'TABLE',
      amount: money(monthlyTax.tax),
    }),
  );
  if (!taxableSpecial.isZero()) {
    lines.push(
      line({
        code: 'WAGE_TAX_SPECIAL',
        kind: 'DEDUCTION',
        description: `Wage tax on ${specialWhat.replace(' paid', '')}, special-payments table`,
        base: money(taxableSpecial),
        rate: specialTax.ratePercent === null ? null : pct(specialTax.ratePercent),
        rateUnit: 'PERCENT',
        amount: money(specialTax.tax),
      }),
    );
  }
  lines.push(
    line({ code: 'NET_PAY', kind: 'INFORMATION', description: 'Net pay', amount: money(net) }),
    line({
      code: 'TAXABLE_WAGE',
      kind: 'INFORMATION',
      description: 'Taxable wage (regular and special)',
      amount: money(taxableTotal),
    }),
    line({
      code: 'HOLIDAY_ALLOWANCE_RESERVED',
      kind: 'INFORMATION',
      description: backPayToReserveOn.isZero()
        ? 'Holiday allowance reserved this month'
        : 'Holiday allowance reserved this month (wage and back pay)',
      base: money(holidayBase),
      rate: pct(r.holidayAllowancePercent),
      rateUnit: 'PERCENT',
      amount: money(holiday.reserved),
    }),
    line({
      code: 'PREMIUM_WAGE',
      kind: 'INFORMATION',
      description: 'Premium wage charged (up to the annual maximum)',
      base: money(cap.thisMonth),
      amount: money(cap.charged),
    }),
    ...premiums.lines.map((p) =>
      line({
        code: p.code,
        kind: 'EMPLOYER_COST',
        description: p.description,
        base: money(p.base),
        rate: pct(p.ratePercent),
        rateUnit: 'PERCENT',
        amount: money(p.amount),
      }),
    ),
    line({
      code: 'PENSION_EMPLOYER',
      kind: 'EMPLOYER_COST',
      description: 'Pension premium, employer',
      base: money(gross),
      rate: pct(r.pensionEmployerPercent),
      rateUnit: 'PERCENT',
      amount: money(pensionEmployer),
    }),
  );
  if (!backPayTotal.isZero()) {
    lines.push(
      line({
        code: 'PENSION_EMPLOYER_BACK_PAY',
        kind: 'EMPLOYER_COST',
        description: 'Pension premium on the back pay, employer',
        base: money(backPayTotal),
        rate: pct(r.pensionEmployerPercent),
        rateUnit: 'PERCENT',
        amount: money(pensionBackPayEmployer),
      }),
    );
  }
  if (lkv) {
    lines.push(
      line({
        code: 'LKV_EXPECTED',
        kind: 'INFORMATION',
        description: 'Wage-cost benefit (LKV) expected, paid to the employer next year',
        base: lkv.hours.toFixed(0),
        rate: money(lkv.perHour),
        rateUnit: 'EUR_PER_HOUR',
        amount: money(lkv.expected),
      }),
    );
  }

  return {
    period: {
      year,
      month,
      firstDay: formatDate(slice.firstDay),
      lastDay: formatDate(slice.lastDay),
      daysInMonth: slice.daysInMonth,
      daysEmployed: slice.daysEmployed,
      partial: slice.partial,
    },
    cao: { versionId: input.caoWage.caoVersionId, versionName: input.caoWage.caoVersionName },
    lines,
    grossWage: money(gross),
    paidHours: paidHours.toFixed(0),
    taxableWage: { regular: money(taxableRegular), special: money(taxableSpecial), total: money(taxableTotal) },
    wageTax: {
      monthly: money(monthlyTax.tax),
      special: money(specialTax.tax),
      total: money(wageTaxTotal),
      withTaxCredit: employment.applyTaxCredit,
      specialRatePercent: specialTax.ratePercent === null ? null : pct(specialTax.ratePercent),
    },
    pension: {
      base: money(gross),
      employeePercent: pct(r.pensionEmployeePercent),
      employee: money(pensionEmployee),
      employerPercent: pct(r.pensionEmployerPercent),
      employer: money(pensionEmployer),
    },
    holidayAllowance: {
      percent: pct(r.holidayAllowancePercent),
      reserved: money(holiday.reserved),
      paid: money(holiday.paid),
      payoutReason: holiday.payoutReason,
      accrualAfter: { reserved: money(holiday.accrualAfter.reserved), base: money(holiday.accrualAfter.base) },
    },
    premiumWage: {
      thisMonth: money(cap.thisMonth),
      charged: money(cap.charged),
      maxPerYear: money(maxPerYear),
      remainingBefore: money(cap.remainingBefore),
    },
    awfClass: awf.awfClass,
    employerPremiums: premiums.lines.map((p) => ({
      code: p.code,
      base: money(p.base),
      ratePercent: pct(p.ratePercent),
      amount: money(p.amount),
      source: p.source,
    })),
    employerCostsTotal: money(employerCostsTotal),
    totalCostOfEmployment: money(totalCost),
    netPay: money(net),
    lkv: lkv && {
      kind: lkv.kind,
      hours: lkv.hours.toFixed(0),
      eligibleDays: lkv.eligibleDays,
      perHour: money(lkv.perHour),
      uncapped: money(lkv.uncapped),
      maxPerYear: money(lkv.maxPerYear),
      claimedBefore: money(lkv.claimedBefore),
      expected: money(lkv.expected),
    },
    backPay: backPay.length
      ? {
          total: money(backPayTotal),
          holidayAllowancePaid: money(holidayOnBackPay),
          holidayAllowanceReservedOn: money(backPayToReserveOn),
          pensionEmployee: money(pensionBackPayEmployee),
          pensionEmployer: money(pensionBackPayEmployer),
          periods: backPay,
        }
      : null,
    compliance,
    compliant,
    warnings,
    yearToDateAfter,
    explanation,
  };
}
