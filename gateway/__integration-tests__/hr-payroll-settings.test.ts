import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// A member's payroll settings through the gateway: its HR or payroll service sets the pension
// premiums, its own Whk rate and the Aof size class; the next calculation uses them.
let tp: TestPlatform;
const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
let hr: string;
let payroll: string;

beforeAll(async () => {
  tp = await startTestPlatform();
  hr = await tokenFor({ sub: 'hr-officer', roles: ['member-hr'], memberId: M1 });
  payroll = await tokenFor({ sub: 'payroll-clerk', roles: ['payroll-service'], payrollMemberIds: [M1] });
});
afterAll(() => tp?.stop());

const READ = `query($m: ID!) { payrollSettings(memberId: $m) { employer { id } pensionEmployeePercent pensionEmployerPercent whkPercent aofSmallEmployer } }`;
const SET = `mutation($m: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $m, input: $input) {
  pensionEmployeePercent pensionEmployerPercent whkPercent aofSmallEmployer } }`;
const settingsOf = async (memberId = M1, token = hr) =>
  ((await tp.query(READ, { token, variables: { m: memberId } })) as any).data?.payrollSettings;

describe('payroll settings', () => {
  afterAll(() => tp.reset());

  test("HR reads its member's settings as seeded", async () => {
    const settings = await settingsOf();
    expect(settings).toMatchObject({ employer: { id: M1 }, whkPercent: null, aofSmallEmployer: null });
    expect(Number(settings.pensionEmployeePercent)).toBeGreaterThan(0);
  });

  test('HR sets them, the change is audited, and the next calculation uses them', async () => {
    const res: any = await tp.query(SET, {
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
    expect(res.errors).toBeUndefined();
    expect(res.data.setPayrollSettings).toEqual({
      pensionEmployeePercent: '7.5',
      pensionEmployerPercent: '12.25',
      whkPercent: '1.23',
      aofSmallEmployer: false,
    });
    const audit: any = await tp.query(
      `query($m: ID!) { payrollAuditLog(memberId: $m, entityType: "MemberPayrollSettings", first: 5) { edges { node { actorId action after } } } }`,
      { token: hr, variables: { m: M1 } },
    );
    expect(audit.data.payrollAuditLog.edges[0].node).toMatchObject({
      actorId: 'hr-officer',
      action: 'SET_PAYROLL_SETTINGS',
    });
    expect(JSON.parse(audit.data.payrollAuditLog.edges[0].node.after)).toMatchObject({ whkPercent: '1.23' });

    const run: any = await tp.query(
      `mutation($m: ID!) { calculatePayrollRun(memberId: $m, year: 2026, month: 1) { payslips(first: 1) { edges { node { gross lines { code rate base amount description } } } } } }`,
      { token: payroll, variables: { m: M1 } },
    );
    expect(run.errors).toBeUndefined();
    const slip = run.data.calculatePayrollRun.payslips.edges[0].node;
    const line = (code: string) => slip.lines.find((l: any) => l.code === code);
    expect(line('PENSION_EMPLOYEE').rate).toBe('7.5');
    expect(line('PENSION_EMPLOYER').rate).toBe('12.25');
    expect(line('WHK').rate).toBe('1.23');
    // The member is not small by the tax office's decision although it has fewer than 25 employees.
    expect(line('AOF').description).toMatch(/high rate/);
  });

  test('bad percentages are refused with the field named, and nothing changes', async () => {
    const before = await settingsOf();
    for (const [input, field] of [
      [{ pensionEmployeePercent: '7.555', pensionEmployerPercent: '12' }, 'input.pensionEmployeePercent'],
      [{ pensionEmployeePercent: '7', pensionEmployerPercent: '120' }, 'input.pensionEmployerPercent'],
      [{ pensionEmployeePercent: '7', pensionEmployerPercent: '12', whkPercent: '-1' }, 'input.whkPercent'],
    ] as const) {
      const res: any = await tp.query(SET, { token: hr, variables: { m: M1, input } });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors[0].extensions.field).toBe(field);
      expect(res.errors[0].message).toMatch(/percentage from 0 to/);
    }
    expect(await settingsOf()).toEqual(before);
  });

  test("another member's HR, the member's employees and strangers cannot read or set them", async () => {
    const before = await settingsOf();
    const otherHr = await tokenFor({ roles: ['member-hr'], memberId: M2 });
    const employee = await tokenFor({ roles: ['employee'], memberId: M1 });
    const input = { pensionEmployeePercent: '1', pensionEmployerPercent: '1' };
    for (const token of [otherHr, employee]) {
      expect(errorCodes(await tp.query(READ, { token, variables: { m: M1 } }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await tp.query(SET, { token, variables: { m: M1, input } }))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await tp.query(SET, { variables: { m: M1, input } }))).toEqual(['UNAUTHENTICATED']);
    expect(await settingsOf()).toEqual(before);
  });
});
