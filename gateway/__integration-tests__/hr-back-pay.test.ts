import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';
import { cents } from './testkit/money';

// Retroactive corrections through the gateway: January 2026 is paid; then the CAO team publishes a
// new agreement effective 1 January 2026, and later a minimum wage effective 1 February. HR sees
// who is owed how much for which month, and the next run pays it as back-pay lines, once.
let tp: TestPlatform;
const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
let payroll: string; // payroll-service serving member 1
let hr: string; // member-hr of member 1 (the second person who approves)
let cao: string; // the association's CAO team

beforeAll(async () => {
  tp = await startTestPlatform();
  payroll = await tokenFor({ sub: 'payroll-clerk', roles: ['payroll-service'], payrollMemberIds: [M1] });
  hr = await tokenFor({ sub: 'hr-officer', roles: ['member-hr'], memberId: M1 });
  cao = await tokenFor({ sub: 'cao-team', roles: ['association-cao'] });
});
afterAll(() => tp?.stop());

const SLIP = `id employeeId employmentId gross net wageTax caoVersionName
  backPay { period paidMonthly dueMonthly dueCaoVersionName daysEmployed daysInMonth alreadyCorrected amount holidayAllowanceAlreadyPaidOut }
  lines { code amount description }`;

async function ok<T = any>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await tp.query(query, { token, variables });
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** Calculates, approves (a second person) and pays a month; returns its payslips. */
async function payMonth(year: number, month: number) {
  const run = (
    await ok(
      `mutation($m: ID!, $y: Int!, $mo: Int!) { calculatePayrollRun(memberId: $m, year: $y, month: $mo) { id payslips(first: 50) { edges { node { ${SLIP} } } } } }`,
      payroll,
      { m: M1, y: year, mo: month },
    )
  ).calculatePayrollRun;
  await ok(`mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`, hr, { id: run.id });
  await ok(`mutation($id: ID!) { markPayrollRunPaid(id: $id) { status } }`, hr, { id: run.id });
  return { id: run.id as string, slips: run.payslips.edges.map((e: any) => e.node) as any[] };
}

const CORRECTIONS = `query($m: ID!) { retroactiveCorrections(memberId: $m) { totalAmount employeeCount corrections {
  employeeId employeeName employmentId period paidCaoVersionName dueCaoVersionName paidMonthly dueMonthly
  daysEmployed daysInMonth paidForDays dueForDays alreadyCorrected amount correctedPayslipId reason } } }`;
const corrections = async (token = hr) => (await ok(CORRECTIONS, token, { m: M1 })).retroactiveCorrections;

/** Each employment's CAO wage for a date, as the CAO service answers now. */
async function wagesOn(on: string) {
  const data = await ok(
    `query($m: ID!, $on: Date!) { employees(memberId: $m, first: 50) { edges { node { employments { id wage(on: $on) { monthly caoVersionName } } } } } }`,
    hr,
    { m: M1, on },
  );
  const wages = new Map<string, { monthly: string; caoVersionName: string }>();
  for (const { node } of data.employees.edges) for (const e of node.employments) if (e.wage) wages.set(e.id, e.wage);
  return wages;
}

async function publishRaise(percent: string, effectiveFrom: string) {
  const draft = (
    await ok(`mutation($input: CreateCaoDraftInput!) { createCaoDraft(input: $input) { id } }`, cao, {
      input: { name: 'CAO Kringloop 2026 (test)' },
    })
  ).createCaoDraft;
  await ok(
    `mutation($id: ID!, $input: GeneralIncreaseInput!) { applyGeneralIncrease(id: $id, input: $input) { id } }`,
    cao,
    {
      id: draft.id,
      input: { percent },
    },
  );
  await ok(
    `mutation($id: ID!, $input: PublishCaoVersionInput!) { publishCaoVersion(id: $id, input: $input) { id } }`,
    cao,
    {
      id: draft.id,
      input: { effectiveFrom },
    },
  );
}

describe('a CAO published with an earlier effective date', () => {
  afterAll(() => tp.reset());
  let january: Awaited<ReturnType<typeof payMonth>>;
  let leaver: string; // an employment that ended on 31 January

  test('nothing is owed while nothing was published after a month was paid', async () => {
    january = await payMonth(2026, 1);
    expect(january.slips.length).toBeGreaterThan(0);
    expect(await corrections()).toEqual({ totalAmount: '0.00', employeeCount: 0, corrections: [] });
  });

  test('lists every affected employee and month with the wage due now against the wage paid', async () => {
    await publishRaise('3', '2026-01-01');
    const due = await wagesOn('2026-01-01');
    const report = await corrections();
    expect(report.corrections.length).toBeGreaterThan(0);
    for (const c of report.corrections) {
      const paid = january.slips.find((s) => s.employmentId === c.employmentId)!;
      expect(c).toMatchObject({
        period: '2026-01',
        correctedPayslipId: paid.id,
        paidCaoVersionName: paid.caoVersionName,
        dueCaoVersionName: 'CAO Kringloop 2026 (test)',
        paidForDays: paid.gross, // the whole month was paid
        dueMonthly: due.get(c.employmentId)!.monthly, // what the CAO service says now
        alreadyCorrected: '0.00',
      });
      expect(cents(c.amount)).toBe(cents(c.dueForDays) - cents(c.paidForDays));
      expect(cents(c.amount)).toBeGreaterThan(0n);
      expect(c.reason).toContain('CAO Kringloop 2026 (test) (from 2026-01-01) published');
    }
    // Every employee whose CAO wage rose is listed; one paid on the minimum wage is not.
    const raised = january.slips.filter((s) => cents(due.get(s.employmentId)!.monthly) > cents(s.gross));
    expect(report.corrections.map((c: any) => c.employmentId).sort()).toEqual(raised.map((s) => s.employmentId).sort());
    expect(report.employeeCount).toBe(new Set(raised.map((s) => s.employeeId)).size);
    expect(cents(report.totalAmount)).toBe(report.corrections.reduce((t: bigint, c: any) => t + cents(c.amount), 0n));
    // One of them leaves at the end of January, before the back pay is paid.
    leaver = report.corrections[0].employmentId;
    const ended = await tp.query(
      `mutation($id: ID!) { updateEmployment(id: $id, input: { endDate: "2026-01-31" }) { id endDate } }`,
      { token: hr, variables: { id: leaver } },
    );
    expect(ended.errors).toBeUndefined();
  });

  test('the next run pays each amount as a back-pay line, taxed as a special payment', async () => {
    const owed = (await corrections()).corrections;
    const february = await payMonth(2026, 2);
    for (const c of owed) {
      const slip = february.slips.find((s) => s.employmentId === c.employmentId)!;
      expect(slip.backPay).toEqual([
        {
          period: '2026-01',
          paidMonthly: c.paidMonthly,
          dueMonthly: c.dueMonthly,
          dueCaoVersionName: 'CAO Kringloop 2026 (test)',
          daysEmployed: c.daysEmployed,
          daysInMonth: c.daysInMonth,
          alreadyCorrected: '0.00',
          amount: c.amount,
          // January's holiday allowance is reserved until May 2026: reserved now, not paid.
          holidayAllowanceAlreadyPaidOut: c.employmentId === leaver,
        },
      ]);
      const line = slip.lines.find((l: any) => l.code === 'BACK_PAY');
      expect(line.amount).toBe(c.amount);
      expect(line.description).toContain('2026-01');
      expect(slip.lines.map((l: any) => l.code)).toEqual(
        expect.arrayContaining(['WAGE_TAX_SPECIAL', 'PENSION_EMPLOYEE_BACK_PAY']),
      );
    }
    // February itself is calculated on the new agreement: nothing more is owed for it.
    for (const s of february.slips) expect(s.caoVersionName).toBe('CAO Kringloop 2026 (test)');
    // The former employee gets a payslip with the back pay only, and the holiday allowance over it at once.
    const former = february.slips.find((s) => s.employmentId === leaver)!;
    expect(owed.some((c: any) => c.employmentId === leaver)).toBe(true);
    expect(former.gross).toBe('0.00');
    expect(former.backPay[0].holidayAllowanceAlreadyPaidOut).toBe(true);
    expect(former.lines.map((l: any) => l.code)).toContain('HOLIDAY_ALLOWANCE_BACK_PAY');
    expect(Number(former.net)).toBeGreaterThan(0);
  });

  test('once paid, nothing is owed any more: back pay is paid once', async () => {
    expect((await corrections()).corrections).toEqual([]);
    const march = await payMonth(2026, 3);
    for (const s of march.slips) expect(s.backPay).toEqual([]);
  });

  test('a minimum wage published later for February lifts the lowest cells: only February is owed, on top of what was paid', async () => {
    const res = await tp.query(
      `mutation($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id } }`,
      { token: cao, variables: { input: { effectiveFrom: '2026-02-01', adultHourly: '16.50' } } },
    );
    expect(res.errors).toBeUndefined();
    const owed = (await corrections()).corrections;
    expect(owed.length).toBeGreaterThan(0);
    const due = await wagesOn('2026-02-01');
    for (const c of owed) {
      // February and March were paid on the CAO's cells; the new minimum wage lifts some of them.
      expect(['2026-02', '2026-03']).toContain(c.period);
      expect(c.dueMonthly).toBe(due.get(c.employmentId)!.monthly);
      expect(c.reason).toContain('Minimum wage from 2026-02-01');
    }
    expect(owed.some((c: any) => c.period === '2026-01')).toBe(false);
  });
});

describe('who sees back pay', () => {
  test("another member's HR and people outside payroll are refused", async () => {
    const otherHr = await tokenFor({ roles: ['member-hr'], memberId: M2 });
    const employee = await tokenFor({ roles: ['employee'], memberId: M1 });
    expect(errorCodes(await tp.query(CORRECTIONS, { token: otherHr, variables: { m: M1 } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tp.query(CORRECTIONS, { token: employee, variables: { m: M1 } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tp.query(CORRECTIONS, { variables: { m: M1 } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a yearly step increase applied after the month was paid', () => {
  afterAll(() => tp.reset());

  test('is owed for the months from its due date, and paid by the next run', async () => {
    const january = await payMonth(2026, 1);
    // Steps due up to 1 January 2026 (the demo employments never had one applied) are applied now.
    const applied = await ok(
      `mutation($m: ID!) { applyStepIncreases(memberId: $m, on: "2026-01-01") { increases { outcome toStep employment { id } } } }`,
      hr,
      { m: M1 },
    );
    const raised = new Set<string>(
      applied.applyStepIncreases.increases.filter((i: any) => i.outcome === 'RAISED').map((i: any) => i.employment.id),
    );
    expect(raised.size).toBeGreaterThan(0);
    const due = await wagesOn('2026-01-01'); // on the new steps
    const owed = (await corrections()).corrections;
    const risen = january.slips.filter((s) => cents(due.get(s.employmentId)!.monthly) > cents(s.gross));
    expect(risen.length).toBeGreaterThan(0);
    expect(owed.map((c: any) => c.employmentId).sort()).toEqual(risen.map((s) => s.employmentId).sort());
    for (const c of owed) {
      expect(raised.has(c.employmentId)).toBe(true);
      expect(c).toMatchObject({ period: '2026-01', dueMonthly: due.get(c.employmentId)!.monthly });
      expect(c.reason).toMatch(/^step increase \d+ → \d+ from \d{4}-\d{2}-\d{2} applied/);
    }
    const february = await payMonth(2026, 2);
    for (const c of owed) {
      const slip = february.slips.find((s) => s.employmentId === c.employmentId)!;
      expect(slip.backPay.map((b: any) => [b.period, b.amount])).toEqual([['2026-01', c.amount]]);
    }
    expect((await corrections()).corrections).toEqual([]);
  });
});
