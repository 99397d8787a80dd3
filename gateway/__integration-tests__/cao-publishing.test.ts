import { type Role } from '@samen-sterk/subgraph-runtime';
import { tokenOf as tokenOfRole } from './testkit/actors';
import { raised, monthlyFromHourly } from './testkit/cao-arithmetic';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes, nodes } from './testkit/graphql';
import { seededTable2024 as SEEDED_TABLE } from './testkit/seed-data';
import {
  auditCount,
  cao,
  cell,
  createDraft,
  DELETE,
  expectRefusedUnchanged,
  INCREASE,
  PUBLISH,
  read,
  REGISTER,
  seededVersionId,
  setCells,
  state,
  tp,
  memberId,
  UPDATE,
  type Scale,
} from './testkit/cao-versions';

// Maintaining the collective agreement (CAO) through the gateway: drafts, general increases,
// cell edits and their validation, publishing and immutability, new minimum-wage rates, the
// audit log, and that only the association's CAO team may change any of it.
// This file: publishing, and registering a minimum wage.
const tokenOf = (role: Role, sub?: string) => tokenOfRole(role, memberId, sub);

/** What `query` answers `token`, after checking it answered without errors. */
const answer = async <Data>(query: string, token: string, variables?: Record<string, unknown>) =>
  expectOk(await tp.query<Data>(query, { token, variables }));

type Minimum = { minimumWage: { effectiveFrom: string; hourly: string } };
interface Registered {
  registerMinimumWage: {
    id: string;
    effectiveFrom: string;
    amounts: { age: number; hourly: string; youthPercent: string; bblPercent: string }[];
  };
}

describe('publishing', () => {
  afterAll(() => tp.reset());

  test('an end date before the start date is refused', async () => {
    const draft = await createDraft();
    await expectRefusedUnchanged(
      () =>
        tp.query(PUBLISH, {
          token: cao,
          variables: { id: draft.id, input: { effectiveFrom: '2025-06-01', effectiveTo: '2025-05-31' } },
        }),
      'input.effectiveTo',
    );
  });

  test.each([
    ['2024-06-01', '2025-05-31'],
    ['2024-12-31', null],
    ['2023-01-01', null],
    ['2023-07-01', '2024-01-01'],
  ])('a period from %s to %s overlapping 2024 is a CONFLICT', async (effectiveFrom, effectiveTo) => {
    const draft = await createDraft();
    const before = await state(draft.id);
    const res = await tp.query(PUBLISH, {
      token: cao,
      variables: { id: draft.id, input: { effectiveFrom, effectiveTo } },
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(res.errors?.[0]?.message).toMatch(/CAO Kringloop Nederland 2024/);
    expect(await state(draft.id)).toEqual(before);
    expect(before.version?.status).toBe('DRAFT');
  });

  describe('two overlapping publications at the same time', () => {
    afterAll(() => tp.reset());

    test('one is published, the other is a CONFLICT', async () => {
      const [a, b] = [await createDraft('Gelijktijdig A'), await createDraft('Gelijktijdig B')];
      const results = await Promise.all(
        [a, b].map((d) =>
          tp.query(PUBLISH, {
            token: cao,
            variables: { id: d.id, input: { effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31' } },
          }),
        ),
      );
      expect(results.map((r) => errorCodes(r).join()).sort()).toEqual(['', 'CONFLICT']);
      const statuses = [(await read(a.id)).status, (await read(b.id)).status].sort();
      expect(statuses).toEqual(['DRAFT', 'PUBLISHED']);
    });
  });

  test('a 2025 version published for 2025 applies in 2025, and by after-effect after it; it never changes again', async () => {
    const draft = await createDraft('CAO Kringloop Nederland 2025');
    await answer(INCREASE, cao, { id: draft.id, input: { percent: '3.5' } });
    const { publishCaoVersion: published } = await answer<{ publishCaoVersion: { publishedAt: string } }>(
      PUBLISH,
      cao,
      { id: draft.id, input: { effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' } },
    );
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
    });
    expect(Date.parse(published.publishedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Everyone sees it now, and looks it up by date.
    const hr = await tokenOf('member-hr');
    const WAGE = `query($on: Date!) { wage(scale: 5, step: 3, on: $on) { tableMonthlyFullTime monthlyFullTime afterEffect version { name } } }`;
    type Wage = { wage: unknown };
    expect((await answer<Wage>(WAGE, hr, { on: '2025-03-01' })).wage).toEqual({
      tableMonthlyFullTime: raised('2461.52', '3.5'),
      monthlyFullTime: raised('2461.52', '3.5'),
      afterEffect: false,
      version: { name: 'CAO Kringloop Nederland 2025' },
    });
    expect((await answer<Wage>(WAGE, hr, { on: '2024-12-31' })).wage).toMatchObject({
      tableMonthlyFullTime: '2461.52',
      version: { name: 'CAO Kringloop Nederland 2024' },
    });
    expect((await answer<Wage>(WAGE, hr, { on: '2026-03-01' })).wage).toMatchObject({
      tableMonthlyFullTime: raised('2461.52', '3.5'),
      afterEffect: true,
      version: { name: 'CAO Kringloop Nederland 2025' },
    });

    const IN_FORCE = `query($on: Date!) { caoInForce(on: $on) { afterEffect version { name } } }`;
    type InForce = { caoInForce: unknown };
    expect((await answer<InForce>(IN_FORCE, hr, { on: '2025-03-01' })).caoInForce).toEqual({
      afterEffect: false,
      version: { name: 'CAO Kringloop Nederland 2025' },
    });
    expect((await answer<InForce>(IN_FORCE, hr, { on: '2026-03-01' })).caoInForce).toEqual({
      afterEffect: true,
      version: { name: 'CAO Kringloop Nederland 2025' },
    });
    const scales = await answer<{ wageScales: { scales: Scale[] } }>(
      `{ wageScales(on: "2025-06-01") { version { name } scales { scale steps { step monthlyFullTime } } } }`,
      hr,
    );
    expect(scales.wageScales.scales).toEqual(
      SEEDED_TABLE.map((s) => ({
        scale: s.scale,
        steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: raised(c.monthlyFullTime, '3.5') })),
      })),
    );
    const list = await answer<{ caoVersions: { edges: { node: { name: string } }[] } }>(
      `{ caoVersions(first: 5) { totalCount edges { node { name } } } }`,
      hr,
    );
    expect(nodes(list.caoVersions).map((v) => v.name)).toEqual([
      'CAO Kringloop Nederland 2025',
      'CAO Kringloop Nederland 2024',
    ]);

    // Published: every change is a CONFLICT and nothing changes.
    const before = await state(draft.id);
    const attempts = [
      await tp.query(UPDATE, {
        token: cao,
        variables: { id: draft.id, input: { name: 'Gewijzigd', overtimeRule: 'anders' } },
      }),
      await setCells(draft.id, [cell(5, 3, '2550.00')]),
      await tp.query(INCREASE, { token: cao, variables: { id: draft.id, input: { percent: '1' } } }),
      await tp.query(DELETE, { token: cao, variables: { id: draft.id } }),
      await tp.query(PUBLISH, { token: cao, variables: { id: draft.id, input: { effectiveFrom: '2030-01-01' } } }),
    ];
    for (const attempt of nonEmpty(attempts)) {
      expect(errorCodes(attempt)).toEqual(['CONFLICT']);
      expect(attempt.errors?.[0]?.message).toMatch(/published/);
    }
    expect(await state(draft.id)).toEqual(before);
  });

  test('the seeded 2024 version cannot be changed or deleted either', async () => {
    const id = await seededVersionId();
    const before = await state(id);
    for (const attempt of [
      await tp.query(UPDATE, { token: cao, variables: { id, input: { name: 'Gewijzigd' } } }),
      await setCells(id, [cell(2, 0, '2300.00')]),
      await tp.query(INCREASE, { token: cao, variables: { id, input: { percent: '10' } } }),
      await tp.query(DELETE, { token: cao, variables: { id } }),
    ]) {
      expect(errorCodes(attempt)).toEqual(['CONFLICT']);
    }
    expect(await state(id)).toEqual(before);
    expect(before.version?.scales).toEqual(SEEDED_TABLE);
  });

  test('a draft is thrown away; changing it afterwards is NOT_FOUND', async () => {
    const draft = await createDraft('Weggooi');
    expect((await answer<{ deleteCaoDraft: boolean }>(DELETE, cao, { id: draft.id })).deleteCaoDraft).toBe(true);
    const gone = await tp.query<{ caoVersion: unknown }>(`query($id: ID!) { caoVersion(id: $id) { id } }`, {
      token: cao,
      variables: { id: draft.id },
    });
    expect(gone.data?.caoVersion).toBeNull();
    const again = await tp.query(DELETE, { token: cao, variables: { id: draft.id } });
    expect(errorCodes(again)).toEqual(['NOT_FOUND']);
  });

  // The drafts' basedOn foreign key is ON DELETE RESTRICT. PostgreSQL 15 reports the violation as
  // 23503 (Prisma P2003, which the runtime turns into CONFLICT); PGlite (PostgreSQL 18) as 23001
  // restrict_violation, which nothing maps, so the caller gets INTERNAL_SERVER_ERROR.
  test('a draft another draft was based on is kept with a CONFLICT (or thrown away), never an internal error', async () => {
    const first = await createDraft('Eerste concept');
    const second = await createDraft('Tweede concept', first.id);
    const res = await tp.query(DELETE, { token: cao, variables: { id: first.id } });
    expect([[], ['CONFLICT']]).toContainEqual(errorCodes(res));
    expect((await read(second.id)).name).toBe('Tweede concept');
  });
});

describe('registering a minimum wage', () => {
  afterAll(() => tp.reset());

  test('from 2026-07-01 at €15.00: youth amounts from the statutory percentages, half up; look-ups use it', async () => {
    const { registerMinimumWage: registered } = await answer<Registered>(REGISTER, cao, {
      input: { effectiveFrom: '2026-07-01', adultHourly: '15.00' },
    });
    expect(registered.effectiveFrom).toBe('2026-07-01');
    const amounts = Object.fromEntries(registered.amounts.map((a) => [a.age, a.hourly]));
    // 15 × 0.395 = 5.925 → 5.93; 15 × 0.345 = 5.175 → 5.18.
    expect(amounts).toEqual({ 21: '15.00', 20: '12.00', 19: '9.00', 18: '7.50', 17: '5.93', 16: '5.18', 15: '4.50' });
    expect(registered.amounts.find((a) => a.age === 19)).toEqual({
      age: 19,
      hourly: '9.00',
      youthPercent: '60',
      bblPercent: '52.5',
    });

    const hr = await tokenOf('member-hr');
    const MINIMUM = `query($on: Date!, $age: Int!) { minimumWage(on: $on, age: $age) { effectiveFrom hourly } }`;
    const minimumWage = async (on: string, age: number) =>
      (await answer<Minimum>(MINIMUM, hr, { on, age })).minimumWage;
    expect(await minimumWage('2026-08-01', 21)).toEqual({ effectiveFrom: '2026-07-01', hourly: '15.00' });
    expect((await minimumWage('2026-08-01', 17)).hourly).toBe('5.93');
    expect(await minimumWage('2026-06-30', 21)).toEqual({ effectiveFrom: '2026-01-01', hourly: '14.71' });
    const wage = await answer<{ wage: unknown }>(
      `{ wage(scale: 2, step: 0, on: "2026-08-01") { monthly liftedToMinimumWage basis minimumWage { hourly } } }`,
      hr,
    );
    expect(wage.wage).toEqual({
      monthly: monthlyFromHourly('15.00'),
      liftedToMinimumWage: true,
      basis: 'LIFTED_TO_MINIMUM_WAGE',
      minimumWage: { hourly: '15.00' },
    });
    expect(monthlyFromHourly('15.00')).toBe('2489.00');
  });

  test('published youth amounts are taken as given', async () => {
    const { registerMinimumWage: registered } = await answer<Registered>(REGISTER, cao, {
      input: { effectiveFrom: '2027-01-01', adultHourly: '15.20', youthAmounts: [{ age: 17, hourly: '6.01' }] },
    });
    const amounts = Object.fromEntries(registered.amounts.map((a) => [a.age, a.hourly]));
    expect(amounts[17]).toBe('6.01');
    expect(amounts[20]).toBe('12.16');
  });

  test('the same date twice is a CONFLICT', async () => {
    const before = await auditCount();
    const res = await tp.query(REGISTER, {
      token: cao,
      variables: { input: { effectiveFrom: '2026-01-01', adultHourly: '14.80' } },
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(await auditCount()).toBe(before);
    const still = await answer<Minimum>(`{ minimumWage(on: "2026-03-01", age: 21) { hourly } }`, cao);
    expect(still.minimumWage.hourly).toBe('14.71');
  });

  test.each([
    ...['0', '-1.00', '15.001'].map(
      (adultHourly) => [`an adult amount of ${adultHourly}`, { adultHourly }, 'input.adultHourly'] as const,
    ),
    // minimum_wage_amount.hourly is DECIMAL(8,2): a million an hour overflows it (INTERNAL_SERVER_ERROR).
    ['an adult amount too large to store', { adultHourly: '1000000.00' }, 'input.adultHourly'] as const,
    [
      'a youth amount above the adult amount',
      { adultHourly: '15.00', youthAmounts: [{ age: 20, hourly: '15.01' }] },
      'input.youthAmounts.0.hourly',
    ] as const,
    [
      'a youth amount for an adult age',
      { adultHourly: '15.00', youthAmounts: [{ age: 21, hourly: '15.00' }] },
      'input.youthAmounts.0.age',
    ] as const,
  ])('%s is refused, and nothing is written', async (_what, amounts, field) => {
    await expectRefusedUnchanged(
      () => tp.query(REGISTER, { token: cao, variables: { input: { effectiveFrom: '2028-01-01', ...amounts } } }),
      field,
    );
  });
});
