import { caoTeam, employeeOf, hrOf, payrollFor } from './testkit/actors';
import { expectOk, expectRefused, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { employeeId, M1, M2 } from './testkit/ids';
import { cents } from './testkit/money';
import { APPROVE_RUN, CREATE_CAO_DRAFT, PAY_RUN, PUBLISH_CAO_VERSION, type CreatedDraft } from './testkit/operations';
import { usePlatform } from './testkit/use-platform';

// Retroactive corrections through the gateway: January 2026 is paid; then the CAO team publishes a
// new agreement effective 1 January 2026, and later a minimum wage effective 1 February. HR sees
// who is owed how much for which month, and the next run pays it as back-pay lines, once.
const tp = usePlatform();
let payroll: string; // payroll-service serving member 1
let hr: string; // member-hr of member 1 (the second person who approves)
let cao: string; // the association's CAO team

beforeAll(async () => {
  payroll = await payrollFor(M1, { sub: 'payroll-clerk' });
  hr = await hrOf(M1, 'hr-officer');
  cao = await caoTeam();
});

interface BackPay {
  period: string;
  paidMonthly: string;
  dueMonthly: string;
  dueCaoVersionName: string;
  daysEmployed: number;
  daysInMonth: number;
  alreadyCorrected: string;
  amount: string;
  holidayAllowanceAlreadyPaidOut: boolean;
}
interface Slip {
  id: string;
  employeeId: string;
  employmentId: string;
  gross: string;
  net: string;
  wageTax: string;
  caoVersionName: string;
  backPay: BackPay[];
  lines: { code: string; amount: string; description: string }[];
}
interface Correction {
  employeeId: string;
  employeeName: string;
  employmentId: string;
  period: string;
  paidCaoVersionName: string;
  dueCaoVersionName: string;
  paidMonthly: string;
  dueMonthly: string;
  daysEmployed: number;
  daysInMonth: number;
  paidForDays: string;
  dueForDays: string;
  alreadyCorrected: string;
  amount: string;
  correctedPayslipId: string;
  reason: string;
}

const SLIP = `id employeeId employmentId gross net wageTax caoVersionName
  backPay { period paidMonthly dueMonthly dueCaoVersionName daysEmployed daysInMonth alreadyCorrected amount holidayAllowanceAlreadyPaidOut }
  lines { code amount description }`;

async function ok<Data>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<Data> {
  return expectOk(await tp.query<Data>(query, { token, variables }));
}

/** Calculates, approves (a second person) and pays a month; returns its payslips. */
async function payMonth(year: number, month: number) {
  const run = (
    await ok<{ calculatePayrollRun: { id: string; payslips: { edges: { node: Slip }[] } } }>(
      `mutation($m: ID!, $y: Int!, $mo: Int!) { calculatePayrollRun(memberId: $m, year: $y, month: $mo) { id payslips(first: 50) { edges { node { ${SLIP} } } } } }`,
      payroll,
      { m: M1, y: year, mo: month },
    )
  ).calculatePayrollRun;
  await ok(APPROVE_RUN, hr, { id: run.id });
  await ok(PAY_RUN, hr, { id: run.id });
  return { id: run.id, slips: nodes(run.payslips) };
}

const CORRECTIONS = `query($m: ID!) { retroactiveCorrections(memberId: $m) { totalAmount employeeCount corrections {
  employeeId employeeName employmentId period paidCaoVersionName dueCaoVersionName paidMonthly dueMonthly
  daysEmployed daysInMonth paidForDays dueForDays alreadyCorrected amount correctedPayslipId reason } } }`;
const corrections = async (token = hr) =>
  (
    await ok<{ retroactiveCorrections: { totalAmount: string; employeeCount: number; corrections: Correction[] } }>(
      CORRECTIONS,
      token,
      { m: M1 },
    )
  ).retroactiveCorrections;

/** Each employment's CAO wage for a date, as the CAO service answers now. */
async function wagesOn(on: string) {
  const data = await ok<{
    employees: {
      edges: { node: { employments: { id: string; wage: { monthly: string; caoVersionName: string } | null }[] } }[];
    };
  }>(
    `query($m: ID!, $on: Date!) { employees(memberId: $m, first: 50) { edges { node { employments { id wage(on: $on) { monthly caoVersionName } } } } } }`,
    hr,
    { m: M1, on },
  );
  const wages = new Map<string, { monthly: string; caoVersionName: string }>();
  for (const { node } of data.employees.edges) for (const e of node.employments) if (e.wage) wages.set(e.id, e.wage);
  return wages;
}

async function publishRaise(percent: string, effectiveFrom: string) {
  const draft = (await ok<CreatedDraft>(CREATE_CAO_DRAFT, cao, { input: { name: 'CAO Kringloop 2026 (test)' } }))
    .createCaoDraft;
  await ok(
    `mutation($id: ID!, $input: GeneralIncreaseInput!) { applyGeneralIncrease(id: $id, input: $input) { id } }`,
    cao,
    {
      id: draft.id,
      input: { percent },
    },
  );
  await ok(PUBLISH_CAO_VERSION, cao, { id: draft.id, input: { effectiveFrom } });
}

/** Ends an employment on 31 January 2026. */
async function leaveEndOfJanuary(employmentId: string) {
  await ok(`mutation($id: ID!) { updateEmployment(id: $id, input: { endDate: "2026-01-31" }) { id endDate } }`, hr, {
    id: employmentId,
  });
}

/**
 * The story of this describe, from the seeded data up to `upTo`: January paid; a 3 % raise
 * published effective 1 January, after which the first employment owed back pay leaves at the
 * end of January; February paid (with the back pay); March paid.
 */
async function story(upTo: 'january paid' | 'raise published' | 'february paid' | 'march paid') {
  await tp.reset();
  const january = await payMonth(2026, 1);
  let leaver = '';
  if (upTo !== 'january paid') {
    await publishRaise('3', '2026-01-01');
    leaver = nonEmpty((await corrections()).corrections)[0]!.employmentId;
    await leaveEndOfJanuary(leaver);
  }
  if (upTo === 'february paid' || upTo === 'march paid') await payMonth(2026, 2);
  if (upTo === 'march paid') await payMonth(2026, 3);
  return { january, leaver };
}

describe('a CAO published with an earlier effective date', () => {
  afterAll(() => tp.reset());

  test('nothing is owed while nothing was published after a month was paid', async () => {
    const { january } = await story('january paid');
    expect(january.slips.length).toBeGreaterThan(0);
    expect(await corrections()).toEqual({ totalAmount: '0.00', employeeCount: 0, corrections: [] });
  });

  test('lists every affected employee and month with the wage due now against the wage paid', async () => {
    const { january } = await story('january paid');
    await publishRaise('3', '2026-01-01');
    const due = await wagesOn('2026-01-01');
    const report = await corrections();
    for (const c of nonEmpty(report.corrections)) {
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
    expect(report.corrections.map((c) => c.employmentId).sort()).toEqual(raised.map((s) => s.employmentId).sort());
    expect(report.employeeCount).toBe(new Set(raised.map((s) => s.employeeId)).size);
    expect(cents(report.totalAmount)).toBe(report.corrections.reduce((t, c) => t + cents(c.amount), 0n));
    // One of them leaves at the end of January, before the back pay is paid.
    await leaveEndOfJanuary(report.corrections[0]!.employmentId);
  });

  test('the next run pays each amount as a back-pay line, taxed as a special payment', async () => {
    const { leaver } = await story('raise published');
    const owed = (await corrections()).corrections;
    const february = await payMonth(2026, 2);
    for (const c of nonEmpty(owed)) {
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
      const line = slip.lines.find((l) => l.code === 'BACK_PAY');
      expect(line?.amount).toBe(c.amount);
      expect(line?.description).toContain('2026-01');
      expect(slip.lines.map((l) => l.code)).toEqual(
        expect.arrayContaining(['WAGE_TAX_SPECIAL', 'PENSION_EMPLOYEE_BACK_PAY']),
      );
    }
    // February itself is calculated on the new agreement: nothing more is owed for it.
    for (const s of nonEmpty(february.slips)) expect(s.caoVersionName).toBe('CAO Kringloop 2026 (test)');
    // The former employee gets a payslip with the back pay only, and the holiday allowance over it at once.
    const former = february.slips.find((s) => s.employmentId === leaver)!;
    expect(owed.some((c) => c.employmentId === leaver)).toBe(true);
    expect(former.gross).toBe('0.00');
    expect(former.backPay[0]?.holidayAllowanceAlreadyPaidOut).toBe(true);
    expect(former.lines.map((l) => l.code)).toContain('HOLIDAY_ALLOWANCE_BACK_PAY');
    expect(cents(former.net)).toBeGreaterThan(0n);
  });

  test('once paid, nothing is owed any more: back pay is paid once', async () => {
    await story('february paid');
    expect((await corrections()).corrections).toEqual([]);
    const march = await payMonth(2026, 3);
    for (const s of nonEmpty(march.slips)) expect(s.backPay).toEqual([]);
  });

  test('a minimum wage published later for February lifts the lowest cells: only February is owed, on top of what was paid', async () => {
    await story('march paid');
    await ok(`mutation($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id } }`, cao, {
      input: { effectiveFrom: '2026-02-01', adultHourly: '16.50' },
    });
    const owed = (await corrections()).corrections;
    const due = await wagesOn('2026-02-01');
    for (const c of nonEmpty(owed)) {
      // February and March were paid on the CAO's cells; the new minimum wage lifts some of them.
      expect(['2026-02', '2026-03']).toContain(c.period);
      expect(c.dueMonthly).toBe(due.get(c.employmentId)!.monthly);
      expect(c.reason).toContain('Minimum wage from 2026-02-01');
    }
    expect(owed.some((c) => c.period === '2026-01')).toBe(false);
  });
});

describe('who sees back pay', () => {
  test("another member's HR and people outside payroll are refused", async () => {
    const otherHr = await hrOf(M2);
    const employee = await employeeOf(M1, employeeId(1));
    expectRefused(await tp.query(CORRECTIONS, { token: otherHr, variables: { m: M1 } }), 'FORBIDDEN');
    expectRefused(await tp.query(CORRECTIONS, { token: employee, variables: { m: M1 } }), 'FORBIDDEN');
    expectRefused(await tp.query(CORRECTIONS, { variables: { m: M1 } }), 'UNAUTHENTICATED');
  });
});

describe('a yearly step increase applied after the month was paid', () => {
  afterAll(() => tp.reset());

  test('is owed for the months from its due date, and paid by the next run', async () => {
    const january = await payMonth(2026, 1);
    // Steps due up to 1 January 2026 (the demo employments never had one applied) are applied now.
    const applied = await ok<{
      applyStepIncreases: { increases: { outcome: string; toStep: number; employment: { id: string } }[] };
    }>(
      `mutation($m: ID!) { applyStepIncreases(memberId: $m, on: "2026-01-01") { increases { outcome toStep employment { id } } } }`,
      hr,
      { m: M1 },
    );
    const raised = new Set<string>(
      applied.applyStepIncreases.increases.filter((i) => i.outcome === 'RAISED').map((i) => i.employment.id),
    );
    expect(raised.size).toBeGreaterThan(0);
    const due = await wagesOn('2026-01-01'); // on the new steps
    const owed = (await corrections()).corrections;
    const risen = january.slips.filter((s) => cents(due.get(s.employmentId)!.monthly) > cents(s.gross));
    expect(risen.length).toBeGreaterThan(0);
    expect(owed.map((c) => c.employmentId).sort()).toEqual(risen.map((s) => s.employmentId).sort());
    for (const c of owed) {
      expect(raised.has(c.employmentId)).toBe(true);
      expect(c).toMatchObject({ period: '2026-01', dueMonthly: due.get(c.employmentId)!.monthly });
      expect(c.reason).toMatch(/^step increase \d+ → \d+ from \d{4}-\d{2}-\d{2} applied/);
    }
    const february = await payMonth(2026, 2);
    for (const c of owed) {
      const slip = february.slips.find((s) => s.employmentId === c.employmentId)!;
      expect(slip.backPay.map((b) => [b.period, b.amount])).toEqual([['2026-01', c.amount]]);
    }
    expect((await corrections()).corrections).toEqual([]);
  });
});
