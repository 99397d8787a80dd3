import { calculatePayroll } from '../calculate';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import type { PayrollCalculation } from '../types';
import { date, payrollInput } from './fixtures';

/*
 * Hand-checked examples. Every figure is worked out in the comment above its assertions; "→" is
 * the rounding the rule prescribes (half up to cents unless said otherwise).
 *
 * Wage tax 2026 (white monthly table, rekenvoorschriften method, see ../wage-tax/README.md):
 *   L = floor(wage × 12 / 54) × 54; X1 = floor(bracket tax); AHK = 3115 up to L = 29736;
 *   ARK built up 8.324 % (cap 996), + 31.009 % above 11965 (cap 5300), + 1.950 % above 25845
 *   (cap 5685), − 6.510 % above 45592, rounded up to euros; tax = (X1 − AHK − ARK) / 12 → cents.
 * Employer premiums 2026 (PAYROLL-NL): AWf low 2.74, high 7.74; Aof high 7.63, low 6.27;
 * Wko 0.50; Whk average 1.52; Zvw 6.10; maximum premium wage 79409.
 */

const line = (r: PayrollCalculation, code: string) => r.lines.find((l) => l.code === code);

describe('calculatePayroll', () => {
  it('full month, scale 5 step 3, 38 h (March 2026)', () => {
    const r = calculatePayroll(payrollInput());
    // Gross: 31/31 days → the CAO monthly wage 2461.52.
    expect(r.grossWage).toBe('2461.52');
    expect(r.period).toMatchObject({ daysInMonth: 31, daysEmployed: 31, partial: false });
    // Paid hours: 38 × 52 / 12 = 164.666… → 165 (whole hours).
    expect(r.paidHours).toBe('165');
    // Holiday allowance reserved: 8 % × 2461.52 = 196.9216 → 196.92; not paid in March.
    expect(r.holidayAllowance).toEqual({
      percent: '8',
      reserved: '196.92',
      paid: '0.00',
      payoutReason: null,
      accrualAfter: { reserved: '196.92', base: '2461.52' },
    });
    // Pension: employee 6.5 % × 2461.52 = 159.9988 → 160.00; employer 13.5 % = 332.3052 → 332.31.
    expect(r.pension).toMatchObject({ employee: '160.00', employer: '332.31' });
    // Taxable wage 2461.52 − 160.00 = 2301.52.
    expect(r.taxableWage).toEqual({ regular: '2301.52', special: '0.00', total: '2301.52' });
    // Wage tax: 2301.52 × 12 = 27618.24 → L = 511 × 54 = 27594. X1 = floor(27594 × 35.75 %) =
    // floor(9864.855) = 9864. AHK 3115 (L ≤ 29736). ARK: 996 (capped) + 31.009 % × 15629 =
    // 5842.39661 → capped 5300; + 1.950 % × 1749 = 34.1055 → 5334.1055 → up 5335.
    // X = 9864 − 3115 − 5335 = 1414; 1414 / 12 = 117.8333 → 117.83.
    expect(r.wageTax).toEqual({
      monthly: '117.83',
      special: '0.00',
      total: '117.83',
      withTaxCredit: true,
      specialRatePercent: null,
    });
    // Net: 2461.52 − 160.00 − 117.83 = 2183.69.
    expect(r.netPay).toBe('2183.69');
    // Premiums on 2301.52 (far below the cap): AWf low 2.74 % = 63.061648 → 63.06 (written
    // permanent); Aof high 7.63 % = 175.605976 → 175.61; Wko 0.50 % = 11.5076 → 11.51;
    // Whk 1.52 % = 34.983104 → 34.98; Zvw 6.10 % = 140.39272 → 140.39. Sum 425.55.
    expect(r.awfClass).toBe('LOW');
    expect(r.employerPremiums.map((p) => [p.code, p.base, p.ratePercent, p.amount])).toEqual([
      ['AWF', '2301.52', '2.74', '63.06'],
      ['AOF', '2301.52', '7.63', '175.61'],
      ['WKO', '2301.52', '0.5', '11.51'],
      ['WHK', '2301.52', '1.52', '34.98'],
      ['ZVW', '2301.52', '6.1', '140.39'],
    ]);
    // Employer costs 425.55 + 332.31 = 757.86; cost of employment 2461.52 + 196.92 + 757.86 = 3416.30.
    expect(r.employerCostsTotal).toBe('757.86');
    expect(r.totalCostOfEmployment).toBe('3416.30');
    expect(r.compliant).toBe(true);
    expect(r.compliance.map((c) => c.code)).toEqual(['MINIMUM_WAGE', 'CAO_WAGE', 'HOLIDAY_ALLOWANCE_PERCENT']);
    expect(r.cao).toEqual({ versionId: 'cao-kringloop-2024', versionName: 'CAO Kringloop Nederland 2024' });
    // Year to date after the first paid month = this month.
    expect(r.yearToDateAfter).toEqual({
      grossWage: '2461.52',
      holidayAllowancePaid: '0.00',
      employeePension: '160.00',
      employerPension: '332.31',
      taxableWage: '2301.52',
      wageTax: '117.83',
      premiumWage: '2301.52',
      employerPremiums: '425.55',
      netPay: '2183.69',
      lkvClaimed: '0.00',
    });
    // The payslip lines, in order.
    expect(r.lines.map((l) => [l.code, l.kind, l.amount])).toEqual([
      ['GROSS_WAGE', 'EARNING', '2461.52'],
      ['PENSION_EMPLOYEE', 'DEDUCTION', '160.00'],
      ['WAGE_TAX', 'DEDUCTION', '117.83'],
      ['NET_PAY', 'INFORMATION', '2183.69'],
      ['TAXABLE_WAGE', 'INFORMATION', '2301.52'],
      ['HOLIDAY_ALLOWANCE_RESERVED', 'INFORMATION', '196.92'],
      ['PREMIUM_WAGE', 'INFORMATION', '2301.52'],
      ['AWF', 'EMPLOYER_COST', '63.06'],
      ['AOF', 'EMPLOYER_COST', '175.61'],
      ['WKO', 'EMPLOYER_COST', '11.51'],
      ['WHK', 'EMPLOYER_COST', '34.98'],
      ['ZVW', 'EMPLOYER_COST', '140.39'],
      ['PENSION_EMPLOYER', 'EMPLOYER_COST', '332.31'],
    ]);
    expect(line(r, 'PENSION_EMPLOYEE')).toMatchObject({ base: '2461.52', rate: '6.5', rateUnit: 'PERCENT' });
    expect(line(r, 'WAGE_TAX')).toMatchObject({ base: '2301.52', rate: null, rateUnit: 'TABLE' });
    // The only warning: Whk at the average rate.
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/Whk at the average rate/);
    expect(r.explanation.join('\n')).toMatch(/Annual tax €1414 \/ 12 = €117\.83/);
  });

  it('part-time month: 20 of 38 hours', () => {
    // The CAO's part-time wage: 2461.52 × 20 / 38 = 1295.5368 → 1295.54 (the CAO service's rounding).
    const r = calculatePayroll(payrollInput({ employment: { hoursPerWeek: '20' }, caoWage: { monthly: '1295.54' } }));
    expect(r.grossWage).toBe('1295.54');
    // Hours 20 × 52 / 12 = 86.666… → 87.
    expect(r.paidHours).toBe('87');
    // Reserved 8 % = 103.6432 → 103.64. Pension 6.5 % = 84.2101 → 84.21; 13.5 % = 174.8979 → 174.90.
    expect(r.holidayAllowance.reserved).toBe('103.64');
    expect(r.pension).toMatchObject({ employee: '84.21', employer: '174.90' });
    // Taxable 1295.54 − 84.21 = 1211.33. × 12 = 14535.96 → L = 269 × 54 = 14526.
    // X1 = floor(14526 × 35.75 %) = floor(5193.045) = 5193. AHK 3115.
    // ARK: 996 + 31.009 % × (14526 − 11965 = 2561) = 794.14049 → 1790.14049 → up 1791.
    // X = 5193 − 3115 − 1791 = 287; 287 / 12 = 23.9166 → 23.92.
    expect(r.taxableWage.regular).toBe('1211.33');
    expect(r.wageTax.monthly).toBe('23.92');
    // Net 1295.54 − 84.21 − 23.92 = 1187.41.
    expect(r.netPay).toBe('1187.41');
    // AWf 2.74 % × 1211.33 = 33.190442 → 33.19; Aof 7.63 % = 92.424479 → 92.42; Wko 6.05665 → 6.06;
    // Whk 18.412216 → 18.41; Zvw 73.89113 → 73.89.
    expect(r.employerPremiums.map((p) => p.amount)).toEqual(['33.19', '92.42', '6.06', '18.41', '73.89']);
    expect(r.compliant).toBe(true);
  });

  it('start on the 15th: pro rata by calendar days, week and day tables for the broken period, LKV for the days employed', () => {
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 4 },
        employment: { startDate: date('2026-04-15'), lkv: 'JOB_AGREEMENT_TARGET_GROUP' },
      }),
    );
    // April has 30 days; 15–30 April is 16 days. Gross 2461.52 × 16 / 30 = 1312.810666… → 1312.81.
    expect(r.period).toMatchObject({ daysInMonth: 30, daysEmployed: 16, partial: true });
    expect(r.grossWage).toBe('1312.81');
    expect(line(r, 'GROSS_WAGE')).toMatchObject({ base: '2461.52', rate: '16/30', rateUnit: 'FRACTION' });
    // Reserved 8 % = 105.0248 → 105.02. Pension 6.5 % = 85.33265 → 85.33.
    expect(r.holidayAllowance.reserved).toBe('105.02');
    expect(r.pension.employee).toBe('85.33');
    // Taxable 1227.48, a broken period: Wednesday 15 – Thursday 30 April has 12 working days, one
    // whole working week (20–24 April) and 7 other days. Day wage 1227.48 / 12 = 102.29.
    // Week table on 5 × 102.29 = 511.45: × 52 = 26595.40 → L = 492 × 54 = 26568; X1 = floor(9498.06)
    // = 9498; AHK 3115; ARK 996, + 31.009 % × 14603 → capped at 5300, + 1.95 % × 723 = 14.0985 →
    // 5314.0985 → 5315; X = 9498 − 3115 − 5315 = 1068 → / 52 = 20.538… → 20.54.
    // Day table on 102.29: × 260 = 26595.40, the same L and X: 1068 / 260 = 4.1076… → 4.11 × 7 = 28.77.
    // Tax 20.54 + 28.77 = 49.31 (the monthly table on the pro-rated wage gave 24.50: €24.81 less).
    expect(r.wageTax.monthly).toBe('49.31');
    expect(line(r, 'WAGE_TAX')).toMatchObject({ base: '1227.48', rateUnit: 'TABLE', amount: '49.31' });
    expect(line(r, 'WAGE_TAX')?.description).toMatch(/week and day tables.*1 × week, 7 × day/);
    expect(r.warnings.some((w) => /Broken period/.test(w))).toBe(false);
    // Net 1312.81 − 85.33 − 49.31 = 1178.17.
    expect(r.netPay).toBe('1178.17');
    // LKV job agreement: 38 × 52 / 12 × 16 / 30 = 87.8222… → 88 hours × €1.01 = 88.88.
    expect(r.lkv).toEqual({
      kind: 'JOB_AGREEMENT_TARGET_GROUP',
      hours: '88',
      eligibleDays: 16,
      perHour: '1.01',
      uncapped: '88.88',
      maxPerYear: '2000.00',
      claimedBefore: '0.00',
      expected: '88.88',
    });
    expect(line(r, 'LKV_EXPECTED')).toMatchObject({ kind: 'INFORMATION', base: '88', rate: '1.01', amount: '88.88' });
    // Not part of net pay: net is computed above without it.
    expect(r.yearToDateAfter.lkvClaimed).toBe('88.88');
  });

  it('end mid-month: pro rata, and all reserved holiday allowance paid out at the special rate', () => {
    const r = calculatePayroll(
      payrollInput({
        employment: { endDate: date('2026-03-15') },
        // June 2025 – February 2026: 9 reservations of 196.92 on 9 × 2461.52.
        holidayAllowanceAccrual: { reserved: '1772.28', base: '22153.68' },
        previousYearAnnualWage: '29538.24',
      }),
    );
    // 1–15 March = 15 of 31 days: 2461.52 × 15 / 31 = 1191.058064… → 1191.06.
    expect(r.grossWage).toBe('1191.06');
    // Reserved 8 % = 95.2848 → 95.28; paid 1772.28 + 95.28 = 1867.56; nothing left reserved.
    expect(r.holidayAllowance).toEqual({
      percent: '8',
      reserved: '95.28',
      paid: '1867.56',
      payoutReason: 'END_OF_EMPLOYMENT',
      accrualAfter: { reserved: '0.00', base: '0.00' },
    });
    // Pension 6.5 % = 77.4189 → 77.42 (on the gross wage only, not on the holiday allowance).
    expect(r.pension.employee).toBe('77.42');
    // Regular taxable 1191.06 − 77.42 = 1113.64, a broken period: Sunday 1 – Sunday 15 March has 10
    // working days, two whole working weeks (2–6 and 9–13 March), no other days. Day wage
    // 1113.64 / 10 = 111.364 → 111.36; week table on 556.80: × 52 = 28953.60 → L = 536 × 54 = 28944;
    // X1 = floor(10347.48) = 10347; AHK 3115; ARK 996, + 31.009 % × 16979 → capped at 5300,
    // + 1.95 % × 3099 = 60.4305 → 5360.4305 → 5361; X = 10347 − 3115 − 5361 = 1871 → / 52 = 35.98 a
    // week; × 2 = 71.96 (the monthly table on the pro-rated wage gave 19.25: €52.71 less).
    expect(r.taxableWage).toEqual({ regular: '1113.64', special: '1867.56', total: '2981.20' });
    expect(r.wageTax.monthly).toBe('71.96');
    // Special payments 2026, with credit: previous-year wage 29538.24 is in the row from 23931:
    // 33.80 %. 1867.56 × 33.80 % = 631.23528 → DOWN to cents 631.23.
    expect(r.wageTax.special).toBe('631.23');
    expect(r.wageTax.specialRatePercent).toBe('33.8');
    expect(r.wageTax.total).toBe('703.19');
    // Net 1191.06 + 1867.56 − 77.42 − 71.96 − 631.23 = 2278.01.
    expect(r.netPay).toBe('2278.01');
    // Premium wage 2981.20 (regular + holiday allowance): AWf 2.74 % = 81.68488 → 81.68,
    // Aof 7.63 % = 227.46556 → 227.47, Wko 14.906 → 14.91, Whk 45.31424 → 45.31, Zvw 181.8532 → 181.85.
    expect(r.premiumWage.thisMonth).toBe('2981.20');
    expect(r.employerPremiums.map((p) => p.amount)).toEqual(['81.68', '227.47', '14.91', '45.31', '181.85']);
    expect(line(r, 'HOLIDAY_ALLOWANCE_PAID')).toMatchObject({ kind: 'EARNING', amount: '1867.56' });
    expect(line(r, 'WAGE_TAX_SPECIAL')).toMatchObject({ base: '1867.56', rate: '33.8', amount: '631.23' });
    expect(r.explanation.some((e) => /2 whole working weeks and 0 days/.test(e))).toBe(true);
  });

  it('May: the accrual year June–May paid out, taxed with the special-payments rate', () => {
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 5 },
        // June 2025 – April 2026: 11 × 196.92 = 2166.12 reserved on 11 × 2461.52 = 27076.72.
        holidayAllowanceAccrual: { reserved: '2166.12', base: '27076.72' },
        previousYearAnnualWage: '31000.00',
      }),
    );
    // Paid 2166.12 + May's 196.92 = 2363.04; the accrual starts again from nil in June.
    expect(r.holidayAllowance).toMatchObject({
      reserved: '196.92',
      paid: '2363.04',
      payoutReason: 'PAYMENT_MONTH',
      accrualAfter: { reserved: '0.00', base: '0.00' },
    });
    // The regular wage is taxed with the monthly table as in March: 117.83.
    expect(r.wageTax.monthly).toBe('117.83');
    // Special: 31000 is in the 2026 row from 29737, with credit 40.20 %:
    // 2363.04 × 40.20 % = 949.94208 → down 949.94.
    expect(r.wageTax.special).toBe('949.94');
    expect(r.wageTax.specialRatePercent).toBe('40.2');
    // Net 2461.52 + 2363.04 − 160.00 − 117.83 − 949.94 = 3596.79.
    expect(r.netPay).toBe('3596.79');
    // Premium wage 2301.52 + 2363.04 = 4664.56; AWf 127.808944 → 127.81; Aof 355.905928 → 355.91;
    // Wko 23.3228 → 23.32; Whk 70.901312 → 70.90; Zvw 284.53816 → 284.54.
    expect(r.premiumWage.thisMonth).toBe('4664.56');
    expect(r.employerPremiums.map((p) => p.amount)).toEqual(['127.81', '355.91', '23.32', '70.90', '284.54']);
    expect(r.taxableWage.total).toBe('4664.56');
  });

  it('premium-wage cap reached in a later month (high wage)', () => {
    // €7,000 a month: pension 455.00, premium wage 6545.00. Before December the year has
    // 78715.00 of premium wage (e.g. 11 × 6545 = 71995 plus a May holiday allowance of 6720).
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 12 },
        caoWage: { monthly: '7000.00', hourly: '42.19' },
        yearToDate: { premiumWage: '78715.00' },
      }),
    );
    // Left of the annual maximum: 79409 − 78715 = 694.00; only that is charged.
    expect(r.premiumWage).toEqual({
      thisMonth: '6545.00',
      charged: '694.00',
      maxPerYear: '79409.00',
      remainingBefore: '694.00',
    });
    // 694 × 2.74 % = 19.0156 → 19.02; × 7.63 % = 52.9522 → 52.95; × 0.50 % = 3.47;
    // × 1.52 % = 10.5488 → 10.55; × 6.10 % = 42.334 → 42.33.
    expect(r.employerPremiums.map((p) => [p.base, p.amount])).toEqual([
      ['694.00', '19.02'],
      ['694.00', '52.95'],
      ['694.00', '3.47'],
      ['694.00', '10.55'],
      ['694.00', '42.33'],
    ]);
    // The pension is not capped: 13.5 % × 7000 = 945.00; costs 128.32 + 945.00 = 1073.32.
    expect(r.employerCostsTotal).toBe('1073.32');
    // Wage tax on 6545: × 12 = 78540 → L = 1454 × 54 = 78516 (bracket 3):
    // X1 = floor((78516 − 78426) × 49.50 % + 28752) = floor(28796.55) = 28796; AHK nil (L ≥ 78426);
    // ARK 5685 − 6.510 % × (78516 − 45592) = 5685 − 2143.3524 = 3541.6476 → 3542;
    // X = 25254 → 2104.50. Net 7000 − 455 − 2104.50 = 4440.50.
    expect(r.wageTax.monthly).toBe('2104.50');
    expect(r.netPay).toBe('4440.50');
    // The year-to-date premium wage is kept uncapped.
    expect(r.yearToDateAfter.premiumWage).toBe('85260.00');

    // Once the cap is used up, nothing more is charged.
    const after = calculatePayroll(
      payrollInput({ caoWage: { monthly: '7000.00' }, yearToDate: { premiumWage: '80000.00' } }),
    );
    expect(after.premiumWage.charged).toBe('0.00');
    expect(after.employerPremiums.every((p) => p.amount === '0.00')).toBe(true);
  });

  it('LKV capped at the annual maximum', () => {
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 11 },
        employment: { startDate: date('2025-01-01'), lkv: 'DISABLED_EMPLOYEE' },
        yearToDate: { lkvClaimed: '5800.00' },
      }),
    );
    // 165 hours × €3.05 = 503.25, but only 6000 − 5800 = 200.00 is left this year.
    expect(r.lkv).toMatchObject({ hours: '165', uncapped: '503.25', maxPerYear: '6000.00', expected: '200.00' });
    expect(r.yearToDateAfter.lkvClaimed).toBe('6000.00');
    // Net pay does not include the LKV.
    expect(r.netPay).toBe('2183.69');
  });

  it('LKV for a disabled employee stops 3 years after the start date', () => {
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 6 },
        employment: { startDate: date('2023-06-15'), lkv: 'DISABLED_EMPLOYEE' },
      }),
    );
    // Until 2026-06-15 exclusive: 1–14 June = 14 days. 38 × 52 / 12 × 14 / 30 = 76.8444… → 77 h × 3.05 = 234.85.
    expect(r.lkv).toMatchObject({ eligibleDays: 14, hours: '77', expected: '234.85' });
  });

  it('flags a wage below the statutory minimum wage, with the amount', () => {
    // €13.50 an hour (monthly 13.50 × 165.9333 = 2240.10) against the 2026 minimum €14.71.
    const r = calculatePayroll(payrollInput({ caoWage: { monthly: '2240.10', hourly: '13.50' } }));
    // Short 14.71 − 13.50 = 1.21 an hour; this month 2240.10 × 1.21 / 13.50 = 200.779… → 200.78.
    const check = r.compliance.find((c) => c.code === 'MINIMUM_WAGE')!;
    expect(check.ok).toBe(false);
    expect(check.message).toBe(
      '€1.21 an hour below the statutory minimum wage: €13.50 an hour is paid, the minimum is €14.71; ' +
        '€200.78 too little this month on a gross wage of €2240.10.',
    );
    expect(r.compliant).toBe(false);
    // The calculation itself is still complete, so the payslip can be shown with the flag.
    expect(r.grossWage).toBe('2240.10');
  });

  it('refuses a holiday allowance of 7 %', () => {
    const run = () => calculatePayroll(payrollInput({ caoWage: { holidayAllowancePercent: '7' } }));
    expect(run).toThrow(DomainError);
    expect(run).toThrow(/7 % of the wage; the statutory minimum is 8 %/);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({
        reason: 'HOLIDAY_ALLOWANCE_BELOW_MINIMUM',
        field: 'caoWage.holidayAllowancePercent',
      });
    }
  });
});
