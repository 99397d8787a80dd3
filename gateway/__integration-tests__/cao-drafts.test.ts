import { type Role } from '@samen-sterk/subgraph-runtime';
import { tokenOf as tokenOfRole } from './testkit/actors';
import { raised } from './testkit/cao-arithmetic';
import { errorCodes } from './testkit/graphql';
import { cao2024, seededTable2024 as SEEDED_TABLE } from './testkit/seed-data';
import {
  cao,
  cellOf,
  createDraft,
  INCREASE,
  OTHER_ROLES,
  read,
  seededVersionId,
  SET_CELLS,
  state,
  memberId,
  tp,
} from './testkit/cao-versions';

// Maintaining the collective agreement (CAO) through the gateway: drafts, general increases,
// cell edits and their validation, publishing and immutability, new minimum-wage rates, the
// audit log, and that only the association's CAO team may change any of it.
// This file: drafts, a general increase, editing cells.
const tokenOf = (role: Role, sub?: string) => tokenOfRole(role, memberId, sub);

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
  beforeEach(async () => {
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
