import { exact, roundCents } from '@samen-sterk/subgraph-runtime/pure';
import { hourlyFromMonthly, hoursPerMonth, monthlyFromHourly, partTimeMonthly } from '../domain/conversion';

const cao2024 = { fullTimeHoursPerWeek: '38', weeksPerYear: '52.4' };

test("the CAO's own example: €13.27 an hour is €2,201.94 a month at 38 hours", () => {
  expect(monthlyFromHourly(exact('13.27'), exact(38), cao2024).toFixed(2)).toBe('2201.94');
  expect(hourlyFromMonthly(exact('2201.94'), exact(38), cao2024).toFixed(2)).toBe('13.27');
  expect(hoursPerMonth(38, cao2024).toDecimalPlaces(4).toString()).toBe('165.9333');
});

test('52 weeks would not reproduce the table: the weeks a year are a parameter, not a constant', () => {
  expect(monthlyFromHourly(exact('13.27'), exact(38), { ...cao2024, weeksPerYear: '52' }).toFixed(2)).toBe('2185.13');
});

test('part-time is the full-time amount × hours ÷ full-time hours, half up to cents', () => {
  expect(partTimeMonthly(exact('2461.52'), exact(24), cao2024).toFixed(2)).toBe('1554.64'); // 1554.644…
  expect(partTimeMonthly(exact('2201.94'), exact('19.5'), cao2024).toFixed(2)).toBe('1129.94'); // 1129.9429…
  expect(partTimeMonthly(exact('3000.00'), exact(19), cao2024).toFixed(2)).toBe('1500.00');
});

test('rounding is half up at the cent, never banker’s rounding', () => {
  expect(roundCents(exact('1554.645')).toFixed(2)).toBe('1554.65');
  expect(roundCents(exact('0.125')).toFixed(2)).toBe('0.13');
  expect(roundCents(exact('0.135')).toFixed(2)).toBe('0.14');
});
