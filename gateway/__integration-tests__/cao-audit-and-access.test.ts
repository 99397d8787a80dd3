import { ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import { tokenOf as tokenOfRole } from './testkit/actors';
import { raised } from './testkit/cao-arithmetic';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes, nodes, type GraphQLResponse } from './testkit/graphql';
import { sameAmount } from './testkit/money';
import { cao2024 } from './testkit/seed-data';
import {
  admin,
  AUDIT,
  auditCount,
  cao,
  CAO_USER,
  createDraft,
  DELETE,
  INCREASE,
  OTHER_ROLES,
  PUBLISH,
  read,
  REGISTER,
  seededVersionId,
  SET_CELLS,
  tp,
  UPDATE,
  memberId,
  type AuditLog,
} from './testkit/cao-versions';

// Maintaining the collective agreement (CAO) through the gateway: drafts, general increases,
// cell edits and their validation, publishing and immutability, new minimum-wage rates, the
// audit log, and that only the association's CAO team may change any of it.
// This file: the audit log, and that only the CAO team changes the agreement.
const tokenOf = (role: Role, sub?: string) => tokenOfRole(role, memberId, sub);

/** What an audit entry's `before`/`after` JSON holds, as far as these tests read it. */
interface Snapshot {
  salaryTable?: { scale: number; steps: [number, string][] }[];
  overtimeRule?: string;
  amounts?: { age: number; hourly: string }[];
}
const auditEntries = async (token: string, entityId?: string) =>
  expectOk(await tp.query<AuditLog>(AUDIT, { token, variables: { entityId } })).caoAuditLog;

describe('the audit log', () => {
  afterAll(() => tp.reset());

  test('records every change with who made it, what, and the state before and after', async () => {
    const startedAt = Date.now();
    const seededAudit = await auditEntries(admin);
    expect(nodes(seededAudit).map((e) => e.action)).toEqual(['SEED']);

    const draft = await createDraft('CAO Kringloop Nederland 2025');
    const ok = (res: GraphQLResponse<unknown>) => expect(res.errors).toBeUndefined();
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
    const rate = await tp.query<{ registerMinimumWage: { id: string } }>(REGISTER, {
      token: cao,
      variables: { input: { effectiveFrom: '2026-07-01', adultHourly: '15.00' } },
    });
    const rateId = expectOk(rate).registerMinimumWage.id;
    const thrownAway = await createDraft('Weggooi');
    ok(await tp.query(DELETE, { token: cao, variables: { id: thrownAway.id } }));

    for (const token of [admin, cao]) {
      const log = await auditEntries(token);
      expect(log.totalCount).toBe(9);
      const entries = nodes(log);
      // Newest first.
      expect(entries.map((e) => e.action)).toEqual([
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
      for (const entry of nonEmpty(entries.slice(0, -1))) {
        expect(entry.actorId).toBe(CAO_USER);
        expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt - 1000);
      }
      expect(entries.slice(0, -1).map((e) => e.entityId)).toEqual([
        thrownAway.id,
        thrownAway.id,
        rateId,
        draft.id,
        draft.id,
        draft.id,
        draft.id,
        draft.id,
      ]);
    }

    const ofDraft = await auditEntries(cao, draft.id);
    const byAction = Object.fromEntries(nodes(ofDraft).map((e) => [e.action, e]));
    expect(ofDraft.totalCount).toBe(5);
    const json = (value: string | null | undefined): Snapshot | null =>
      value === null || value === undefined ? null : (JSON.parse(value) as Snapshot);
    const cellIn = (snapshot: Snapshot | null, scale: number, step: number) =>
      snapshot!.salaryTable!.find((s) => s.scale === scale)!.steps.find(([n]) => n === step)![1];

    // Creating: nothing before, the copied table after.
    expect(byAction.CREATE_DRAFT?.entityType).toBe('CaoVersion');
    expect(json(byAction.CREATE_DRAFT?.before)).toBeNull();
    expect(sameAmount(cellIn(json(byAction.CREATE_DRAFT?.after), 5, 3))).toBe('2461.52');

    // The edited cell's old and new amount.
    const setCells = byAction.SET_CELLS!;
    expect(sameAmount(cellIn(json(setCells.before), 5, 3))).toBe('2461.52');
    expect(sameAmount(cellIn(json(setCells.after), 5, 3))).toBe('2470.00');
    expect(sameAmount(cellIn(json(setCells.after), 5, 4))).toBe('2514.27');

    // The increase: scale 8 raised, the percentage stated, the rest as it was.
    const increase = byAction.GENERAL_INCREASE!;
    expect(sameAmount(cellIn(json(increase.before), 8, 0))).toBe('3566.11');
    expect(sameAmount(cellIn(json(increase.after), 8, 0))).toBe(raised('3566.11', '3.5'));
    expect(sameAmount(cellIn(json(increase.after), 7, 0))).toBe('2889.14');
    expect(json(increase.after)).toMatchObject({ percent: '3.5', scales: [8] });

    expect(json(byAction.UPDATE_DRAFT?.before)?.overtimeRule).toBe(cao2024.overtime);
    expect(json(byAction.UPDATE_DRAFT?.after)?.overtimeRule).toBe('boven 38 uur per week');

    expect(json(byAction.PUBLISH?.before)).toMatchObject({ status: 'DRAFT' });
    expect(json(byAction.PUBLISH?.after)).toMatchObject({
      status: 'PUBLISHED',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
    });

    const entries = nodes(await auditEntries(admin));
    const registered = entries.find((e) => e.action === 'REGISTER_MINIMUM_WAGE')!;
    expect(registered.entityType).toBe('MinimumWageRate');
    expect(json(registered.after)).toMatchObject({ effectiveFrom: '2026-07-01' });
    expect(json(registered.after)?.amounts).toContainEqual(expect.objectContaining({ age: 17, hourly: '5.93' }));
    const deleted = entries.find((e) => e.action === 'DELETE_DRAFT')!;
    expect(json(deleted.before)).toMatchObject({ name: 'Weggooi', status: 'DRAFT' });
    expect(json(deleted.after)).toBeNull();
  });

  test('is not for the members’ people nor the other association teams', async () => {
    for (const role of ROLES) {
      const res = await tp.query<Partial<AuditLog>>(`{ caoAuditLog(first: 5) { totalCount edges { node { id } } } }`, {
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
    const res = await tp.query<{ caoVersions: unknown; minimumWageRates: unknown }>(
      `{ caoVersions(first: 20) { totalCount } minimumWageRates(first: 20) { totalCount edges { node { effectiveFrom } } } }`,
      { token: cao },
    );
    return { ...expectOk(res), draft: await read(draftId), audit: await auditCount() };
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
