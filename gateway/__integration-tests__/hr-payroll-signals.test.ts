import { hrOf, payrollFor } from './testkit/actors';
import { addDays, addMonths, todayNl } from './testkit/calendar';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1, M7 } from './testkit/ids';
import { cents, formatCents } from './testkit/money';
import { bsnSequence, hireInputFor } from './testkit/people';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// What a payroll run tells HR to act on (hr-payroll's domain/run-signals.ts), through the real
// gateway and subgraphs: yearly step increases due and not applied, with the monthly wage at
// stake, and LKV target-group statements not applied for within three months of the start
// (the LKV is then lost, and no longer shown as expected). Member 7 has no seeded employees:
// the people hired here are all there is; member 1's demo staff shows the seeded signals.
const tp = usePlatform();
const MEMBER = M7;
const tokens = useTokens({
  hr: () => hrOf(MEMBER, 'hr-signals'),
  clerk: () => payrollFor(MEMBER, { sub: 'clerk-signals' }),
  hr1: () => hrOf(M1, 'hr-signals-1'),
  clerk1: () => payrollFor(M1, { sub: 'clerk-signals-1' }),
});
const nextBsn = bsnSequence(53_100_000);
const hrDb = () => tp.platform.subgraphs['hr-payroll']!.database;

interface Signal {
  code: string;
  employee: { id: string; name: string } | null;
  employmentId: string;
  amount: string;
  message: string;
}
interface Slip {
  employeeId: string;
  lkvExpected: string | null;
  lines: { code: string; amount: string; base: string | null }[];
  explanation: string[];
}
interface Run {
  id: string;
  signals: Signal[];
  signalCount: number;
  signalTotals: { code: string; count: number; amount: string }[];
  payslips: { edges: { node: Slip }[] };
}
const RUN_FIELDS = `id signals(first: 100) { totalCount edges { node { code employee { id name } employmentId amount message } } }
  signalTotals { code count amount }
  payslips(first: 50) { edges { node { employeeId lkvExpected lines { code amount base } explanation } } }`;
const CALCULATE = `mutation($m: ID!, $y: Int!, $mo: Int!) { calculatePayrollRun(memberId: $m, year: $y, month: $mo) { ${RUN_FIELDS} } }`;
const READ = `query($id: ID!, $code: PayrollRunSignalCode) { payrollRun(id: $id) {
  id signals(code: $code, first: 1) { totalCount edges { node { code employee { id } amount } } } } }`;
const HIRE = `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) {
  id employments { id targetGroup { lkvApplicationStatus lkvApplicationDeadline lkvStatementRequestedOn } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEmploymentInput!) { updateEmployment(id: $id, input: $input) {
  id targetGroup { lkv lkvApplicationStatus lkvStatementRequestedOn } } }`;
const WAGE = `query($step: Int!) { wage(scale: 7, step: $step, on: "2026-03-01", hoursPerWeek: "36", age: 40) { monthly } }`;

interface Hired {
  id: string;
  employmentId: string;
  status: string | null;
}
async function hire(lastName: string, employment: Record<string, unknown>): Promise<Hired> {
  const input = hireInputFor(
    MEMBER,
    nextBsn(),
    { firstName: 'Test', lastName, birthDate: '1986-06-15' },
    {
      caoScale: 4,
      caoStep: 0,
      hoursPerWeek: '24',
      ...employment,
    },
  );
  const hired = expectOk(
    await tp.query<{
      hireEmployee: { id: string; employments: { id: string; targetGroup: { lkvApplicationStatus: string | null } }[] };
    }>(HIRE, { token: tokens.hr, variables: { input } }),
  ).hireEmployee;
  return {
    id: hired.id,
    employmentId: hired.employments[0]!.id,
    status: hired.employments[0]!.targetGroup.lkvApplicationStatus,
  };
}

interface RunAnswer extends Omit<Run, 'signals' | 'signalCount'> {
  signals: { totalCount: number; edges: { node: Signal }[] };
}
async function calculate(year: number, month: number, m = MEMBER, token = tokens.clerk): Promise<Run> {
  const run = expectOk(
    await tp.query<{ calculatePayrollRun: RunAnswer }>(CALCULATE, { token, variables: { m, y: year, mo: month } }),
  ).calculatePayrollRun;
  return { ...run, signals: nodes(run.signals), signalCount: run.signals.totalCount };
}
const signalsOf = (run: Run, employeeId: string) => run.signals.filter((s) => s.employee?.id === employeeId);
const slipOf = (run: Run, employeeId: string) => nodes(run.payslips).find((s) => s.employeeId === employeeId)!;

const LKV = { lkv: 'JOB_AGREEMENT_TARGET_GROUP', jobAgreementRegister: true };
let lotte: Hired; // four years on the platform's books at step 0
let noor: Hired; // LKV, statement never applied for
let daan: Hired; // LKV, applied for in time
let eva: Hired; // LKV, applied for after the deadline
let march: Run;

beforeAll(async () => {
  expectOk(
    await tp.query(
      `mutation($m: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $m, input: $input) { employer { id } } }`,
      {
        token: tokens.hr,
        variables: { m: MEMBER, input: { pensionEmployeePercent: '7.5', pensionEmployerPercent: '10.5' } },
      },
    ),
  );
  lotte = await hire('Lotte', { startDate: '2022-02-01', caoScale: 7, hoursPerWeek: '36' });
  noor = await hire('Noor', { startDate: '2026-01-05', ...LKV });
  daan = await hire('Daan', { startDate: '2026-01-05', ...LKV, lkvStatementRequestedOn: '2026-01-20' });
  eva = await hire('Eva', { startDate: '2026-01-05', ...LKV, lkvStatementRequestedOn: '2026-04-20' });
  march = await calculate(2026, 3);
});

test('the target-group statement: applied for in time REQUESTED, never or too late MISSED', () => {
  expect([noor.status, daan.status, eva.status]).toEqual(['MISSED', 'REQUESTED', 'MISSED']);
  expect(lotte.status).toBeNull();
});

test('four step increases due since 1 February 2023 and not applied: one signal with the monthly wage at stake', async () => {
  // Hired on 1 February 2022 at step 0 with no appraisals: one step a year, automatically, on
  // 1 February 2023, 2024, 2025 and 2026; by 31 March 2026 she should be on step 4.
  const [signal] = signalsOf(march, lotte.id);
  expect(signalsOf(march, lotte.id)).toHaveLength(1);
  const [now, due] = await Promise.all(
    [0, 4].map(
      async (step) =>
        expectOk(await tp.query<{ wage: { monthly: string } }>(WAGE, { token: tokens.hr, variables: { step } })).wage
          .monthly,
    ),
  );
  // The CAO 2024 table, scale 7 at 38 hours: step 0 €2,889.14, step 4 €3,228.83; at 36 hours
  // × 36/38: 2,737.0800 → €2,737.08 and 3,058.8915… → €3,058.89; €321.81 a month more.
  expect([now, due]).toEqual(['2737.08', '3058.89']);
  const more = formatCents(cents(due!) - cents(now!));
  expect(more).toBe('321.81');
  expect(signal).toMatchObject({ code: 'STEP_INCREASE_OVERDUE', employmentId: lotte.employmentId, amount: more });
  expect(signal!.employee?.name).toContain('Lotte');
  expect(signal!.message).toContain('4 step increases due since 2023-02-01 not applied: scale 7, step 0 → 4');
  // The payslip itself is unchanged: the signal does not pay it.
  expect(slipOf(march, lotte.id).lines.find((l) => l.code === 'GROSS_WAGE')?.amount).toBe(now);
});

test('an LKV whose statement was not applied for in time is no longer expected: the amount forgone is signalled', () => {
  // 24 hours × 52 / 12 = 104 paid hours in March × €1.01 (job-agreement LKV 2026) = €105.04.
  for (const who of [noor, eva]) {
    const slip = slipOf(march, who.id);
    expect(slip.lkvExpected).toBeNull();
    expect(slip.lines.some((l) => l.code === 'LKV_EXPECTED')).toBe(false);
    expect(
      slip.explanation.some((l) => l.includes('not applied for by 2026-04-05') && l.includes('€105.04 forgone')),
    ).toBe(true);
    expect(signalsOf(march, who.id)).toEqual([
      expect.objectContaining({ code: 'LKV_APPLICATION_MISSED', amount: '105.04', employmentId: who.employmentId }),
    ]);
  }
  // Applied for in time: expected as before, and nothing to signal.
  expect(slipOf(march, daan.id).lkvExpected).toBe('105.04');
  expect(signalsOf(march, daan.id)).toEqual([]);
});

test('the totals per code add up the signals', () => {
  const steps = march.signals.filter((s) => s.code === 'STEP_INCREASE_OVERDUE');
  expect(march.signalTotals).toEqual([
    { code: 'STEP_INCREASE_OVERDUE', count: 1, amount: steps[0]!.amount },
    { code: 'LKV_APPLICATION_MISSED', count: 2, amount: formatCents(cents('105.04') * 2n) },
  ]);
});

test('signals are stored with the run and read by code, a page at a time', async () => {
  const read = expectOk(
    await tp.query<{ payrollRun: { signals: { totalCount: number; edges: { node: { code: string } }[] } } }>(READ, {
      token: tokens.hr,
      variables: { id: march.id, code: 'LKV_APPLICATION_MISSED' },
    }),
  ).payrollRun;
  expect(read.signals.totalCount).toBe(2);
  expect(nodes(read.signals).map((s) => s.code)).toEqual(['LKV_APPLICATION_MISSED']);
  expect(march.signalCount).toBe(3);
  // In a fixed order: the step increases first, then the LKV statements.
  expect(march.signals.map((s) => s.code)).toEqual([
    'STEP_INCREASE_OVERDUE',
    'LKV_APPLICATION_MISSED',
    'LKV_APPLICATION_MISSED',
  ]);
  // Another member's HR does not see the run at all.
  const other = await tp.query<{ payrollRun: unknown }>(READ, { token: tokens.hr1, variables: { id: march.id } });
  expect(other.data?.payrollRun ?? null).toBeNull();
});

test('a statement still within its three months: LKV expected, with a signal to apply for it by the deadline', async () => {
  const start = addDays(todayNl(), -20);
  const sanne = await hire('Sanne', { startDate: start, ...LKV });
  expect(sanne.status).toBe('OPEN');
  const [year, month] = start.split('-').map(Number) as [number, number];
  const run = await calculate(year, month);
  const slip = slipOf(run, sanne.id);
  expect(cents(slip.lkvExpected!) > 0n).toBe(true);
  expect(signalsOf(run, sanne.id)).toEqual([
    expect.objectContaining({ code: 'LKV_APPLICATION_OPEN', amount: slip.lkvExpected }),
  ]);
  expect(signalsOf(run, sanne.id)[0]!.message).toContain(`by ${addMonths(start, 3)}`);
});

test('recording the statement applied for in time: the LKV is expected again and the signal goes', async () => {
  const updated = expectOk(
    await tp.query<{
      updateEmployment: { targetGroup: { lkvApplicationStatus: string; lkvStatementRequestedOn: string } };
    }>(UPDATE, {
      token: tokens.hr,
      variables: { id: noor.employmentId, input: { lkvStatementRequestedOn: '2026-02-02' } },
    }),
  ).updateEmployment;
  expect(updated.targetGroup).toMatchObject({
    lkvApplicationStatus: 'REQUESTED',
    lkvStatementRequestedOn: '2026-02-02',
  });
  const again = await calculate(2026, 3);
  expect(slipOf(again, noor.id).lkvExpected).toBe('105.04');
  expect(signalsOf(again, noor.id)).toEqual([]);
  expect(signalsOf(again, eva.id).map((s) => s.code)).toEqual(['LKV_APPLICATION_MISSED']);
});

test('a statement day in the future, without an LKV, or long before the start is refused and changes nothing', async () => {
  for (const [input, id] of [
    [{ lkvStatementRequestedOn: addDays(todayNl(), 1) }, daan.employmentId],
    [{ lkvStatementRequestedOn: '2026-02-01' }, lotte.employmentId],
    [{ lkvStatementRequestedOn: '2024-01-01' }, daan.employmentId],
    [{ lkv: 'JOB_AGREEMENT_TARGET_GROUP', lkvStatementRequestedOn: '2026-13-01' }, lotte.employmentId],
  ] as const) {
    const res = await expectRefusedWithoutWrites(
      hrDb(),
      () => tp.query(UPDATE, { token: tokens.hr, variables: { id, input } }),
      'BAD_USER_INPUT',
    );
    expect(res.errors![0]!.message.length).toBeGreaterThan(20);
  }
  // Clearing the LKV clears the statement day with it.
  const cleared = expectOk(
    await tp.query<{
      updateEmployment: { targetGroup: { lkv: string | null; lkvStatementRequestedOn: string | null } };
    }>(UPDATE, { token: tokens.hr, variables: { id: eva.employmentId, input: { lkv: null } } }),
  ).updateEmployment;
  expect(cleared.targetGroup).toMatchObject({ lkv: null, lkvStatementRequestedOn: null });
});

test('applying the overdue step increases: the next calculation has no step signal', async () => {
  expectOk(
    await tp.query(
      `mutation($m: ID!, $on: Date!) { applyStepIncreases(memberId: $m, on: $on) { employmentsChanged } }`,
      {
        token: tokens.hr,
        variables: { m: MEMBER, on: '2026-03-31' },
      },
    ),
  );
  const again = await calculate(2026, 3);
  expect(signalsOf(again, lotte.id)).toEqual([]);
});

describe('the demo seed', () => {
  let run: Run;
  const PREVIEW = `query($m: ID!, $on: Date!) { stepIncreasesDue(memberId: $m, on: $on) { employment { id } outcome } }`;
  /** Per employment, the years that raise a step by `on`, as the step-increase preview judges them. */
  const raisesBy = async (on: string) => {
    const rows = expectOk(
      await tp.query<{ stepIncreasesDue: { employment: { id: string }; outcome: string }[] }>(PREVIEW, {
        token: tokens.hr1,
        variables: { m: M1, on },
      }),
    ).stepIncreasesDue;
    const raises = new Map<string, number>();
    for (const row of rows.filter((r) => r.outcome === 'RAISED'))
      raises.set(row.employment.id, (raises.get(row.employment.id) ?? 0) + 1);
    return raises;
  };
  const today = todayNl();
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthEnd = addDays(addMonths(`${today.slice(0, 7)}-01`, 1), -1);
  beforeAll(async () => {
    run = await calculate(year, month, M1, tokens.clerk1);
  });

  test('member 1: steps follow the service years, but for two employments behind by 3 and by 1', async () => {
    expect([...(await raisesBy(today)).values()].sort()).toEqual([1, 3]);
  });

  test("this month's run signals the step increases due by its last day, each with the wage at stake", async () => {
    const due = await raisesBy(monthEnd);
    const steps = run.signals.filter((s) => s.code === 'STEP_INCREASE_OVERDUE');
    expect(new Set(nonEmpty(steps).map((s) => s.employmentId))).toEqual(new Set(due.keys()));
    for (const signal of steps) {
      const count = due.get(signal.employmentId)!;
      expect(signal.message).toMatch(
        count === 1 ? /^A step increase due since/ : new RegExp(`^${count} step increases`),
      );
      expect(cents(signal.amount) >= 0n).toBe(true);
    }
  });

  test('member 1: two employments with an LKV whose statement was never applied for', () => {
    const missed = run.signals.filter((s) => s.code === 'LKV_APPLICATION_MISSED');
    expect(missed).toHaveLength(2);
    for (const signal of nonEmpty(missed)) {
      expect(cents(signal.amount) > 0n).toBe(true);
      expect(slipOf(run, signal.employee!.id).lkvExpected).toBeNull();
    }
    // Everyone else with an LKV applied for it in time and has it expected.
    const expected = nodes(run.payslips).filter((s) => s.lkvExpected !== null);
    expect(nonEmpty(expected).every((s) => !missed.some((m) => m.employee!.id === s.employeeId))).toBe(true);
  });

  test('member 1 sees only its own signals', () => {
    expect(nonEmpty(run.signals).every((s) => s.employee !== null)).toBe(true);
  });
});

test('only HR and the payroll service of the member see a run: the employees of a signal are theirs', async () => {
  expectRefused(
    await tp.query(CALCULATE, { token: tokens.hr1, variables: { m: MEMBER, y: 2026, mo: 3 } }),
    'FORBIDDEN',
  );
});
