import { MEMBER_ROLES, ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// Look-ups in the collective agreement (CAO) through the gateway: the published 2024 table
// exactly as in its JSON, part-time and youth wages, the 2026 minimum wage lifting the table by
// after-effect, the minimum wage itself, the compliance helper, bad input, and who may look up.
let tp: TestPlatform;
let token: string;
let admin: string;
let memberId: string;

const SEED = path.join(__dirname, '..', '..', 'subgraphs', 'cao', 'seed-data');
const cao2024 = JSON.parse(fs.readFileSync(path.join(SEED, 'cao-kringloop-2024.json'), 'utf8')) as {
  name: string;
  salaryTable: { scales: { scale: number; steps: { step: number; monthly: string }[] }[] };
};
const minimumWageJson = JSON.parse(fs.readFileSync(path.join(SEED, 'minimum-wage-nl.json'), 'utf8')) as {
  youthPercent: Record<string, string>;
  bblYouthPercent: Record<string, string>;
  rates: { effectiveFrom: string; hourly: Record<string, string> }[];
};
const cells = cao2024.salaryTable.scales.flatMap((s) =>
  s.steps.map((c) => ({ scale: s.scale, step: c.step, monthly: c.monthly })),
);

// Exact arithmetic with BigInt (decimal.js is not a dependency of the gateway): never floats.
/** "2461.52" → 2461.52 as a fraction [246152n, 100n]. */
const frac = (value: string): [bigint, bigint] => {
  const [whole, decimals = ''] = value.split('.');
  return [BigInt(`${whole}${decimals}`), 10n ** BigInt(decimals.length)];
};
/** num / den (≥ 0) rounded half up to cents, written with two decimals. */
const halfUpCents = (num: bigint, den: bigint): string => {
  const cents = (num * 200n + den) / (2n * den);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
};
const cents = (value: string) => {
  const [n, d] = frac(value);
  return (n * 100n) / d;
};
const minus = (a: string, b: string) => halfUpCents(cents(a) - cents(b), 100n);
/** The CAO's conversion (src/domain/conversion.ts): hours a month = 38 × 52.4 / 12. */
const monthlyFromHourly = (hourly: string) => {
  const [n, d] = frac(hourly);
  return halfUpCents(n * 38n * 524n, d * 10n * 12n);
};
const hourlyFromMonthly = (monthly: string) => {
  const [n, d] = frac(monthly);
  return halfUpCents(n * 12n * 10n, d * 38n * 524n);
};
const partTime = (fullTime: string, hours: string) => {
  const [fn, fd] = frac(fullTime);
  const [hn, hd] = frac(hours);
  return halfUpCents(fn * hn, fd * hd * 38n);
};
const percentOf = (amount: string, percent: string) => {
  const [an, ad] = frac(amount);
  const [pn, pd] = frac(percent);
  return halfUpCents(an * pn, ad * pd * 100n);
};

const tokenOf = (role: Role) => tokenFor({ roles: [role], ...(MEMBER_ROLES.includes(role) ? { memberId } : {}) });

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tokenFor({ roles: ['platform-admin'] });
  const res: any = await tp.query(`{ members(first: 1) { edges { node { id } } } }`, { token: admin });
  memberId = res.data.members.edges[0].node.id;
  token = await tokenOf('member-hr');
});
afterAll(() => tp?.stop());

/** Many look-ups in one request, in groups of 20 (the gateway's alias limit). */
async function batched<T>(items: T[], field: (item: T) => string): Promise<any[]> {
  const results: any[] = [];
  for (let i = 0; i < items.length; i += 20) {
    const group = items.slice(i, i + 20);
    const res: any = await tp.query(`{ ${group.map((item, j) => `a${j}: ${field(item)}`).join('\n')} }`, { token });
    expect(res.errors).toBeUndefined();
    results.push(...group.map((_, j) => res.data[`a${j}`]));
  }
  return results;
}

const WAGE = `query($scale: Int!, $step: Int!, $on: Date!, $hours: Decimal, $age: Int) {
  wage(scale: $scale, step: $step, on: $on, hoursPerWeek: $hours, age: $age) {
    scale step on hoursPerWeek monthly hourly monthlyFullTime tableMonthlyFullTime basis liftedToMinimumWage
    minimumWageMonthlyFullTime afterEffect explanation
    minimumWage { hourly age effectiveFrom }
    version { name effectiveFrom effectiveTo }
  }
}`;
const wage = async (variables: Record<string, unknown>, as = token) => tp.query<any>(WAGE, { token: as, variables });

describe('the 2024 salary table, exactly as published', () => {
  test('the seed has the 86 cells the agreement prints', () => {
    expect(cells).toHaveLength(86);
  });

  test('the scales in force in 2024 are every cell of the published table, to the cent', async () => {
    const res: any = await tp.query(
      `{ wageScales(on: "2024-03-01") { on afterEffect version { name status effectiveFrom effectiveTo cellCount }
          scales { scale steps { step monthlyFullTime hourly } } } }`,
      { token },
    );
    expect(res.errors).toBeUndefined();
    const inForce = res.data.wageScales;
    expect(inForce.afterEffect).toBe(false);
    expect(inForce.version).toEqual({
      name: 'CAO Kringloop Nederland 2024',
      status: 'PUBLISHED',
      effectiveFrom: '2024-01-01',
      effectiveTo: '2024-12-31',
      cellCount: 86,
    });
    expect(
      inForce.scales.map((s: any) => ({ scale: s.scale, steps: s.steps.map((c: any) => [c.step, c.monthlyFullTime]) })),
    ).toEqual(
      cao2024.salaryTable.scales.map((s) => ({ scale: s.scale, steps: s.steps.map((c) => [c.step, c.monthly]) })),
    );
    for (const scale of inForce.scales) {
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
    const res = await wage({ scale: 5, step: 3, on: '2024-03-01', hours: '24' });
    expect(res.errors).toBeUndefined();
    expect(res.data.wage).toMatchObject({
      hoursPerWeek: '24',
      tableMonthlyFullTime: '2461.52',
      monthlyFullTime: '2461.52',
      monthly: '1554.64',
      hourly: '14.83',
      basis: 'CAO_TABLE',
    });
    expect(res.data.wage.explanation.join('\n')).toMatch(/24 of 38 hours/);
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
  test('scale 1 for an 18-year-old is 50 % of the minimum wage: €6.64 an hour, €1,101.80 a month', async () => {
    const res = await wage({ scale: 1, step: 0, on: '2024-03-01', age: 18 });
    expect(res.errors).toBeUndefined();
    expect(res.data.wage).toMatchObject({
      monthly: '1101.80',
      monthlyFullTime: '1101.80',
      hourly: '6.64',
      basis: 'MINIMUM_WAGE_SCALE',
      liftedToMinimumWage: false,
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
    const res = await wage({ scale: 1, step: 0, on: '2026-02-01', age: 20 });
    expect(res.errors).toBeUndefined();
    expect(res.data.wage).toMatchObject({
      minimumWage: { hourly: '11.77', age: 20, effectiveFrom: '2026-01-01' },
      monthly: monthlyFromHourly('11.77'),
      basis: 'MINIMUM_WAGE_SCALE',
      afterEffect: true,
    });
  });

  test('under 15 there is no minimum wage: the age is refused', async () => {
    const res = await wage({ scale: 1, step: 0, on: '2024-03-01', age: 14 });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('age');
    expect(res.data?.wage ?? null).toBeNull();
  });

  test('a higher scale pays an 18-year-old the table amount, not a youth percentage of it', async () => {
    const res = await wage({ scale: 5, step: 3, on: '2024-03-01', age: 18 });
    expect(res.errors).toBeUndefined();
    expect(res.data.wage).toMatchObject({
      monthly: '2461.52',
      monthlyFullTime: '2461.52',
      basis: 'CAO_TABLE',
      liftedToMinimumWage: false,
      minimumWage: { hourly: '6.64', age: 18 },
    });
  });
});

describe('2026: after-effect and the 2026 minimum wage', () => {
  test('scale 2 step 0 is lifted to the 2026 minimum wage of €14.71 an hour, and the answer says why', async () => {
    const res = await wage({ scale: 2, step: 0, on: '2026-03-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data.wage).toMatchObject({
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
    });
    expect(monthlyFromHourly('14.71')).toBe('2440.88');
    const explanation: string[] = res.data.wage.explanation;
    expect(explanation.some((line) => /after-effect/.test(line) && /nawerking/.test(line))).toBe(true);
    expect(explanation.some((line) => /below the minimum wage/.test(line))).toBe(true);
  });

  test('part time in 2026 is the lifted amount pro rata', async () => {
    const res = await wage({ scale: 2, step: 0, on: '2026-03-01', hours: '20' });
    expect(res.data.wage).toMatchObject({
      monthlyFullTime: '2440.88',
      monthly: partTime('2440.88', '20'),
      hourly: '14.71',
    });
  });

  test('a cell above the 2026 minimum wage is not lifted, but still applies by after-effect', async () => {
    const res = await wage({ scale: 8, step: 20, on: '2026-03-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data.wage).toMatchObject({
      tableMonthlyFullTime: '5839.04',
      monthlyFullTime: '5839.04',
      liftedToMinimumWage: false,
      basis: 'CAO_TABLE',
      afterEffect: true,
    });
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
    const after: any = await tp.query(CAO_IN_FORCE, { token, variables: { on: '2026-03-01' } });
    expect(after.data.caoInForce).toMatchObject({
      on: '2026-03-01',
      afterEffect: true,
      version: { name: 'CAO Kringloop Nederland 2024' },
    });
    expect(after.data.caoInForce.explanation).toMatch(/after-effect/);
    for (const on of ['2024-01-01', '2024-12-31']) {
      const during: any = await tp.query(CAO_IN_FORCE, { token, variables: { on } });
      expect(during.data.caoInForce).toMatchObject({
        on,
        afterEffect: false,
        version: { name: 'CAO Kringloop Nederland 2024' },
      });
    }
    const first: any = await tp.query(CAO_IN_FORCE, { token, variables: { on: '2025-01-01' } });
    expect(first.data.caoInForce.afterEffect).toBe(true);
    const before = await tp.query(CAO_IN_FORCE, { token, variables: { on: '2023-12-31' } });
    expect(errorCodes(before)).toEqual(['NOT_FOUND']);
  });
});

describe('the statutory minimum wage', () => {
  const ages = [15, 16, 17, 18, 19, 20, 21, 35];
  const bracket = (age: number) => (age >= 21 ? '21+' : String(age));
  const dates = minimumWageJson.rates.flatMap((rate, i) => {
    const next = minimumWageJson.rates[i + 1];
    const dayBefore = next
      ? new Date(Date.parse(`${next.effectiveFrom}T00:00:00Z`) - 86400000).toISOString().slice(0, 10)
      : '2030-12-31';
    return [
      { on: rate.effectiveFrom, rate },
      { on: dayBefore, rate },
    ];
  });

  test.each(dates.map((d) => [d.on, d.rate.effectiveFrom, d.rate] as const))(
    'on %s the rate from %s applies, for every age, with the youth and BBL percentages',
    async (on, _from, rate) => {
      const answers = await batched(
        ages,
        (age) =>
          `minimumWage(on: "${on}", age: ${age}) { on effectiveFrom age hourly adultHourly youthPercent bblPercent bblHourly }`,
      );
      answers.forEach((answer, i) => {
        const age = ages[i]!;
        const bbl = minimumWageJson.bblYouthPercent[String(age)] ?? null;
        expect(answer).toEqual({
          on,
          effectiveFrom: rate.effectiveFrom,
          age: Math.min(age, 21),
          hourly: rate.hourly[bracket(age)],
          adultHourly: rate.hourly['21+'],
          youthPercent: minimumWageJson.youthPercent[bracket(age)],
          bblPercent: bbl,
          bblHourly: bbl === null ? null : percentOf(rate.hourly['21+']!, bbl),
        });
      });
    },
  );

  test('every rate of the JSON is registered, newest first', async () => {
    const res: any = await tp.query(
      `{ minimumWageRates(first: 20) { totalCount edges { node { effectiveFrom amounts { age hourly youthPercent bblPercent } } } } }`,
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.minimumWageRates.totalCount).toBe(minimumWageJson.rates.length);
    expect(res.data.minimumWageRates.edges.map((e: any) => e.node)).toEqual(
      [...minimumWageJson.rates].reverse().map((rate) => ({
        effectiveFrom: rate.effectiveFrom,
        amounts: Object.entries(rate.hourly)
          .map(([b, hourly]) => ({
            age: Number.parseInt(b, 10),
            hourly,
            youthPercent: minimumWageJson.youthPercent[b],
            bblPercent: minimumWageJson.bblYouthPercent[b] ?? null,
          }))
          .sort((a, b) => b.age - a.age),
      })),
    );
  });

  test('before the first registered rate there is none', async () => {
    const res = await tp.query(`{ minimumWage(on: "2023-12-31", age: 21) { hourly } }`, { token });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  test('under 15 the minimum wage look-up refuses the age', async () => {
    const res = await tp.query(`{ minimumWage(on: "2024-03-01", age: 14) { hourly } }`, { token });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('age');
  });
});

describe('cells below the minimum wage', () => {
  const REPORT = `query($on: Date!) { cellsBelowMinimumWage(on: $on) {
    on afterEffect version { name } minimumWage { hourly effectiveFrom } minimumWageMonthlyFullTime
    cells { scale step monthlyFullTime shortfall } } }`;
  const expectedBelow = (minimum: string) =>
    cells
      .filter((c) => cents(c.monthly) < cents(minimum))
      .map((c) => ({ scale: c.scale, step: c.step, monthlyFullTime: c.monthly, shortfall: minus(minimum, c.monthly) }));

  test('on 2024-07-01 (€13.68 an hour) it lists exactly the cells below €2,269.97 a month, with the shortfall', async () => {
    const minimum = monthlyFromHourly('13.68'); // 13.68 × 38 × 52.4 / 12 = 2269.968
    expect(minimum).toBe('2269.97');
    const res: any = await tp.query(REPORT, { token, variables: { on: '2024-07-01' } });
    expect(res.errors).toBeUndefined();
    const report = res.data.cellsBelowMinimumWage;
    expect(report).toMatchObject({
      on: '2024-07-01',
      afterEffect: false,
      version: { name: 'CAO Kringloop Nederland 2024' },
      minimumWage: { hourly: '13.68', effectiveFrom: '2024-07-01' },
      minimumWageMonthlyFullTime: minimum,
    });
    const expected = expectedBelow(minimum);
    expect(expected.map((c) => `${c.scale}.${c.step}`)).toEqual([
      '1.0',
      '2.0',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3.0',
      '3.1',
      '3.2',
      '4.0',
    ]);
    expect(report.cells).toEqual(expected);
  });

  test('on 2024-03-01 no cell is below the minimum wage', async () => {
    const res: any = await tp.query(REPORT, { token, variables: { on: '2024-03-01' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.cellsBelowMinimumWage.minimumWageMonthlyFullTime).toBe('2201.94');
    expect(res.data.cellsBelowMinimumWage.cells).toEqual([]);
  });

  test('in 2026 it reports the after-effect and the cells the 2026 minimum wage overtook', async () => {
    const res: any = await tp.query(REPORT, { token, variables: { on: '2026-03-01' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.cellsBelowMinimumWage.afterEffect).toBe(true);
    expect(res.data.cellsBelowMinimumWage.cells).toEqual(expectedBelow('2440.88'));
  });
});

describe('bad input', () => {
  test.each([
    [{ scale: 9, step: 0 }, 'scale'],
    [{ scale: 0, step: 0 }, 'scale'],
    [{ scale: 2, step: 5 }, 'step'],
    [{ scale: 2, step: -1 }, 'step'],
    [{ scale: 1, step: 1 }, 'step'],
  ])('an unknown cell %j is refused, naming %s', async (cell, field) => {
    const res = await wage({ ...cell, on: '2024-03-01' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.data?.wage ?? null).toBeNull();
  });

  test.each(['0', '-1', '39', '38.01', '0.00'])('%s hours a week is refused', async (hours) => {
    const res = await wage({ scale: 5, step: 3, on: '2024-03-01', hours });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('hoursPerWeek');
  });

  test.each(['2024-02-30', '2024-13-01', '01-03-2024', '2024-3-1', ''])(
    'the date "%s" in a variable is refused',
    async (on) => {
      const res = await wage({ scale: 5, step: 3, on });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0]?.message).toMatch(/not a calendar date/);
    },
  );

  // Written in the query itself rather than passed as a variable, the same bad value reaches the
  // subgraph as a literal; the subgraph refuses it with HTTP 400 GRAPHQL_VALIDATION_FAILED and the
  // gateway turns that into INTERNAL_SERVER_ERROR (a bug in subgraphs/runtime/src/http/server.ts).
  test.each(['2024-02-30', '2024-13-01', ''])('the date "%s" written in the query is refused', async (on) => {
    const res = await tp.query(`{ caoInForce(on: "${on}") { afterEffect } }`, { token });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.message).toMatch(/not a calendar date/);
  });

  test('hours written in the query that are not a decimal are refused', async () => {
    const res = await tp.query(`{ wage(scale: 5, step: 3, on: "2024-03-01", hoursPerWeek: "twenty") { monthly } }`, {
      token,
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });

  test('hours that are not a decimal string are refused', async () => {
    const res = await wage({ scale: 5, step: 3, on: '2024-03-01', hours: 'twenty' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });

  test('a look-up before the first agreement is NOT_FOUND', async () => {
    const res = await wage({ scale: 5, step: 3, on: '2023-06-01' });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('who may look up', () => {
  const LOOKUPS = `{
    caoInForce(on: "2024-05-01") { afterEffect version { name } }
    wage(scale: 5, step: 3, on: "2024-05-01") { monthly }
    wageScales(on: "2024-05-01") { scales { scale } }
    minimumWage(on: "2024-05-01", age: 21) { hourly }
    cellsBelowMinimumWage(on: "2024-05-01") { cells { scale } }
    caoVersions(first: 5) { totalCount edges { node { name status } } }
    minimumWageRates(first: 1) { totalCount }
  }`;

  test.each(ROLES)('%s may look up the agreement, wages and the minimum wage', async (role) => {
    const res: any = await tp.query(LOOKUPS, { token: await tokenOf(role) });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      caoInForce: { afterEffect: false, version: { name: 'CAO Kringloop Nederland 2024' } },
      wage: { monthly: '2461.52' },
      wageScales: { scales: [1, 2, 3, 4, 5, 6, 7, 8].map((scale) => ({ scale })) },
      minimumWage: { hourly: '13.27' },
      cellsBelowMinimumWage: { cells: [] },
      caoVersions: { totalCount: 1, edges: [{ node: { name: 'CAO Kringloop Nederland 2024', status: 'PUBLISHED' } }] },
      minimumWageRates: { totalCount: 5 },
    });
  });

  test('without a token nothing is answered', async () => {
    const res = await tp.query(LOOKUPS);
    expect(errorCodes(res)).toContain('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });
});

test('one request reads the members directory and the agreement together', async () => {
  const res: any = await tp.query(
    `{ members(first: 2) { totalCount edges { node { name city } } }
       caoInForce(on: "2024-05-01") { afterEffect version { name cellCount } }
       wage(scale: 3, step: 2, on: "2024-05-01") { monthly } }`,
    { token },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.members.totalCount).toBe(62);
  expect(res.data.members.edges).toHaveLength(2);
  expect(res.data.members.edges[0].node.name).toEqual(expect.any(String));
  expect(res.data.caoInForce).toEqual({
    afterEffect: false,
    version: { name: 'CAO Kringloop Nederland 2024', cellCount: 86 },
  });
  expect(res.data.wage.monthly).toBe('2268.66');
});
