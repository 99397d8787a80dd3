import { ROLES } from '@samen-sterk/subgraph-runtime';
import { caoTeam, platformAdmin } from './actors';
import { expectOk, expectRefusedWithoutWrites } from './expect';
import type { GraphQLResponse } from './graphql';
import { FIRST_MEMBERS, type AuditEntry, type MemberIds } from './operations';
import { usePlatform } from './use-platform';

// What the CAO maintenance tests share (cao-*.test.ts): importing it starts the platform for the
// test file and, before its first test, signs the CAO team's and an admin's tokens.

export const tp = usePlatform();
export let cao: string;
export let admin: string;
export let memberId: string;

/** The CAO team member the changes are made by: the audit log must name them. */
export const CAO_USER = 'cao-team-anouk';

export const OTHER_ROLES = ROLES.filter((r) => r !== 'association-cao');

beforeAll(async () => {
  cao = await caoTeam(CAO_USER);
  admin = await platformAdmin();
  const res = await tp.query<MemberIds>(FIRST_MEMBERS, { token: admin, variables: { first: 1 } });
  memberId = expectOk(res).members.edges[0]!.node.id;
});

export const VERSION = `id name parties status effectiveFrom effectiveTo fullTimeHoursPerWeek weeksPerYear hoursPerMonthFullTime
  holidayAllowance { percent accrualStartMonth paymentMonth } leave { statutoryHours extraHours totalHours }
  overtimeRule periodicIncreaseRule basedOn { id name } publishedAt cellCount
  scales { scale steps { step monthlyFullTime } }`;

/** A salary scale: its steps and their full-time monthly amounts. */
export interface Scale {
  scale: number;
  steps: { step: number; monthlyFullTime: string }[];
}
/** A CAO version as `VERSION` selects it. */
export interface CaoVersion {
  id: string;
  name: string;
  parties: string[];
  status: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  fullTimeHoursPerWeek: string;
  weeksPerYear: string;
  hoursPerMonthFullTime: string;
  holidayAllowance: { percent: string; accrualStartMonth: number; paymentMonth: number };
  leave: { statutoryHours: string; extraHours: string; totalHours: string };
  overtimeRule: string;
  periodicIncreaseRule: string;
  basedOn: { id: string; name: string } | null;
  publishedAt: string | null;
  cellCount: number;
  scales: Scale[];
}

export async function createDraft(name = 'CAO Kringloop Nederland 2025', basedOnVersionId?: string) {
  const res = await tp.query<{ createCaoDraft: CaoVersion }>(
    `mutation($input: CreateCaoDraftInput!) { createCaoDraft(input: $input) { ${VERSION} } }`,
    {
      token: cao,
      variables: { input: { name, ...(basedOnVersionId ? { basedOnVersionId } : {}) } },
    },
  );
  return expectOk(res).createCaoDraft;
}

/**
 * A new draft for every test of the enclosing block (its id in `.id`), and the demo data back
 * after the block.
 */
export function draftPerTest(): { readonly id: string } {
  const draft = { id: '' };
  beforeEach(async () => {
    draft.id = (await createDraft()).id;
  });
  afterAll(() => tp.reset());
  return draft;
}

/** A version as the CAO team sees it. */
export async function read(id: string) {
  const res = await tp.query<{ caoVersion: CaoVersion }>(`query($id: ID!) { caoVersion(id: $id) { ${VERSION} } }`, {
    token: cao,
    variables: { id },
  });
  return expectOk(res).caoVersion;
}

export async function seededVersionId() {
  const res = await tp.query<{ caoInForce: { version: { id: string } } }>(
    `{ caoInForce(on: "2024-06-01") { version { id } } }`,
    { token: cao },
  );
  return expectOk(res).caoInForce.version.id;
}

export const auditCount = async () => {
  const res = await tp.query<{ caoAuditLog: { totalCount: number } }>(`{ caoAuditLog(first: 1) { totalCount } }`, {
    token: admin,
  });
  return expectOk(res).caoAuditLog.totalCount;
};

/**
 * Refused as BAD_USER_INPUT naming `field` (a pattern where the field may be named two ways), and
 * the CAO database holds exactly what it held before: a refused change writes nothing.
 */
export async function expectRefusedUnchanged(
  request: () => Promise<GraphQLResponse<unknown>>,
  field: string | RegExp,
  message?: RegExp,
) {
  const database = tp.platform.subgraphs.cao!.database;
  const res = await expectRefusedWithoutWrites(
    database,
    request,
    'BAD_USER_INPUT',
    typeof field === 'string' ? field : undefined,
  );
  if (field instanceof RegExp) expect(String(res.errors?.[0]?.extensions?.field)).toMatch(field);
  if (message) expect(res.errors?.[0]?.message).toMatch(message);
}

/** Everything a failed change must leave as it was. */
export const state = async (id?: string) => ({
  version: id ? await read(id) : null,
  audit: await auditCount(),
});

/** A cell of the salary table as `setWageCells` takes it; an amount of null removes the cell. */
export interface WageCell {
  scale: number;
  step: number;
  monthlyFullTime: string | null;
}
export const cell = (scale: number, step: number, monthlyFullTime: string | null): WageCell => ({
  scale,
  step,
  monthlyFullTime,
});

/** The CAO team sets these cells of version `id`. */
export const setCells = (id: string, cells: WageCell[]) =>
  tp.query(SET_CELLS, { token: cao, variables: { id, cells } });

export const cellOf = (version: { scales: Scale[] }, scale: number, step: number) =>
  version.scales.find((s) => s.scale === scale)?.steps.find((c) => c.step === step)?.monthlyFullTime;

export const INCREASE = `mutation($id: ID!, $input: GeneralIncreaseInput!) { applyGeneralIncrease(id: $id, input: $input) { scales { scale steps { step monthlyFullTime } } } }`;
export const SET_CELLS = `mutation($id: ID!, $cells: [WageCellInput!]!) { setWageCells(id: $id, cells: $cells) { cellCount scales { scale steps { step monthlyFullTime } } } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateCaoDraftInput!) { updateCaoDraft(id: $id, input: $input) { name overtimeRule } }`;
export const PUBLISH = `mutation($id: ID!, $input: PublishCaoVersionInput!) { publishCaoVersion(id: $id, input: $input) { id status effectiveFrom effectiveTo publishedAt } }`;
export const DELETE = `mutation($id: ID!) { deleteCaoDraft(id: $id) }`;
export const REGISTER = `mutation($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id effectiveFrom amounts { age hourly youthPercent bblPercent } } }`;
export const AUDIT = `query($entityId: ID) { caoAuditLog(entityId: $entityId, first: 50) { totalCount edges { node { id at actorId action entityType entityId before after } } } }`;
export interface AuditLog {
  caoAuditLog: { totalCount: number; edges: { node: AuditEntry }[] };
}
