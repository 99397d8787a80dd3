import { ROLES } from '@samen-sterk/subgraph-runtime';
import { caoTeam, platformAdmin } from './actors';
import { expectOk } from './expect';
import { FIRST_MEMBERS, type MemberIds } from './operations';
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

export async function createDraft(name = 'CAO Kringloop Nederland 2025', basedOnVersionId?: string) {
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
export async function read(id: string) {
  const res: any = await tp.query(`query($id: ID!) { caoVersion(id: $id) { ${VERSION} } }`, {
    token: cao,
    variables: { id },
  });
  expect(res.errors).toBeUndefined();
  return res.data.caoVersion;
}

export async function seededVersionId() {
  const res: any = await tp.query(`{ caoInForce(on: "2024-06-01") { version { id } } }`, { token: cao });
  return res.data.caoInForce.version.id as string;
}

export const auditCount = async () => {
  const res: any = await tp.query(`{ caoAuditLog(first: 1) { totalCount } }`, { token: admin });
  expect(res.errors).toBeUndefined();
  return res.data.caoAuditLog.totalCount as number;
};

/** Everything a failed change must leave as it was. */
export const state = async (id?: string) => ({
  version: id ? await read(id) : null,
  audit: await auditCount(),
});

export const cellOf = (version: any, scale: number, step: number) =>
  version.scales.find((s: any) => s.scale === scale)?.steps.find((c: any) => c.step === step)?.monthlyFullTime;

export const INCREASE = `mutation($id: ID!, $input: GeneralIncreaseInput!) { applyGeneralIncrease(id: $id, input: $input) { scales { scale steps { step monthlyFullTime } } } }`;
export const SET_CELLS = `mutation($id: ID!, $cells: [WageCellInput!]!) { setWageCells(id: $id, cells: $cells) { cellCount scales { scale steps { step monthlyFullTime } } } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateCaoDraftInput!) { updateCaoDraft(id: $id, input: $input) { name overtimeRule } }`;
export const PUBLISH = `mutation($id: ID!, $input: PublishCaoVersionInput!) { publishCaoVersion(id: $id, input: $input) { id status effectiveFrom effectiveTo publishedAt } }`;
export const DELETE = `mutation($id: ID!) { deleteCaoDraft(id: $id) }`;
export const REGISTER = `mutation($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id effectiveFrom amounts { age hourly youthPercent bblPercent } } }`;
export const AUDIT = `query($entityId: ID) { caoAuditLog(entityId: $entityId, first: 50) { totalCount edges { node { id at actorId action entityType entityId before after } } } }`;
