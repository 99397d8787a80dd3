import { ageOn, birthdayWithin, effectiveDay } from '../employment';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the day an employment is judged on', () => {
  const employment = { startDate: day('2026-03-01'), endDate: day('2026-09-30') };

  test('today while it runs', () => {
    expect(effectiveDay(employment, day('2026-05-12'))).toEqual(day('2026-05-12'));
  });

  test('its first day before it starts, its last day after it ended', () => {
    expect(effectiveDay(employment, day('2026-01-15'))).toEqual(day('2026-03-01'));
    expect(effectiveDay(employment, day('2026-12-01'))).toEqual(day('2026-09-30'));
  });

  test('without an end date, today once it has started', () => {
    expect(effectiveDay({ startDate: employment.startDate, endDate: null }, day('2030-01-01'))).toEqual(
      day('2030-01-01'),
    );
  });
});

describe('a birthday within the days of a month (where the month is split for a youth wage)', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it.each([
    // Turning 18 on 10 March 2026: inside 1–31 March.
    ['2008-03-10', '2026-03-01', '2026-03-31', { on: d('2026-03-10'), age: 18 }],
    // On the first: the age on the 1st counts it already, no split.
    ['2008-03-01', '2026-03-01', '2026-03-31', null],
    // On the last day of the days employed: one day at the new age.
    ['2008-03-31', '2026-03-01', '2026-03-31', { on: d('2026-03-31'), age: 18 }],
    // After the employment ended on the 15th: nothing.
    ['2008-03-20', '2026-03-01', '2026-03-15', null],
    // Born on 29 February: in a common year the birthday is 28 February (as ageOn counts it).
    ['2008-02-29', '2026-02-01', '2026-02-28', { on: d('2026-02-28'), age: 18 }],
  ])('born %s, days %s – %s', (born, from, to, expected) => {
    const found = birthdayWithin(d(born), d(from), d(to));
    expect(found).toEqual(expected);
    if (found) {
      expect(ageOn(d(born), found.on)).toBe(found.age);
      expect(ageOn(d(born), new Date(found.on.getTime() - 86_400_000))).toBe(found.age - 1);
    }
  });
});
