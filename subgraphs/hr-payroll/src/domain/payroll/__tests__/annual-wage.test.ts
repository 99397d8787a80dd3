import { specialPaymentsTax } from '../../wage-tax/wage-tax';
import { annualWageForSpecialPayments, periodsPaid, type FirstPeriodWage } from '../annual-wage';
import { calculatePayroll } from '../calculate';
import { payrollInput } from './fixtures';

/*
 * The annual wage for the special-payments table (annual-wage.ts; README rule 3a): the previous
 * year's taxable wage, converted to a year when it was paid over part of the year, or a new
 * employee's estimate from the first wage period, holiday allowance included.
 */

// Scale 5 step 3 at 38 h, pension 6.5 %, holiday allowance 8 %.
const FIRST: FirstPeriodWage = { monthly: '2461.52', pensionEmployeePercent: '6.5', holidayAllowancePercent: '8' };
const months = (n: number) => Array.from({ length: n }, () => ({ daysEmployed: 30, daysInMonth: 30 }));
const rate = (annualWage: string) =>
  specialPaymentsTax({
    year: 2026,
    amount: '1000.00',
    previousYearAnnualWage: annualWage,
    withTaxCredit: true,
  }).ratePercent.toString();

/** The annual wage found from last year's payslips on the platform (no opening balance). */
const fromLastYear = (taxableWage: string, paid: { daysEmployed: number; daysInMonth: number }[]) =>
  annualWageForSpecialPayments({
    openingBalance: null,
    previousYear: { taxableWage, months: paid },
    firstPeriod: FIRST,
  });

describe('the previous year paid in part is converted to a year', () => {
  it('hired on 1 October 2025: three months, €7,812, is €31,248 a year (the 40.20 % row, not 0 %)', () => {
    const r = fromLastYear('7812.00', [
      { daysEmployed: 31, daysInMonth: 31 },
      { daysEmployed: 30, daysInMonth: 30 },
      { daysEmployed: 31, daysInMonth: 31 },
    ]);
    // 7812 / 3 × 12 = 31248.00.
    expect(r).toMatchObject({ annualWage: '31248.00', source: 'PREVIOUS_YEAR_CONVERTED' });
    expect(r.basis).toMatch(/€7812\.00 \/ 3 months × 12 = €31248\.00/);
    // The table: €7,812 as it was is the 0 % row; €31,248 the 40.20 % row (from €29,737).
    expect(rate('7812.00')).toBe('0');
    expect(rate(r.annualWage)).toBe('40.2');
  });

  it('hired on 15 November: half a month and December, as the handbook converts it', () => {
    // Periods: 16/30 + 31/31 = 1.5333…; €3,000 / 1.5333… × 12 = 23478.2608… → 23478.26.
    const r = fromLastYear('3000.00', [
      { daysEmployed: 16, daysInMonth: 30 },
      { daysEmployed: 31, daysInMonth: 31 },
    ]);
    expect(r.annualWage).toBe('23478.26');
    expect(r.basis).toContain('1.5333 months');
  });

  it('seven months of the year on the platform: seven months of wage make a year of it', () => {
    // 7 × 2301.52 + holiday allowance paid in May 2025 (2166.12, in column 14) = 18276.76:
    // / 7 × 12 = 31331.5885… → 31331.59 (40.20 %), where the 18,276.76 as it was is the 4.74 % row.
    const r = fromLastYear('18276.76', months(7));
    expect(r.annualWage).toBe('31331.59');
    expect([rate('18276.76'), rate(r.annualWage)]).toEqual(['4.74', '40.2']);
  });

  it('a whole year is taken as it is', () => {
    const r = fromLastYear('29981.30', months(12));
    expect(r).toMatchObject({ annualWage: '29981.30', source: 'PREVIOUS_YEAR' });
  });

  it('never more than twelve periods (two contracts over the same days)', () => {
    expect(periodsPaid([...months(12), ...months(2)]).toString()).toBe('12');
    expect(() => periodsPaid([{ daysEmployed: 31, daysInMonth: 30 }])).toThrow(
      expect.objectContaining({ reason: 'INVALID_PERIOD' }),
    );
  });
});

describe("a new employee's estimate", () => {
  it('the first wage period a year long, holiday allowance included: it does not depend on the month', () => {
    // Pension 6.5 % × 2461.52 = 159.9988 → 160.00; holiday allowance 8 % × 12 × 2461.52 = 2363.0592
    // → 2363.06; 12 × 2301.52 + 2363.06 = 29981.30 (gross × 12 was 29538.24: the 33.80 % row).
    const r = annualWageForSpecialPayments({ openingBalance: null, previousYear: null, firstPeriod: FIRST });
    expect(r).toMatchObject({ annualWage: '29981.30', source: 'NEW_HIRE_ESTIMATE' });
    expect([rate('29538.24'), rate(r.annualWage)]).toEqual(['33.8', '40.2']);
  });

  it('a previous year without a paid day (only back pay, say) is no previous year', () => {
    const r = fromLastYear('250.00', [{ daysEmployed: 0, daysInMonth: 31 }]);
    expect(r.source).toBe('NEW_HIRE_ESTIMATE');
  });
});

describe("HR's opening balance", () => {
  it('takes precedence over the payslips on the platform', () => {
    const r = annualWageForSpecialPayments({
      openingBalance: '41250.00',
      previousYear: { taxableWage: '7812.00', months: months(3) },
      firstPeriod: FIRST,
    });
    expect(r).toMatchObject({ annualWage: '41250.00', source: 'OPENING_BALANCE' });
    expect(() =>
      annualWageForSpecialPayments({ openingBalance: '-1', previousYear: null, firstPeriod: FIRST }),
    ).toThrow(expect.objectContaining({ reason: 'INVALID_AMOUNT', field: 'openingBalance' }));
  });
});

describe('in the payslip', () => {
  it('May: the holiday allowance is taxed at the converted wage’s rate, and the explanation says how it was found', () => {
    const annual = fromLastYear('7812.00', months(3));
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 5 },
        // October 2025 – April 2026: 7 × 196.92 reserved.
        holidayAllowanceAccrual: { reserved: '1378.44', base: '17230.64' },
        previousYearAnnualWage: annual.annualWage,
      }),
    );
    // Paid 1378.44 + 196.92 = 1575.36 × 40.20 % = 633.29472 → 633.29 (at the 0 % row: nothing).
    expect(r.holidayAllowance.paid).toBe('1575.36');
    expect(r.wageTax.specialRatePercent).toBe('40.2');
    expect(r.wageTax.special).toBe('633.29');
    const withBasis = calculatePayroll({
      ...payrollInput({
        period: { year: 2026, month: 5 },
        holidayAllowanceAccrual: { reserved: '1378.44', base: '17230.64' },
        previousYearAnnualWage: annual.annualWage,
      }),
      previousYearAnnualWageBasis: annual.basis,
    });
    expect(withBasis.explanation.some((e) => e.includes('converted to a year'))).toBe(true);
  });
});
