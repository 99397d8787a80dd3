import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';
import { cents } from './testkit/money';
import { nonEmpty } from './testkit/expect';

// Monthly payroll through the gateway: the payroll service calculates, a second person
// approves, the run is paid and frozen; conflicts and failures leave no half-written run.
let tp: TestPlatform;
const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
let payroll: string; // payroll-service serving member 1
let hr: string; // member-hr of member 1 (another person)

beforeAll(async () => {
  tp = await startTestPlatform();
  payroll = await tokenFor({ sub: 'payroll-clerk', roles: ['payroll-service'], payrollMemberIds: [M1] });
  hr = await tokenFor({ sub: 'hr-officer', roles: ['member-hr'], memberId: M1 });
});
afterAll(() => tp?.stop());

const CALCULATE = `mutation($m: ID!, $y: Int!, $mo: Int!) {
  calculatePayrollRun(memberId: $m, year: $y, month: $mo) {
    id status compliant calculatedBy
    payslips(first: 50) { totalCount edges { node { id employeeId employmentId gross wageTax net employerCosts caoVersionName compliant } } }
  }
}`;
const runsOf = async (memberId: string) =>
  (
    (await tp.query(
      `query($m: ID!) { payrollRuns(memberId: $m, first: 50) { totalCount edges { node { id year month status } } } }`,
      {
        token: hr,
        variables: { m: memberId },
      },
    )) as any
  ).data.payrollRuns;

describe('a month of payroll', () => {
  afterAll(() => tp.reset());
  let runId: string;

  test('the payroll service calculates every active employment with the CAO wage of the month', async () => {
    const res: any = await tp.query(CALCULATE, { token: payroll, variables: { m: M1, y: 2026, mo: 1 } });
    expect(res.errors).toBeUndefined();
    const run = res.data.calculatePayrollRun;
    runId = run.id;
    expect(run).toMatchObject({ status: 'CALCULATED', compliant: true, calculatedBy: 'payroll-clerk' });
    expect(run.payslips.totalCount).toBe(12);
    // Each gross equals what the CAO service pays for that employment on 1 January 2026.
    const employees: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { employments { id wage(on: "2026-01-01") { monthly caoVersionName } } } } } }`,
      { token: hr, variables: { m: M1 } },
    );
    const wages = new Map<string, any>();
    for (const { node } of employees.data.employees.edges) for (const e of node.employments) wages.set(e.id, e.wage);
    for (const { node } of run.payslips.edges) {
      expect(node.gross).toBe(wages.get(node.employmentId).monthly);
      expect(node.caoVersionName).toBe(wages.get(node.employmentId).caoVersionName);
      // Net is gross less wage tax and the employee's pension premium: never more than gross.
      expect(Number(node.net) <= Number(node.gross)).toBe(true);
      expect(node.compliant).toBe(true);
    }
  });

  test('each payslip explains its own figures (the reasons are recalculated from its frozen inputs)', async () => {
    const res: any = await tp.query(
      `query($id: ID!) { payrollRun(id: $id) { payslips(first: 50) { edges { node { net explanation } } } } }`,
      { token: hr, variables: { id: runId } },
    );
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data.payrollRun.payslips.edges) {
      expect(node.explanation[0]).toMatch(/^Payroll 2026-01, /);
      expect(node.explanation.filter((line: string) => line.startsWith('Net pay:'))).toEqual([
        expect.stringMatching(new RegExp(`= €${node.net.replace('.', '\\.')}\\.$`)),
      ]);
    }
  });

  test('four eyes: who calculated may not approve; someone else may', async () => {
    const own = await tp.query(`mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`, {
      token: payroll,
      variables: { id: runId },
    });
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(own.errors?.[0]?.message).toMatch(/four eyes/);
    const other: any = await tp.query(`mutation($id: ID!) { approvePayrollRun(id: $id) { status approvedBy } }`, {
      token: hr,
      variables: { id: runId },
    });
    expect(other.data.approvePayrollRun).toEqual({ status: 'APPROVED', approvedBy: 'hr-officer' });
  });

  test('an approved run cannot be recalculated; paid, it is frozen', async () => {
    const again = await tp.query(CALCULATE, { token: payroll, variables: { m: M1, y: 2026, mo: 1 } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const paid: any = await tp.query(`mutation($id: ID!) { markPayrollRunPaid(id: $id) { status } }`, {
      token: payroll,
      variables: { id: runId },
    });
    expect(paid.data.markPayrollRunPaid.status).toBe('PAID');
    const approveAgain = await tp.query(`mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`, {
      token: hr,
      variables: { id: runId },
    });
    expect(errorCodes(approveAgain)).toEqual(['CONFLICT']);
  });

  test('the next month builds on the paid one: year-to-date totals carry over', async () => {
    const feb: any = await tp.query(
      `mutation { calculatePayrollRun(memberId: "${M1}", year: 2026, month: 2) { payslips(first: 50) { edges { node { employmentId gross yearToDate } } } } }`,
      { token: payroll },
    );
    const jan: any = await tp.query(
      `query($id: ID!) { payrollRun(id: $id) { payslips(first: 50) { edges { node { employmentId gross } } } } }`,
      {
        token: hr,
        variables: { id: runId },
      },
    );
    const janGross = new Map(jan.data.payrollRun.payslips.edges.map((e: any) => [e.node.employmentId, e.node.gross]));
    for (const { node } of nonEmpty<any>(feb.data.calculatePayrollRun.payslips.edges)) {
      const ytd = JSON.parse(node.yearToDate);
      expect(cents(ytd.grossWage)).toBe(cents(janGross.get(node.employmentId) as string) + cents(node.gross));
    }
  });

  test('an employee reads only their own payslips, and only paid ones', async () => {
    const jan: any = await tp.query(
      `query($id: ID!) { payrollRun(id: $id) { payslips(first: 2) { edges { node { employeeId } } } } }`,
      {
        token: hr,
        variables: { id: runId },
      },
    );
    const [mine, colleague] = jan.data.payrollRun.payslips.edges.map((e: any) => e.node.employeeId);
    const me = await tokenFor({ sub: 'employee-1', roles: ['employee'], memberId: M1, employeeId: mine });
    const own: any = await tp.query(
      `query($e: ID!) { payslips(employeeId: $e, first: 10) { edges { node { period runStatus net } } } }`,
      {
        token: me,
        variables: { e: mine },
      },
    );
    // January is paid, February only calculated: the employee sees January.
    expect(own.data.payslips.edges.map((e: any) => [e.node.period, e.node.runStatus])).toEqual([['2026-01', 'PAID']]);
    const other = await tp.query(`query($e: ID!) { payslips(employeeId: $e, first: 10) { edges { node { net } } } }`, {
      token: me,
      variables: { e: colleague },
    });
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
  });
});

test('two calculations of the same month at once: one run, and a CONFLICT for the other', async () => {
  const [a, b] = await Promise.all([
    tp.query(CALCULATE, { token: payroll, variables: { m: M1, y: 2026, mo: 3 } }),
    tp.query(CALCULATE, { token: hr, variables: { m: M1, y: 2026, mo: 3 } }),
  ]);
  const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]?.extensions?.code : 'OK'));
  // Both may also succeed one after the other (the second recalculates the first), but never two runs.
  expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThanOrEqual(1);
  for (const o of outcomes) expect(['OK', 'CONFLICT']).toContain(o);
  const runs = await runsOf(M1);
  const march = runs.edges.filter((e: any) => e.node.year === 2026 && e.node.month === 3);
  expect(march).toHaveLength(1);
  const slips: any = await tp.query(`query($id: ID!) { payrollRun(id: $id) { payslips(first: 50) { totalCount } } }`, {
    token: hr,
    variables: { id: march[0].node.id },
  });
  expect(slips.data.payrollRun.payslips.totalCount).toBe(12);
  await tp.reset();
});

test('a calculation that cannot be completed leaves nothing behind', async () => {
  const before = await runsOf(M1);
  // 2027 has no tax parameters yet: the first payslip fails, and no run may remain.
  const res = await tp.query(CALCULATE, { token: payroll, variables: { m: M1, y: 2027, mo: 1 } });
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0]?.message).toMatch(/2027/);
  expect((await runsOf(M1)).totalCount).toBe(before.totalCount);
});

test("another member's HR neither runs nor sees this member's payroll", async () => {
  const foreign = await tokenFor({ roles: ['member-hr'], memberId: M2 });
  expect(errorCodes(await tp.query(CALCULATE, { token: foreign, variables: { m: M1, y: 2026, mo: 4 } }))).toEqual([
    'FORBIDDEN',
  ]);
  const list = await tp.query(`query($m: ID!) { payrollRuns(memberId: $m, first: 5) { totalCount } }`, {
    token: foreign,
    variables: { m: M1 },
  });
  expect(errorCodes(list)).toEqual(['FORBIDDEN']);
  const payrollOfOther = await tokenFor({ roles: ['payroll-service'], payrollMemberIds: [M2] });
  expect(
    errorCodes(await tp.query(CALCULATE, { token: payrollOfOther, variables: { m: M1, y: 2026, mo: 4 } })),
  ).toEqual(['FORBIDDEN']);
  expect((await runsOf(M1)).totalCount).toBe(0);
});

test('bad periods are refused', async () => {
  for (const [y, mo, field] of [
    [2026, 13, 'month'],
    [2026, 0, 'month'],
  ] as const) {
    const res = await tp.query(CALCULATE, { token: payroll, variables: { m: M1, y, mo } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  }
});

describe('a new contract in the middle of a month', () => {
  afterAll(() => tp.reset());

  test('both payslips count as one employee: the later carries on from the earlier, and next month from both', async () => {
    const SLIPS = `mutation($m: ID!, $y: Int!, $mo: Int!) { calculatePayrollRun(memberId: $m, year: $y, month: $mo) {
      id payslips(first: 50) { edges { node { employeeId employmentId gross holidayAllowancePaid yearToDate } } } } }`;
    const employees: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 1) { edges { node { id employments { id caoScale caoStep hoursPerWeek } } } } }`,
      { token: hr, variables: { m: M1 } },
    );
    const person = employees.data.employees.edges[0].node;
    const old = person.employments[0];
    // The contract ends on 15 January 2026; a new one, one step higher, starts the next day.
    const ended = await tp.query(
      `mutation($id: ID!) { updateEmployment(id: $id, input: { endDate: "2026-01-15" }) { id } }`,
      {
        token: hr,
        variables: { id: old.id },
      },
    );
    expect(ended.errors).toBeUndefined();
    const added: any = await tp.query(
      `mutation($e: ID!, $input: EmploymentInput!) { addEmployment(employeeId: $e, input: $input) { id } }`,
      {
        token: hr,
        variables: {
          e: person.id,
          input: {
            startDate: '2026-01-16',
            contractType: 'PERMANENT',
            functionTitle: 'Teamleider',
            caoScale: old.caoScale,
            caoStep: old.caoStep,
            hoursPerWeek: old.hoursPerWeek,
            applyTaxCredit: true,
          },
        },
      },
    );
    expect(added.errors).toBeUndefined();

    const january: any = await tp.query(SLIPS, { token: payroll, variables: { m: M1, y: 2026, mo: 1 } });
    expect(january.errors).toBeUndefined();
    const mine = january.data.calculatePayrollRun.payslips.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.employeeId === person.id);
    const first = mine.find((n: any) => n.employmentId === old.id);
    const second = mine.find((n: any) => n.employmentId === added.data.addEmployment.id);
    // The ended contract pays out the holiday allowance reserved (its own half month's).
    expect(cents(first.holidayAllowancePaid)).toBeGreaterThan(0n);
    // The new contract's year to date includes the first half of the month.
    expect(cents(JSON.parse(second.yearToDate).grossWage)).toBe(cents(first.gross) + cents(second.gross));

    await tp.query(`mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`, {
      token: hr,
      variables: { id: january.data.calculatePayrollRun.id },
    });
    const february: any = await tp.query(SLIPS, { token: payroll, variables: { m: M1, y: 2026, mo: 2 } });
    expect(february.errors).toBeUndefined();
    const next = february.data.calculatePayrollRun.payslips.edges
      .map((e: any) => e.node)
      .find((n: any) => n.employeeId === person.id);
    // February carries on from both January payslips.
    expect(cents(JSON.parse(next.yearToDate).grossWage)).toBe(
      cents(first.gross) + cents(second.gross) + cents(next.gross),
    );
  });
});
