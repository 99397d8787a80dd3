import { parseCalendarDate } from '@samen-sterk/subgraph-runtime';
import { bblHourly, minimumWageAge, youthHourly } from '../domain/minimum-wage';
import { money } from '../domain/money';
import { computeWage } from '../domain/wage';

const d = (s: string) => parseCalendarDate(s)!;
const version = {
  name: 'CAO 2024',
  effectiveFrom: d('2024-01-01'),
  effectiveTo: d('2024-12-31'),
  fullTimeHoursPerWeek: '38',
  weeksPerYear: '52.4',
};
const wage = (scale: number, table: string, hours: string, minimumHourly: string, age = 21) =>
  computeWage({
    version,
    afterEffect: false,
    scale,
    step: 0,
    tableMonthlyFullTime: money(table),
    on: d('2024-07-01'),
    hoursPerWeek: money(hours),
    minimumWage: { hourly: money(minimumHourly), age, effectiveFrom: d('2024-07-01') },
  });

test('a table amount above the minimum wage is paid as it is, pro rata for the hours', () => {
  const w = wage(5, '2461.52', '24', '13.27');
  expect([w.basis, w.monthly.toFixed(2), w.hourly.toFixed(2), w.liftedToMinimumWage]).toEqual([
    'CAO_TABLE',
    '1554.64',
    '14.83',
    false,
  ]);
});

test('a table amount below the minimum wage is lifted to it, and says by how much', () => {
  const w = wage(2, '2201.94', '38', '13.68');
  expect([w.basis, w.monthlyFullTime.toFixed(2), w.hourly.toFixed(2), w.liftedToMinimumWage]).toEqual([
    'LIFTED_TO_MINIMUM_WAGE',
    '2269.97',
    '13.68',
    true,
  ]);
  expect(w.explanation.join(' ')).toContain('€68.03 below the minimum wage');
});

test('scale 1 is the minimum wage for the age, not the printed table amount', () => {
  const youth = wage(1, '2201.94', '38', '6.64', 18);
  expect([youth.basis, youth.monthly.toFixed(2), youth.liftedToMinimumWage]).toEqual([
    'MINIMUM_WAGE_SCALE',
    '1101.80',
    false,
  ]);
});

test('hours must be above zero and at most full time', () => {
  for (const hours of ['0', '-4', '38.5']) {
    expect(() => wage(5, '2461.52', hours, '13.27')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'hoursPerWeek' } }),
    );
  }
});

test('youth and BBL amounts are the statutory percentages of the adult amount, half up to cents', () => {
  // The published 2026 amounts (minimum-wage-nl.json) follow from 14.71 this way.
  expect([20, 19, 18, 17, 16, 15].map((age) => youthHourly(money('14.71'), age).toFixed(2))).toEqual([
    '11.77',
    '8.83',
    '7.36',
    '5.81',
    '5.07',
    '4.41',
  ]);
  expect(bblHourly(money('14.40'), 19)?.toFixed(2)).toBe('7.56');
  expect(bblHourly(money('14.40'), 17)).toBeNull();
  expect(minimumWageAge(35)).toBe(21);
  expect(() => minimumWageAge(14)).toThrow(/under 15/);
});
