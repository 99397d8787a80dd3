import { addMonths, addYears, formatCalendarDate, parseCalendarDate, todayInNetherlands } from '../pure/calendar-date';

const d = (s: string) => parseCalendarDate(s)!;

test('only real calendar dates parse', () => {
  expect(formatCalendarDate(d('2024-02-29'))).toBe('2024-02-29');
  for (const bad of ['2023-02-29', '2026-13-01', '2026-1-1', '2026-01-01T00:00:00Z', ''])
    expect(parseCalendarDate(bad)).toBeNull();
});

test('adding months keeps the day, or takes the last day of a shorter month', () => {
  expect(formatCalendarDate(addMonths(d('2024-03-15'), 18))).toBe('2025-09-15');
  expect(formatCalendarDate(addMonths(d('2023-08-31'), 18))).toBe('2025-02-28');
  expect(formatCalendarDate(addMonths(d('2022-08-31'), 18))).toBe('2024-02-29');
  expect(formatCalendarDate(addYears(d('2024-02-29'), 3))).toBe('2027-02-28');
});

test('today is taken in Dutch time', () => {
  // 23:30 UTC on 31 December is already New Year in Amsterdam.
  expect(formatCalendarDate(todayInNetherlands(new Date('2025-12-31T23:30:00Z')))).toBe('2026-01-01');
});
