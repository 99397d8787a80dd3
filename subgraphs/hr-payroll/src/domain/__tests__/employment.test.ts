import { effectiveDay } from '../employment';

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
