import { MEMBER_ROLES, ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// Maintaining the collective agreement (CAO) through the gateway: drafts, general increases,
// cell edits and their validation, publishing and immutability, new minimum-wage rates, the
// audit log, and that only the association's CAO team may change any of it.
let tp: TestPlatform;
let cao: string;
let admin: string;
let memberId: string;

/** The CAO team member the changes are made by: the audit log must name them. */
const CAO_USER = 'cao-team-anouk';

const SEED = path.join(__dirname, '..', '..', 'subgraphs', 'cao', 'seed-data');
const cao2024 = JSON.parse(fs.readFileSync(path.join(SEED, 'cao-kringloop-2024.json'), 'utf8')) as {
  name: string;
  parties: string[];
  overtime: string;
  periodicIncrease: string;
  salaryTable: { scales: { scale: number; steps: { step: number; monthly: string }[] }[] };
};
const SEEDED_TABLE = cao2024.salaryTable.scales.map((s) => ({
  scale: s.scale,
  steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: c.monthly })),
}));

// Exact arithmetic with BigInt (decimal.js is not a dependency of the gateway): never floats.
const frac = (value: string): [bigint, bigint] => {
  const [whole, decimals = ''] = value.split('.');
  return [BigInt(`${whole}${decimals}`), 10n ** BigInt(decimals.length)];
};
/** num / den (≥ 0) rounded half up to cents, written with two decimals. */
const halfUpCents = (num: bigint, den: bigint): string => {
  const cents = (num * 200n + den) / (2n * den);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
};
/** old × (1 + percent / 100), half up to cents. */
const raised = (old: string, percent: string) => {
  const [on, od] = frac(old);
  const [pn, pd] = frac(percent);
  return halfUpCents(on * (100n * pd + pn), od * 100n * pd);
};
/** hourly × 38 × 52.4 / 12, half up to cents (src/domain/conversion.ts). */
const monthlyFromHourly = (hourly: string) => {
  const [n, d] = frac(hourly);
  return halfUpCents(n * 38n * 524n, d * 10n * 12n);
};
/** The same amount written in cents, whatever its notation ("2470" and "2470.00" are one). */
const sameAmount = (value: unknown) => halfUpCents(...frac(String(value)));

const tokenOf = (role: Role, sub?: string) =>
  tokenFor({ roles: [role], ...(sub ? { sub } : {}), ...(MEMBER_ROLES.includes(role) ? { memberId } : {}) });
const OTHER_ROLES = ROLES.filter((r) => r !== 'association-cao');

beforeAll(async () => {
  tp = await startTestPlatform();
  cao = await tokenOf('association-cao', CAO_USER);
  admin = await tokenFor({ roles: ['platform-admin'] });
  const res: any = await tp.query(`{ members(first: 1) { edges { node { id } } } }`, { token: admin });
  memberId = res.data.members.edges[0].node.id;
});
afterAll(() => tp?.stop());

const VERSION = `id name parties status effectiveFrom effectiveTo fullTimeHoursPerWeek weeksPerYear hoursPerMonthFullTime
  holidayAllowance { percent accrualStartMonth paymentMonth } leave { statutoryHours extraHours totalHours }
  overtimeRule periodicIncreaseRule basedOn { id name } publishedAt cellCount
  scales { scale steps { step monthlyFullTime } }`;

async function createDraft(name = 'CAO Kringloop Nederland 2025', basedOnVersionId?: string) {
  const res: any = await tp.query(
    `mutation($input: CreateCaoDraftInput!) { createCaoDraft(input: $input) { ${VERSION} } }`,
    {
      token: cao,
      variables: { input: { name, ...(basedOnVersionId ? { basedOnVersionId } : {}) } },
    },
  );
  expect(res.errors).toBeUndefined();
  return res.data.createCaoDraft;
}

/** A version as the CAO team sees it. */
async function read(id: string) {
  const res: any = await tp.query(`query($id: ID!) { caoVersion(id: $id) { ${VERSION} } }`, {
    token: cao,
    variables: { id },
  });
  expect(res.errors).toBeUndefined();
  return res.data.caoVersion;
}

async function seededVersionId() {
  const res: any = await tp.query(`{ caoInForce(on: "2024-06-01") { version { id } } }`, { token: cao });
  return res.data.caoInForce.version.id as string;
}

const auditCount = async () => {
  const res: any = await tp.query(`{ caoAuditLog(first: 1) { totalCount } }`, { token: admin });
  expect(res.errors).toBeUndefined();
  return res.data.caoAuditLog.totalCount as number;
};

/** Everything a failed change must leave as it was. */
const state = async (id?: string) => ({
  version: id ? await read(id) : null,
  audit: await auditCount(),
});

const cellOf = (version: any, scale: number, step: number) =>
  version.scales.find((s: any) => s.scale === scale)?.steps.find((c: any) => c.step === step)?.monthlyFullTime;

const INCREASE = `mutation($id: ID!, $input: GeneralIncreaseInput!) { applyGeneralIncrease(id: $id, input: $input) { scales { scale steps { step monthlyFullTime } } } }`;
const SET_CELLS = `mutation($id: ID!, $cells: [WageCellInput!]!) { setWageCells(id: $id, cells: $cells) { cellCount scales { scale steps { step monthlyFullTime } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCaoDraftInput!) { updateCaoDraft(id: $id, input: $input) { name overtimeRule } }`;
const PUBLISH = `mutation($id: ID!, $input: PublishCaoVersionInput!) { publishCaoVersion(id: $id, input: $input) { id status effectiveFrom effectiveTo publishedAt } }`;
const DELETE = `mutation($id: ID!) { deleteCaoDraft(id: $id) }`;
const REGISTER = `mutation($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id effectiveFrom amounts { age hourly youthPercent bblPercent } } }`;
const AUDIT = `query($entityId: ID) { caoAuditLog(entityId: $entityId, first: 50) { totalCount edges { node { id at actorId action entityType entityId before after } } } }`;

describe('drafts', () => {
  afterAll(() => tp.reset());

  test('a new draft copies the agreement in force today (2024, by after-effect): its terms and all 86 cells', async () => {
    const seeded = await read(await seededVersionId());
    const draft = await createDraft();
    expect(draft).toEqual({
      ...seeded,
      id: expect.any(String),
      name: 'CAO Kringloop Nederland 2025',
      status: 'DRAFT',
      effectiveFrom: null,
      effectiveTo: null,
      publishedAt: null,
      basedOn: { id: seeded.id, name: 'CAO Kringloop Nederland 2024' },
    });
    expect(draft.id).not.toBe(seeded.id);
    expect(draft).toMatchObject({
      parties: cao2024.parties,
      fullTimeHoursPerWeek: '38',
      weeksPerYear: '52.4',
      holidayAllowance: { percent: '8', accrualStartMonth: 6, paymentMonth: 5 },
      leave: { statutoryHours: '152', extraHours: '30.4', totalHours: '182.4' },
      overtimeRule: cao2024.overtime,
      periodicIncreaseRule: cao2024.periodicIncrease,
      cellCount: 86,
      scales: SEEDED_TABLE,
    });
  });

  test('a draft can be based on a version chosen by id; an unknown one is NOT_FOUND', async () => {
    const draft = await createDraft('Correctie 2024', await seededVersionId());
    expect(draft.basedOn.name).toBe('CAO Kringloop Nederland 2024');
    const res = await tp.query(
      `mutation { createCaoDraft(input: { name: "X", basedOnVersionId: "00000000-0000-4000-8000-000000000000" }) { id } }`,
      {
        token: cao,
      },
    );
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  test('a draft without a name is refused', async () => {
    const before = await state();
    const res = await tp.query(`mutation { createCaoDraft(input: { name: "  " }) { id } }`, { token: cao });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.name');
    expect(await state()).toEqual(before);
  });

  test('drafts are seen by the CAO team only', async () => {
    const draft = await createDraft('Geheim concept 2025');
    const LIST = `{ caoVersions(first: 20) { totalCount edges { node { id name status } } }
                   drafts: caoVersions(first: 20, filter: { status: DRAFT }) { totalCount edges { node { id } } } }`;
    const own: any = await tp.query(LIST, { token: cao });
    expect(own.errors).toBeUndefined();
    expect(own.data.caoVersions.edges.map((e: any) => e.node.id)).toContain(draft.id);
    expect(own.data.drafts.totalCount).toBeGreaterThanOrEqual(1);

    for (const role of OTHER_ROLES) {
      const token = await tokenOf(role);
      const list: any = await tp.query(LIST, { token });
      expect(list.errors).toBeUndefined();
      expect(list.data.caoVersions.totalCount).toBe(1);
      expect(list.data.caoVersions.totalCount).toBeLessThan(own.data.caoVersions.totalCount);
      expect(list.data.caoVersions.edges.map((e: any) => e.node.status)).toEqual(['PUBLISHED']);
      expect(list.data.drafts.edges.map((e: any) => e.node.id)).not.toContain(draft.id);

      // Asked for by id, the draft is refused and nothing of it is shown.
      const byId = await tp.query(
        `query($id: ID!) { caoVersion(id: $id) { id name status scales { steps { monthlyFullTime } } } }`,
        {
          token,
          variables: { id: draft.id },
        },
      );
      expect(errorCodes(byId)).toEqual(['FORBIDDEN']);
      expect(byId.data?.caoVersion ?? null).toBeNull();
      expect(JSON.stringify(byId)).not.toContain('Geheim');
      expect(JSON.stringify(byId)).not.toContain('2461.52');
    }
  });

  // versionWhere in src/schema/version.ts drops the status filter for those who cannot see drafts,
  // so asking for drafts returns the published version instead of nothing.
  test('asking for drafts only, the other roles get none (not the published versions)', async () => {
    await createDraft('Concept');
    for (const role of OTHER_ROLES) {
      const res: any = await tp.query(
        `{ caoVersions(first: 20, filter: { status: DRAFT }) { totalCount edges { node { status } } } }`,
        {
          token: await tokenOf(role),
        },
      );
      expect(res.errors).toBeUndefined();
      expect({ role, drafts: res.data.caoVersions }).toEqual({ role, drafts: { totalCount: 0, edges: [] } });
    }
  });
});

describe('a general increase', () => {
  let draftId: string;
  beforeAll(async () => {
    draftId = (await createDraft()).id;
  });
  afterAll(() => tp.reset());

  test('of 3.5 % raises every cell to old × 1.035, half up to the cent', async () => {
    const res: any = await tp.query(INCREASE, { token: cao, variables: { id: draftId, input: { percent: '3.5' } } });
    expect(res.errors).toBeUndefined();
    const expected = SEEDED_TABLE.map((s) => ({
      scale: s.scale,
      steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: raised(c.monthlyFullTime, '3.5') })),
    }));
    expect(res.data.applyGeneralIncrease.scales).toEqual(expected);
    expect((await read(draftId)).scales).toEqual(expected);
    // Spot checks worked by hand: 2201.94 × 1.035 = 2279.0079, 2461.52 × 1.035 = 2547.6732.
    expect(cellOf(await read(draftId), 2, 0)).toBe('2279.01');
    expect(cellOf(await read(draftId), 5, 3)).toBe('2547.67');
    // The published 2024 table is untouched.
    expect((await read(await seededVersionId())).scales).toEqual(SEEDED_TABLE);
  });

  test('given scales raises those only', async () => {
    const before = await read(draftId);
    const res: any = await tp.query(INCREASE, {
      token: cao,
      variables: { id: draftId, input: { percent: '2.25', scales: [2, 5] } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.applyGeneralIncrease.scales).toEqual(
      before.scales.map((s: any) =>
        [2, 5].includes(s.scale)
          ? {
              scale: s.scale,
              steps: s.steps.map((c: any) => ({ step: c.step, monthlyFullTime: raised(c.monthlyFullTime, '2.25') })),
            }
          : s,
      ),
    );
  });

  test.each(['101', '-100', '250', '-150'])('of %s %% is refused and changes nothing', async (percent) => {
    const before = await state(draftId);
    const res = await tp.query(INCREASE, { token: cao, variables: { id: draftId, input: { percent } } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.percent');
    expect(await state(draftId)).toEqual(before);
  });

  test('for a scale the table does not have is refused and changes nothing', async () => {
    const before = await state(draftId);
    const res = await tp.query(INCREASE, {
      token: cao,
      variables: { id: draftId, input: { percent: '3', scales: [5, 9] } },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.scales');
    expect(await state(draftId)).toEqual(before);
  });
});

describe('editing cells', () => {
  let draftId: string;
  beforeEach(async () => {
    draftId = (await createDraft()).id;
  });
  afterAll(() => tp.reset());

  test('edits a cell, adds a step at the end of a scale and removes the last step of another', async () => {
    const res: any = await tp.query(SET_CELLS, {
      token: cao,
      variables: {
        id: draftId,
        cells: [
          { scale: 5, step: 3, monthlyFullTime: '2470.00' },
          { scale: 2, step: 5, monthlyFullTime: '2251.01' },
          { scale: 8, step: 20, monthlyFullTime: null },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    const after = await read(draftId);
    expect(after.cellCount).toBe(86);
    expect(cellOf(after, 5, 3)).toBe('2470.00');
    expect(after.scales.find((s: any) => s.scale === 2).steps.map((c: any) => c.step)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cellOf(after, 2, 5)).toBe('2251.01');
    expect(after.scales.find((s: any) => s.scale === 8).steps).toHaveLength(20);
    expect(cellOf(after, 8, 20)).toBeUndefined();
    // Every other cell is as it was.
    const untouched = (v: any) =>
      v.scales.flatMap((s: any) =>
        s.steps
          .filter((c: any) => !['5.3', '2.5', '8.20'].includes(`${s.scale}.${c.step}`))
          .map((c: any) => `${s.scale}.${c.step}=${c.monthlyFullTime}`),
      );
    expect(untouched(after)).toEqual(untouched({ scales: SEEDED_TABLE }));
  });

  test('removing a step that leaves a gap is refused', async () => {
    const before = await state(draftId);
    const res = await tp.query(SET_CELLS, {
      token: cao,
      variables: { id: draftId, cells: [{ scale: 4, step: 3, monthlyFullTime: null }] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('salaryTable.scale4.step3');
    expect(await state(draftId)).toEqual(before);
  });

  test('a gap in the steps is refused, naming the missing cell, and nothing changes', async () => {
    const before = await state(draftId);
    const res = await tp.query(SET_CELLS, {
      token: cao,
      variables: { id: draftId, cells: [{ scale: 5, step: 30, monthlyFullTime: '3000.00' }] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('salaryTable.scale5.step11');
    expect(res.errors?.[0]?.message).toMatch(/step 11/);
    expect(await state(draftId)).toEqual(before);
  });

  test('an amount that falls as the steps rise is refused, naming the cell, and nothing changes', async () => {
    const before = await state(draftId);
    const res = await tp.query(SET_CELLS, {
      token: cao,
      // A valid edit first: the whole request must fail, not just the bad cell.
      variables: {
        id: draftId,
        cells: [
          { scale: 5, step: 3, monthlyFullTime: '2470.00' },
          { scale: 5, step: 4, monthlyFullTime: '2400.00' },
        ],
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('salaryTable.scale5.step4');
    expect(await state(draftId)).toEqual(before);
  });

  test.each(['0', '0.00', '-5.00'])(
    'an amount of %s is refused, naming the cell, and nothing changes',
    async (amount) => {
      const before = await state(draftId);
      const res = await tp.query(SET_CELLS, {
        token: cao,
        variables: { id: draftId, cells: [{ scale: 3, step: 0, monthlyFullTime: amount }] },
      });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0]?.extensions?.field).toBe('salaryTable.scale3.step0');
      expect(await state(draftId)).toEqual(before);
    },
  );

  test('an amount in fractions of a cent is refused', async () => {
    const before = await state(draftId);
    const res = await tp.query(SET_CELLS, {
      token: cao,
      variables: { id: draftId, cells: [{ scale: 5, step: 3, monthlyFullTime: '2470.005' }] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('cells.0.monthlyFullTime');
    expect(await state(draftId)).toEqual(before);
  });

  // The column is DECIMAL(10,2): an amount of 10^8 or more overflows it in the database, which the
  // caller sees as INTERNAL_SERVER_ERROR instead of a refusal naming the cell.
  test('an amount too large for the salary table is refused, naming the cell, and nothing changes', async () => {
    const before = await state(draftId);
    const res = await tp.query(SET_CELLS, {
      token: cao,
      variables: { id: draftId, cells: [{ scale: 8, step: 21, monthlyFullTime: '123456789.00' }] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(String(res.errors?.[0]?.extensions?.field)).toMatch(
      /^(salaryTable\.scale8\.step21|cells\.0\.monthlyFullTime)$/,
    );
    expect(await state(draftId)).toEqual(before);
  });

  test('two edits of one draft at the same time both count (none is lost)', async () => {
    const [a, b] = await Promise.all([
      tp.query(SET_CELLS, {
        token: cao,
        variables: { id: draftId, cells: [{ scale: 5, step: 3, monthlyFullTime: '2470.00' }] },
      }),
      tp.query(SET_CELLS, {
        token: cao,
        variables: { id: draftId, cells: [{ scale: 6, step: 3, monthlyFullTime: '2750.00' }] },
      }),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    const after = await read(draftId);
    expect([cellOf(after, 5, 3), cellOf(after, 6, 3)]).toEqual(['2470.00', '2750.00']);
  });

  test('a scale numbered 0 is refused', async () => {
    const before = await state(draftId);
    const res = await tp.query(SET_CELLS, {
      token: cao,
      variables: { id: draftId, cells: [{ scale: 0, step: 0, monthlyFullTime: '2000.00' }] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('salaryTable.scale0');
    expect(await state(draftId)).toEqual(before);
  });
});

describe('publishing', () => {
  afterAll(() => tp.reset());

  test('an end date before the start date is refused', async () => {
    const draft = await createDraft();
    const before = await state(draft.id);
    const res = await tp.query(PUBLISH, {
      token: cao,
      variables: { id: draft.id, input: { effectiveFrom: '2025-06-01', effectiveTo: '2025-05-31' } },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.effectiveTo');
    expect(await state(draft.id)).toEqual(before);
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
    expect(before.version.status).toBe('DRAFT');
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
    const increase: any = await tp.query(INCREASE, {
      token: cao,
      variables: { id: draft.id, input: { percent: '3.5' } },
    });
    expect(increase.errors).toBeUndefined();
    const published: any = await tp.query(PUBLISH, {
      token: cao,
      variables: { id: draft.id, input: { effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' } },
    });
    expect(published.errors).toBeUndefined();
    expect(published.data.publishCaoVersion).toMatchObject({
      status: 'PUBLISHED',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
    });
    expect(Date.parse(published.data.publishCaoVersion.publishedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Everyone sees it now, and looks it up by date.
    const hr = await tokenOf('member-hr');
    const WAGE = `query($on: Date!) { wage(scale: 5, step: 3, on: $on) { tableMonthlyFullTime monthlyFullTime afterEffect version { name } } }`;
    const in2025: any = await tp.query(WAGE, { token: hr, variables: { on: '2025-03-01' } });
    expect(in2025.data.wage).toEqual({
      tableMonthlyFullTime: raised('2461.52', '3.5'),
      monthlyFullTime: raised('2461.52', '3.5'),
      afterEffect: false,
      version: { name: 'CAO Kringloop Nederland 2025' },
    });
    const in2024: any = await tp.query(WAGE, { token: hr, variables: { on: '2024-12-31' } });
    expect(in2024.data.wage).toMatchObject({
      tableMonthlyFullTime: '2461.52',
      version: { name: 'CAO Kringloop Nederland 2024' },
    });
    const in2026: any = await tp.query(WAGE, { token: hr, variables: { on: '2026-03-01' } });
    expect(in2026.data.wage).toMatchObject({
      tableMonthlyFullTime: raised('2461.52', '3.5'),
      afterEffect: true,
      version: { name: 'CAO Kringloop Nederland 2025' },
    });

    const IN_FORCE = `query($on: Date!) { caoInForce(on: $on) { afterEffect version { name } } }`;
    expect(((await tp.query(IN_FORCE, { token: hr, variables: { on: '2025-03-01' } })) as any).data.caoInForce).toEqual(
      {
        afterEffect: false,
        version: { name: 'CAO Kringloop Nederland 2025' },
      },
    );
    expect(((await tp.query(IN_FORCE, { token: hr, variables: { on: '2026-03-01' } })) as any).data.caoInForce).toEqual(
      {
        afterEffect: true,
        version: { name: 'CAO Kringloop Nederland 2025' },
      },
    );
    const scales: any = await tp.query(
      `{ wageScales(on: "2025-06-01") { version { name } scales { scale steps { step monthlyFullTime } } } }`,
      { token: hr },
    );
    expect(scales.data.wageScales.scales).toEqual(
      SEEDED_TABLE.map((s) => ({
        scale: s.scale,
        steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: raised(c.monthlyFullTime, '3.5') })),
      })),
    );
    const list: any = await tp.query(`{ caoVersions(first: 5) { totalCount edges { node { name } } } }`, { token: hr });
    expect(list.data.caoVersions.edges.map((e: any) => e.node.name)).toEqual([
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
      await tp.query(SET_CELLS, {
        token: cao,
        variables: { id: draft.id, cells: [{ scale: 5, step: 3, monthlyFullTime: '2550.00' }] },
      }),
      await tp.query(INCREASE, { token: cao, variables: { id: draft.id, input: { percent: '1' } } }),
      await tp.query(DELETE, { token: cao, variables: { id: draft.id } }),
      await tp.query(PUBLISH, { token: cao, variables: { id: draft.id, input: { effectiveFrom: '2030-01-01' } } }),
    ];
    for (const attempt of attempts) {
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
      await tp.query(SET_CELLS, {
        token: cao,
        variables: { id, cells: [{ scale: 2, step: 0, monthlyFullTime: '2300.00' }] },
      }),
      await tp.query(INCREASE, { token: cao, variables: { id, input: { percent: '10' } } }),
      await tp.query(DELETE, { token: cao, variables: { id } }),
    ]) {
      expect(errorCodes(attempt)).toEqual(['CONFLICT']);
    }
    expect(await state(id)).toEqual(before);
    expect(before.version.scales).toEqual(SEEDED_TABLE);
  });

  test('a draft is thrown away; changing it afterwards is NOT_FOUND', async () => {
    const draft = await createDraft('Weggooi');
    const res: any = await tp.query(DELETE, { token: cao, variables: { id: draft.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteCaoDraft).toBe(true);
    const gone: any = await tp.query(`query($id: ID!) { caoVersion(id: $id) { id } }`, {
      token: cao,
      variables: { id: draft.id },
    });
    expect(gone.data.caoVersion).toBeNull();
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
    const res: any = await tp.query(REGISTER, {
      token: cao,
      variables: { input: { effectiveFrom: '2026-07-01', adultHourly: '15.00' } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerMinimumWage.effectiveFrom).toBe('2026-07-01');
    const amounts = Object.fromEntries(res.data.registerMinimumWage.amounts.map((a: any) => [a.age, a.hourly]));
    // 15 × 0.395 = 5.925 → 5.93; 15 × 0.345 = 5.175 → 5.18.
    expect(amounts).toEqual({ 21: '15.00', 20: '12.00', 19: '9.00', 18: '7.50', 17: '5.93', 16: '5.18', 15: '4.50' });
    expect(res.data.registerMinimumWage.amounts.find((a: any) => a.age === 19)).toEqual({
      age: 19,
      hourly: '9.00',
      youthPercent: '60',
      bblPercent: '52.5',
    });

    const hr = await tokenOf('member-hr');
    const MINIMUM = `query($on: Date!, $age: Int!) { minimumWage(on: $on, age: $age) { effectiveFrom hourly } }`;
    expect(
      ((await tp.query(MINIMUM, { token: hr, variables: { on: '2026-08-01', age: 21 } })) as any).data.minimumWage,
    ).toEqual({
      effectiveFrom: '2026-07-01',
      hourly: '15.00',
    });
    expect(
      ((await tp.query(MINIMUM, { token: hr, variables: { on: '2026-08-01', age: 17 } })) as any).data.minimumWage
        .hourly,
    ).toBe('5.93');
    expect(
      ((await tp.query(MINIMUM, { token: hr, variables: { on: '2026-06-30', age: 21 } })) as any).data.minimumWage,
    ).toEqual({
      effectiveFrom: '2026-01-01',
      hourly: '14.71',
    });
    const wage: any = await tp.query(
      `{ wage(scale: 2, step: 0, on: "2026-08-01") { monthly liftedToMinimumWage basis minimumWage { hourly } } }`,
      { token: hr },
    );
    expect(wage.data.wage).toEqual({
      monthly: monthlyFromHourly('15.00'),
      liftedToMinimumWage: true,
      basis: 'LIFTED_TO_MINIMUM_WAGE',
      minimumWage: { hourly: '15.00' },
    });
    expect(monthlyFromHourly('15.00')).toBe('2489.00');
  });

  test('published youth amounts are taken as given', async () => {
    const res: any = await tp.query(REGISTER, {
      token: cao,
      variables: {
        input: { effectiveFrom: '2027-01-01', adultHourly: '15.20', youthAmounts: [{ age: 17, hourly: '6.01' }] },
      },
    });
    expect(res.errors).toBeUndefined();
    const amounts = Object.fromEntries(res.data.registerMinimumWage.amounts.map((a: any) => [a.age, a.hourly]));
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
    const still: any = await tp.query(`{ minimumWage(on: "2026-03-01", age: 21) { hourly } }`, { token: cao });
    expect(still.data.minimumWage.hourly).toBe('14.71');
  });

  test.each(['0', '-1.00', '15.001'])('an adult amount of %s is refused', async (adultHourly) => {
    const before = await auditCount();
    const res = await tp.query(REGISTER, {
      token: cao,
      variables: { input: { effectiveFrom: '2028-01-01', adultHourly } },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.adultHourly');
    expect(await auditCount()).toBe(before);
  });

  // minimum_wage_amount.hourly is DECIMAL(8,2): a million an hour overflows it (INTERNAL_SERVER_ERROR).
  test('an adult amount too large to store is refused', async () => {
    const before = await auditCount();
    const res = await tp.query(REGISTER, {
      token: cao,
      variables: { input: { effectiveFrom: '2028-01-01', adultHourly: '1000000.00' } },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.adultHourly');
    expect(await auditCount()).toBe(before);
  });

  test('a youth amount above the adult amount or for an adult age is refused', async () => {
    const before = await auditCount();
    const above = await tp.query(REGISTER, {
      token: cao,
      variables: {
        input: { effectiveFrom: '2028-01-01', adultHourly: '15.00', youthAmounts: [{ age: 20, hourly: '15.01' }] },
      },
    });
    expect(errorCodes(above)).toEqual(['BAD_USER_INPUT']);
    expect(above.errors?.[0]?.extensions?.field).toBe('input.youthAmounts.0.hourly');
    const adult = await tp.query(REGISTER, {
      token: cao,
      variables: {
        input: { effectiveFrom: '2028-01-01', adultHourly: '15.00', youthAmounts: [{ age: 21, hourly: '15.00' }] },
      },
    });
    expect(errorCodes(adult)).toEqual(['BAD_USER_INPUT']);
    expect(adult.errors?.[0]?.extensions?.field).toBe('input.youthAmounts.0.age');
    expect(await auditCount()).toBe(before);
  });
});

describe('the audit log', () => {
  afterAll(() => tp.reset());

  test('records every change with who made it, what, and the state before and after', async () => {
    const startedAt = Date.now();
    const seededAudit: any = await tp.query(AUDIT, { token: admin });
    expect(seededAudit.data.caoAuditLog.edges.map((e: any) => e.node.action)).toEqual(['SEED']);

    const draft = await createDraft('CAO Kringloop Nederland 2025');
    const ok = (res: any) => expect(res.errors).toBeUndefined();
    ok(
      await tp.query(SET_CELLS, {
        token: cao,
        variables: { id: draft.id, cells: [{ scale: 5, step: 3, monthlyFullTime: '2470.00' }] },
      }),
    );
    ok(await tp.query(INCREASE, { token: cao, variables: { id: draft.id, input: { percent: '3.5', scales: [8] } } }));
    ok(
      await tp.query(UPDATE, {
        token: cao,
        variables: { id: draft.id, input: { overtimeRule: 'boven 38 uur per week' } },
      }),
    );
    ok(
      await tp.query(PUBLISH, {
        token: cao,
        variables: { id: draft.id, input: { effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' } },
      }),
    );
    const rate: any = await tp.query(REGISTER, {
      token: cao,
      variables: { input: { effectiveFrom: '2026-07-01', adultHourly: '15.00' } },
    });
    ok(rate);
    const thrownAway = await createDraft('Weggooi');
    ok(await tp.query(DELETE, { token: cao, variables: { id: thrownAway.id } }));

    for (const token of [admin, cao]) {
      const log: any = await tp.query(AUDIT, { token });
      expect(log.errors).toBeUndefined();
      expect(log.data.caoAuditLog.totalCount).toBe(9);
      const entries = log.data.caoAuditLog.edges.map((e: any) => e.node);
      // Newest first.
      expect(entries.map((e: any) => e.action)).toEqual([
        'DELETE_DRAFT',
        'CREATE_DRAFT',
        'REGISTER_MINIMUM_WAGE',
        'PUBLISH',
        'UPDATE_DRAFT',
        'GENERAL_INCREASE',
        'SET_CELLS',
        'CREATE_DRAFT',
        'SEED',
      ]);
      for (const entry of entries.slice(0, -1)) {
        expect(entry.actorId).toBe(CAO_USER);
        expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt - 1000);
      }
      expect(entries.slice(0, -1).map((e: any) => e.entityId)).toEqual([
        thrownAway.id,
        thrownAway.id,
        rate.data.registerMinimumWage.id,
        draft.id,
        draft.id,
        draft.id,
        draft.id,
        draft.id,
      ]);
    }

    const ofDraft: any = await tp.query(AUDIT, { token: cao, variables: { entityId: draft.id } });
    const byAction = Object.fromEntries(ofDraft.data.caoAuditLog.edges.map((e: any) => [e.node.action, e.node]));
    expect(ofDraft.data.caoAuditLog.totalCount).toBe(5);
    const json = (value: string | null) => (value === null ? null : JSON.parse(value));
    const cellIn = (snapshot: any, scale: number, step: number) =>
      snapshot.salaryTable.find((s: any) => s.scale === scale).steps.find(([n]: [number]) => n === step)[1];

    // Creating: nothing before, the copied table after.
    expect(byAction.CREATE_DRAFT.entityType).toBe('CaoVersion');
    expect(json(byAction.CREATE_DRAFT.before)).toBeNull();
    expect(sameAmount(cellIn(json(byAction.CREATE_DRAFT.after), 5, 3))).toBe('2461.52');

    // The edited cell's old and new amount.
    const setCells = byAction.SET_CELLS;
    expect(sameAmount(cellIn(json(setCells.before), 5, 3))).toBe('2461.52');
    expect(sameAmount(cellIn(json(setCells.after), 5, 3))).toBe('2470.00');
    expect(sameAmount(cellIn(json(setCells.after), 5, 4))).toBe('2514.27');

    // The increase: scale 8 raised, the percentage stated, the rest as it was.
    const increase = byAction.GENERAL_INCREASE;
    expect(sameAmount(cellIn(json(increase.before), 8, 0))).toBe('3566.11');
    expect(sameAmount(cellIn(json(increase.after), 8, 0))).toBe(raised('3566.11', '3.5'));
    expect(sameAmount(cellIn(json(increase.after), 7, 0))).toBe('2889.14');
    expect(json(increase.after)).toMatchObject({ percent: '3.5', scales: [8] });

    expect(json(byAction.UPDATE_DRAFT.before).overtimeRule).toBe(cao2024.overtime);
    expect(json(byAction.UPDATE_DRAFT.after).overtimeRule).toBe('boven 38 uur per week');

    expect(json(byAction.PUBLISH.before)).toMatchObject({ status: 'DRAFT' });
    expect(json(byAction.PUBLISH.after)).toMatchObject({
      status: 'PUBLISHED',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
    });

    const log: any = await tp.query(AUDIT, { token: admin });
    const entries = log.data.caoAuditLog.edges.map((e: any) => e.node);
    const registered = entries.find((e: any) => e.action === 'REGISTER_MINIMUM_WAGE');
    expect(registered.entityType).toBe('MinimumWageRate');
    expect(json(registered.after)).toMatchObject({ effectiveFrom: '2026-07-01' });
    expect(json(registered.after).amounts).toContainEqual(expect.objectContaining({ age: 17, hourly: '5.93' }));
    const deleted = entries.find((e: any) => e.action === 'DELETE_DRAFT');
    expect(json(deleted.before)).toMatchObject({ name: 'Weggooi', status: 'DRAFT' });
    expect(json(deleted.after)).toBeNull();
  });

  test('is not for the members’ people nor the other association teams', async () => {
    for (const role of ROLES) {
      const res: any = await tp.query(`{ caoAuditLog(first: 5) { totalCount edges { node { id } } } }`, {
        token: await tokenOf(role),
      });
      if (role === 'association-cao' || role === 'platform-admin') {
        expect(res.errors).toBeUndefined();
      } else {
        expect(errorCodes(res)).toEqual(['FORBIDDEN']);
        expect(res.data?.caoAuditLog ?? null).toBeNull();
      }
    }
    const count = await tp.query(`{ caoAuditLog(first: 1) { totalCount } }`, { token: await tokenOf('member-hr') });
    expect(errorCodes(count)).toEqual(['FORBIDDEN']);
  });
});

describe('only the CAO team changes the agreement', () => {
  let draftId: string;
  let seededId: string;
  beforeAll(async () => {
    draftId = (await createDraft('Concept van het CAO-team')).id;
    seededId = await seededVersionId();
  });
  afterAll(() => tp.reset());

  const mutations = (): [string, string, Record<string, unknown>][] => [
    ['createCaoDraft', `mutation { createCaoDraft(input: { name: "Indringer" }) { id } }`, {}],
    ['updateCaoDraft', UPDATE, { id: draftId, input: { name: 'Indringer' } }],
    ['applyGeneralIncrease', INCREASE, { id: draftId, input: { percent: '50' } }],
    ['setWageCells', SET_CELLS, { id: draftId, cells: [{ scale: 5, step: 3, monthlyFullTime: '2500.00' }] }],
    ['publishCaoVersion', PUBLISH, { id: draftId, input: { effectiveFrom: '2025-01-01' } }],
    ['deleteCaoDraft', DELETE, { id: draftId }],
    ['deleteCaoDraft of the published', DELETE, { id: seededId }],
    ['registerMinimumWage', REGISTER, { input: { effectiveFrom: '2026-07-01', adultHourly: '99.00' } }],
  ];

  const everything = async () => {
    const res: any = await tp.query(
      `{ caoVersions(first: 20) { totalCount } minimumWageRates(first: 20) { totalCount edges { node { effectiveFrom } } } }`,
      { token: cao },
    );
    return { ...res.data, draft: await read(draftId), audit: await auditCount() };
  };

  test.each(OTHER_ROLES)('%s gets FORBIDDEN for every change, and nothing is written', async (role) => {
    const before = await everything();
    const token = await tokenOf(role);
    for (const [name, mutation, variables] of mutations()) {
      const res = await tp.query(mutation, { token, variables });
      expect({ name, codes: errorCodes(res) }).toEqual({ name, codes: ['FORBIDDEN'] });
    }
    expect(await everything()).toEqual(before);
  });

  test('without a token every change is UNAUTHENTICATED', async () => {
    const before = await everything();
    for (const [name, mutation, variables] of mutations()) {
      const res = await tp.query(mutation, { variables });
      expect({ name, codes: errorCodes(res) }).toEqual({ name, codes: ['UNAUTHENTICATED'] });
    }
    expect(await everything()).toEqual(before);
  });
});
