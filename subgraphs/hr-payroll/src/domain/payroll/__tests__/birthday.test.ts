import { calculatePayroll } from '../calculate';
import type { BirthdayWageInput } from '../types';
import { date, payrollInput } from './fixtures';

/*
 * A youth's minimum wage rises on the birthday itself (README rule 2a): the month is split at the
 * birthday, each part at its own CAO answer, pro rata by calendar days; the minimum-wage check
 * takes each part against the minimum of its own age.
 *
 * The case of the issue: scale 1, 24 hours a week, turning 18 on 10 March 2026. The CAO pays the
 * statutory youth minimum there (1 January 2026): age 17 €5.81 an hour, 24 × 52.4 / 12 = 104.8
 * hours → 608.888 → €608.89 a month; age 18 €7.36 → 771.328 → €771.33.
 */
const AGE_17 = { monthly: '608.89', hourly: '5.81', minimumWageHourly: '5.81' };
const AGE_18: BirthdayWageInput = {
  on: date('2026-03-10'),
  age: 18,
  monthly: '771.33',
  hourly: '7.36',
  minimumWageHourly: '7.36',
  caoVersionId: 'cao-kringloop-2024',
  caoVersionName: 'CAO Kringloop Nederland 2024',
};
const youth = (fromBirthday: BirthdayWageInput | null, caoWage = AGE_17) =>
  calculatePayroll(
    payrollInput({ employment: { hoursPerWeek: '24' }, caoWage: { ...caoWage, fromBirthday }, settings: {} }),
  );

describe('a birthday in the middle of the month', () => {
  it('turning 18 on 10 March: 9 days at the age of 17, 22 days at 18', () => {
    const r = youth(AGE_18);
    // 608.89 × 9 / 31 = 176.7745… → 176.77; 771.33 × 22 / 31 = 547.3954… → 547.40; gross 724.17
    // (the month at the age on the 1st paid 608.89: €115.28 too little).
    expect(r.grossWage).toBe('724.17');
    expect(r.lines.filter((l) => l.code === 'GROSS_WAGE').map((l) => [l.base, l.rate, l.amount])).toEqual([
      ['608.89', '9/31', '176.77'],
      ['771.33', '22/31', '547.40'],
    ]);
    // Holiday allowance 8 % of 724.17 = 57.9336 → 57.93 (of 608.89 it was 48.71: €9.22 less in May).
    expect(r.holidayAllowance.reserved).toBe('57.93');
    expect(r.period.partial).toBe(false);
    expect(r.compliant).toBe(true);
    expect(r.compliance[0]?.message).toMatch(
      /Before the birthday, 9 days: .*€5\.81.*From the birthday 2026-03-10 \(age 18\), 22 days: .*€7\.36/,
    );
    expect(r.explanation.some((e) => e.startsWith('Birthday 2026-03-10 (age 18)'))).toBe(true);
  });

  it("the minimum-wage check takes the days from the birthday against the new age's minimum", () => {
    // A CAO answer that stays at €7.00 an hour from the 18th birthday: €0.36 an hour short there.
    const r = youth({ ...AGE_18, monthly: '733.60', hourly: '7.00' });
    expect(r.compliant).toBe(false);
    const check = r.compliance.find((c) => c.code === 'MINIMUM_WAGE')!;
    expect(check.ok).toBe(false);
    // The part from the birthday: 733.60 × 22 / 31 = 520.6193… → 520.62; short 520.62 × 0.36 / 7.00
    // = 26.7747… → €26.77.
    expect(check.message).toMatch(/age 18\), 22 days: €0\.36 an hour below .*€26\.77 too little this month/);
  });

  it('a partial month: the split counts only the days employed', () => {
    const r = calculatePayroll(
      payrollInput({
        employment: { hoursPerWeek: '24', startDate: date('2026-03-05') },
        caoWage: { ...AGE_17, fromBirthday: AGE_18 },
      }),
    );
    // 5–9 March (5 days) at 17: 608.89 × 5 / 31 = 98.2080… → 98.21; 10–31 March at 18: 547.40.
    expect(r.grossWage).toBe('645.61');
    expect(r.period).toMatchObject({ daysEmployed: 27, partial: true });
  });
});

describe('a birthday on the first of the month', () => {
  it('the whole month at the new age: one part, no split', () => {
    // The run asks the CAO with the age on the 1st (18 already) and sends no second answer; a
    // birthday answer from the 1st itself comes to the same.
    const asked = youth(null, AGE_18);
    const given = youth({ ...AGE_18, on: date('2026-03-01') });
    for (const r of [asked, given]) {
      expect(r.grossWage).toBe('771.33');
      expect(r.lines.filter((l) => l.code === 'GROSS_WAGE')).toHaveLength(1);
      expect(r.compliance[0]).toMatchObject({ code: 'MINIMUM_WAGE', ok: true });
    }
  });

  it('a birthday answer outside the month is refused', () => {
    expect(() => youth({ ...AGE_18, on: date('2026-04-10') })).toThrow(
      expect.objectContaining({ reason: 'INVALID_DATE', field: 'caoWage.fromBirthday.on' }),
    );
  });
});
