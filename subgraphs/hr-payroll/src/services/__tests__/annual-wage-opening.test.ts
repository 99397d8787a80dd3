import { exact } from '@samen-sterk/subgraph-runtime/pure';
import { annualWageForSpecialPayments } from '../../domain/payroll/annual-wage';
import type { OpeningBalanceFigures } from '../../domain/payroll/opening-balances';
import { withOpeningBalance } from '../annual-wage-figures';

/*
 * The annual wage for the special-payments table with an opening balance (README rules 3a and 11).
 * A member moved here from 1 April 2026 with balances as of 31 March: the taxable wage to date
 * €6,904.56 (three months of €2,301.52), last year's annual wage €31,000.00.
 */
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const figures: OpeningBalanceFigures = {
  asOf: date('2026-03-31'),
  holidayAllowanceAccrued: null,
  holidayAllowanceAccruedOnWages: null,
  previousYearAnnualWage: exact('31000.00'),
  yearToDate: { taxableWage: exact('6904.56') },
};
const opening = { figures, first: false, employedFrom: date('2024-01-01') };
const firstPeriod = { monthly: '2461.52', pensionEmployeePercent: '6.5', holidayAllowancePercent: '8' };
const whole = (days: number) => ({ daysEmployed: days, daysInMonth: days });

describe('the annual wage with an opening balance', () => {
  it('in the first year paid here, the annual wage HR entered comes first', () => {
    const f = withOpeningBalance({ previousYear: null, firstPeriod: null }, opening, 2026);
    expect(f.openingBalance).toBe('31000.00');
    const annual = annualWageForSpecialPayments({ ...f, firstPeriod });
    expect(annual).toMatchObject({ annualWage: '31000.00', source: 'OPENING_BALANCE' });
  });

  it('in the year after, the months the former system paid count: a whole year, not nine months scaled up', () => {
    // April–December here: the last payslip's taxable wage to date holds the whole year,
    // 6,904.56 + 9 × 2,301.52 + holiday allowance 2,363.04 = €29,981.28.
    const here = { taxableWage: '29981.28', months: [30, 31, 30, 31, 31, 30, 31, 30, 31].map(whole) };
    const f = withOpeningBalance({ previousYear: here, firstPeriod: null }, opening, 2027);
    expect(f.openingBalance).toBeNull();
    expect(f.previousYear?.months).toHaveLength(12);
    expect(annualWageForSpecialPayments({ ...f, firstPeriod })).toMatchObject({
      annualWage: '29981.28',
      source: 'PREVIOUS_YEAR',
    });
    // Without the months before the platform the same wage would count as nine months:
    // 29,981.28 / 9 × 12 = €39,975.04, a higher row than the employee's.
    expect(annualWageForSpecialPayments({ openingBalance: null, previousYear: here, firstPeriod }).annualWage).toBe(
      '39975.04',
    );
  });

  it('without a taxable wage to date in the balances, only the months paid here count (converted)', () => {
    const noYtd = { ...opening, figures: { ...figures, yearToDate: {} } };
    const here = { taxableWage: '20713.68', months: [30, 31, 30, 31, 31, 30, 31, 30, 31].map(whole) };
    const f = withOpeningBalance({ previousYear: here, firstPeriod: null }, noYtd, 2027);
    expect(f.previousYear).toBe(here);
    expect(annualWageForSpecialPayments({ ...f, firstPeriod }).source).toBe('PREVIOUS_YEAR_CONVERTED');
  });

  it('no opening balance: the figures as they were', () => {
    const f = withOpeningBalance({ previousYear: null, firstPeriod }, undefined, 2026);
    expect(f).toEqual({ previousYear: null, firstPeriod, openingBalance: null });
  });
});
