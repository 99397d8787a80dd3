import { DomainError, Exact } from '@samen-sterk/subgraph-runtime/pure';
import { specialPaymentsTax } from '../../wage-tax/wage-tax';
import { backPayFor, holidayAllowanceAlreadyPaidOut } from '../back-pay';
import { calculatePayroll } from '../calculate';
import type { BackPayInput } from '../types';
import { payrollInput } from './fixtures';

const correction = (over: Partial<BackPayInput> = {}): BackPayInput => ({
  year: 2026,
  month: 1,
  correctedPayslipId: 'slip-2026-01',
  paidCaoVersionName: 'CAO 2024',
  paidMonthly: '2461.52',
  dueMonthly: '2540.00',
  dueCaoVersionId: 'cao-2026',
  dueCaoVersionName: 'CAO 2026',
  daysEmployed: 31,
  daysInMonth: 31,
  alreadyCorrected: '0.00',
  ...over,
});

describe('back pay for one settled month', () => {
  test('a whole month: exactly the difference of the monthly wages', () => {
    expect(backPayFor(correction())).toMatchObject({ paidForDays: '2461.52', dueForDays: '2540.00', amount: '78.48' });
  });

  test('a partial month is pro rata as it was paid, each side half up to cents', () => {
    // 2450.00 × 15/30 = 1225.00 due, 2400.00 × 15/30 = 1200.00 paid; 5.00 corrected before.
    const p = backPayFor(
      correction({
        year: 2025,
        month: 4,
        paidMonthly: '2400.00',
        dueMonthly: '2450.00',
        daysEmployed: 15,
        daysInMonth: 30,
        alreadyCorrected: '5.00',
      }),
    );
    expect(p).toMatchObject({ paidForDays: '1200.00', dueForDays: '1225.00', amount: '20.00' });
    // 2540.00 × 10/31 = 819.35 (819.354…) less 2461.52 × 10/31 = 794.04 (794.0387…): 25.31, not the
    // 25.32 of the difference pro rata: each side is rounded as it is (or would have been) paid.
    expect(backPayFor(correction({ daysEmployed: 10 }))!.amount).toBe('25.31');
  });

  test('nothing when the month is corrected in full already, or the wage due is lower', () => {
    expect(backPayFor(correction({ alreadyCorrected: '78.48' }))).toBeNull();
    expect(backPayFor(correction({ dueMonthly: '2400.00' }))).toBeNull();
  });

  test("the holiday allowance of a month's accrual year (June–May, paid in May) is paid out already or not", () => {
    expect(holidayAllowanceAlreadyPaidOut({ year: 2025, month: 4 }, { year: 2026, month: 3 }, 5)).toBe(true);
    expect(holidayAllowanceAlreadyPaidOut({ year: 2025, month: 5 }, { year: 2025, month: 6 }, 5)).toBe(true);
    expect(holidayAllowanceAlreadyPaidOut({ year: 2025, month: 6 }, { year: 2026, month: 3 }, 5)).toBe(false);
    // Paid out this very month: reserved now and paid with this month's payout.
    expect(holidayAllowanceAlreadyPaidOut({ year: 2025, month: 4 }, { year: 2025, month: 5 }, 5)).toBe(false);
  });
});

describe('a payslip with back pay', () => {
  const base = payrollInput({ previousYearAnnualWage: '30000.00' });
  const withBackPay = calculatePayroll({
    ...base,
    backPay: [
      correction(), // January 2026: accrual year 2025–2026, not yet paid out
      correction({
        year: 2025,
        month: 4,
        correctedPayslipId: 'slip-2025-04',
        paidMonthly: '2400.00',
        dueMonthly: '2450.00',
        daysEmployed: 15,
        daysInMonth: 30,
        alreadyCorrected: '5.00',
      }),
    ],
  });
  const without = calculatePayroll(base);

  test('pays each corrected month on its own line, and holiday allowance over it', () => {
    const codes = withBackPay.lines.map((l) => [l.code, l.amount]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['BACK_PAY', '78.48'],
        ['BACK_PAY', '20.00'],
        // 8 % of the 20.00 whose accrual year (June 2024 – May 2025) was paid out in May 2025.
        ['HOLIDAY_ALLOWANCE_BACK_PAY', '1.60'],
        // 6.5 % of 98.48 = 6.4012.
        ['PENSION_EMPLOYEE_BACK_PAY', '6.40'],
        // 13.5 % of 98.48 = 13.2948.
        ['PENSION_EMPLOYER_BACK_PAY', '13.29'],
      ]),
    );
    expect(withBackPay.lines.find((l) => l.code === 'BACK_PAY')!.description).toContain('2026-01');
    // January's 78.48 is reserved with March's wage: 8 % of (2461.52 + 78.48) = 203.20.
    expect(withBackPay.holidayAllowance.reserved).toBe('203.20');
    expect(withBackPay.backPay).toMatchObject({
      total: '98.48',
      holidayAllowancePaid: '1.60',
      holidayAllowanceReservedOn: '78.48',
    });
  });

  test('is taxed with the special-payments table; the regular wage tax is unchanged', () => {
    expect(withBackPay.wageTax.monthly).toBe(without.wageTax.monthly);
    // 98.48 + 1.60 − 6.40 pension = 93.68.
    expect(withBackPay.taxableWage.special).toBe('93.68');
    const expected = specialPaymentsTax({
      year: 2026,
      previousYearAnnualWage: '30000.00',
      withTaxCredit: true,
      amount: '93.68',
    });
    expect(withBackPay.wageTax.special).toBe(expected.tax.toFixed(2));
  });

  test('net pay and the year to date add up', () => {
    const c = withBackPay;
    const net = new Exact(c.grossWage)
      .plus(c.backPay!.total)
      .plus(c.backPay!.holidayAllowancePaid)
      .minus(c.pension.employee)
      .minus(c.backPay!.pensionEmployee)
      .minus(c.wageTax.total);
    expect(c.netPay).toBe(net.toFixed(2));
    expect(c.yearToDateAfter.grossWage).toBe('2560.00');
    expect(c.yearToDateAfter.holidayAllowancePaid).toBe('1.60');
    expect(new Exact(c.yearToDateAfter.premiumWage).equals(c.taxableWage.total)).toBe(true);
  });

  test('refuses back pay for this month or later', () => {
    expect(() => calculatePayroll({ ...base, backPay: [correction({ year: 2026, month: 3 })] })).toThrow(DomainError);
  });

  test('a lower wage published later gives no line at all', () => {
    const c = calculatePayroll({ ...base, backPay: [correction({ dueMonthly: '2400.00' })] });
    expect(c.backPay).toBeNull();
    expect(c.netPay).toBe(without.netPay);
  });
});

describe('back pay to a former employee', () => {
  // Employed until 31 January 2026; the back pay for January is paid with March.
  const ended = payrollInput({
    employment: { endDate: new Date('2026-01-31T00:00:00Z') },
    previousYearAnnualWage: '30000.00',
  });

  test('a payslip with back pay only: no wage, holiday allowance over it paid at once', () => {
    const c = calculatePayroll({ ...ended, backPay: [correction()] });
    expect(c.grossWage).toBe('0.00');
    expect(c.period.daysEmployed).toBe(0);
    expect(c.wageTax.monthly).toBe('0.00');
    // Everything reserved was paid when the employment ended: so is the allowance over the back pay.
    expect(c.backPay).toMatchObject({
      total: '78.48',
      holidayAllowancePaid: '6.28',
      holidayAllowanceReservedOn: '0.00',
    });
    expect(c.holidayAllowance.reserved).toBe('0.00');
    expect(c.lines.find((l) => l.code === 'GROSS_WAGE')!.description).toMatch(/ended/);
    // 78.48 + 6.28 − 5.10 pension (6.5 % of 78.48 = 5.1012) = 79.66 taxed as a special payment.
    expect(c.taxableWage).toEqual({ regular: '0.00', special: '79.66', total: '79.66' });
    expect(c.compliant).toBe(true);
  });

  test('without back pay a month after the employment is refused as before', () => {
    expect(() => calculatePayroll(ended)).toThrow(/has no day in 2026-03/);
  });
});
