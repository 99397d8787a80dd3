import { DomainError, Exact } from '@samen-sterk/subgraph-runtime/pure';
import { calculatePayroll } from '../calculate';
import { PAYROLL_PARAMETERS } from '../parameters';
import { awfClass } from '../premiums';
import { daysBefore, monthSlice, prorate, addYears } from '../proration';
import { emptyYearToDate, type PayrollCalculation, type PayrollInput } from '../types';
import { date, payrollInput } from './fixtures';

const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error');
};

describe('contract types and employer settings', () => {
  it('2025, fixed-term contract, small employer, no tax credit', () => {
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2025, month: 2 },
        employment: { contractType: 'FIXED_TERM', applyTaxCredit: false },
        caoWage: { minimumWageHourly: '14.06' },
        settings: { smallEmployer: true },
      }),
    );
    // Wage tax 2025 without credit on 2301.52: L = 27594; X1 = floor(27594 × 35.82 %) =
    // floor(9884.1708) = 9884; 9884 / 12 = 823.666… → 823.67.
    expect(r.wageTax.monthly).toBe('823.67');
    // AWf HIGH 7.74 % × 2301.52 = 178.137648 → 178.14; Aof LOW 6.28 % = 144.535456 → 144.54;
    // Wko 11.51; Whk 2025 average 1.33 % = 30.610216 → 30.61; Zvw 6.51 % = 149.828952 → 149.83.
    expect(r.awfClass).toBe('HIGH');
    expect(r.employerPremiums.map((p) => [p.code, p.ratePercent, p.amount])).toEqual([
      ['AWF', '7.74', '178.14'],
      ['AOF', '6.28', '144.54'],
      ['WKO', '0.5', '11.51'],
      ['WHK', '1.33', '30.61'],
      ['ZVW', '6.51', '149.83'],
    ]);
    expect(r.premiumWage.maxPerYear).toBe('75864.00');
    // Net 2461.52 − 160.00 − 823.67 = 1477.85.
    expect(r.netPay).toBe('1477.85');
  });

  it('an on-call contract pays the high AWf rate even when written (and so does an unwritten permanent one)', () => {
    const onCall = calculatePayroll(payrollInput({ employment: { contractType: 'ON_CALL', writtenContract: true } }));
    expect(onCall.awfClass).toBe('HIGH');
    // 7.74 % × 2301.52 = 178.137648 → 178.14.
    expect(onCall.employerPremiums[0]).toMatchObject({ code: 'AWF', ratePercent: '7.74', amount: '178.14' });
    expect(awfClass('PERMANENT', false).awfClass).toBe('HIGH');
    expect(awfClass('PERMANENT', true).awfClass).toBe('LOW');
  });

  it("uses the employer's own Whk rate when given", () => {
    const r = calculatePayroll(payrollInput({ settings: { whkPercent: '2.10' } }));
    // 2.10 % × 2301.52 = 48.33192 → 48.33.
    expect(r.employerPremiums[3]).toMatchObject({ code: 'WHK', ratePercent: '2.1', amount: '48.33' });
    expect(r.warnings).toEqual([]);
  });
});

describe('a whole year, month after month (high wage, new employee from 1 January 2026)', () => {
  // €9,000 a month: pension 585.00, regular taxable 8415.00. Wage tax: × 12 = 100980 = L (a multiple
  // of 54). X1 = floor((100980 − 78426) × 49.50 % + 28752) = floor(39916.23) = 39916; AHK nil;
  // ARK 5685 − 6.510 % × 55388 = 2079.2412 → 2080; X = 37836 → 3153.00 a month.
  // Holiday allowance 8 % = 720.00 a month; May pays January–May: 3600.00, special rate for a
  // previous-year wage of 108000 (row from 78427, with credit 56.01 %): 3600 × 56.01 % = 2016.36.
  // Premium wage: 8415 a month, 12015 in May; cumulative 8415 × 4 = 33660, May 45675, then
  // 54090, 62505, 70920 (August), 79335 (September), so October has 79409 − 79335 = 74.00 left.
  const months: PayrollCalculation[] = [];
  let yearToDate = emptyYearToDate();
  let accrual = { reserved: '0.00', base: '0.00' };
  for (let month = 1; month <= 12; month++) {
    const input: PayrollInput = payrollInput({
      period: { year: 2026, month },
      employment: { startDate: date('2026-01-01') },
      caoWage: { monthly: '9000.00', hourly: '54.24' },
      yearToDate,
      holidayAllowanceAccrual: accrual,
      previousYearAnnualWage: '108000.00',
    });
    const r = calculatePayroll(input);
    months.push(r);
    yearToDate = r.yearToDateAfter;
    accrual = r.holidayAllowance.accrualAfter;
  }

  it('charges premiums up to exactly the annual maximum, reached in October', () => {
    expect(months.map((m) => m.premiumWage.charged)).toEqual([
      '8415.00',
      '8415.00',
      '8415.00',
      '8415.00',
      '12015.00',
      '8415.00',
      '8415.00',
      '8415.00',
      '8415.00',
      '74.00',
      '0.00',
      '0.00',
    ]);
    const charged = months.reduce((total, m) => total.plus(m.premiumWage.charged), new Exact(0));
    expect(charged.toFixed(2)).toBe('79409.00');
    // October on 74.00: 2.0276 → 2.03; 5.6462 → 5.65; 0.37; 1.1248 → 1.12; 4.514 → 4.51.
    expect(months[9]!.employerPremiums.map((p) => p.amount)).toEqual(['2.03', '5.65', '0.37', '1.12', '4.51']);
    // Above the monthly maximum (79409 / 12 → 6617.41): the per-period difference is flagged.
    expect(months[0]!.warnings.some((w) => /monthly maximum €6617\.41/.test(w))).toBe(true);
  });

  it('pays the holiday allowance in May and adds the year up', () => {
    expect(months[4]!.holidayAllowance).toMatchObject({ paid: '3600.00', payoutReason: 'PAYMENT_MONTH' });
    expect(months[4]!.wageTax).toMatchObject({ monthly: '3153.00', special: '2016.36', specialRatePercent: '56.01' });
    // December reserves June–December: 7 × 720 = 5040.00 (paid next May).
    expect(months[11]!.holidayAllowance.accrualAfter).toEqual({ reserved: '5040.00', base: '63000.00' });
    // Net: 9000 − 585 − 3153 = 5262.00 a month; May + 3600 − 2016.36 = 6845.64.
    // Year: 11 × 5262 + 6845.64 = 64727.64. Wage tax 12 × 3153 + 2016.36 = 39852.36.
    expect(yearToDate).toEqual({
      grossWage: '108000.00',
      holidayAllowancePaid: '3600.00',
      employeePension: '7020.00',
      employerPension: '14580.00',
      taxableWage: '104580.00',
      wageTax: '39852.36',
      premiumWage: '104580.00',
      // Premiums on 8415: 230.571 → 230.57, 642.0645 → 642.06, 42.075 → 42.08, 127.908 → 127.91,
      // 513.315 → 513.32 = 1555.94 (8 months); May on 12015: 329.21 + 916.74 + 60.08 + 182.63 +
      // 732.92 = 2221.58; October 13.68. 8 × 1555.94 + 2221.58 + 13.68 = 14682.78.
      employerPremiums: '14682.78',
      netPay: '64727.64',
      lkvClaimed: '0.00',
    });
  });
});

describe('proration', () => {
  it('counts calendar days, the month of February included', () => {
    const feb = monthSlice(2028, 2, { startDate: date('2028-02-10'), endDate: null });
    expect(feb).toMatchObject({ daysInMonth: 29, daysEmployed: 20, partial: true, endsInMonth: false });
    // 2461.52 × 20 / 29 = 1697.6000 → 1697.60.
    expect(prorate(new Exact('2461.52'), 20, 29).toFixed(2)).toBe('1697.60');
    const oneDay = monthSlice(2026, 1, { startDate: date('2025-05-01'), endDate: date('2026-01-01') });
    expect(oneDay).toMatchObject({ daysEmployed: 1, endsInMonth: true });
  });

  it('adds years to a calendar date (29 February → 28 February)', () => {
    expect(addYears(date('2024-02-29'), 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    const slice = monthSlice(2026, 6, { startDate: date('2023-06-15'), endDate: null });
    expect(daysBefore(slice, date('2026-06-15'))).toBe(14);
    expect(daysBefore(slice, date('2026-06-01'))).toBe(0);
    expect(daysBefore(slice, date('2026-07-01'))).toBe(30);
  });
});

describe('refused input', () => {
  it.each<[string, Parameters<typeof payrollInput>[0], string, string]>([
    [
      'a month without employment',
      { employment: { startDate: date('2026-04-01') } },
      'NOT_EMPLOYED_IN_PERIOD',
      'period',
    ],
    ['a year without parameters', { period: { year: 2027, month: 1 } }, 'UNSUPPORTED_YEAR', 'period.year'],
    ['month 13', { period: { year: 2026, month: 13 } }, 'INVALID_PERIOD', 'period.month'],
    [
      'a date that is not midnight UTC',
      { employment: { startDate: new Date('2024-01-01T12:00:00Z') } },
      'INVALID_DATE',
      'employment.startDate',
    ],
    ['more hours than full time', { employment: { hoursPerWeek: '40' } }, 'INVALID_HOURS', 'employment.hoursPerWeek'],
    ['a float', { caoWage: { monthly: 2461.52 as unknown as string } }, 'INVALID_AMOUNT', 'caoWage.monthly'],
    ['a third decimal', { caoWage: { monthly: '2461.525' } }, 'INVALID_AMOUNT', 'caoWage.monthly'],
    [
      'a pension above 100 %',
      { settings: { pensionEmployeePercent: '101' } },
      'INVALID_AMOUNT',
      'settings.pensionEmployeePercent',
    ],
    [
      'an accrual year that does not end with the payment month',
      { caoWage: { holidayAllowanceAccrualStartMonth: 1 } },
      'UNSUPPORTED_ACCRUAL_YEAR',
      'caoWage.holidayAllowanceAccrualStartMonth',
    ],
    [
      'a holiday-allowance payout without the previous year wage',
      { period: { year: 2026, month: 5 } },
      'MISSING_PREVIOUS_YEAR_WAGE',
      'previousYearAnnualWage',
    ],
  ])('%s', (_name, overrides, code, field) => {
    const error = errorOf(() => calculatePayroll(payrollInput(overrides)));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ reason: code, field });
  });

  it("passes the wage-tax module's errors through (2025 special-payments row not verified)", () => {
    const run = () =>
      calculatePayroll(
        payrollInput({
          period: { year: 2025, month: 5 },
          holidayAllowanceAccrual: { reserved: '2166.12', base: '27076.72' },
          previousYearAnnualWage: '25000.00',
        }),
      );
    // The 2025 row with credit from €24.342 to €28.407 is reconstructed, not read: the wage-tax module refuses it.
    expect(run).toThrow(DomainError);
    expect(run).toThrow(expect.objectContaining({ reason: 'UNVERIFIED_TABLE_ROW', field: 'previousYearAnnualWage' }));
  });

  it('has parameters with a source for every value', () => {
    for (const year of [2025, 2026] as const) {
      const p = PAYROLL_PARAMETERS[year];
      for (const value of Object.values(p.premiums)) expect(value.source).toMatch(/PAYROLL-NL/);
      expect(p.maxPremiumWageYear.source).toMatch(/PAYROLL-NL/);
    }
  });
});
