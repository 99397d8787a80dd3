import { type Role } from '@samen-sterk/subgraph-runtime';
import { tokenOf as tokenOfRole } from './testkit/actors';
import { raised } from './testkit/cao-arithmetic';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes, nodes } from './testkit/graphql';
import { UNKNOWN_ID } from './testkit/ids';
import { cao2024, seededTable2024 as SEEDED_TABLE } from './testkit/seed-data';
import {
  cao,
  cell,
  cellOf,
  createDraft,
  draftPerTest,
  expectRefusedUnchanged,
  INCREASE,
  OTHER_ROLES,
  read,
  seededVersionId,
  setCells,
  memberId,
  tp,
  type Scale,
  type WageCell,
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
    expect(draft.basedOn?.name).toBe('CAO Kringloop Nederland 2024');
    const res = await tp.query(
      `mutation($unknown: ID!) { createCaoDraft(input: { name: "X", basedOnVersionId: $unknown }) { id } }`,
      { token: cao, variables: { unknown: UNKNOWN_ID } },
    );
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  test('a draft without a name is refused', async () => {
    await expectRefusedUnchanged(
      () => tp.query(`mutation { createCaoDraft(input: { name: "  " }) { id } }`, { token: cao }),
      'input.name',
    );
  });

  test('drafts are seen by the CAO team only', async () => {
    const draft = await createDraft('Geheim concept 2025');
    const LIST = `{ caoVersions(first: 20) { totalCount edges { node { id name status } } }
                   drafts: caoVersions(first: 20, filter: { status: DRAFT }) { totalCount edges { node { id } } } }`;
    type Versions = { totalCount: number; edges: { node: { id: string; name: string; status: string } }[] };
    type Lists = { caoVersions: Versions; drafts: Versions };
    const own = expectOk(await tp.query<Lists>(LIST, { token: cao }));
    expect(nodes(own.caoVersions).map((v) => v.id)).toContain(draft.id);
    expect(own.drafts.totalCount).toBeGreaterThanOrEqual(1);

    for (const role of nonEmpty(OTHER_ROLES)) {
      const token = await tokenOf(role);
      const list = expectOk(await tp.query<Lists>(LIST, { token }));
      expect(list.caoVersions.totalCount).toBe(1);
      expect(list.caoVersions.totalCount).toBeLessThan(own.caoVersions.totalCount);
      expect(nodes(list.caoVersions).map((v) => v.status)).toEqual(['PUBLISHED']);
      expect(nodes(list.drafts).map((v) => v.id)).not.toContain(draft.id);

      // Asked for by id, the draft is refused and nothing of it is shown.
      const byId = await tp.query<{ caoVersion: unknown }>(
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
    for (const role of nonEmpty(OTHER_ROLES)) {
      const res = await tp.query<{ caoVersions: unknown }>(
        `{ caoVersions(first: 20, filter: { status: DRAFT }) { totalCount edges { node { status } } } }`,
        { token: await tokenOf(role) },
      );
      expect({ role, drafts: expectOk(res).caoVersions }).toEqual({ role, drafts: { totalCount: 0, edges: [] } });
    }
  });
});

type Increased = { applyGeneralIncrease: { scales: Scale[] } };

describe('a general increase', () => {
  const draft = draftPerTest();

  test('of 3.5 % raises every cell to old × 1.035, half up to the cent', async () => {
    const res = await tp.query<Increased>(INCREASE, {
      token: cao,
      variables: { id: draft.id, input: { percent: '3.5' } },
    });
    const expected = SEEDED_TABLE.map((s) => ({
      scale: s.scale,
      steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: raised(c.monthlyFullTime, '3.5') })),
    }));
    expect(expectOk(res).applyGeneralIncrease.scales).toEqual(expected);
    expect((await read(draft.id)).scales).toEqual(expected);
    // Spot checks worked by hand: 2201.94 × 1.035 = 2279.0079, 2461.52 × 1.035 = 2547.6732.
    expect(cellOf(await read(draft.id), 2, 0)).toBe('2279.01');
    expect(cellOf(await read(draft.id), 5, 3)).toBe('2547.67');
    // The published 2024 table is untouched.
    expect((await read(await seededVersionId())).scales).toEqual(SEEDED_TABLE);
  });

  test('given scales raises those only', async () => {
    const before = await read(draft.id);
    const res = await tp.query<Increased>(INCREASE, {
      token: cao,
      variables: { id: draft.id, input: { percent: '2.25', scales: [2, 5] } },
    });
    expect(expectOk(res).applyGeneralIncrease.scales).toEqual(
      before.scales.map((s) =>
        [2, 5].includes(s.scale)
          ? {
              scale: s.scale,
              steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: raised(c.monthlyFullTime, '2.25') })),
            }
          : s,
      ),
    );
  });

  test.each([
    ...['101', '-100', '250', '-150'].map((percent) => [`of ${percent} %`, { percent }, 'input.percent'] as const),
    ['for a scale the table does not have', { percent: '3', scales: [5, 9] }, 'input.scales'] as const,
  ])('%s is refused and changes nothing', async (_what, input, field) => {
    await expectRefusedUnchanged(() => tp.query(INCREASE, { token: cao, variables: { id: draft.id, input } }), field);
  });
});

describe('editing cells', () => {
  const draft = draftPerTest();

  test('edits a cell, adds a step at the end of a scale and removes the last step of another', async () => {
    expectOk(await setCells(draft.id, [cell(5, 3, '2470.00'), cell(2, 5, '2251.01'), cell(8, 20, null)]));
    const after = await read(draft.id);
    expect(after.cellCount).toBe(86);
    expect(cellOf(after, 5, 3)).toBe('2470.00');
    expect(after.scales.find((s) => s.scale === 2)!.steps.map((c) => c.step)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cellOf(after, 2, 5)).toBe('2251.01');
    expect(after.scales.find((s) => s.scale === 8)!.steps).toHaveLength(20);
    expect(cellOf(after, 8, 20)).toBeUndefined();
    // Every other cell is as it was.
    const untouched = (v: { scales: Scale[] }) =>
      v.scales.flatMap((s) =>
        s.steps
          .filter((c) => !['5.3', '2.5', '8.20'].includes(`${s.scale}.${c.step}`))
          .map((c) => `${s.scale}.${c.step}=${c.monthlyFullTime}`),
      );
    expect(untouched(after)).toEqual(untouched({ scales: SEEDED_TABLE }));
  });

  /**
   * An edit that is refused: the cells sent, the field the refusal names and, where it matters, its
   * message. Always all four: a shorter row would hand the test Jest's `done` as `message`.
   */
  const refused = (
    what: string,
    cells: WageCell[],
    field: string | RegExp,
    message?: RegExp,
  ): [string, WageCell[], string | RegExp, RegExp | undefined] => [what, cells, field, message];
  const refusedEdits = [
    refused('removing a step that leaves a gap is refused', [cell(4, 3, null)], 'salaryTable.scale4.step3'),
    refused(
      'a gap in the steps is refused, naming the missing cell, and nothing changes',
      [cell(5, 30, '3000.00')],
      'salaryTable.scale5.step11',
      /step 11/,
    ),
    refused(
      'an amount that falls as the steps rise is refused, naming the cell, and nothing changes',
      // A valid edit first: the whole request must fail, not just the bad cell.
      [cell(5, 3, '2470.00'), cell(5, 4, '2400.00')],
      'salaryTable.scale5.step4',
    ),
    ...['0', '0.00', '-5.00'].map((amount) =>
      refused(
        `an amount of ${amount} is refused, naming the cell, and nothing changes`,
        [cell(3, 0, amount)],
        'salaryTable.scale3.step0',
      ),
    ),
    refused('an amount in fractions of a cent is refused', [cell(5, 3, '2470.005')], 'cells.0.monthlyFullTime'),
    // The column is DECIMAL(10,2): an amount of 10^8 or more overflows it in the database, which the
    // caller sees as INTERNAL_SERVER_ERROR instead of a refusal naming the cell.
    refused(
      'an amount too large for the salary table is refused, naming the cell, and nothing changes',
      [cell(8, 21, '123456789.00')],
      /^(salaryTable\.scale8\.step21|cells\.0\.monthlyFullTime)$/,
    ),
    refused('a scale numbered 0 is refused', [cell(0, 0, '2000.00')], 'salaryTable.scale0'),
  ];
  test.each(refusedEdits)('%s', async (_what, cells, field, message) => {
    await expectRefusedUnchanged(() => setCells(draft.id, cells), field, message);
  });

  test('two edits of one draft at the same time both count (none is lost)', async () => {
    const [a, b] = await Promise.all([
      setCells(draft.id, [cell(5, 3, '2470.00')]),
      setCells(draft.id, [cell(6, 3, '2750.00')]),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    const after = await read(draft.id);
    expect([cellOf(after, 5, 3), cellOf(after, 6, 3)]).toEqual(['2470.00', '2750.00']);
  });
});
