import { employeeOf, hrOf, payrollFor } from './testkit/actors';
import { expectOk, expectRefused } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { employeeId, M1, M2 } from './testkit/ids';
import { compareDecimals } from './testkit/money';
import { usePlatform } from './testkit/use-platform';

// A member's payroll settings through the gateway: its HR or payroll service sets the pension
// premiums, its own Whk rate and the Aof size class; the next calculation uses them.
const tp = usePlatform();
let hr: string;
let payroll: string;

beforeAll(async () => {
  hr = await hrOf(M1, 'hr-officer');
  payroll = await payrollFor(M1, { sub: 'payroll-clerk' });
});

const READ = `query($m: ID!) { payrollSettings(memberId: $m) { employer { id } pensionEmployeePercent pensionEmployerPercent whkPercent aofSmallEmployer } }`;
const SET = `mutation($m: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $m, input: $input) {
  pensionEmployeePercent pensionEmployerPercent whkPercent aofSmallEmployer } }`;
interface Settings {
  employer: { id: string };
  pensionEmployeePercent: string;
  pensionEmployerPercent: string;
  whkPercent: string | null;
  aofSmallEmployer: boolean | null;
}
const settingsOf = async (memberId = M1, token = hr) =>
  expectOk(await tp.query<{ payrollSettings: Settings }>(READ, { token, variables: { m: memberId } })).payrollSettings;

describe('payroll settings', () => {
  afterAll(() => tp.reset());

  test("HR reads its member's settings as seeded", async () => {
    const settings = await settingsOf();
    expect(settings).toMatchObject({ employer: { id: M1 }, whkPercent: null, aofSmallEmployer: null });
    expect(compareDecimals(settings.pensionEmployeePercent, '0')).toBe(1);
  });

  test('HR sets them, the change is audited, and the next calculation uses them', async () => {
    const res = await tp.query<{ setPayrollSettings: Omit<Settings, 'employer'> }>(SET, {
      token: hr,
      variables: {
        m: M1,
        input: {
          pensionEmployeePercent: '7.5',
          pensionEmployerPercent: '12.25',
          whkPercent: '1.23',
          aofSmallEmployer: false,
        },
      },
    });
    expect(expectOk(res).setPayrollSettings).toEqual({
      pensionEmployeePercent: '7.5',
      pensionEmployerPercent: '12.25',
      whkPercent: '1.23',
      aofSmallEmployer: false,
    });
    const audit = await tp.query<{
      payrollAuditLog: { edges: { node: { actorId: string; action: string; after: string } }[] };
    }>(
      `query($m: ID!) { payrollAuditLog(memberId: $m, entityType: "MemberPayrollSettings", first: 5) { edges { node { actorId action after } } } }`,
      { token: hr, variables: { m: M1 } },
    );
    const [entry] = nodes(expectOk(audit).payrollAuditLog);
    expect(entry).toMatchObject({
      actorId: 'hr-officer',
      action: 'SET_PAYROLL_SETTINGS',
    });
    expect(JSON.parse(entry!.after)).toMatchObject({ whkPercent: '1.23' });

    const run = await tp.query<{
      calculatePayrollRun: {
        payslips: {
          edges: { node: { gross: string; lines: { code: string; rate: string; description: string }[] } }[];
        };
      };
    }>(
      `mutation($m: ID!) { calculatePayrollRun(memberId: $m, year: 2026, month: 1) { payslips(first: 1) { edges { node { gross lines { code rate base amount description } } } } } }`,
      { token: payroll, variables: { m: M1 } },
    );
    const slip = nodes(expectOk(run).calculatePayrollRun.payslips)[0]!;
    const line = (code: string) => slip.lines.find((l) => l.code === code);
    expect(line('PENSION_EMPLOYEE')?.rate).toBe('7.5');
    expect(line('PENSION_EMPLOYER')?.rate).toBe('12.25');
    expect(line('WHK')?.rate).toBe('1.23');
    // The member is not small by the tax office's decision although it has fewer than 25 employees.
    expect(line('AOF')?.description).toMatch(/high rate/);
  });

  test('bad percentages are refused with the field named, and nothing changes', async () => {
    const before = await settingsOf();
    for (const [input, field] of [
      [{ pensionEmployeePercent: '7.555', pensionEmployerPercent: '12' }, 'input.pensionEmployeePercent'],
      [{ pensionEmployeePercent: '7', pensionEmployerPercent: '120' }, 'input.pensionEmployerPercent'],
      [{ pensionEmployeePercent: '7', pensionEmployerPercent: '12', whkPercent: '-1' }, 'input.whkPercent'],
    ] as const) {
      const res = await tp.query<{ setPayrollSettings: Omit<Settings, 'employer'> }>(SET, {
        token: hr,
        variables: { m: M1, input },
      });
      expectRefused(res, 'BAD_USER_INPUT', field);
      expect(res.errors?.[0]?.message).toMatch(/percentage from 0 to/);
    }
    expect(await settingsOf()).toEqual(before);
  });

  test("another member's HR, the member's employees and strangers cannot read or set them", async () => {
    const before = await settingsOf();
    const otherHr = await hrOf(M2);
    const employee = await employeeOf(M1, employeeId(1));
    const input = { pensionEmployeePercent: '1', pensionEmployerPercent: '1' };
    for (const token of [otherHr, employee]) {
      expectRefused(await tp.query(READ, { token, variables: { m: M1 } }), 'FORBIDDEN');
      expectRefused(await tp.query(SET, { token, variables: { m: M1, input } }), 'FORBIDDEN');
    }
    expectRefused(await tp.query(SET, { variables: { m: M1, input } }), 'UNAUTHENTICATED');
    expect(await settingsOf()).toEqual(before);
  });
});
