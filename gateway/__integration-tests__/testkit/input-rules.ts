// The platform's shared input rules, through the real gateway: every mutation of every subgraph
// refuses a control character (NUL, bidirectional overrides, line breaks where one line is
// meant) and over-long text with BAD_USER_INPUT naming the argument, and writes nothing; one
// e-mail rule; plausible dates; and hr-payroll's `branchId` must be a shop of the employee's own
// member, as the members directory says, before anything is written.

import { caoTeam, hrOf, payrollFor, platformAdmin, tokenOf } from './actors';
import { addMonths, todayNl } from './calendar';
import { contentHash } from './databases';
import { expectOk, expectRefusedWithoutWrites } from './expect';
import { errorCodes, nodes, type GraphQLResponse } from './graphql';
import { employeeId, M1, M2 } from './ids';
import { bsnSequence, hireInputFor } from './people';
import { usePlatform } from './use-platform';

// What the input-rule tests share (input-rules-*.test.ts). Importing it starts the platform for
// the test file and, before its first test, signs the tokens and reads the ids below.

export const tp = usePlatform();

export let admin: string;
export let cao: string;
export let memberAdmin1: string;
export let hr1: string;
export let payroll1: string;

/** Text no rule should let through. */
export const NUL = 'Jan\u0000Jansen';
export const BIDI = 'Jan\u202Enesnaj'; // a right-to-left override: shows as "Jan" and reversed text
export const LONG = 'x'.repeat(10_001); // above the cap every string argument has
export const TEN_THOUSAND = 'x'.repeat(10_000); // within that cap: the field's own rule must refuse it

export type Subgraph = 'members' | 'cao' | 'hr-payroll';
export const refusal = (res: GraphQLResponse) => ({
  codes: errorCodes(res),
  field: res.errors?.[0]?.extensions?.field,
});

/** The request is BAD_USER_INPUT on `field`, and the subgraph's database did not change. */
export const expectRefused = (subgraph: Subgraph, request: () => Promise<GraphQLResponse>, field: string) =>
  expectRefusedWithoutWrites(tp.platform.subgraphs[subgraph]!.database, request, 'BAD_USER_INPUT', field);

/** Everything a subgraph's database holds, as one digest a table (testkit `contentHash`). */
export const fingerprint = (subgraph: Subgraph) => contentHash(tp.platform.subgraphs[subgraph]!.database.sql);

export const mutate = <Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  as: () => string,
) => tp.query<Data>(query, { token: as(), variables });

// --- BSNs that pass the 11-proof, made here. ---
export const nextBsn = bsnSequence(31_000_000);

export const HIRE = `mutation($input: HireEmployeeInput!) {
  hireEmployee(input: $input) { id email employments { id branchId targetGroup { subsidyMunicipality } } } }`;
export const hireInput = (overrides: Record<string, unknown> = {}, employment: Record<string, unknown> = {}) =>
  hireInputFor(M1, nextBsn(), { lastName: 'Invoer', ...overrides }, employment);
export const hire = (input: Record<string, unknown>, as = () => hr1) =>
  mutate<{ hireEmployee: { id: string; employments: { id: string; branchId: string | null }[] } }>(HIRE, { input }, as);

/** Ids the tests need, read through the gateway. */
export const ids = {
  branchOf1: '',
  branchOf2: '',
  userOf1: '',
  employmentOf1: '',
  employmentStart: '',
  draft: '',
  volunteer: '',
};

beforeAll(async () => {
  [admin, cao, memberAdmin1, hr1, payroll1] = await Promise.all([
    platformAdmin(),
    caoTeam('cao-team-input'),
    tokenOf('member-admin', M1, 'admin-m1'),
    hrOf(M1),
    payrollFor(M1),
  ]);
  type Ids = { edges: { node: { id: string } }[] };
  const directory = await tp.query<{
    one: { branches: Ids; users: { edges: { node: { id: string; roles: string[] } }[] } };
    two: { branches: Ids };
  }>(
    `query($m1: ID!, $m2: ID!) {
       one: member(id: $m1) { branches(first: 1) { edges { node { id } } } users(first: 5) { edges { node { id roles } } } }
       two: member(id: $m2) { branches(first: 1) { edges { node { id } } } } }`,
    { token: admin, variables: { m1: M1, m2: M2 } },
  );
  const { one, two } = expectOk(directory);
  ids.branchOf1 = nodes(one.branches)[0]!.id;
  ids.branchOf2 = nodes(two.branches)[0]!.id;
  ids.userOf1 = nodes(one.users).find((user) => !user.roles.includes('MEMBER_ADMIN'))!.id;

  const employee = await tp.query<{ employee: { employments: { id: string; startDate: string }[] } }>(
    `query($id: ID!) { employee(id: $id) { employments { id startDate } } }`,
    { token: hr1, variables: { id: employeeId(1) } },
  );
  const [employment] = expectOk(employee).employee.employments;
  ids.employmentOf1 = employment!.id;
  ids.employmentStart = employment!.startDate;

  const draft = await tp.query<{ createCaoDraft: { id: string } }>(
    `mutation { createCaoDraft(input: { name: "CAO Invoerproef" }) { id } }`,
    { token: cao },
  );
  ids.draft = expectOk(draft).createCaoDraft.id;

  const volunteer = await tp.query<{ registerVolunteer: { id: string } }>(
    `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }`,
    {
      token: hr1,
      variables: {
        input: { memberId: M1, firstName: 'Wil', lastName: 'Proef', birthDate: '1980-04-02', startDate: '2025-01-01' },
      },
    },
  );
  ids.volunteer = expectOk(volunteer).registerVolunteer.id;
});

// --- Every mutation of every subgraph: a control character and over-long text. ---

export type Case = [what: string, run: () => Promise<GraphQLResponse>, field: string];
export const cases = (
  subgraph: 'members' | 'cao' | 'hr-payroll',
  mutation: string,
  list: () => Case[],
): [string, string, () => Case[]] => [subgraph, mutation, list];

export const MEMBER_CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
export const memberInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Kringloop Invoer',
  kvkNumber: '87654321',
  legalForm: 'FOUNDATION',
  city: 'Utrecht',
  memberSince: '2026-01-01',
  ...overrides,
});
export const MEMBER_UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }`;
export const AUDIT = `mutation($input: RecordKeurmerkAuditInput!) { recordKeurmerkAudit(input: $input) { id } }`;
export const auditInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  auditedOn: todayNl(),
  outcome: 'PASSED',
  auditor: 'Keurmerkinstituut',
  ...overrides,
});
export const BRANCH_ADD = `mutation($input: AddBranchInput!) { addBranch(input: $input) { id } }`;
export const branchInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  name: 'Winkel Invoer',
  street: 'Ambachtsweg',
  houseNumber: '3',
  postcode: '3511 AB',
  city: 'Utrecht',
  openedOn: '2026-03-01',
  ...overrides,
});
export const BRANCH_UPDATE = `mutation($id: ID!, $input: UpdateBranchInput!) { updateBranch(id: $id, input: $input) { id } }`;
export const USER_CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
export const userInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  name: 'Joke Invoer',
  email: 'joke.invoer@example.org',
  roles: ['MEMBER_PURCHASER'],
  ...overrides,
});
export const USER_UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`;
export const USER_DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id } }`;

export const CAO_CREATE = `mutation($input: CreateCaoDraftInput!) { createCaoDraft(input: $input) { id } }`;
export const CAO_UPDATE = `mutation($id: ID!, $input: UpdateCaoDraftInput!) { updateCaoDraft(id: $id, input: $input) { id } }`;
export const CAO_INCREASE = `mutation($id: ID!, $input: GeneralIncreaseInput!) { applyGeneralIncrease(id: $id, input: $input) { id } }`;
export const CAO_CELLS = `mutation($id: ID!, $cells: [WageCellInput!]!) { setWageCells(id: $id, cells: $cells) { id } }`;
export const CAO_PUBLISH = `mutation($id: ID!, $input: PublishCaoVersionInput!) { publishCaoVersion(id: $id, input: $input) { id } }`;
export const CAO_DELETE = `mutation($id: ID!) { deleteCaoDraft(id: $id) }`;
export const MINIMUM_WAGE = `mutation($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id } }`;

export const EMPLOYEE_UPDATE = `mutation($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }`;
export const EMPLOYMENT_ADD = `mutation($employeeId: ID!, $input: EmploymentInput!) { addEmployment(employeeId: $employeeId, input: $input) { id } }`;
export const employmentInput = (overrides: Record<string, unknown> = {}) => ({
  startDate: addMonths(todayNl(), 120),
  contractType: 'PERMANENT',
  functionTitle: 'Chauffeur',
  caoScale: 4,
  caoStep: 1,
  hoursPerWeek: '20',
  ...overrides,
});
export const EMPLOYMENT_UPDATE = `mutation($id: ID!, $input: UpdateEmploymentInput!) { updateEmployment(id: $id, input: $input) { id } }`;
export const APPRAISAL = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id note } }`;
export const STEP_INCREASES = `mutation($memberId: ID!, $on: Date!) { applyStepIncreases(memberId: $memberId, on: $on) { __typename } }`;
export const CALCULATE = `mutation($memberId: ID!) { calculatePayrollRun(memberId: $memberId, year: 2026, month: 1) { id } }`;
export const APPROVE = `mutation($id: ID!) { approvePayrollRun(id: $id) { id } }`;
export const PAID = `mutation($id: ID!) { markPayrollRunPaid(id: $id) { id } }`;
export const SETTINGS = `mutation($memberId: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $memberId, input: $input) { updatedAt } }`;
export const settingsInput = { pensionEmployeePercent: '7.50', pensionEmployerPercent: '10.00' };
export const VOLUNTEER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }`;
export const volunteerInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  firstName: 'Wim',
  lastName: 'Helper',
  birthDate: '1975-08-12',
  email: 'wim@example.org',
  startDate: '2025-06-01',
  ...overrides,
});
export const ALLOWANCE = `mutation($input: VolunteerAllowanceInput!) { recordVolunteerAllowance(input: $input) { taxable } }`;
export const allowanceInput = (overrides: Record<string, unknown> = {}) => ({
  volunteerId: ids.volunteer,
  paidOn: '2026-01-15',
  hours: '4',
  amount: '20.00',
  ...overrides,
});

export const asAdmin = () => admin;
export const asCao = () => cao;
export const asMemberAdmin = () => memberAdmin1;
export const asHr = () => hr1;
