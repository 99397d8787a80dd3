import { Exact } from '@samen-sterk/subgraph-runtime/pure';
import { wageTax } from '../wage-tax';

/*
 * The white day and week tables, from the same rekenvoorschriften as the monthly table: the period
 * wage × F (RV2026 table 1b: week 52, day 260) gives the annual wage, rounded down to a multiple of
 * Lv = €54 (RV table 1a, the annual source table all period tables are cut from); the annual tax
 * over it (brackets, credits) is divided by F again and rounded half up to cents. No official row
 * of the 2026 day or week table could be read here, so every figure below is worked out by hand.
 */

const tax = (period: string, wage: string, withTaxCredit: boolean, year = 2026) =>
  wageTax({ year, period, wage, withTaxCredit });
const cents = (x: Exact) => x.toFixed(2);

describe('2026 day table', () => {
  it('€100.00 a day, with and without loonheffingskorting', () => {
    // 100 × 260 = 26.000 → L = 481 × 54 = 25.974; table row 25.974 / 260 = 99,90.
    // X1 = floor(25.974 × 35,75%) = floor(9.285,705) = 9.285.
    // AHK: L ≤ 29.736 → 3.115. ARK: 8,324% capped at 996; + 31,009% × 14.009 = 4.344,05081 → capped
    // at 5.300; + 1,95% × 129 = 2,5155 → 5.302,5155 → up to 5.303. X = 9.285 − 3.115 − 5.303 = 867.
    const withCredit = tax('DAY', '100.00', true);
    expect(withCredit.annualWage.toFixed(0)).toBe('25974');
    expect(cents(withCredit.tableWage)).toBe('99.90');
    expect(withCredit.employmentTaxCredit.toFixed(0)).toBe('5303');
    // 867 / 260 = 3,3346… → 3,33 a day; the day's arbeidskorting 5.303 / 260 = 20,396… → 20,40.
    expect(cents(withCredit.tax)).toBe('3.33');
    expect(cents(withCredit.period.employmentTaxCredit)).toBe('20.40');
    // Without credit: 9.285 / 260 = 35,711… → 35,71.
    expect(cents(tax('DAY', '100.00', false).tax)).toBe('35.71');
    expect(withCredit.explanation.join('\n')).toContain('/ 260 = €3.33 a day');
  });

  it('a day wage between two rows takes the lower row: €100.10 and €100.00 withhold the same', () => {
    // 100,10 × 260 = 26.026 → L = 25.974 (the next row starts at 26.028 = €100,11 a day).
    expect(cents(tax('DAY', '100.10', true).tax)).toBe('3.33');
    expect(tax('DAY', '100.11', true).annualWage.toFixed(0)).toBe('26028');
  });

  it('above the highest table wage: the highest row plus 49,50% of the excess, rounded down to cents', () => {
    // Lmax = 133.110: X1 = floor((133.110 − 78.426) × 49,5% + 28.752) = floor(55.820,58) = 55.820;
    // 55.820 / 260 = 214,6923… → 214,69. €600 a day: (156.000 − 133.110) / 260 = 88,038461… → 88,03846
    // (5 decimals); × 49,5% = 43,5790… → 43,57. Tax 214,69 + 43,57 = 258,26, with or without credit.
    expect(cents(tax('DAY', '600.00', true).tax)).toBe('258.26');
    expect(cents(tax('DAY', '600.00', false).tax)).toBe('258.26');
  });

  it('2025: the highest day wage it can vouch for, as for the month (Lmax 2025 unknown)', () => {
    // Highest supported L = 129.114: 496,79 × 260 = 129.165,4 → L = 129.114 (the row's last cent);
    // 496,80 × 260 = 129.168 → L = 129.168, refused.
    expect(tax('DAY', '496.79', false, 2025).annualWage.toFixed(0)).toBe('129114');
    expect(() => tax('DAY', '496.80', false, 2025)).toThrow(
      expect.objectContaining({ reason: 'ABOVE_SUPPORTED_WAGE' }),
    );
  });
});

describe('2026 week table', () => {
  it('€500.00 a week is the same annual wage as €100.00 a day; only the rounding of the period differs', () => {
    // 500 × 52 = 26.000 → L = 25.974, X = 867 (see the day table): 867 / 52 = 16,673… → 16,67,
    // where five days at 3,33 make 16,65.
    expect(cents(tax('WEEK', '500.00', true).tax)).toBe('16.67');
    expect(cents(tax('WEEK', '500.00', true).tableWage)).toBe('499.50');
  });
});

describe('the three periods agree on the annual wage', () => {
  it('a month, a week and a day of the same yearly pay give the same annual tax, within the rounding of the period', () => {
    // €3.033,00 a month = €36.396 a year = €699,92307… a week = €139,98461… a day. L = 36.396 in each.
    const monthly = tax('MONTH', '3033.00', true);
    const weekly = tax('WEEK', '699.93', true);
    const daily = tax('DAY', '139.99', true);
    for (const r of [monthly, weekly, daily]) expect(r.annualWage.toFixed(0)).toBe('36396');
    const yearly = [monthly.tax.times(12), weekly.tax.times(52), daily.tax.times(260)];
    for (const y of yearly) expect(y.minus(yearly[0]!).abs().lessThanOrEqualTo(new Exact('1.30'))).toBe(true);
  });
});
