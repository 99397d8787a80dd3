import type { DevelopmentTokenClaims, Role } from '@samen-sterk/subgraph-runtime';
import { tokenFor } from './testkit/auth';
import { contentHash } from './testkit/databases';
import { expectRefused as expectRefusedWithoutWrites } from './testkit/expect';
import { addDays, addMonths, todayNl } from './testkit/calendar';
import { errorCodes, graphql, type GraphQLResponse } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';
import { rootFields } from './testkit/schema-walk';
import { bsnSequence, hireInputFor } from './testkit/people';

// The platform's shared input rules, through the real gateway: every mutation of every subgraph
// refuses a control character (NUL, bidirectional overrides, line breaks where one line is
// meant) and over-long text with BAD_USER_INPUT naming the argument, and writes nothing; one
// e-mail rule; plausible dates; and hr-payroll's `branchId` must be a shop of the employee's own
// member, as the members directory says, before anything is written.
let tp: TestPlatform;

const memberId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const employeeId = (n: number) => `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const M1 = memberId(1);
const M2 = memberId(2);

const token = (claims: Partial<DevelopmentTokenClaims> & { roles: Role[] }) => tokenFor(claims);
let admin: string;
let cao: string;
let memberAdmin1: string;
let hr1: string;
let payroll1: string;

/** Text no rule should let through. */
const NUL = 'Jan\u0000Jansen';
const BIDI = 'Jan\u202Enesnaj'; // a right-to-left override: shows as "Jan" and reversed text
const LONG = 'x'.repeat(10_001); // above the cap every string argument has
const TEN_THOUSAND = 'x'.repeat(10_000); // within that cap: the field's own rule must refuse it
const UNKNOWN_ID = '00000000-0000-4000-8000-999999999999';

type Subgraph = 'members' | 'cao' | 'hr-payroll';
const refusal = (res: GraphQLResponse) => ({ codes: errorCodes(res), field: res.errors?.[0]?.extensions?.field });

/** The request is BAD_USER_INPUT on `field`, and the subgraph's database did not change. */
const expectRefused = (subgraph: Subgraph, request: () => Promise<GraphQLResponse>, field: string) =>
  expectRefusedWithoutWrites(tp.platform.subgraphs[subgraph]!.database, request, { field });

/** Everything a subgraph's database holds, as one digest a table (testkit `contentHash`). */
const fingerprint = (subgraph: Subgraph) => contentHash(tp.platform.subgraphs[subgraph]!.database.sql);

const mutate = (query: string, variables: Record<string, unknown>, as: () => string) =>
  tp.query<any>(query, { token: as(), variables });

// --- BSNs that pass the 11-proof, made here. ---
const nextBsn = bsnSequence(31_000_000);

const HIRE = `mutation($input: HireEmployeeInput!) {
  hireEmployee(input: $input) { id email employments { id branchId targetGroup { subsidyMunicipality } } } }`;
const hireInput = (overrides: Record<string, unknown> = {}, employment: Record<string, unknown> = {}) =>
  hireInputFor(M1, nextBsn(), { lastName: 'Invoer', ...overrides }, employment);
const hire = (input: Record<string, unknown>, as = () => hr1) => mutate(HIRE, { input }, as);

/** Ids the tests need, read through the gateway. */
const ids = {
  branchOf1: '',
  branchOf2: '',
  userOf1: '',
  employmentOf1: '',
  employmentStart: '',
  draft: '',
  volunteer: '',
};

beforeAll(async () => {
  tp = await startTestPlatform();
  [admin, cao, memberAdmin1, hr1, payroll1] = await Promise.all([
    token({ roles: ['platform-admin'] }),
    token({ sub: 'cao-team-input', roles: ['association-cao'] }),
    token({ sub: 'admin-m1', roles: ['member-admin'], memberId: M1 }),
    token({ sub: `hr-${M1}`, roles: ['member-hr'], memberId: M1 }),
    token({ sub: `payroll-${M1}`, roles: ['payroll-service'], payrollMemberIds: [M1] }),
  ]);
  const directory: any = await tp.query(
    `query($m1: ID!, $m2: ID!) {
       one: member(id: $m1) { branches(first: 1) { edges { node { id } } } users(first: 5) { edges { node { id roles } } } }
       two: member(id: $m2) { branches(first: 1) { edges { node { id } } } } }`,
    { token: admin, variables: { m1: M1, m2: M2 } },
  );
  expect(directory.errors).toBeUndefined();
  ids.branchOf1 = directory.data.one.branches.edges[0].node.id;
  ids.branchOf2 = directory.data.two.branches.edges[0].node.id;
  ids.userOf1 = directory.data.one.users.edges.find((e: any) => !e.node.roles.includes('MEMBER_ADMIN')).node.id;

  const employee: any = await tp.query(`query($id: ID!) { employee(id: $id) { employments { id startDate } } }`, {
    token: hr1,
    variables: { id: employeeId(1) },
  });
  expect(employee.errors).toBeUndefined();
  ids.employmentOf1 = employee.data.employee.employments[0].id;
  ids.employmentStart = employee.data.employee.employments[0].startDate;

  const draft: any = await tp.query(`mutation { createCaoDraft(input: { name: "CAO Invoerproef" }) { id } }`, {
    token: cao,
  });
  expect(draft.errors).toBeUndefined();
  ids.draft = draft.data.createCaoDraft.id;

  const volunteer: any = await tp.query(
    `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }`,
    {
      token: hr1,
      variables: {
        input: { memberId: M1, firstName: 'Wil', lastName: 'Proef', birthDate: '1980-04-02', startDate: '2025-01-01' },
      },
    },
  );
  expect(volunteer.errors).toBeUndefined();
  ids.volunteer = volunteer.data.registerVolunteer.id;
});
afterAll(() => tp?.stop());

describe('hireEmployee: what was reported', () => {
  test("a shop of another member is refused on input.employment.branchId; the member's own shop is stored", async () => {
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: ids.branchOf2 })),
      'input.employment.branchId',
    );
    const own = await hire(hireInput({}, { branchId: ids.branchOf1 }));
    expect(own.errors).toBeUndefined();
    expect(own.data.hireEmployee.employments[0].branchId).toBe(ids.branchOf1);
    // The payroll service hires for the members it serves, with the same check.
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: ids.branchOf2 }), () => payroll1),
      'input.employment.branchId',
    );
    const byPayroll = await hire(hireInput({}, { branchId: ids.branchOf1 }), () => payroll1);
    expect(byPayroll.errors).toBeUndefined();
  });

  test('a made-up shop is refused on input.employment.branchId', async () => {
    const res = await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: UNKNOWN_ID })),
      'input.employment.branchId',
    );
    expect(res.errors?.[0]?.message).toMatch(/shop/);
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: 'shop-that-does-not-exist' })),
      'input.employment.branchId',
    );
  });

  test('"not-an-email" and a 10,000-character e-mail address are refused on input.email', async () => {
    await expectRefused('hr-payroll', () => hire(hireInput({ email: 'not-an-email' })), 'input.email');
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({ email: `${'a'.repeat(9_988)}@example.org` })),
      'input.email',
    );
    await expectRefused('hr-payroll', () => hire(hireInput({ email: TEN_THOUSAND })), 'input.email');
  });

  test('a birth date of 1800-01-01 is refused on input.birthDate', async () => {
    await expectRefused('hr-payroll', () => hire(hireInput({ birthDate: '1800-01-01' })), 'input.birthDate');
  });

  test('a 10,000-character subsidyMunicipality is refused on input.employment.subsidyMunicipality', async () => {
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { subsidyMunicipality: TEN_THOUSAND })),
      'input.employment.subsidyMunicipality',
    );
  });

  test.each([
    ['firstName', () => hireInput({ firstName: NUL }), 'input.firstName'],
    ['lastName', () => hireInput({ lastName: BIDI }), 'input.lastName'],
    [
      'address.street',
      () =>
        hireInput({ address: { street: 'Kerk\u0000straat', houseNumber: '1', postcode: '8011 AB', city: 'Zwolle' } }),
      'input.address.street',
    ],
    [
      'address.houseNumber',
      () =>
        hireInput({ address: { street: 'Kerkstraat', houseNumber: '1\u0007', postcode: '8011 AB', city: 'Zwolle' } }),
      'input.address.houseNumber',
    ],
    [
      'address.city',
      () =>
        hireInput({ address: { street: 'Kerkstraat', houseNumber: '1', postcode: '8011 AB', city: 'Zwol\u0085le' } }),
      'input.address.city',
    ],
    ['email', () => hireInput({ email: 'sem\u0000@example.org' }), 'input.email'],
    ['employment.functionTitle', () => hireInput({}, { functionTitle: NUL }), 'input.employment.functionTitle'],
    [
      'employment.subsidyMunicipality',
      () => hireInput({}, { subsidyMunicipality: 'Zwolle\u2066' }),
      'input.employment.subsidyMunicipality',
    ],
    ['employment.branchId', () => hireInput({}, { branchId: `${UNKNOWN_ID}\u0000` }), 'input.employment.branchId'],
  ])('a control character in %s is BAD_USER_INPUT on its path, not a database error', async (_what, input, field) => {
    await expectRefused('hr-payroll', () => hire(input()), field);
  });

  test('when the members directory cannot be reached, a branchId is refused rather than stored unverified', async () => {
    const { subgraphs } = tp.platform;
    const members = subgraphs.members!;
    // hr-payroll finds the members subgraph through this map; point it at a port nobody serves.
    subgraphs.members = { ...members, server: { ...members.server, url: 'http://127.0.0.1:9/graphql' } };
    try {
      const before = await fingerprint('hr-payroll');
      const viaGateway = await hire(hireInput({}, { branchId: ids.branchOf1 }));
      expect(errorCodes(viaGateway)).toEqual(['INTERNAL_SERVER_ERROR']);
      // The subgraph's own answer says why (the gateway hides the details of server-side errors).
      const direct = await graphql<any>(tp.subgraphUrl('hr-payroll'), HIRE, {
        token: hr1,
        variables: { input: hireInput({}, { branchId: ids.branchOf1 }) },
      });
      expect(errorCodes(direct)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(direct.errors?.[0]?.message).toMatch(/members directory .*nothing was saved/i);
      expect(await fingerprint('hr-payroll')).toEqual(before);
      // Without a shop there is nothing to ask the directory.
      expect((await hire(hireInput())).errors).toBeUndefined();
    } finally {
      subgraphs.members = members;
    }
  });
});

describe('shops of employments', () => {
  const ADD = `mutation($employeeId: ID!, $input: EmploymentInput!) { addEmployment(employeeId: $employeeId, input: $input) { id branchId } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateEmploymentInput!) { updateEmployment(id: $id, input: $input) { id branchId } }`;
  const employment = (overrides: Record<string, unknown>) => ({
    startDate: addMonths(todayNl(), 120),
    contractType: 'PERMANENT',
    functionTitle: 'Chauffeur',
    caoScale: 4,
    caoStep: 1,
    hoursPerWeek: '20',
    ...overrides,
  });

  test("addEmployment refuses another member's shop and a made-up one on input.branchId", async () => {
    for (const branchId of [ids.branchOf2, UNKNOWN_ID]) {
      await expectRefused(
        'hr-payroll',
        () => mutate(ADD, { employeeId: employeeId(2), input: employment({ branchId }) }, () => hr1),
        'input.branchId',
      );
    }
  });

  test("updateEmployment refuses another member's shop and a made-up one on input.branchId; its own is stored", async () => {
    for (const branchId of [ids.branchOf2, UNKNOWN_ID]) {
      await expectRefused(
        'hr-payroll',
        () => mutate(UPDATE, { id: ids.employmentOf1, input: { branchId } }, () => hr1),
        'input.branchId',
      );
    }
    const own = await mutate(UPDATE, { id: ids.employmentOf1, input: { branchId: ids.branchOf1 } }, () => hr1);
    expect(own.errors).toBeUndefined();
    expect(own.data.updateEmployment.branchId).toBe(ids.branchOf1);
  });
});

// --- Every mutation of every subgraph: a control character and over-long text. ---

type Case = [what: string, run: () => Promise<GraphQLResponse>, field: string];
const cases = (
  subgraph: 'members' | 'cao' | 'hr-payroll',
  mutation: string,
  list: () => Case[],
): [string, string, () => Case[]] => [subgraph, mutation, list];

const MEMBER_CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const memberInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Kringloop Invoer',
  kvkNumber: '87654321',
  legalForm: 'FOUNDATION',
  city: 'Utrecht',
  memberSince: '2026-01-01',
  ...overrides,
});
const MEMBER_UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }`;
const AUDIT = `mutation($input: RecordKeurmerkAuditInput!) { recordKeurmerkAudit(input: $input) { id } }`;
const auditInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  auditedOn: todayNl(),
  outcome: 'PASSED',
  auditor: 'Keurmerkinstituut',
  ...overrides,
});
const BRANCH_ADD = `mutation($input: AddBranchInput!) { addBranch(input: $input) { id } }`;
const branchInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  name: 'Winkel Invoer',
  street: 'Ambachtsweg',
  houseNumber: '3',
  postcode: '3511 AB',
  city: 'Utrecht',
  openedOn: '2026-03-01',
  ...overrides,
});
const BRANCH_UPDATE = `mutation($id: ID!, $input: UpdateBranchInput!) { updateBranch(id: $id, input: $input) { id } }`;
const USER_CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const userInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  name: 'Joke Invoer',
  email: 'joke.invoer@example.org',
  roles: ['MEMBER_PURCHASER'],
  ...overrides,
});
const USER_UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`;
const USER_DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id } }`;

const CAO_CREATE = `mutation($input: CreateCaoDraftInput!) { createCaoDraft(input: $input) { id } }`;
const CAO_UPDATE = `mutation($id: ID!, $input: UpdateCaoDraftInput!) { updateCaoDraft(id: $id, input: $input) { id } }`;
const CAO_INCREASE = `mutation($id: ID!, $input: GeneralIncreaseInput!) { applyGeneralIncrease(id: $id, input: $input) { id } }`;
const CAO_CELLS = `mutation($id: ID!, $cells: [WageCellInput!]!) { setWageCells(id: $id, cells: $cells) { id } }`;
const CAO_PUBLISH = `mutation($id: ID!, $input: PublishCaoVersionInput!) { publishCaoVersion(id: $id, input: $input) { id } }`;
const CAO_DELETE = `mutation($id: ID!) { deleteCaoDraft(id: $id) }`;
const MINIMUM_WAGE = `mutation($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id } }`;

const EMPLOYEE_UPDATE = `mutation($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id } }`;
const EMPLOYMENT_ADD = `mutation($employeeId: ID!, $input: EmploymentInput!) { addEmployment(employeeId: $employeeId, input: $input) { id } }`;
const employmentInput = (overrides: Record<string, unknown> = {}) => ({
  startDate: addMonths(todayNl(), 120),
  contractType: 'PERMANENT',
  functionTitle: 'Chauffeur',
  caoScale: 4,
  caoStep: 1,
  hoursPerWeek: '20',
  ...overrides,
});
const EMPLOYMENT_UPDATE = `mutation($id: ID!, $input: UpdateEmploymentInput!) { updateEmployment(id: $id, input: $input) { id } }`;
const APPRAISAL = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id note } }`;
const STEP_INCREASES = `mutation($memberId: ID!, $on: Date!) { applyStepIncreases(memberId: $memberId, on: $on) { __typename } }`;
const CALCULATE = `mutation($memberId: ID!) { calculatePayrollRun(memberId: $memberId, year: 2026, month: 1) { id } }`;
const APPROVE = `mutation($id: ID!) { approvePayrollRun(id: $id) { id } }`;
const PAID = `mutation($id: ID!) { markPayrollRunPaid(id: $id) { id } }`;
const SETTINGS = `mutation($memberId: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $memberId, input: $input) { updatedAt } }`;
const settingsInput = { pensionEmployeePercent: '7.50', pensionEmployerPercent: '10.00' };
const VOLUNTEER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }`;
const volunteerInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  firstName: 'Wim',
  lastName: 'Helper',
  birthDate: '1975-08-12',
  email: 'wim@example.org',
  startDate: '2025-06-01',
  ...overrides,
});
const ALLOWANCE = `mutation($input: VolunteerAllowanceInput!) { recordVolunteerAllowance(input: $input) { taxable } }`;
const allowanceInput = (overrides: Record<string, unknown> = {}) => ({
  volunteerId: ids.volunteer,
  paidOn: '2026-01-15',
  hours: '4',
  amount: '20.00',
  ...overrides,
});

const asAdmin = () => admin;
const asCao = () => cao;
const asMemberAdmin = () => memberAdmin1;
const asHr = () => hr1;

const EVERY_MUTATION = [
  // --- members ---
  cases('members', 'createMember', () => [
    ['a NUL in the name', () => mutate(MEMBER_CREATE, { input: memberInput({ name: NUL }) }, asAdmin), 'input.name'],
    ['an over-long city', () => mutate(MEMBER_CREATE, { input: memberInput({ city: LONG }) }, asAdmin), 'input.city'],
    [
      'a bidirectional override in the city',
      () => mutate(MEMBER_CREATE, { input: memberInput({ city: BIDI }) }, asAdmin),
      'input.city',
    ],
  ]),
  cases('members', 'updateMember', () => [
    ['a NUL in the id', () => mutate(MEMBER_UPDATE, { id: `${M1}\u0000`, input: { name: 'Nieuw' } }, asAdmin), 'id'],
    ['a NUL in the name', () => mutate(MEMBER_UPDATE, { id: M1, input: { name: NUL } }, asAdmin), 'input.name'],
    ['an over-long city', () => mutate(MEMBER_UPDATE, { id: M1, input: { city: LONG } }, asAdmin), 'input.city'],
  ]),
  cases('members', 'recordKeurmerkAudit', () => [
    ['a NUL in the auditor', () => mutate(AUDIT, { input: auditInput({ auditor: NUL }) }, asAdmin), 'input.auditor'],
    ['over-long notes', () => mutate(AUDIT, { input: auditInput({ notes: LONG }) }, asAdmin), 'input.notes'],
    [
      'notes above their own limit',
      () => mutate(AUDIT, { input: auditInput({ notes: TEN_THOUSAND }) }, asAdmin),
      'input.notes',
    ],
  ]),
  cases('members', 'addBranch', () => [
    ['a NUL in the street', () => mutate(BRANCH_ADD, { input: branchInput({ street: NUL }) }, asAdmin), 'input.street'],
    ['an over-long name', () => mutate(BRANCH_ADD, { input: branchInput({ name: LONG }) }, asAdmin), 'input.name'],
  ]),
  cases('members', 'updateBranch', () => [
    [
      'a NUL in the house number',
      () => mutate(BRANCH_UPDATE, { id: ids.branchOf1, input: { houseNumber: '1\u0000' } }, asMemberAdmin),
      'input.houseNumber',
    ],
    [
      'an over-long city',
      () => mutate(BRANCH_UPDATE, { id: ids.branchOf1, input: { city: LONG } }, asMemberAdmin),
      'input.city',
    ],
  ]),
  cases('members', 'createUser', () => [
    ['a NUL in the name', () => mutate(USER_CREATE, { input: userInput({ name: NUL }) }, asMemberAdmin), 'input.name'],
    [
      'a 10,000-character e-mail address',
      () => mutate(USER_CREATE, { input: userInput({ email: TEN_THOUSAND }) }, asMemberAdmin),
      'input.email',
    ],
    [
      'a line break in the name',
      () => mutate(USER_CREATE, { input: userInput({ name: 'Joke\nInvoer' }) }, asMemberAdmin),
      'input.name',
    ],
  ]),
  cases('members', 'updateUser', () => [
    ['a NUL in the name', () => mutate(USER_UPDATE, { id: ids.userOf1, input: { name: NUL } }, asAdmin), 'input.name'],
    [
      'a bidirectional override in the e-mail address',
      () => mutate(USER_UPDATE, { id: ids.userOf1, input: { email: 'joke\u202E@example.org' } }, asAdmin),
      'input.email',
    ],
    [
      'an over-long e-mail address',
      () => mutate(USER_UPDATE, { id: ids.userOf1, input: { email: LONG } }, asAdmin),
      'input.email',
    ],
  ]),
  cases('members', 'deactivateUser', () => [
    ['a NUL in the id', () => mutate(USER_DEACTIVATE, { id: `${ids.userOf1}\u0000` }, asAdmin), 'id'],
    ['an over-long id', () => mutate(USER_DEACTIVATE, { id: LONG }, asAdmin), 'id'],
  ]),
  // --- cao ---
  cases('cao', 'createCaoDraft', () => [
    ['a NUL in the name', () => mutate(CAO_CREATE, { input: { name: NUL } }, asCao), 'input.name'],
    [
      'an over-long basedOnVersionId',
      () => mutate(CAO_CREATE, { input: { name: 'CAO 2030', basedOnVersionId: LONG } }, asCao),
      'input.basedOnVersionId',
    ],
  ]),
  cases('cao', 'updateCaoDraft', () => [
    [
      'a NUL in the second party',
      () => mutate(CAO_UPDATE, { id: ids.draft, input: { parties: ['BKN', NUL] } }, asCao),
      'input.parties.1',
    ],
    [
      'an over-long overtime rule',
      () => mutate(CAO_UPDATE, { id: ids.draft, input: { overtimeRule: LONG } }, asCao),
      'input.overtimeRule',
    ],
    [
      'a line break in the name',
      () => mutate(CAO_UPDATE, { id: ids.draft, input: { name: 'CAO\r\n2030' } }, asCao),
      'input.name',
    ],
  ]),
  cases('cao', 'applyGeneralIncrease', () => [
    ['a NUL in the id', () => mutate(CAO_INCREASE, { id: `${ids.draft}\u0000`, input: { percent: '2' } }, asCao), 'id'],
    ['an over-long id', () => mutate(CAO_INCREASE, { id: LONG, input: { percent: '2' } }, asCao), 'id'],
  ]),
  cases('cao', 'setWageCells', () => [
    ['a NUL in the id', () => mutate(CAO_CELLS, { id: `${ids.draft}\u0000`, cells: [] }, asCao), 'id'],
    ['an over-long id', () => mutate(CAO_CELLS, { id: LONG, cells: [] }, asCao), 'id'],
  ]),
  cases('cao', 'publishCaoVersion', () => [
    [
      'a NUL in the id',
      () => mutate(CAO_PUBLISH, { id: `${ids.draft}\u0000`, input: { effectiveFrom: '2031-01-01' } }, asCao),
      'id',
    ],
    ['an over-long id', () => mutate(CAO_PUBLISH, { id: LONG, input: { effectiveFrom: '2031-01-01' } }, asCao), 'id'],
  ]),
  cases('cao', 'deleteCaoDraft', () => [
    ['a NUL in the id', () => mutate(CAO_DELETE, { id: `${ids.draft}\u0000` }, asCao), 'id'],
    ['an over-long id', () => mutate(CAO_DELETE, { id: LONG }, asCao), 'id'],
  ]),
  cases('cao', 'registerMinimumWage', () => [
    // It takes no text at all: its one free-form input is the effective date, which must be plausible.
    [
      'an effective date of 1800',
      () => mutate(MINIMUM_WAGE, { input: { effectiveFrom: '1800-01-01', adultHourly: '14.71' } }, asCao),
      'input.effectiveFrom',
    ],
    [
      'an effective date of 2999',
      () => mutate(MINIMUM_WAGE, { input: { effectiveFrom: '2999-01-01', adultHourly: '14.71' } }, asCao),
      'input.effectiveFrom',
    ],
  ]),
  // --- hr-payroll ---
  cases('hr-payroll', 'hireEmployee', () => [
    ['a NUL in the first name', () => hire(hireInput({ firstName: NUL })), 'input.firstName'],
    ['an over-long last name', () => hire(hireInput({ lastName: LONG })), 'input.lastName'],
  ]),
  cases('hr-payroll', 'updateEmployee', () => [
    [
      'a NUL in the last name',
      () => mutate(EMPLOYEE_UPDATE, { id: employeeId(1), input: { lastName: NUL } }, asHr),
      'input.lastName',
    ],
    [
      'an over-long e-mail address',
      () => mutate(EMPLOYEE_UPDATE, { id: employeeId(1), input: { email: TEN_THOUSAND } }, asHr),
      'input.email',
    ],
    [
      'an over-long city',
      () =>
        mutate(
          EMPLOYEE_UPDATE,
          {
            id: employeeId(1),
            input: { address: { street: 'Kerkstraat', houseNumber: '1', postcode: '8011 AB', city: LONG } },
          },
          asHr,
        ),
      'input.address.city',
    ],
  ]),
  cases('hr-payroll', 'addEmployment', () => [
    [
      'a NUL in the function title',
      () => mutate(EMPLOYMENT_ADD, { employeeId: employeeId(2), input: employmentInput({ functionTitle: NUL }) }, asHr),
      'input.functionTitle',
    ],
    [
      'an over-long subsidy municipality',
      () =>
        mutate(
          EMPLOYMENT_ADD,
          { employeeId: employeeId(2), input: employmentInput({ subsidyMunicipality: TEN_THOUSAND }) },
          asHr,
        ),
      'input.subsidyMunicipality',
    ],
  ]),
  cases('hr-payroll', 'updateEmployment', () => [
    [
      'a NUL in the function title',
      () => mutate(EMPLOYMENT_UPDATE, { id: ids.employmentOf1, input: { functionTitle: NUL } }, asHr),
      'input.functionTitle',
    ],
    [
      'an over-long subsidy municipality',
      () => mutate(EMPLOYMENT_UPDATE, { id: ids.employmentOf1, input: { subsidyMunicipality: LONG } }, asHr),
      'input.subsidyMunicipality',
    ],
  ]),
  cases('hr-payroll', 'recordAppraisal', () => [
    [
      'a NUL in the note',
      () =>
        mutate(
          APPRAISAL,
          { input: { employmentId: ids.employmentOf1, appraisedOn: todayNl(), outcome: 'GOOD', note: NUL } },
          asHr,
        ),
      'input.note',
    ],
    [
      'an over-long note',
      () =>
        mutate(
          APPRAISAL,
          { input: { employmentId: ids.employmentOf1, appraisedOn: todayNl(), outcome: 'GOOD', note: LONG } },
          asHr,
        ),
      'input.note',
    ],
  ]),
  cases('hr-payroll', 'applyStepIncreases', () => [
    [
      'a NUL in the member id',
      () => mutate(STEP_INCREASES, { memberId: `${M1}\u0000`, on: todayNl() }, asHr),
      'memberId',
    ],
    ['an over-long member id', () => mutate(STEP_INCREASES, { memberId: LONG, on: todayNl() }, asHr), 'memberId'],
  ]),
  cases('hr-payroll', 'calculatePayrollRun', () => [
    ['a NUL in the member id', () => mutate(CALCULATE, { memberId: `${M1}\u0000` }, asHr), 'memberId'],
    ['an over-long member id', () => mutate(CALCULATE, { memberId: LONG }, asHr), 'memberId'],
  ]),
  cases('hr-payroll', 'approvePayrollRun', () => [
    ['a NUL in the id', () => mutate(APPROVE, { id: `${UNKNOWN_ID}\u0000` }, asHr), 'id'],
    ['an over-long id', () => mutate(APPROVE, { id: LONG }, asHr), 'id'],
  ]),
  cases('hr-payroll', 'markPayrollRunPaid', () => [
    ['a NUL in the id', () => mutate(PAID, { id: `${UNKNOWN_ID}\u0000` }, asHr), 'id'],
    ['an over-long id', () => mutate(PAID, { id: LONG }, asHr), 'id'],
  ]),
  cases('hr-payroll', 'setPayrollSettings', () => [
    [
      'a NUL in the member id',
      () => mutate(SETTINGS, { memberId: `${M1}\u0000`, input: settingsInput }, asHr),
      'memberId',
    ],
    ['an over-long member id', () => mutate(SETTINGS, { memberId: LONG, input: settingsInput }, asHr), 'memberId'],
  ]),
  cases('hr-payroll', 'registerVolunteer', () => [
    [
      'a NUL in the first name',
      () => mutate(VOLUNTEER, { input: volunteerInput({ firstName: NUL }) }, asHr),
      'input.firstName',
    ],
    [
      'an over-long last name',
      () => mutate(VOLUNTEER, { input: volunteerInput({ lastName: LONG }) }, asHr),
      'input.lastName',
    ],
    [
      'a 10,000-character e-mail address',
      () => mutate(VOLUNTEER, { input: volunteerInput({ email: TEN_THOUSAND }) }, asHr),
      'input.email',
    ],
  ]),
  cases('hr-payroll', 'recordVolunteerAllowance', () => [
    ['a NUL in the note', () => mutate(ALLOWANCE, { input: allowanceInput({ note: NUL }) }, asHr), 'input.note'],
    ['an over-long note', () => mutate(ALLOWANCE, { input: allowanceInput({ note: LONG }) }, asHr), 'input.note'],
    [
      'a NUL in the volunteer id',
      () => mutate(ALLOWANCE, { input: allowanceInput({ volunteerId: `${ids.volunteer}\u0000` }) }, asHr),
      'input.volunteerId',
    ],
  ]),
];

describe.each(EVERY_MUTATION)('%s %s', (subgraph, _mutation, list) => {
  test('refuses control characters and over-long text with BAD_USER_INPUT on the argument, writing nothing', async () => {
    for (const [what, run, field] of list()) {
      const before = await fingerprint(subgraph as Subgraph);
      const res = await run();
      expect({ what, ...refusal(res) }).toEqual({ what, codes: ['BAD_USER_INPUT'], field });
      expect(await fingerprint(subgraph as Subgraph)).toEqual(before);
    }
  });
});

test('every mutation of every subgraph is covered above', () => {
  const all = rootFields()
    .filter((f) => f.operation === 'mutation')
    .map((f) => f.name)
    .sort();
  expect(all.length).toBeGreaterThan(20);
  expect(EVERY_MUTATION.map(([, name]) => name).sort()).toEqual(all);
});

describe('line breaks', () => {
  test('are refused in one-line text and kept, as \\n, in notes', async () => {
    await expectRefused('hr-payroll', () => hire(hireInput({ firstName: 'Sem\nPiet' })), 'input.firstName');
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { functionTitle: 'Chauffeur\t' + 'x' })),
      'input.employment.functionTitle',
    );
    const res = await mutate(
      APPRAISAL,
      {
        input: {
          employmentId: ids.employmentOf1,
          appraisedOn: todayNl(),
          outcome: 'GOOD',
          note: 'Goed jaar.\r\nVolgend jaar: kassa.\n\tMet cursus.',
        },
      },
      asHr,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordAppraisal.note).toBe('Goed jaar.\nVolgend jaar: kassa.\n\tMet cursus.');
  });
});

describe('plausible dates', () => {
  test('hireEmployee: a start date of 1800 or an end date of 2200 is refused on the employment', async () => {
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { startDate: '1800-01-01' })),
      'input.employment.startDate',
    );
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { contractType: 'FIXED_TERM', endDate: '2200-01-01' })),
      'input.employment.endDate',
    );
  });

  test('a birth date that makes someone older than 100 on their first day is refused', async () => {
    const start = todayNl();
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({ birthDate: addDays(addMonths(start, -101 * 12), 0) }, { startDate: start })),
      'input.birthDate',
    );
  });

  test('updateEmployee refuses a birth date of 1800', async () => {
    await expectRefused(
      'hr-payroll',
      () => mutate(EMPLOYEE_UPDATE, { id: employeeId(1), input: { birthDate: '1800-01-01' } }, asHr),
      'input.birthDate',
    );
  });

  test('registerVolunteer refuses a birth date of 1800 and a start date of 1800', async () => {
    await expectRefused(
      'hr-payroll',
      () => mutate(VOLUNTEER, { input: volunteerInput({ birthDate: '1800-01-01' }) }, asHr),
      'input.birthDate',
    );
    await expectRefused(
      'hr-payroll',
      () => mutate(VOLUNTEER, { input: volunteerInput({ birthDate: '1790-01-01', startDate: '1800-01-01' }) }, asHr),
      'input.startDate',
    );
  });

  test('addEmployment refuses an end date of 2200', async () => {
    await expectRefused(
      'hr-payroll',
      () =>
        mutate(
          EMPLOYMENT_ADD,
          { employeeId: employeeId(2), input: employmentInput({ contractType: 'FIXED_TERM', endDate: '2200-01-01' }) },
          asHr,
        ),
      'input.endDate',
    );
  });

  test('the directory refuses a member since 1800, a membership ending in 2999 and a shop opened in 1066', async () => {
    await expectRefused(
      'members',
      () => mutate(MEMBER_CREATE, { input: memberInput({ memberSince: '1800-01-01' }) }, asAdmin),
      'input.memberSince',
    );
    await expectRefused(
      'members',
      () => mutate(MEMBER_UPDATE, { id: M1, input: { memberUntil: '2999-12-31' } }, asAdmin),
      'input.memberUntil',
    );
    await expectRefused(
      'members',
      () => mutate(BRANCH_ADD, { input: branchInput({ openedOn: '1066-10-14' }) }, asAdmin),
      'input.openedOn',
    );
  });

  test('a CAO version cannot be published from 1800 or until 2999', async () => {
    await expectRefused(
      'cao',
      () => mutate(CAO_PUBLISH, { id: ids.draft, input: { effectiveFrom: '1800-01-01' } }, asCao),
      'input.effectiveFrom',
    );
    await expectRefused(
      'cao',
      () =>
        mutate(
          CAO_PUBLISH,
          { id: ids.draft, input: { effectiveFrom: '2031-01-01', effectiveTo: '2999-12-31' } },
          asCao,
        ),
      'input.effectiveTo',
    );
  });
});

describe('the safety net covers queries too', () => {
  test('a NUL in a filter is BAD_USER_INPUT on its path, not a database error', async () => {
    const branches = await tp.query(`query($name: String) { branches(filter: { name: $name }) { totalCount } }`, {
      token: admin,
      variables: { name: 'Kring\u0000' },
    });
    expect(refusal(branches)).toEqual({ codes: ['BAD_USER_INPUT'], field: 'filter.name' });
    const employees = await tp.query(`query($m: ID!) { employees(memberId: $m) { totalCount } }`, {
      token: hr1,
      variables: { m: `${M1}\u0000` },
    });
    expect(refusal(employees)).toEqual({ codes: ['BAD_USER_INPUT'], field: 'memberId' });
  });
});
