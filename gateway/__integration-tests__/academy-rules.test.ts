import { expectOk, expectRefused, expectRefusedWithoutWrites } from './testkit/expect';
import { employeesOf, M1, M2, memberId } from './testkit/ids';
import { cents, formatCents } from './testkit/money';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';
import { hrOf } from './testkit/actors';
import {
  academyAdmin,
  APPROVE,
  BUDGET,
  CANCEL,
  COURSE,
  ENROL,
  learner,
  learnerId,
  scheduleSession,
  type Enrolment,
} from './testkit/academy';

// Budgets, prerequisites, approvals and members through the real gateway. Demo data (academy
// seed): members 1–6 have €5,000.00 this year and next; member 2 approves its employees' own
// enrolments. Member HR enrols its own employees (hr-payroll says whose they are); another
// member's employee is not found. Sessions here start in 30 days (this year or next: the budget
// of the session's year is read).
const tp = usePlatform();
const db = () => tp.platform.subgraphs['academy']!.database;
const M5 = memberId(5);
const tokens = useTokens({
  admin: () => academyAdmin(),
  hr1: () => hrOf(M1),
  hr2: () => hrOf(M2),
  hr5: () => hrOf(M5),
  dirk: () => learner(M2, learnerId(201)),
  eva: () => learner(M5, learnerId(202)),
});
const sessionYear = () => new Date(Date.now() + 30 * 86_400_000).getUTCFullYear();
const budgetOf = async (token: string, member: string, year = sessionYear()) =>
  expectOk(
    await tp.query<{
      member: { trainingBudget: { year: number; granted: string; reserved: string; spent: string; available: string } };
    }>(BUDGET.replace('trainingBudget {', `trainingBudget(year: ${year}) {`), { token, variables: { id: member } }),
  ).member.trainingBudget;
const enrolAs = (token: string, variables: Record<string, unknown>) =>
  tp.query<{ enrol: Enrolment }>(ENROL, { token, variables });

test("member HR enrols its own employee: approved at once, the price reserved on the member's budget", async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['VT-101'], 10);
  const before = await budgetOf(tokens.hr1, M1);
  const e = expectOk(await enrolAs(tokens.hr1, { sessionId: session, employeeId: employeesOf(1)[1] })).enrol;
  expect(e).toMatchObject({ status: 'ENROLLED', funding: 'FUND', reservedAmount: '75.00' });
  const after = await budgetOf(tokens.hr1, M1);
  expect(cents(after.reserved) - cents(before.reserved)).toBe(7500n);
  expect(after.available).toBe(formatCents(cents(after.granted) - cents(after.reserved) - cents(after.spent)));
  // Cancellation releases the reservation.
  expectOk(await tp.query(CANCEL, { token: tokens.hr1, variables: { id: e.id } }));
  expect((await budgetOf(tokens.hr1, M1)).reserved).toBe(before.reserved);
});

test("member HR enrolling another member's employee: not found, as if there were none, nothing written", async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['VT-101'], 10);
  const res = await expectRefusedWithoutWrites(
    db(),
    () => enrolAs(tokens.hr1, { sessionId: session, employeeId: employeesOf(2)[0] }),
    'NOT_FOUND',
    'employeeId',
  );
  expect(res.errors?.[0]?.message).toBe('There is no such employee in your member organisation.');
});

test("at a member that approves: the employee's own enrolment is REQUESTED, HR approves it, another member's HR cannot", async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['KS-101'], 10);
  const e = expectOk(await enrolAs(tokens.dirk, { sessionId: session, employeeId: learnerId(201) })).enrol;
  expect(e.status).toBe('REQUESTED');
  await expectRefusedWithoutWrites(
    db(),
    () => tp.query(APPROVE, { token: tokens.hr1, variables: { id: e.id } }),
    'NOT_FOUND',
  );
  await expectRefusedWithoutWrites(
    db(),
    () => tp.query(APPROVE, { token: tokens.dirk, variables: { id: e.id } }),
    'FORBIDDEN',
    'status',
  );
  const approved = expectOk(
    await tp.query<{ approveEnrolment: { status: string } }>(APPROVE, { token: tokens.hr2, variables: { id: e.id } }),
  );
  expect(approved.approveEnrolment.status).toBe('ENROLLED');
});

test('an exhausted budget refuses the enrolment saying so, unless the member pays itself', async () => {
  const year = sessionYear();
  expectOk(
    await tp.query(
      `mutation($m: ID!, $y: Int!) { grantTrainingBudget(memberId: $m, year: $y, granted: "400.00") { id } }`,
      { token: tokens.admin, variables: { m: M5, y: year } },
    ),
  );
  const session = await scheduleSession(tp, tokens.admin, COURSE['ELEK-101'], 10);
  const res = await expectRefusedWithoutWrites(
    db(),
    () => enrolAs(tokens.eva, { sessionId: session, employeeId: learnerId(202) }),
    'CONFLICT',
    'memberPays',
  );
  expect(res.errors?.[0]?.message).toMatch(
    /costs more than the €400\.00 left of this year's training budget of €400\.00\. Your organisation can enrol and pay for it itself\.$/,
  );
  const paid = expectOk(
    await enrolAs(tokens.eva, { sessionId: session, employeeId: learnerId(202), memberPays: true }),
  ).enrol;
  expect(paid).toMatchObject({ status: 'ENROLLED', funding: 'MEMBER', reservedAmount: '0.00' });
  expect(await budgetOf(tokens.hr5, M5, year)).toMatchObject({
    granted: '400.00',
    reserved: '0.00',
    available: '400.00',
  });
});

test('a grant is never lowered below what is reserved and spent', async () => {
  const year = sessionYear();
  expectOk(
    await tp.query(
      `mutation($m: ID!, $y: Int!) { grantTrainingBudget(memberId: $m, year: $y, granted: "100.00") { id } }`,
      { token: tokens.admin, variables: { m: M5, y: year } },
    ),
  );
  const session = await scheduleSession(tp, tokens.admin, COURSE['VT-101'], 10);
  expectOk(await enrolAs(tokens.hr5, { sessionId: session, employeeId: employeesOf(5)[0] }));
  await expectRefusedWithoutWrites(
    db(),
    () =>
      tp.query(`mutation($m: ID!, $y: Int!) { grantTrainingBudget(memberId: $m, year: $y, granted: "50.00") { id } }`, {
        token: tokens.admin,
        variables: { m: M5, y: year },
      }),
    'CONFLICT',
    'granted',
  );
});

test('prerequisites are enforced, saying what is missing; an Academy admin can override, and that is logged', async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['ELEK-210'], 10);
  const res = await expectRefusedWithoutWrites(
    db(),
    () => enrolAs(tokens.hr1, { sessionId: session, employeeId: employeesOf(1)[2] }),
    'CONFLICT',
    'sessionId',
  );
  expect(res.errors?.[0]?.message).toContain('Complete Basis elektrotechniek');
  await expectRefusedWithoutWrites(
    db(),
    () => enrolAs(tokens.hr1, { sessionId: session, employeeId: employeesOf(1)[2], overridePrerequisites: true }),
    'FORBIDDEN',
    'overridePrerequisites',
  );
  const e = expectOk(
    await enrolAs(tokens.admin, {
      sessionId: session,
      employeeId: employeesOf(1)[2],
      memberId: M1,
      overridePrerequisites: true,
    }),
  ).enrol;
  expect(e.status).toBe('ENROLLED');
  const audit = await db().sql.query<{ action: string; after: { missingPrerequisites: string[] } }>(
    `SELECT action, after FROM audit_log_entry WHERE entity_id = $1`,
    [e.id],
  );
  expect(audit).toEqual([expect.objectContaining({ action: 'ENROL_WITHOUT_PREREQUISITES' })]);
  expect(audit[0]!.after.missingPrerequisites).toEqual(expect.arrayContaining(['ELEK-101']));
});

test("nobody sees another member's enrolments or budget", async () => {
  expectRefused(await tp.query(BUDGET, { token: tokens.hr1, variables: { id: M2 } }), 'FORBIDDEN');
  expectRefused(
    await tp.query(`query($id: ID!) { member(id: $id) { enrolments(first: 5) { totalCount } } }`, {
      token: tokens.hr1,
      variables: { id: M2 },
    }),
    'FORBIDDEN',
  );
  expectRefused(
    await tp.query(`query($id: ID!) { member(id: $id) { enrolments(first: 5) { totalCount } } }`, {
      token: tokens.dirk,
      variables: { id: M2 },
    }),
    'FORBIDDEN',
  );
  const own = expectOk(
    await tp.query<{ member: { enrolments: { totalCount: number } } }>(
      `query($id: ID!) { member(id: $id) { enrolments(first: 5) { totalCount } } }`,
      { token: tokens.hr2, variables: { id: M2 } },
    ),
  );
  expect(own.member.enrolments.totalCount).toBeGreaterThan(0);
});
