import { exact } from '@samen-sterk/subgraph-runtime/pure';
import { calculatePayroll } from '../calculate';
import {
  firstMonthPaidHere,
  monthsBeforePlatform,
  openingBalanceProblems,
  openingYearToDate,
  paidBeforePlatform,
  type OpeningBalanceFigures,
} from '../opening-balances';
import { periodsPaid } from '../annual-wage';
import { emptyYearToDate } from '../types';
import { date, payrollInput } from './fixtures';

/*
 * Opening balances (README rule 11). The worked case: a member moves its payroll here from
 * 1 April 2026, so the former system paid up to 31 March 2026. The fixtures' employee (scale 5
 * step 3, €2,461.52 a month, pension 6.5 %, holiday allowance 8 %) has been employed since 2024:
 * - holiday allowance reserved June 2025–March 2026: 10 × 8 % × 2,461.52 = 10 × 196.92 = €1,969.20,
 *   on wages of 10 × 2,461.52 = €24,615.20;
 * - year to date January–March: gross 3 × 2,461.52 = €7,384.56; pension 6.5 % → 160.00 a month,
 *   €480.00; taxable wage 3 × 2,301.52 = €6,904.56; wage tax €600.00 (entered as the old system
 *   printed it); premium wage €6,904.56.
 */
const MOVE: OpeningBalanceFigures = {
  asOf: date('2026-03-31'),
  holidayAllowanceAccrued: exact('1969.20'),
  holidayAllowanceAccruedOnWages: exact('24615.20'),
  previousYearAnnualWage: exact('31000.00'),
  yearToDate: {
    grossWage: exact('7384.56'),
    employeePension: exact('480.00'),
    taxableWage: exact('6904.56'),
    wageTax: exact('600.00'),
    premiumWage: exact('6904.56'),
  },
};
const EMPLOYED = { startDate: date('2024-01-01'), endDate: null };
const TODAY = date('2026-12-01');
const problems = (figures: Partial<OpeningBalanceFigures>, employment: typeof EMPLOYED | null = EMPLOYED) =>
  openingBalanceProblems({ ...MOVE, ...figures }, { today: TODAY, employment });

describe('entering opening balances', () => {
  it('takes the worked case as it is', () => {
    expect(problems({})).toEqual([]);
    expect(firstMonthPaidHere(MOVE.asOf)).toEqual({ year: 2026, month: 4 });
  });

  it('refuses a day that is not the last of a month, a day to come, or before payroll here can start', () => {
    expect(problems({ asOf: date('2026-03-15') })).toEqual([
      expect.objectContaining({ field: 'asOf', message: expect.stringMatching(/last day of a month.*not 2026-03-15/) }),
    ]);
    expect(problems({ asOf: date('2026-12-31') })[0]?.message).toMatch(/lies in the future/);
    expect(problems({ asOf: date('2023-12-31'), yearToDate: {} })[0]?.message).toMatch(/2024-12-31 or later/);
  });

  it('refuses an employee not employed over the day (no history to carry)', () => {
    expect(problems({}, null)).toEqual([
      expect.objectContaining({ field: 'asOf', message: expect.stringMatching(/no employment/) }),
    ]);
  });

  it('names every amount that is negative, past a cent, or out of range', () => {
    const found = problems({
      holidayAllowanceAccrued: exact('-1'),
      previousYearAnnualWage: exact('12.345'),
      yearToDate: { ...MOVE.yearToDate, netPay: exact('1000000.01') },
    });
    expect(found.map((p) => p.field)).toEqual([
      'holidayAllowanceAccrued',
      'previousYearAnnualWage',
      'yearToDate.netPay',
    ]);
    expect(found[0]?.message).toBe(
      'The holiday allowance accrued must be an amount in euros and cents from 0 to €1000000.00.',
    );
  });

  it('refuses figures that contradict each other', () => {
    expect(problems({ yearToDate: { taxableWage: exact('100.00'), wageTax: exact('100.01') } })).toEqual([
      expect.objectContaining({ field: 'yearToDate.wageTax' }),
    ]);
    expect(problems({ yearToDate: { grossWage: exact('100.00'), employeePension: exact('100.01') } })).toEqual([
      expect.objectContaining({ field: 'yearToDate.employeePension' }),
    ]);
    expect(problems({ holidayAllowanceAccrued: null })).toEqual([
      expect.objectContaining({ field: 'holidayAllowanceAccruedOnWages' }),
    ]);
    expect(problems({ holidayAllowanceAccrued: exact('30000') })).toEqual([
      expect.objectContaining({ field: 'holidayAllowanceAccrued' }),
    ]);
  });

  it('has no year to date to carry when the balances close a year', () => {
    expect(problems({ asOf: date('2025-12-31') })).toEqual([
      expect.objectContaining({ field: 'yearToDate.grossWage', message: expect.stringMatching(/new year/) }),
    ]);
    expect(problems({ asOf: date('2025-12-31'), yearToDate: {} })).toEqual([]);
  });
});

describe('what the balances give the first month paid here', () => {
  it('the year to date of the year of asOf, zero for what was not entered; nothing in another year', () => {
    const ytd = openingYearToDate(MOVE, 2026);
    expect(ytd).toMatchObject({ grossWage: '7384.56', taxableWage: '6904.56', wageTax: '600.00', netPay: '0.00' });
    expect(openingYearToDate(MOVE, 2027)).toEqual(emptyYearToDate());
  });

  it('months up to asOf were paid by the former system', () => {
    expect(paidBeforePlatform(MOVE.asOf, 2026, 3)).toBe(true);
    expect(paidBeforePlatform(MOVE.asOf, 2026, 4)).toBe(false);
    expect(paidBeforePlatform(MOVE.asOf, 2025, 12)).toBe(true);
  });

  it('the months the former system paid, as wage periods: January–March, or from a start in the year', () => {
    expect(monthsBeforePlatform(MOVE.asOf, date('2024-01-01'))).toEqual([
      { daysEmployed: 31, daysInMonth: 31 },
      { daysEmployed: 28, daysInMonth: 28 },
      { daysEmployed: 31, daysInMonth: 31 },
    ]);
    // Hired on 16 February: 13/28 + 1 = 1.4643 periods.
    const hired = monthsBeforePlatform(MOVE.asOf, date('2026-02-16'));
    expect(hired).toEqual([
      { daysEmployed: 13, daysInMonth: 28 },
      { daysEmployed: 31, daysInMonth: 31 },
    ]);
    expect(periodsPaid(hired).toFixed(4)).toBe('1.4643');
  });
});

describe('the first months paid here, calculated', () => {
  const april = {
    ...payrollInput({
      period: { year: 2026, month: 4 },
      yearToDate: openingYearToDate(MOVE, 2026),
      holidayAllowanceAccrual: {
        reserved: '1969.20',
        base: '0.00',
        opening: { reserved: '1969.20', base: '24615.20', asOf: '2026-03-31' },
      },
      previousYearAnnualWage: '31000.00',
    }),
    openingBalanceAsOf: '2026-03-31',
  };

  it('April carries on from the year to date and says so', () => {
    const r = calculatePayroll(april);
    // Taxable wage 2,461.52 − 160.00 = 2,301.52; year to date 6,904.56 + 2,301.52 = 9,206.08.
    expect(r.taxableWage.total).toBe('2301.52');
    expect(r.yearToDateAfter.taxableWage).toBe('9206.08');
    expect(r.yearToDateAfter.grossWage).toBe('9846.08');
    expect(r.yearToDateAfter.employeePension).toBe('640.00');
    expect(r.explanation[0]).toMatch(/First month paid here: .* opening balances .* as of 2026-03-31/);
    expect(r.warnings.join(' ')).not.toMatch(/opening balances/);
    // The holiday allowance reserved carries the opening balance on, kept apart until paid.
    expect(r.holidayAllowance.accrualAfter).toEqual({
      reserved: '2166.12',
      base: '2461.52',
      opening: { reserved: '1969.20', base: '24615.20', asOf: '2026-03-31' },
    });
  });

  it('May pays the whole accrual year June–May, the months before the platform included', () => {
    const r = calculatePayroll({
      ...april,
      period: { year: 2026, month: 5 },
      holidayAllowanceAccrual: {
        reserved: '2166.12',
        base: '2461.52',
        opening: { reserved: '1969.20', base: '24615.20', asOf: '2026-03-31' },
      },
      openingBalanceAsOf: undefined,
    });
    // 1,969.20 + 196.92 (April) + 196.92 (May) = €2,363.04 = 12 × 196.92, on wages of
    // 24,615.20 + 2 × 2,461.52 = €29,538.24 (without the balances: €393.84 on €4,923.04).
    expect(r.holidayAllowance.paid).toBe('2363.04');
    const paid = r.lines.find((l) => l.code === 'HOLIDAY_ALLOWANCE_PAID')!;
    expect(paid).toMatchObject({ base: '29538.24', amount: '2363.04' });
    expect(paid.description).toMatch(/1969\.20 of it accrued before the platform/);
    // Taxed at the row of the entered annual wage €31,000: 40.20 % (with credit), rounded down:
    // 2,363.04 × 0.4020 = 949.94208 → €949.94.
    const special = r.lines.find((l) => l.code === 'WAGE_TAX_SPECIAL')!;
    expect(special).toMatchObject({ rate: '40.2', amount: '949.94' });
    expect(r.holidayAllowance.accrualAfter).toEqual({ reserved: '0.00', base: '0.00' });
  });

  it('without the wages the balance was reserved on, the payout has no base rather than a wrong one', () => {
    const r = calculatePayroll({
      ...april,
      period: { year: 2026, month: 5 },
      holidayAllowanceAccrual: {
        reserved: '2166.12',
        base: '2461.52',
        opening: { reserved: '1969.20', base: null, asOf: '2026-03-31' },
      },
      openingBalanceAsOf: undefined,
    });
    expect(r.lines.find((l) => l.code === 'HOLIDAY_ALLOWANCE_PAID')).toMatchObject({ base: null, amount: '2363.04' });
    expect(r.explanation.join(' ')).toMatch(/the wages it was reserved on not entered/);
  });

  it('the premium-wage maximum counts the premium wage paid before the platform', () => {
    // €78,000.00 of the €79,409 maximum used before: April is charged on €1,409.00 of its €2,301.52.
    const r = calculatePayroll({ ...april, yearToDate: { ...april.yearToDate, premiumWage: '78000.00' } });
    expect(r.premiumWage).toMatchObject({ thisMonth: '2301.52', charged: '1409.00', remainingBefore: '1409.00' });
  });

  it('warns when months lie between the balances and the first month paid here', () => {
    const r = calculatePayroll({ ...april, period: { year: 2026, month: 6 } });
    expect(r.warnings).toContainEqual(
      expect.stringMatching(
        /as of 2026-03-31, but the first month paid here is 2026-06: the wages of 2026-04 to 2026-05 are in neither/,
      ),
    );
  });
});
