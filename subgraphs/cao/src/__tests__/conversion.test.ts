import { hourlyFromMonthly, hoursPerMonth, monthlyFromHourly, partTimeMonthly } from '../domain/conversion';
import { money, toCents } from '../domain/money';

const cao2024 = { fullTimeHoursPerWeek: '38', weeksPerYear: '52.4' };

test("the CAO's own example: €13.27 an hour is €2,201.94 a month at 38 hours", () => {
  expect(monthlyFromHourly(money('13.27'), money(38), cao2024).toFixed(2)).toBe('2201.94');
  expect(hourlyFromMonthly(money('2201.94'), money(38), cao2024).toFixed(2)).toBe('13.27');
  expect(hoursPerMonth(38, cao2024).toDecimalPlaces(4).toString()).toBe('165.9333');
});

test('52 weeks would not reproduce the table: the weeks a year are a parameter, not a constant', () => {
  expect(monthlyFromHourly(money('13.27'), money(38), { ...cao2024, weeksPerYear: '52' }).toFixed(2)).toBe('2185.13');
});

test('part-time is the full-time amount × hours ÷ full-time hours, half up to cents', () => {
  expect(partTimeMonthly(money('2461.52'), money(24), cao2024).toFixed(2)).toBe('1554.64'); // 1554.644…
  expect(partTimeMonthly(money('2201.94'), money('19.5'), cao2024).toFixed(2)).toBe('1129.94'); // 1129.9429…
  expect(partTimeMonthly(money('3000.00'), money(19), cao2024).toFixed(2)).toBe('1500.00');
});

test('rounding is half up at the cent, never banker’s rounding', () => {
  expect(toCents(money('1554.645')).toFixed(2)).toBe('1554.65');
  expect(toCents(money('0.125')).toFixed(2)).toBe('0.13');
  expect(toCents(money('0.135')).toFixed(2)).toBe('0.14');
});
