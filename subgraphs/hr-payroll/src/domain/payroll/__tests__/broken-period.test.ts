import { calculatePayroll } from '../calculate';
import { workingDays } from '../proration';
import { date, payrollInput } from './fixtures';

/*
 * A broken wage period (gebroken loontijdvak): the employment starts or ends inside the month. The
 * Handboek Loonheffingen has the week table used for every whole working week and the day table for
 * the other working days, not the monthly table on the pro-rated wage (see ../tax.ts and README.md,
 * rule 5). Base case: scale 5 step 3, €2461.52 a month at 38 h, pension 6.5 %, with tax credit.
 */

describe('working days of a broken period (Monday to Friday)', () => {
  it.each([
    // Wednesday 15 – Thursday 30 April 2026: 3 + 5 + 4 days; one whole week (20–24 April).
    ['2026-04-15', '2026-04-30', { days: 12, fullWeeks: 1, restDays: 7 }],
    // Sunday 1 – Sunday 15 March 2026: the weeks of 2 and 9 March.
    ['2026-03-01', '2026-03-15', { days: 10, fullWeeks: 2, restDays: 0 }],
    // Sunday 1 – Wednesday 4 February 2026: three days, no whole week.
    ['2026-02-01', '2026-02-04', { days: 3, fullWeeks: 0, restDays: 3 }],
    // A Saturday and a Sunday only.
    ['2026-03-28', '2026-03-29', { days: 0, fullWeeks: 0, restDays: 0 }],
    // A whole month: 22 working days in March 2026, four whole weeks (2, 9, 16, 23 March) and 30–31.
    ['2026-03-01', '2026-03-31', { days: 22, fullWeeks: 4, restDays: 2 }],
  ])('%s – %s', (from, to, expected) => {
    expect(workingDays(date(from), date(to))).toEqual(expected);
  });
});

describe('wage tax of a broken period', () => {
  it('three days, no whole week: the day table three times', () => {
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 2 },
        employment: { endDate: date('2026-02-04') },
        previousYearAnnualWage: '30000.00',
      }),
    );
    // 1–4 February = 4 of 28 days: 2461.52 × 4 / 28 = 351.645… → 351.65; pension 22.85725 → 22.86;
    // taxable 328.79. Working days Monday 2 – Wednesday 4: 3. Day wage 328.79 / 3 = 109.5966… → 109.60.
    // Day table: × 260 = 28496 → L = 527 × 54 = 28458; X1 = floor(10173.735) = 10173; AHK 3115;
    // ARK 996, + 31.009 % × 16493 → capped at 5300, + 1.95 % × 2613 = 50.9535 → 5350.9535 → 5351;
    // X = 10173 − 3115 − 5351 = 1707 → / 260 = 6.565… → 6.57 a day; × 3 = 19.71.
    // (The monthly table on 328.79 withheld nothing: × 12 = 3945.48, the credits exceed the tax.)
    expect(r.grossWage).toBe('351.65');
    expect(r.taxableWage.regular).toBe('328.79');
    expect(r.wageTax.monthly).toBe('19.71');
    expect(r.explanation.some((e) => /0 whole working weeks and 3 days/.test(e))).toBe(true);
    expect(r.explanation.some((e) => /Day table on €109\.60: €6\.57 a day × 3 = €19\.71/.test(e))).toBe(true);
  });

  it('only a weekend employed: counted as one day of the day table', () => {
    const r = calculatePayroll(
      payrollInput({
        employment: { endDate: date('2026-03-01') },
        previousYearAnnualWage: '30000.00',
      }),
    );
    // Sunday 1 March only: 2461.52 / 31 = 79.4038… → 79.40; pension 5.161 → 5.16; taxable 74.24.
    // Day table on 74.24: × 260 = 19302.40 → L = 357 × 54 = 19278; X1 = floor(6891.885) = 6891;
    // AHK 3115; ARK 996 + 31.009 % × 7313 = 2267.68… → 3263.68… → 3264; X = 512 → / 260 = 1.969… → 1.97.
    expect(r.taxableWage.regular).toBe('74.24');
    expect(r.wageTax.monthly).toBe('1.97');
    expect(r.explanation.some((e) => /0 working days \(Monday to Friday\), counted as one day/.test(e))).toBe(true);
  });

  it('without loonheffingskorting the same tables, without credits', () => {
    const r = calculatePayroll(
      payrollInput({
        period: { year: 2026, month: 4 },
        employment: { startDate: date('2026-04-15'), applyTaxCredit: false },
      }),
    );
    // Taxable 1227.48 over 12 working days: 102.29 a day, L = 26568 (see calculate.test.ts).
    // X1 = 9498: week 9498 / 52 = 182.653… → 182.65; day 9498 / 260 = 36.530… → 36.53 × 7 = 255.71.
    expect(r.wageTax.monthly).toBe('438.36');
  });

  it('a whole month keeps the monthly table', () => {
    const r = calculatePayroll(payrollInput());
    expect(r.period.partial).toBe(false);
    // 2301.52 → white monthly table with credit: 117.83 (calculate.test.ts).
    expect(r.wageTax.monthly).toBe('117.83');
    expect(r.lines.find((l) => l.code === 'WAGE_TAX')?.description).toBe(
      'Wage tax, white monthly table with tax credit',
    );
  });
});
