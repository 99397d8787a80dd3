import { exact, parseCalendarDate, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { bblHourly, minimumWageAge, youthHourly } from '../domain/minimum-wage';
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
    tableMonthlyFullTime: exact(table),
    on: d('2024-07-01'),
    hoursPerWeek: exact(hours),
    minimumWage: { hourly: exact(minimumHourly), age, effectiveFrom: d('2024-07-01') },
  });

/** The amounts of a wage in cents, to compare with what the CAO prints. */
const cents = (w: ReturnType<typeof wage>) => {
  const amount = (x: Exact) => x.toFixed(2);
  return { ...w, monthly: amount(w.monthly), monthlyFullTime: amount(w.monthlyFullTime), hourly: amount(w.hourly) };
};

test('a table amount above the minimum wage is paid as it is, pro rata for the hours', () => {
  expect(cents(wage(5, '2461.52', '24', '13.27'))).toMatchObject({
    basis: 'CAO_TABLE',
    monthly: '1554.64',
    hourly: '14.83',
    liftedToMinimumWage: false,
  });
});

test('a table amount below the minimum wage is lifted to it, and says by how much', () => {
  const w = wage(2, '2201.94', '38', '13.68');
  expect(cents(w)).toMatchObject({
    basis: 'LIFTED_TO_MINIMUM_WAGE',
    monthlyFullTime: '2269.97',
    hourly: '13.68',
    liftedToMinimumWage: true,
  });
  expect(w.explanation.join(' ')).toContain('€68.03 below the minimum wage');
});

test('scale 1 is the minimum wage for the age, not the printed table amount', () => {
  expect(cents(wage(1, '2201.94', '38', '6.64', 18))).toMatchObject({
    basis: 'MINIMUM_WAGE_SCALE',
    monthly: '1101.80',
    liftedToMinimumWage: false,
  });
});

test('hours must be above zero and at most full time', () => {
  for (const hours of ['0', '-4', '38.5']) {
    expect(() => wage(5, '2461.52', hours, '13.27')).toThrow(
      expect.objectContaining({ kind: 'BAD_USER_INPUT', field: 'hoursPerWeek' }),
    );
  }
});

test('youth and BBL amounts are the statutory percentages of the adult amount, half up to cents', () => {
  // The published 2026 amounts (minimum-wage-nl.json) follow from 14.71 this way.
  expect([20, 19, 18, 17, 16, 15].map((age) => youthHourly(exact('14.71'), age).toFixed(2))).toEqual([
    '11.77',
    '8.83',
    '7.36',
    '5.81',
    '5.07',
    '4.41',
  ]);
  expect(bblHourly(exact('14.40'), 19)?.toFixed(2)).toBe('7.56');
  expect(bblHourly(exact('14.40'), 17)).toBeNull();
  expect(minimumWageAge(35)).toBe(21);
  expect(() => minimumWageAge(14)).toThrow(/under 15/);
});
