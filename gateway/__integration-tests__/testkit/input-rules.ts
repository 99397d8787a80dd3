// The platform's shared input rules, through the real gateway: every mutation of every subgraph
// refuses a control character (NUL, bidirectional overrides, line breaks where one line is
// meant) and over-long text with BAD_USER_INPUT naming the argument, and writes nothing; one
// e-mail rule; plausible dates; and hr-payroll's `branchId` must be a shop of the employee's own
// member, as the members directory says, before anything is written.

import { caoTeam, hrOf, payrollFor, platformAdmin, tokenOf } from './actors';
import { tokenFor } from './auth';
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
export let buyer1: string;
export let procurementTeam: string;

/** Text no rule should let through. */
export const NUL = 'Jan\u0000Jansen';
export const BIDI = 'Jan\u202Enesnaj'; // a right-to-left override: shows as "Jan" and reversed text
export const LONG = 'x'.repeat(10_001); // above the cap every string argument has
export const TEN_THOUSAND = 'x'.repeat(10_000); // within that cap: the field's own rule must refuse it

export type Subgraph = 'members' | 'cao' | 'hr-payroll' | 'procurement' | 'academy';
export const refusal = (res: GraphQLResponse) => ({
  codes: errorCodes(res),
  field: res.errors?.[0]?.extensions?.field,
});

/** The request is BAD_USER_INPUT on `field`, and the subgraph's database did not change. */
export const expectRefused = (subgraph: Subgraph, request: () => Promise<GraphQLResponse>, field: string) =>
  expectRefusedWithoutWrites(tp.platform.subgraphs[subgraph]!.database, request, 'BAD_USER_INPUT', field);

/** Everything a subgraph's database holds, as one digest a table (testkit `contentHash`). */
export const fingerprint = (subgraph: Subgraph) => contentHash(tp.platform.subgraphs[subgraph]!.database.sql);

/** Sends `query` with `variables`, with the token of `as`. */
const mutate = <Data = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as: () => string) =>
  tp.query<Data>(query, { token: as(), variables });

// --- BSNs that pass the 11-proof, made here. ---
export const nextBsn = bsnSequence(31_000_000);

export const HIRE = `mutation($input: HireEmployeeInput!) {
  hireEmployee(input: $input) { id email employments { id branchId targetGroup { subsidyMunicipality } } } }`;
export const hireInput = (overrides: Record<string, unknown> = {}, employment: Record<string, unknown> = {}) =>
  hireInputFor(M1, nextBsn(), { lastName: 'Invoer', ...overrides }, employment);

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
  [admin, cao, memberAdmin1, hr1, payroll1, buyer1, procurementTeam] = await Promise.all([
    platformAdmin(),
    caoTeam('cao-team-input'),
    tokenOf('member-admin', M1, 'admin-m1'),
    hrOf(M1),
    payrollFor(M1),
    tokenFor({ sub: 'buyer-m1', roles: ['member-purchaser', 'member-approver'], memberId: M1 }),
    tokenOf('association-procurement', M1, 'procurement-team-input'),
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

// --- Every mutation of every subgraph, as these tests send it. ---

export const asAdmin = () => admin;
export const asCao = () => cao;
export const asMemberAdmin = () => memberAdmin1;
export const asHr = () => hr1;
export const asBuyer = () => buyer1;
export const asProcurementTeam = () => procurementTeam;

// The documents ask for little of what each mutation answers (what a test reads back): what is
// tested is the input.
const MEMBER_CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
const MEMBER_UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }`;
const AUDIT = `mutation($input: RecordKeurmerkAuditInput!) { recordKeurmerkAudit(input: $input) { id } }`;
const BRANCH_ADD = `mutation($input: AddBranchInput!) { addBranch(input: $input) { id } }`;
const BRANCH_UPDATE = `mutation($id: ID!, $input: UpdateBranchInput!) { updateBranch(id: $id, input: $input) { id } }`;
const USER_CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
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
const EMPLOYMENT_UPDATE = `mutation($id: ID!, $input: UpdateEmploymentInput!) { updateEmployment(id: $id, input: $input) { id branchId } }`;
const APPRAISAL = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { id note } }`;
const STEP_INCREASES = `mutation($memberId: ID!, $on: Date!) { applyStepIncreases(memberId: $memberId, on: $on) { __typename } }`;
const CALCULATE = `mutation($memberId: ID!) { calculatePayrollRun(memberId: $memberId, year: 2026, month: 1) { id } }`;
const APPROVE = `mutation($id: ID!) { approvePayrollRun(id: $id) { id } }`;
const PAID = `mutation($id: ID!) { markPayrollRunPaid(id: $id) { id } }`;
const OPENING_SET = `mutation($employeeId: ID!, $input: OpeningBalancesInput!) { setOpeningBalances(employeeId: $employeeId, input: $input) { asOf } }`;
const OPENING_REMOVE = `mutation($employeeId: ID!) { removeOpeningBalances(employeeId: $employeeId) }`;
const OPENING_IMPORT = `mutation($memberId: ID!, $csv: String!) { importOpeningBalances(memberId: $memberId, csv: $csv) { applied } }`;
const SETTINGS = `mutation($memberId: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $memberId, input: $input) { updatedAt } }`;
const ORDER_SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id } }`;
const ORDER_APPROVE = `mutation($id: ID!) { approveOrder(id: $id) { id } }`;
const ORDER_REJECT = `mutation($id: ID!, $reason: String!) { rejectOrder(id: $id, reason: $reason) { id } }`;
const ORDER_CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { id } }`;
const ORDER_MARK_ORDERED = `mutation($id: ID!, $expectedOn: Date) { markOrderOrdered(id: $id, expectedOn: $expectedOn) { id } }`;
const DELIVERY_RECORD = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }`;
const INVOICE_RECORD = `mutation($input: RecordSupplierInvoiceInput!) { recordSupplierInvoice(input: $input) { id } }`;
const ORDER_CLOSE = `mutation($id: ID!) { closeOrder(id: $id) { id } }`;
const PROCUREMENT_SETTINGS = `mutation($memberId: ID!, $input: ProcurementSettingsInput!) { setProcurementSettings(memberId: $memberId, input: $input) { approvalThreshold } }`;
const SUPPLIER_CREATE = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`;
const SUPPLIER_UPDATE = `mutation($id: ID!, $input: UpdateSupplierInput!) { updateSupplier(id: $id, input: $input) { id } }`;
const CONTRACT_CREATE = `mutation($input: CreateContractInput!) { createContract(input: $input) { id } }`;
const CONTRACT_STATUS = `mutation($id: ID!, $status: ContractStatus!) { setContractStatus(id: $id, status: $status) { id } }`;
const CONTRACT_ITEM = `mutation($contractId: ID!, $input: ContractItemInput!) { addContractItem(contractId: $contractId, input: $input) { id } }`;
const ITEM_TIERS = `mutation($itemId: ID!, $tiers: [PriceTierInput!]!) { setItemTiers(itemId: $itemId, tiers: $tiers) { id } }`;
const CONTRACT_TIERS = `mutation($contractId: ID!, $tiers: [ContractTierInput!]!) { setContractTiers(contractId: $contractId, tiers: $tiers) { id } }`;
const SETTLEMENT_RUN = `mutation($contractId: ID!) { runSettlement(contractId: $contractId) { id } }`;
const SESSION_SCHEDULE = `mutation($input: ScheduleCourseSessionInput!) { scheduleCourseSession(input: $input) { id } }`;
const ENROL = `mutation($sessionId: ID!, $employeeId: ID!, $memberId: ID) { enrol(sessionId: $sessionId, employeeId: $employeeId, memberId: $memberId) { id } }`;
const ENROLMENT_APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { id } }`;
const ENROLMENT_CANCEL = `mutation($id: ID!) { cancelEnrolment(id: $id) { id } }`;
const COMPLETION = `mutation($id: ID!, $result: String) { recordCompletion(id: $id, result: $result) { id } }`;
const NO_SHOW = `mutation($id: ID!) { recordNoShow(id: $id) { id } }`;
const BUDGET_GRANT = `mutation($memberId: ID!, $year: Int!, $granted: Decimal!) { grantTrainingBudget(memberId: $memberId, year: $year, granted: $granted) { id } }`;
const SKILL_CREATE = `mutation($input: CreateSkillInput!) { createSkill(input: $input) { code } }`;
const COURSE_CREATE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;
const COURSE_UPDATE = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { id } }`;
const PATH_CREATE = `mutation($input: CreateLearningPathInput!) { createLearningPath(input: $input) { id } }`;
const PATH_UPDATE = `mutation($id: ID!, $input: UpdateLearningPathInput!) { updateLearningPath(id: $id, input: $input) { id } }`;
const SESSION_CHANGE = `mutation($id: ID!, $input: ChangeCourseSessionInput!) { changeCourseSession(id: $id, input: $input) { id } }`;
const SESSION_CANCEL = `mutation($id: ID!, $reason: String!) { cancelCourseSession(id: $id, reason: $reason) { id } }`;
const VOLUNTEER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }`;
const ALLOWANCE = `mutation($input: VolunteerAllowanceInput!) { recordVolunteerAllowance(input: $input) { taxable } }`;

/**
 * Each mutation: the subgraph that resolves it (whose database a refusal must leave as it was), its
 * document, and who sends it.
 */
export const MUTATIONS = {
  createMember: { subgraph: 'members', document: MEMBER_CREATE, as: asAdmin },
  updateMember: { subgraph: 'members', document: MEMBER_UPDATE, as: asAdmin },
  recordKeurmerkAudit: { subgraph: 'members', document: AUDIT, as: asAdmin },
  addBranch: { subgraph: 'members', document: BRANCH_ADD, as: asAdmin },
  updateBranch: { subgraph: 'members', document: BRANCH_UPDATE, as: asMemberAdmin },
  createUser: { subgraph: 'members', document: USER_CREATE, as: asMemberAdmin },
  updateUser: { subgraph: 'members', document: USER_UPDATE, as: asAdmin },
  deactivateUser: { subgraph: 'members', document: USER_DEACTIVATE, as: asAdmin },
  createCaoDraft: { subgraph: 'cao', document: CAO_CREATE, as: asCao },
  updateCaoDraft: { subgraph: 'cao', document: CAO_UPDATE, as: asCao },
  applyGeneralIncrease: { subgraph: 'cao', document: CAO_INCREASE, as: asCao },
  setWageCells: { subgraph: 'cao', document: CAO_CELLS, as: asCao },
  publishCaoVersion: { subgraph: 'cao', document: CAO_PUBLISH, as: asCao },
  deleteCaoDraft: { subgraph: 'cao', document: CAO_DELETE, as: asCao },
  registerMinimumWage: { subgraph: 'cao', document: MINIMUM_WAGE, as: asCao },
  hireEmployee: { subgraph: 'hr-payroll', document: HIRE, as: asHr },
  updateEmployee: { subgraph: 'hr-payroll', document: EMPLOYEE_UPDATE, as: asHr },
  addEmployment: { subgraph: 'hr-payroll', document: EMPLOYMENT_ADD, as: asHr },
  updateEmployment: { subgraph: 'hr-payroll', document: EMPLOYMENT_UPDATE, as: asHr },
  recordAppraisal: { subgraph: 'hr-payroll', document: APPRAISAL, as: asHr },
  applyStepIncreases: { subgraph: 'hr-payroll', document: STEP_INCREASES, as: asHr },
  calculatePayrollRun: { subgraph: 'hr-payroll', document: CALCULATE, as: asHr },
  approvePayrollRun: { subgraph: 'hr-payroll', document: APPROVE, as: asHr },
  markPayrollRunPaid: { subgraph: 'hr-payroll', document: PAID, as: asHr },
  setPayrollSettings: { subgraph: 'hr-payroll', document: SETTINGS, as: asHr },
  setOpeningBalances: { subgraph: 'hr-payroll', document: OPENING_SET, as: asHr },
  removeOpeningBalances: { subgraph: 'hr-payroll', document: OPENING_REMOVE, as: asHr },
  importOpeningBalances: { subgraph: 'hr-payroll', document: OPENING_IMPORT, as: asHr },
  registerVolunteer: { subgraph: 'hr-payroll', document: VOLUNTEER, as: asHr },
  recordVolunteerAllowance: { subgraph: 'hr-payroll', document: ALLOWANCE, as: asHr },
  submitOrder: { subgraph: 'procurement', document: ORDER_SUBMIT, as: asBuyer },
  approveOrder: { subgraph: 'procurement', document: ORDER_APPROVE, as: asBuyer },
  rejectOrder: { subgraph: 'procurement', document: ORDER_REJECT, as: asBuyer },
  cancelOrder: { subgraph: 'procurement', document: ORDER_CANCEL, as: asBuyer },
  markOrderOrdered: { subgraph: 'procurement', document: ORDER_MARK_ORDERED, as: asBuyer },
  recordDelivery: { subgraph: 'procurement', document: DELIVERY_RECORD, as: asBuyer },
  recordSupplierInvoice: { subgraph: 'procurement', document: INVOICE_RECORD, as: asBuyer },
  closeOrder: { subgraph: 'procurement', document: ORDER_CLOSE, as: asBuyer },
  setProcurementSettings: { subgraph: 'procurement', document: PROCUREMENT_SETTINGS, as: asMemberAdmin },
  runSettlement: { subgraph: 'procurement', document: SETTLEMENT_RUN, as: asAdmin },
  createSupplier: { subgraph: 'procurement', document: SUPPLIER_CREATE, as: asProcurementTeam },
  updateSupplier: { subgraph: 'procurement', document: SUPPLIER_UPDATE, as: asProcurementTeam },
  createContract: { subgraph: 'procurement', document: CONTRACT_CREATE, as: asProcurementTeam },
  setContractStatus: { subgraph: 'procurement', document: CONTRACT_STATUS, as: asProcurementTeam },
  addContractItem: { subgraph: 'procurement', document: CONTRACT_ITEM, as: asProcurementTeam },
  setItemTiers: { subgraph: 'procurement', document: ITEM_TIERS, as: asProcurementTeam },
  setContractTiers: { subgraph: 'procurement', document: CONTRACT_TIERS, as: asProcurementTeam },
  scheduleCourseSession: { subgraph: 'academy', document: SESSION_SCHEDULE, as: asAdmin },
  enrol: { subgraph: 'academy', document: ENROL, as: asAdmin },
  approveEnrolment: { subgraph: 'academy', document: ENROLMENT_APPROVE, as: asAdmin },
  cancelEnrolment: { subgraph: 'academy', document: ENROLMENT_CANCEL, as: asAdmin },
  recordCompletion: { subgraph: 'academy', document: COMPLETION, as: asAdmin },
  recordNoShow: { subgraph: 'academy', document: NO_SHOW, as: asAdmin },
  grantTrainingBudget: { subgraph: 'academy', document: BUDGET_GRANT, as: asAdmin },
  createSkill: { subgraph: 'academy', document: SKILL_CREATE, as: asAdmin },
  createCourse: { subgraph: 'academy', document: COURSE_CREATE, as: asAdmin },
  updateCourse: { subgraph: 'academy', document: COURSE_UPDATE, as: asAdmin },
  createLearningPath: { subgraph: 'academy', document: PATH_CREATE, as: asAdmin },
  updateLearningPath: { subgraph: 'academy', document: PATH_UPDATE, as: asAdmin },
  changeCourseSession: { subgraph: 'academy', document: SESSION_CHANGE, as: asAdmin },
  cancelCourseSession: { subgraph: 'academy', document: SESSION_CANCEL, as: asAdmin },
} satisfies Record<string, { subgraph: Subgraph; document: string; as: () => string }>;
export type Mutation = keyof typeof MUTATIONS;

/** Sends `mutation` with `variables`, as the table says or as `as` says. */
export const send = <Data = Record<string, unknown>>(
  mutation: Mutation,
  variables: Record<string, unknown>,
  as: () => string = MUTATIONS[mutation].as,
) => mutate<Data>(MUTATIONS[mutation].document, variables, as);

/** Hires `input` (as member 1's HR unless `as` says otherwise). */
export const hire = (input: Record<string, unknown>, as?: () => string) =>
  send<{ hireEmployee: { id: string; employments: { id: string; branchId: string | null }[] } }>(
    'hireEmployee',
    { input },
    as,
  );

/** `mutation` with `variables` is BAD_USER_INPUT on `field`, and its subgraph's database did not change. */
export const expectSendRefused = (mutation: Mutation, variables: Record<string, unknown>, field: string) =>
  expectRefused(MUTATIONS[mutation].subgraph, () => send(mutation, variables), field);

/** One attempt at a mutation: what it tries, the variables it sends, and the field a refusal must name. */
export type Case = [what: string, variables: Record<string, unknown>, field: string];
/** The cases of one mutation (made when the test runs, after the ids are read), with its subgraph. */
export const cases = (mutation: Mutation, list: () => Case[]): [Subgraph, Mutation, () => Case[]] => [
  MUTATIONS[mutation].subgraph,
  mutation,
  list,
];

// --- Inputs each mutation accepts, for a test to change one thing in. ---

export const memberInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Kringloop Invoer',
  kvkNumber: '87654321',
  legalForm: 'FOUNDATION',
  city: 'Utrecht',
  memberSince: '2026-01-01',
  ...overrides,
});
export const auditInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  auditedOn: todayNl(),
  outcome: 'PASSED',
  auditor: 'Keurmerkinstituut',
  ...overrides,
});
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
export const userInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  name: 'Joke Invoer',
  email: 'joke.invoer@example.org',
  roles: ['MEMBER_PURCHASER'],
  ...overrides,
});
export const employmentInput = (overrides: Record<string, unknown> = {}) => ({
  startDate: addMonths(todayNl(), 120),
  contractType: 'PERMANENT',
  functionTitle: 'Chauffeur',
  caoScale: 4,
  caoStep: 1,
  hoursPerWeek: '20',
  ...overrides,
});
export const appraisalInput = (overrides: Record<string, unknown> = {}) => ({
  employmentId: ids.employmentOf1,
  appraisedOn: todayNl(),
  outcome: 'GOOD',
  ...overrides,
});
export const settingsInput = { pensionEmployeePercent: '7.50', pensionEmployerPercent: '10.00' };
export const volunteerInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  firstName: 'Wim',
  lastName: 'Helper',
  birthDate: '1975-08-12',
  email: 'wim@example.org',
  startDate: '2025-06-01',
  ...overrides,
});
export const allowanceInput = (overrides: Record<string, unknown> = {}) => ({
  volunteerId: ids.volunteer,
  paidOn: '2026-01-15',
  hours: '4',
  amount: '20.00',
  ...overrides,
});
