import { employeeOf, hrOf, payrollFor } from './testkit/actors';
import { expectOk, expectRefused, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1, M2 } from './testkit/ids';
import { cents, compareDecimals } from './testkit/money';
import { APPROVE_RUN, PAY_RUN, type RunStatus } from './testkit/operations';
import { approveAndPay } from './testkit/payroll';
import { usePlatform } from './testkit/use-platform';

// Monthly payroll through the gateway: the payroll service calculates, a second person
// approves, the run is paid and frozen; conflicts and failures leave no half-written run.
const tp = usePlatform();
let payroll: string; // payroll-service serving member 1
let hr: string; // member-hr of member 1 (another person)

beforeAll(async () => {
  payroll = await payrollFor(M1, { sub: 'payroll-clerk' });
  hr = await hrOf(M1, 'hr-officer');
});

interface Connection<Node> {
  totalCount: number;
  edges: { node: Node }[];
}
interface Slip {
  id: string;
  employeeId: string;
  employmentId: string;
  gross: string;
  wageTax: string;
  net: string;
  employerCosts: string;
  caoVersionName: string;
  compliant: boolean;
}
interface Run {
  id: string;
  status: string;
  compliant: boolean;
  calculatedBy: string;
  payslips: Connection<Slip>;
}

const CALCULATE = `mutation($m: ID!, $y: Int!, $mo: Int!) {
  calculatePayrollRun(memberId: $m, year: $y, month: $mo) {
    id status compliant calculatedBy
    payslips(first: 50) { totalCount edges { node { id employeeId employmentId gross wageTax net employerCosts caoVersionName compliant } } }
  }
}`;
const calculate = (token: string, year: number, month: number, memberId = M1) =>
  tp.query<{ calculatePayrollRun: Run }>(CALCULATE, { token, variables: { m: memberId, y: year, mo: month } });
const runsOf = async (memberId: string) =>
  expectOk(
    await tp.query<{ payrollRuns: Connection<{ id: string; year: number; month: number; status: string }> }>(
      `query($m: ID!) { payrollRuns(memberId: $m, first: 50) { totalCount edges { node { id year month status } } } }`,
      { token: hr, variables: { m: memberId } },
    ),
  ).payrollRuns;

/** January 2026 of member 1, calculated by the payroll service; approved by HR and paid if asked. */
async function january(state: 'calculated' | 'paid' = 'calculated') {
  const run = expectOk(await calculate(payroll, 2026, 1)).calculatePayrollRun;
  if (state === 'paid') await approveAndPay(tp, run.id, hr, payroll);
  return run;
}

describe('a month of payroll', () => {
  beforeEach(() => tp.reset());
  afterAll(() => tp.reset());

  test('the payroll service calculates every active employment with the CAO wage of the month', async () => {
    const run = await january();
    expect(run).toMatchObject({ status: 'CALCULATED', compliant: true, calculatedBy: 'payroll-clerk' });
    expect(run.payslips.totalCount).toBe(12);
    // Each gross equals what the CAO service pays for that employment on 1 January 2026.
    const employees = expectOk(
      await tp.query<{
        employees: Connection<{ employments: { id: string; wage: { monthly: string; caoVersionName: string } }[] }>;
      }>(
        `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { employments { id wage(on: "2026-01-01") { monthly caoVersionName } } } } } }`,
        { token: hr, variables: { m: M1 } },
      ),
    );
    const wages = new Map<string, { monthly: string; caoVersionName: string }>();
    for (const { node } of employees.employees.edges) for (const e of node.employments) wages.set(e.id, e.wage);
    for (const node of nonEmpty(nodes(run.payslips))) {
      expect(node.gross).toBe(wages.get(node.employmentId)?.monthly);
      expect(node.caoVersionName).toBe(wages.get(node.employmentId)?.caoVersionName);
      // Net is gross less wage tax and the employee's pension premium: never more than gross.
      expect(compareDecimals(node.net, node.gross)).toBeLessThanOrEqual(0);
      expect(node.compliant).toBe(true);
    }
  });

  test('each payslip explains its own figures (the reasons are recalculated from its frozen inputs)', async () => {
    const { id } = await january();
    const res = await tp.query<{ payrollRun: { payslips: Connection<{ net: string; explanation: string[] }> } }>(
      `query($id: ID!) { payrollRun(id: $id) { payslips(first: 50) { edges { node { net explanation } } } } }`,
      { token: hr, variables: { id } },
    );
    for (const node of nonEmpty(nodes(expectOk(res).payrollRun.payslips))) {
      expect(node.explanation[0]).toMatch(/^Payroll 2026-01, /);
      expect(node.explanation.filter((line) => line.startsWith('Net pay:'))).toEqual([
        expect.stringMatching(new RegExp(`= €${node.net.replace('.', '\\.')}\\.$`)),
      ]);
    }
  });

  test('four eyes: who calculated may not approve; someone else may', async () => {
    const { id } = await january();
    const own = await tp.query<RunStatus>(APPROVE_RUN, { token: payroll, variables: { id } });
    expectRefused(own, 'FORBIDDEN');
    expect(own.errors?.[0]?.message).toMatch(/four eyes/);
    const other = await tp.query<{ approvePayrollRun: { status: string; approvedBy: string } }>(
      `mutation($id: ID!) { approvePayrollRun(id: $id) { status approvedBy } }`,
      { token: hr, variables: { id } },
    );
    expect(expectOk(other).approvePayrollRun).toEqual({ status: 'APPROVED', approvedBy: 'hr-officer' });
  });

  test('an approved run cannot be recalculated; paid, it is frozen', async () => {
    const { id } = await january();
    expectOk(await tp.query<RunStatus>(APPROVE_RUN, { token: hr, variables: { id } }));
    expectRefused(await calculate(payroll, 2026, 1), 'CONFLICT');
    const paid = await tp.query<RunStatus>(PAY_RUN, { token: payroll, variables: { id } });
    expect(expectOk(paid).markPayrollRunPaid?.status).toBe('PAID');
    expectRefused(await tp.query<RunStatus>(APPROVE_RUN, { token: hr, variables: { id } }), 'CONFLICT');
  });

  test('the next month builds on the paid one: year-to-date totals carry over', async () => {
    const { id } = await january('paid');
    const feb = await tp.query<{
      calculatePayrollRun: { payslips: Connection<{ employmentId: string; gross: string; yearToDate: string }> };
    }>(
      `mutation { calculatePayrollRun(memberId: "${M1}", year: 2026, month: 2) { payslips(first: 50) { edges { node { employmentId gross yearToDate } } } } }`,
      { token: payroll },
    );
    const jan = await tp.query<{ payrollRun: { payslips: Connection<{ employmentId: string; gross: string }> } }>(
      `query($id: ID!) { payrollRun(id: $id) { payslips(first: 50) { edges { node { employmentId gross } } } } }`,
      { token: hr, variables: { id } },
    );
    const janGross = new Map(nodes(expectOk(jan).payrollRun.payslips).map((n) => [n.employmentId, n.gross]));
    for (const node of nonEmpty(nodes(expectOk(feb).calculatePayrollRun.payslips))) {
      const ytd = JSON.parse(node.yearToDate) as { grossWage: string };
      expect(cents(ytd.grossWage)).toBe(cents(janGross.get(node.employmentId)!) + cents(node.gross));
    }
  });

  test('an employee reads only their own payslips, and only paid ones', async () => {
    const { id } = await january('paid');
    expectOk(await calculate(payroll, 2026, 2));
    const jan = await tp.query<{ payrollRun: { payslips: Connection<{ employeeId: string }> } }>(
      `query($id: ID!) { payrollRun(id: $id) { payslips(first: 2) { edges { node { employeeId } } } } }`,
      { token: hr, variables: { id } },
    );
    const [mine, colleague] = nodes(expectOk(jan).payrollRun.payslips).map((n) => n.employeeId) as [string, string];
    const me = await employeeOf(M1, mine, 'employee-1');
    const own = await tp.query<{ payslips: Connection<{ period: string; runStatus: string; net: string }> }>(
      `query($e: ID!) { payslips(employeeId: $e, first: 10) { edges { node { period runStatus net } } } }`,
      { token: me, variables: { e: mine } },
    );
    // January is paid, February only calculated: the employee sees January.
    expect(nodes(expectOk(own).payslips).map((n) => [n.period, n.runStatus])).toEqual([['2026-01', 'PAID']]);
    const other = await tp.query(`query($e: ID!) { payslips(employeeId: $e, first: 10) { edges { node { net } } } }`, {
      token: me,
      variables: { e: colleague },
    });
    expectRefused(other, 'NOT_FOUND');
  });
});

test('two calculations of the same month at once: one run, and a CONFLICT for the other', async () => {
  const [a, b] = await Promise.all([calculate(payroll, 2026, 3), calculate(hr, 2026, 3)]);
  const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]?.extensions?.code : 'OK'));
  // Both may also succeed one after the other (the second recalculates the first), but never two runs.
  expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThanOrEqual(1);
  for (const o of outcomes) expect(['OK', 'CONFLICT']).toContain(o);
  const runs = await runsOf(M1);
  const march = nodes(runs).filter((run) => run.year === 2026 && run.month === 3);
  expect(march).toHaveLength(1);
  const slips = await tp.query<{ payrollRun: { payslips: { totalCount: number } } }>(
    `query($id: ID!) { payrollRun(id: $id) { payslips(first: 50) { totalCount } } }`,
    { token: hr, variables: { id: march[0]!.id } },
  );
  expect(expectOk(slips).payrollRun.payslips.totalCount).toBe(12);
  await tp.reset();
});

test('a calculation that cannot be completed leaves nothing behind', async () => {
  const before = await runsOf(M1);
  // 2027 has no tax parameters yet: the first payslip fails, and no run may remain.
  const res = await calculate(payroll, 2027, 1);
  expectRefused(res, 'BAD_USER_INPUT');
  expect(res.errors?.[0]?.message).toMatch(/2027/);
  expect((await runsOf(M1)).totalCount).toBe(before.totalCount);
});

test("another member's HR neither runs nor sees this member's payroll", async () => {
  const foreign = await hrOf(M2);
  expectRefused(await calculate(foreign, 2026, 4), 'FORBIDDEN');
  const list = await tp.query(`query($m: ID!) { payrollRuns(memberId: $m, first: 5) { totalCount } }`, {
    token: foreign,
    variables: { m: M1 },
  });
  expectRefused(list, 'FORBIDDEN');
  expectRefused(await calculate(await payrollFor(M2), 2026, 4), 'FORBIDDEN');
  expect((await runsOf(M1)).totalCount).toBe(0);
});

test('bad periods are refused', async () => {
  for (const [y, mo, field] of [
    [2026, 13, 'month'],
    [2026, 0, 'month'],
  ] as const) {
    expectRefused(await calculate(payroll, y, mo), 'BAD_USER_INPUT', field);
  }
});

describe('a new contract in the middle of a month', () => {
  afterAll(() => tp.reset());

  interface Slip {
    employeeId: string;
    employmentId: string;
    gross: string;
    holidayAllowancePaid: string;
    yearToDate: string;
  }
  const grossToDate = (slip: Slip) => cents((JSON.parse(slip.yearToDate) as { grossWage: string }).grossWage);

  test('both payslips count as one employee: the later carries on from the earlier, and next month from both', async () => {
    const SLIPS = `mutation($m: ID!, $y: Int!, $mo: Int!) { calculatePayrollRun(memberId: $m, year: $y, month: $mo) {
      id payslips(first: 50) { edges { node { employeeId employmentId gross holidayAllowancePaid yearToDate } } } } }`;
    const slipsOf = async (month: number) =>
      expectOk(
        await tp.query<{ calculatePayrollRun: { id: string; payslips: Connection<Slip> } }>(SLIPS, {
          token: payroll,
          variables: { m: M1, y: 2026, mo: month },
        }),
      ).calculatePayrollRun;
    const employees = await tp.query<{
      employees: Connection<{
        id: string;
        employments: { id: string; caoScale: number; caoStep: number; hoursPerWeek: string }[];
      }>;
    }>(
      `query($m: ID!) { employees(memberId: $m, first: 1) { edges { node { id employments { id caoScale caoStep hoursPerWeek } } } } }`,
      { token: hr, variables: { m: M1 } },
    );
    const person = nodes(expectOk(employees).employees)[0]!;
    const old = person.employments[0]!;
    // The contract ends on 15 January 2026; a new one, one step higher, starts the next day.
    const ended = await tp.query(
      `mutation($id: ID!) { updateEmployment(id: $id, input: { endDate: "2026-01-15" }) { id } }`,
      { token: hr, variables: { id: old.id } },
    );
    expectOk(ended);
    const added = await tp.query<{ addEmployment: { id: string } }>(
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
    const addedId = expectOk(added).addEmployment.id;

    const january = await slipsOf(1);
    const mine = nodes(january.payslips).filter((n) => n.employeeId === person.id);
    const first = mine.find((n) => n.employmentId === old.id)!;
    const second = mine.find((n) => n.employmentId === addedId)!;
    // The ended contract pays out the holiday allowance reserved (its own half month's).
    expect(cents(first.holidayAllowancePaid)).toBeGreaterThan(0n);
    // The new contract's year to date includes the first half of the month.
    expect(grossToDate(second)).toBe(cents(first.gross) + cents(second.gross));

    await tp.query(APPROVE_RUN, { token: hr, variables: { id: january.id } });
    const next = nodes((await slipsOf(2)).payslips).find((n) => n.employeeId === person.id)!;
    // February carries on from both January payslips.
    expect(grossToDate(next)).toBe(cents(first.gross) + cents(second.gross) + cents(next.gross));
  });
});
