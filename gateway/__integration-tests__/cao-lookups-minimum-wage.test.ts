import { ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import { tokenOf as tokenOfRole } from './testkit/actors';
import { monthlyFromHourly, percentOf } from './testkit/cao-arithmetic';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes, nodes } from './testkit/graphql';
import { cents, formatCents } from './testkit/money';
import { cells2024 as cells, minimumWageNl as minimumWageJson } from './testkit/seed-data';
import { batched, memberId, token, tp, wage } from './testkit/cao-lookups';

// Look-ups in the collective agreement (CAO) through the gateway: the published 2024 table
// exactly as in its JSON, part-time and youth wages, the 2026 minimum wage lifting the table by
// after-effect, the minimum wage itself, the compliance helper, bad input, and who may look up.
// This file: the statutory minimum wage, cells below it, bad input, and who may look up.
const tokenOf = (role: Role) => tokenOfRole(role, memberId);
/** The difference of two amounts, exactly. */
const minus = (a: string, b: string) => formatCents(cents(a) - cents(b));

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
      nonEmpty(answers).forEach((answer, i) => {
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
    const res = await tp.query<{ minimumWageRates: { totalCount: number; edges: { node: unknown }[] } }>(
      `{ minimumWageRates(first: 20) { totalCount edges { node { effectiveFrom amounts { age hourly youthPercent bblPercent } } } } }`,
      { token },
    );
    const { minimumWageRates } = expectOk(res);
    expect(minimumWageRates.totalCount).toBe(minimumWageJson.rates.length);
    expect(nodes(minimumWageRates)).toEqual(
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
  interface Report {
    on: string;
    afterEffect: boolean;
    minimumWageMonthlyFullTime: string;
    cells: { scale: number; step: number; monthlyFullTime: string; shortfall: string }[];
  }
  /** The cells below the minimum wage on a day, as member HR asks. */
  const below = async (on: string) =>
    expectOk(await tp.query<{ cellsBelowMinimumWage: Report }>(REPORT, { token, variables: { on } }))
      .cellsBelowMinimumWage;
  const expectedBelow = (minimum: string) =>
    cells
      .filter((c) => cents(c.monthly) < cents(minimum))
      .map((c) => ({ scale: c.scale, step: c.step, monthlyFullTime: c.monthly, shortfall: minus(minimum, c.monthly) }));

  test('on 2024-07-01 (€13.68 an hour) it lists exactly the cells below €2,269.97 a month, with the shortfall', async () => {
    const minimum = monthlyFromHourly('13.68'); // 13.68 × 38 × 52.4 / 12 = 2269.968
    expect(minimum).toBe('2269.97');
    const report = await below('2024-07-01');
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
    const report = await below('2024-03-01');
    expect(report.minimumWageMonthlyFullTime).toBe('2201.94');
    expect(report.cells).toEqual([]);
  });

  test('in 2026 it reports the after-effect and the cells the 2026 minimum wage overtook', async () => {
    const report = await below('2026-03-01');
    expect(report.afterEffect).toBe(true);
    expect(report.cells).toEqual(expectedBelow('2440.88'));
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
    const res = await tp.query(LOOKUPS, { token: await tokenOf(role) });
    expect(expectOk(res)).toEqual({
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
  const res = await tp.query<{
    members: { totalCount: number; edges: { node: { name: string; city: string } }[] };
    caoInForce: unknown;
    wage: { monthly: string };
  }>(
    `{ members(first: 2) { totalCount edges { node { name city } } }
       caoInForce(on: "2024-05-01") { afterEffect version { name cellCount } }
       wage(scale: 3, step: 2, on: "2024-05-01") { monthly } }`,
    { token },
  );
  const data = expectOk(res);
  expect(data.members.totalCount).toBe(62);
  expect(data.members.edges).toHaveLength(2);
  expect(data.members.edges[0]!.node.name).toEqual(expect.any(String));
  expect(data.caoInForce).toEqual({
    afterEffect: false,
    version: { name: 'CAO Kringloop Nederland 2024', cellCount: 86 },
  });
  expect(data.wage.monthly).toBe('2268.66');
});
