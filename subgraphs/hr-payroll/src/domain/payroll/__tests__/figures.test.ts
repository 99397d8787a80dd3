import fc from 'fast-check';
import { exact, isDomainError } from '@samen-sterk/subgraph-runtime/pure';
import { calculatePayroll, calculatePayslipFigures } from '../calculate';
import type { PayrollInput } from '../types';
import { date, payrollInput } from './fixtures';

/**
 * A run stores payslips calculated without their explanation (`calculatePayslipFigures`): the
 * sentences are made only when someone reads them. Every figure, line, check and warning must be
 * what the explained calculation gives, and an input refused by one is refused by the other.
 */

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** An amount of euros from `low` to `high` as the inputs write it ("1234.56"), made from whole cents as text. */
const cents = (low: number, high: number) =>
  fc.integer({ min: low * 100, max: high * 100 }).map((c) => {
    const digits = String(c).padStart(3, '0');
    return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  });

/** Months with every branch of the steps: broken periods, birthdays, back pay, payouts, LKV, opening balances, caps. */
const inputs: fc.Arbitrary<PayrollInput> = fc
  .record({
    year: fc.constantFrom(2025, 2026, 2026, 2026),
    month: fc.integer({ min: 1, max: 12 }),
    startDay: fc.option(fc.integer({ min: 1, max: 28 }), { freq: 3 }),
    endDay: fc.option(fc.integer({ min: 1, max: 28 }), { freq: 4 }),
    hours: fc.constantFrom('12', '24', '32', '38'),
    contractType: fc.constantFrom('PERMANENT', 'FIXED_TERM', 'ON_CALL' as const),
    writtenContract: fc.boolean(),
    applyTaxCredit: fc.boolean(),
    lkv: fc.option(fc.constantFrom('JOB_AGREEMENT_TARGET_GROUP', 'DISABLED_EMPLOYEE' as const)),
    lkvStatus: fc.option(fc.constantFrom('REQUESTED', 'OPEN', 'DUE_SOON', 'MISSED' as const)),
    monthly: cents(1200, 5200),
    // Below the minimum wage of €14.71 sometimes: a payslip that is not compliant.
    hourly: fc.constantFrom('14.83', '15.90', '14.20'),
    birthday: fc.option(fc.record({ day: fc.integer({ min: 2, max: 27 }), age: fc.integer({ min: 18, max: 21 }) }), {
      freq: 4,
    }),
    pension: fc.constantFrom('0', '6.5', '7.50'),
    smallEmployer: fc.boolean(),
    whk: fc.option(fc.constant('2.10')),
    grossBefore: cents(0, 80000),
    premiumWageBefore: cents(0, 80000),
    lkvClaimed: cents(0, 7000),
    reserved: cents(0, 3000),
    opening: fc.option(fc.record({ reserved: cents(0, 900), base: fc.option(cents(0, 9000)) }), { freq: 4 }),
    annualWage: fc.option(cents(10000, 60000), { freq: 6 }),
    backPay: fc.option(cents(0, 200), { freq: 4 }),
    openingAsOf: fc.option(fc.constantFrom('2026-01-31', '2025-10-31'), { freq: 6 }),
  })
  .map((a) => {
    const input = payrollInput({
      period: { year: a.year, month: a.month },
      employment: {
        startDate: a.startDay === null ? date('2020-02-01') : date(iso(a.year, a.month, a.startDay)),
        endDate:
          a.endDay === null || (a.startDay !== null && a.endDay < a.startDay)
            ? null
            : date(iso(a.year, a.month, a.endDay)),
        hoursPerWeek: a.hours,
        contractType: a.contractType,
        writtenContract: a.writtenContract,
        applyTaxCredit: a.applyTaxCredit,
        lkv: a.lkv,
        ...(a.lkvStatus ? { lkvApplication: { status: a.lkvStatus, deadline: '2026-06-30' } } : {}),
      },
      caoWage: {
        monthly: a.monthly,
        hourly: a.hourly,
        fromBirthday: a.birthday && {
          on: date(iso(a.year, a.month, a.birthday.day)),
          age: a.birthday.age,
          monthly: '1800.00',
          hourly: '12.50',
          minimumWageHourly: '12.00',
          caoVersionId: 'cao-later',
          caoVersionName: 'CAO later',
        },
      },
      settings: { pensionEmployeePercent: a.pension, smallEmployer: a.smallEmployer, whkPercent: a.whk },
      yearToDate: { grossWage: a.grossBefore, premiumWage: a.premiumWageBefore, lkvClaimed: a.lkvClaimed },
      holidayAllowanceAccrual: {
        reserved: a.reserved,
        base: '20000.00',
        ...(a.opening ? { opening: { ...a.opening, asOf: '2026-01-31' } } : {}),
      },
      previousYearAnnualWage: a.annualWage,
    });
    if (a.backPay !== null && a.month > 1) {
      input.backPay = [
        {
          year: a.year,
          month: a.month - 1,
          correctedPayslipId: 'payslip-earlier',
          paidCaoVersionName: 'CAO earlier',
          paidMonthly: a.monthly,
          dueMonthly: exact(a.monthly).plus(exact(a.backPay)).toFixed(2),
          dueCaoVersionId: 'cao-later',
          dueCaoVersionName: 'CAO later',
          daysEmployed: 28,
          daysInMonth: 28,
          alreadyCorrected: '0.00',
        },
      ];
    }
    if (a.openingAsOf) input.openingBalanceAsOf = a.openingAsOf;
    return input;
  });

/** The calculation as the run stores it, or the refusal: its reason, field and sentence. */
function outcome(calculate: () => object): object {
  try {
    return calculate();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { refused: error.reason, field: error.field, message: error.message };
  }
}

describe('a payslip calculated without its explanation', () => {
  it('has every figure, line, check and warning of the explained calculation, and the same refusals', () => {
    let explained = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        const full = outcome(() => {
          const { explanation, ...figures } = calculatePayroll(input);
          expect(explanation.length).toBeGreaterThan(0);
          explained++;
          return figures;
        });
        expect(outcome(() => calculatePayslipFigures(input))).toEqual(full);
        expect('explanation' in outcome(() => calculatePayslipFigures(input))).toBe(false);
      }),
      { numRuns: 1500 },
    );
    // Most inputs are calculated, not refused: the comparison is of payslips.
    expect(explained).toBeGreaterThan(750);
  });
});
