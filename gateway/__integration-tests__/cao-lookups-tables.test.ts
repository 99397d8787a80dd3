import { hourlyFromMonthly, monthlyFromHourly, partTime } from './testkit/cao-arithmetic';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes } from './testkit/graphql';
import { cents } from './testkit/money';
import { cao2024, cells2024 as cells, minimumWageNl as minimumWageJson } from './testkit/seed-data';
import { batched, token, tp, wage } from './testkit/cao-lookups';

// Look-ups in the collective agreement (CAO) through the gateway: the published 2024 table
// exactly as in its JSON, part-time and youth wages, the 2026 minimum wage lifting the table by
// after-effect, the minimum wage itself, the compliance helper, bad input, and who may look up.
// This file: the 2024 table, part-time and youth wages, and the 2026 after-effect.

/** The wage look-up answers without errors, with (at least) `expected`; the whole answer. */
async function expectWage(variables: Record<string, unknown>, expected: Record<string, unknown>) {
  const found = expectOk(await wage(variables)).wage;
  expect(found).toMatchObject(expected);
  return found;
}

describe('the 2024 salary table, exactly as published', () => {
  test('the seed has the 86 cells the agreement prints', () => {
    expect(cells).toHaveLength(86);
  });

  test('the scales in force in 2024 are every cell of the published table, to the cent', async () => {
    const res = await tp.query<{
      wageScales: {
        afterEffect: boolean;
        version: unknown;
        scales: { scale: number; steps: { step: number; monthlyFullTime: string; hourly: string }[] }[];
      };
    }>(
      `{ wageScales(on: "2024-03-01") { on afterEffect version { name status effectiveFrom effectiveTo cellCount }
          scales { scale steps { step monthlyFullTime hourly } } } }`,
      { token },
    );
    const inForce = expectOk(res).wageScales;
    expect(inForce.afterEffect).toBe(false);
    expect(inForce.version).toEqual({
      name: 'CAO Kringloop Nederland 2024',
      status: 'PUBLISHED',
      effectiveFrom: '2024-01-01',
      effectiveTo: '2024-12-31',
      cellCount: 86,
    });
    expect(
      inForce.scales.map((s) => ({ scale: s.scale, steps: s.steps.map((c) => [c.step, c.monthlyFullTime]) })),
    ).toEqual(
      cao2024.salaryTable.scales.map((s) => ({ scale: s.scale, steps: s.steps.map((c) => [c.step, c.monthly]) })),
    );
    for (const scale of nonEmpty(inForce.scales)) {
      for (const cell of scale.steps) expect(cell.hourly).toBe(hourlyFromMonthly(cell.monthlyFullTime));
    }
  });

  test('a wage look-up in 2024 gives every cell of the table, and the minimum wage only for scale 1', async () => {
    // On 2024-06-15 the minimum wage is €13.27 an hour: €2,201.94 a month at 38 hours, which is
    // no cell of the table is below; scale 1 is the minimum wage itself.
    expect(monthlyFromHourly('13.27')).toBe('2201.94');
    const answers = await batched(
      cells,
      (c) =>
        `wage(scale: ${c.scale}, step: ${c.step}, on: "2024-06-15") { scale step tableMonthlyFullTime monthlyFullTime monthly basis liftedToMinimumWage afterEffect }`,
    );
    expect(answers).toHaveLength(86);
    answers.forEach((answer, i) => {
      const cell = cells[i]!;
      expect(answer).toEqual({
        scale: cell.scale,
        step: cell.step,
        tableMonthlyFullTime: cell.monthly,
        monthlyFullTime: cell.scale === 1 ? '2201.94' : cell.monthly,
        monthly: cell.scale === 1 ? '2201.94' : cell.monthly,
        basis: cell.scale === 1 ? 'MINIMUM_WAGE_SCALE' : 'CAO_TABLE',
        liftedToMinimumWage: false,
        afterEffect: false,
      });
    });
  });
});

describe('part-time', () => {
  test('scale 5 step 3 at 24 hours: the full-time amount × 24 / 38, half up to cents', async () => {
    const found = await expectWage(
      { scale: 5, step: 3, on: '2024-03-01', hours: '24' },
      {
        hoursPerWeek: '24',
        tableMonthlyFullTime: '2461.52',
        monthlyFullTime: '2461.52',
        monthly: '1554.64',
        hourly: '14.83',
        basis: 'CAO_TABLE',
      },
    );
    expect(found.explanation.join('\n')).toMatch(/24 of 38 hours/);
  });

  test('monthly = round half up (full time × hours / 38) for many cells and hours', async () => {
    const hours = ['1', '8', '12.5', '16', '20', '24', '28.75', '32', '36', '37.99', '38'];
    const sample = cells.filter((_, i) => i % 7 === 3); // a spread over every scale
    const lookups = sample.flatMap((cell) => hours.map((h) => ({ ...cell, hours: h })));
    const answers = await batched(
      lookups,
      (l) =>
        `wage(scale: ${l.scale}, step: ${l.step}, on: "2024-03-01", hoursPerWeek: "${l.hours}") { monthly hourly monthlyFullTime }`,
    );
    answers.forEach((answer, i) => {
      const l = lookups[i]!;
      const fullTime = l.scale === 1 ? monthlyFromHourly('13.27') : l.monthly;
      expect({ ...l, ...answer }).toEqual({
        ...l,
        monthlyFullTime: fullTime,
        monthly: partTime(fullTime, l.hours),
        hourly: hourlyFromMonthly(fullTime),
      });
    });
  });
});

describe('youth', () => {
  /**
   * An 18-year-old's wage on 2024-03-01, full time (`monthly` both the wage and the full-time
   * wage), not lifted, under the youth minimum wage of €6.64 an hour; and `expected`.
   */
  const expectAt18 = (scale: number, step: number, monthly: string, expected: Record<string, unknown>) =>
    expectWage(
      { scale, step, on: '2024-03-01', age: 18 },
      {
        monthly,
        monthlyFullTime: monthly,
        liftedToMinimumWage: false,
        minimumWage: { hourly: '6.64', age: 18 },
        ...expected,
      },
    );

  test('scale 1 for an 18-year-old is 50 % of the minimum wage: €6.64 an hour, €1,101.80 a month', async () => {
    await expectAt18(1, 0, '1101.80', {
      hourly: '6.64',
      basis: 'MINIMUM_WAGE_SCALE',
      minimumWage: { hourly: '6.64', age: 18, effectiveFrom: '2024-01-01' },
    });
  });

  test('scale 1 for every age on 2024-03-01 follows that age’s hourly minimum wage', async () => {
    const ages = [15, 16, 17, 18, 19, 20, 21, 22, 67];
    const rate = minimumWageJson.rates[0]!.hourly;
    const answers = await batched(
      ages,
      (age) =>
        `wage(scale: 1, step: 0, on: "2024-03-01", age: ${age}) { monthlyFullTime basis minimumWage { hourly } }`,
    );
    answers.forEach((answer, i) => {
      const hourly = rate[ages[i]! >= 21 ? '21+' : String(ages[i])]!;
      expect(answer).toEqual({
        monthlyFullTime: monthlyFromHourly(hourly),
        basis: 'MINIMUM_WAGE_SCALE',
        minimumWage: { hourly },
      });
    });
  });

  test('a 20-year-old in 2026 gets the 2026 youth rate of €11.77 an hour on scale 1', async () => {
    await expectWage(
      { scale: 1, step: 0, on: '2026-02-01', age: 20 },
      {
        minimumWage: { hourly: '11.77', age: 20, effectiveFrom: '2026-01-01' },
        monthly: monthlyFromHourly('11.77'),
        basis: 'MINIMUM_WAGE_SCALE',
        afterEffect: true,
      },
    );
  });

  test('under 15 there is no minimum wage: the age is refused', async () => {
    const res = await wage({ scale: 1, step: 0, on: '2024-03-01', age: 14 });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('age');
    expect(res.data?.wage ?? null).toBeNull();
  });

  test('a higher scale pays an 18-year-old the table amount, not a youth percentage of it', async () => {
    await expectAt18(5, 3, '2461.52', { basis: 'CAO_TABLE' });
  });
});

describe('2026: after-effect and the 2026 minimum wage', () => {
  test('scale 2 step 0 is lifted to the 2026 minimum wage of €14.71 an hour, and the answer says why', async () => {
    const found = await expectWage(
      { scale: 2, step: 0, on: '2026-03-01' },
      {
        tableMonthlyFullTime: '2201.94',
        monthlyFullTime: '2440.88',
        monthly: '2440.88',
        hourly: '14.71',
        minimumWageMonthlyFullTime: '2440.88',
        liftedToMinimumWage: true,
        basis: 'LIFTED_TO_MINIMUM_WAGE',
        afterEffect: true,
        minimumWage: { hourly: '14.71', age: 21, effectiveFrom: '2026-01-01' },
        version: { name: 'CAO Kringloop Nederland 2024', effectiveTo: '2024-12-31' },
      },
    );
    expect(monthlyFromHourly('14.71')).toBe('2440.88');
    const { explanation } = found;
    expect(explanation.some((line) => /after-effect/.test(line) && /nawerking/.test(line))).toBe(true);
    expect(explanation.some((line) => /below the minimum wage/.test(line))).toBe(true);
  });

  test('part time in 2026 is the lifted amount pro rata', async () => {
    await expectWage(
      { scale: 2, step: 0, on: '2026-03-01', hours: '20' },
      {
        monthlyFullTime: '2440.88',
        monthly: partTime('2440.88', '20'),
        hourly: '14.71',
      },
    );
  });

  test('a cell above the 2026 minimum wage is not lifted, but still applies by after-effect', async () => {
    await expectWage(
      { scale: 8, step: 20, on: '2026-03-01' },
      {
        tableMonthlyFullTime: '5839.04',
        monthlyFullTime: '5839.04',
        liftedToMinimumWage: false,
        basis: 'CAO_TABLE',
        afterEffect: true,
      },
    );
  });

  test('every cell in 2026 is the table amount or the minimum wage, whichever is higher', async () => {
    const minimum = monthlyFromHourly('14.71');
    const answers = await batched(
      cells,
      (c) => `wage(scale: ${c.scale}, step: ${c.step}, on: "2026-03-01") { monthlyFullTime liftedToMinimumWage }`,
    );
    answers.forEach((answer, i) => {
      const cell = cells[i]!;
      const below = cents(cell.monthly) < cents(minimum);
      expect({ ...cell, ...answer }).toEqual({
        ...cell,
        monthlyFullTime: cell.scale === 1 || below ? minimum : cell.monthly,
        liftedToMinimumWage: cell.scale !== 1 && below,
      });
    });
  });

  test('the agreement in force: 2024 during 2024, by after-effect afterwards, none before', async () => {
    const CAO_IN_FORCE = `query($on: Date!) { caoInForce(on: $on) { on afterEffect explanation version { name } } }`;
    type InForce = { caoInForce: { on: string; afterEffect: boolean; explanation: string } };
    const after = await tp.query<InForce>(CAO_IN_FORCE, { token, variables: { on: '2026-03-01' } });
    expect(expectOk(after).caoInForce).toMatchObject({
      on: '2026-03-01',
      afterEffect: true,
      version: { name: 'CAO Kringloop Nederland 2024' },
    });
    expect(after.data!.caoInForce.explanation).toMatch(/after-effect/);
    for (const on of ['2024-01-01', '2024-12-31']) {
      const during = await tp.query<InForce>(CAO_IN_FORCE, { token, variables: { on } });
      expect(expectOk(during).caoInForce).toMatchObject({
        on,
        afterEffect: false,
        version: { name: 'CAO Kringloop Nederland 2024' },
      });
    }
    const first = await tp.query<InForce>(CAO_IN_FORCE, { token, variables: { on: '2025-01-01' } });
    expect(expectOk(first).caoInForce.afterEffect).toBe(true);
    const before = await tp.query(CAO_IN_FORCE, { token, variables: { on: '2023-12-31' } });
    expect(errorCodes(before)).toEqual(['NOT_FOUND']);
  });
});
