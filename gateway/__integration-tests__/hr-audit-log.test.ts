import { tokenFor } from './testkit/auth';
import { errorCodes } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// The hr-payroll audit log through the gateway: every change to pay-relevant data and to a run's
// status can be read back per member (who, when, before, after), by the member's HR staff and
// its payroll service only, newest first, page by page, and never with a full BSN or IBAN.
let tp: TestPlatform;

const memberId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const employeeId = (n: number) => `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const M1 = memberId(1);
const M2 = memberId(2);

let hr1: string; // member-hr of member 1
let payroll1: string; // payroll-service serving member 1 only
let hr2: string; // member-hr of member 2
let payroll2: string; // payroll-service serving member 2 only

/** A BSN that passes the 11-proof, and a valid IBAN: the full numbers that must never show. */
const validBsn = (eight: number): string => {
  for (let serial = eight; ; serial++) {
    const digits = String(serial);
    const sum = [...digits].reduce((acc, digit, i) => acc + Number(digit) * (9 - i), 0);
    if (sum % 11 < 10) return `${digits}${sum % 11}`;
  }
};
const BSN = validBsn(38_100_000);
const IBAN = 'NL91ABNA0417164300';
const NEW_IBAN = 'NL20INGB0001234567';

const ENTRY = 'id at actorId action entityType entityId before after';
const LOG = `query($m: ID!, $type: String, $id: ID, $first: Int, $after: String) {
  payrollAuditLog(memberId: $m, entityType: $type, entityId: $id, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${ENTRY} } } } }`;

interface Entry {
  id: string;
  at: string;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
}
const logOf = async (token: string, variables: Record<string, unknown>) => {
  const res = await tp.query<any>(LOG, { token, variables: { first: 50, ...variables } });
  expect(res.errors).toBeUndefined();
  return {
    totalCount: res.data!.payrollAuditLog.totalCount as number,
    entries: res.data!.payrollAuditLog.edges.map((e: any) => e.node) as Entry[],
  };
};
const json = (text: string | null) => (text === null ? null : JSON.parse(text));

beforeAll(async () => {
  tp = await startTestPlatform();
  [hr1, payroll1, hr2, payroll2] = await Promise.all([
    tokenFor({ sub: 'hr-officer', roles: ['member-hr'], memberId: M1 }),
    tokenFor({ sub: 'payroll-clerk', roles: ['payroll-service'], payrollMemberIds: [M1] }),
    tokenFor({ sub: 'hr-officer-2', roles: ['member-hr'], memberId: M2 }),
    tokenFor({ sub: 'payroll-clerk-2', roles: ['payroll-service'], payrollMemberIds: [M2] }),
  ]);
});
afterAll(() => tp?.stop());

describe('what the log holds', () => {
  afterAll(() => tp.reset());
  let runId: string;
  let hiredId: string;
  let employmentId: string;

  test('the seeded demo data starts with an empty log', async () => {
    expect((await logOf(hr1, { m: M1 })).totalCount).toBe(0);
  });

  test('calculating and approving a run: each status change with who, before and after', async () => {
    const started = Date.now();
    const calc: any = await tp.query(
      `mutation { calculatePayrollRun(memberId: "${M1}", year: 2026, month: 1) { id status } }`,
      { token: payroll1 },
    );
    expect(calc.errors).toBeUndefined();
    runId = calc.data.calculatePayrollRun.id;
    const approve: any = await tp.query(`mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`, {
      token: hr1,
      variables: { id: runId },
    });
    expect(approve.data.approvePayrollRun.status).toBe('APPROVED');

    const { entries, totalCount } = await logOf(payroll1, { m: M1, type: 'PayrollRun', id: runId });
    expect(totalCount).toBe(2);
    // Newest first: the approval, then the calculation.
    const [approved, calculated] = entries;
    expect(calculated).toMatchObject({
      actorId: 'payroll-clerk',
      action: 'CALCULATE_PAYROLL_RUN',
      entityType: 'PayrollRun',
      entityId: runId,
      before: null,
    });
    expect(json(calculated!.after)).toMatchObject({ id: runId, status: 'CALCULATED', memberId: M1, payslips: 12 });
    expect(approved).toMatchObject({ actorId: 'hr-officer', action: 'APPROVE_PAYROLL_RUN', entityId: runId });
    expect(json(approved!.before)).toMatchObject({ status: 'CALCULATED', approvedBy: null });
    expect(json(approved!.after)).toMatchObject({ status: 'APPROVED', approvedBy: 'hr-officer' });
    for (const entry of entries) {
      const at = Date.parse(entry.at);
      expect(at).toBeGreaterThanOrEqual(started - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect(Date.parse(approved!.at)).toBeGreaterThanOrEqual(Date.parse(calculated!.at));

    // The same history on the run itself.
    const run: any = await tp.query(
      `query($id: ID!) { payrollRun(id: $id) { auditLog(first: 10) { totalCount edges { node { id action } } } } }`,
      { token: hr1, variables: { id: runId } },
    );
    expect(run.data.payrollRun.auditLog.edges.map((e: any) => e.node)).toEqual(
      entries.map(({ id, action }) => ({ id, action })),
    );
  });

  test('an HR change to an employment: who, when, the hours before and after', async () => {
    const hired: any = await tp.query(
      `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id employments { id } } }`,
      {
        token: hr1,
        variables: {
          input: {
            memberId: M1,
            firstName: 'Noor',
            lastName: 'Auditpersoon',
            birthDate: '1988-04-02',
            bsn: BSN,
            iban: IBAN,
            address: { street: 'Kerkstraat', houseNumber: '3', postcode: '8011 AB', city: 'Zwolle' },
            employment: {
              startDate: '2026-11-01',
              contractType: 'PERMANENT',
              functionTitle: 'Winkelmedewerker',
              caoScale: 5,
              caoStep: 3,
              hoursPerWeek: '32',
            },
          },
        },
      },
    );
    expect(hired.errors).toBeUndefined();
    hiredId = hired.data.hireEmployee.id;
    employmentId = hired.data.hireEmployee.employments[0].id;

    const started = Date.now();
    const update: any = await tp.query(
      `mutation($id: ID!) { updateEmployment(id: $id, input: { hoursPerWeek: "24" }) { hoursPerWeek } }`,
      { token: payroll1, variables: { id: employmentId } },
    );
    expect(update.errors).toBeUndefined();

    const { entries } = await logOf(hr1, { m: M1, type: 'Employment', id: employmentId });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      actorId: 'payroll-clerk',
      action: 'UPDATE_EMPLOYMENT',
      entityType: 'Employment',
      entityId: employmentId,
    });
    expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(started - 1000);
    expect(Number(json(entry!.before).hoursPerWeek)).toBe(32);
    expect(Number(json(entry!.after).hoursPerWeek)).toBe(24);
    expect(json(entry!.after)).toMatchObject({ caoScale: 5, caoStep: 3, memberId: M1 });

    // The employee's own history: the hire and the change of their employment, newest first.
    const employee: any = await tp.query(
      `query($id: ID!) { employee(id: $id) { auditLog(first: 10) { totalCount edges { node { action entityId } } } } }`,
      { token: hr1, variables: { id: hiredId } },
    );
    expect(employee.data.employee.auditLog.edges.map((e: any) => e.node)).toEqual([
      { action: 'UPDATE_EMPLOYMENT', entityId: employmentId },
      { action: 'HIRE', entityId: hiredId },
    ]);
  });

  test('no full BSN or IBAN anywhere in the log, only the masked forms', async () => {
    const update: any = await tp.query(
      `mutation($id: ID!, $iban: String!) { updateEmployee(id: $id, input: { iban: $iban }) { iban } }`,
      { token: hr1, variables: { id: hiredId, iban: NEW_IBAN } },
    );
    expect(update.errors).toBeUndefined();
    const { entries } = await logOf(hr1, { m: M1, type: 'Employee', id: hiredId });
    expect(entries.map((e) => e.action)).toEqual(['UPDATE_EMPLOYEE', 'HIRE']);
    const [changed, hire] = entries;
    expect(json(hire!.after)).toMatchObject({ bsn: `*****${BSN.slice(-4)}`, iban: 'NL91**********4300' });
    expect(json(changed!.before)).toMatchObject({ iban: 'NL91**********4300' });
    expect(json(changed!.after)).toMatchObject({ bsn: `*****${BSN.slice(-4)}`, iban: 'NL20**********4567' });

    const everything = JSON.stringify((await logOf(hr1, { m: M1 })).entries);
    for (const full of [BSN, IBAN, NEW_IBAN]) expect(everything).not.toContain(full);
    // Masked when written, not only when read: what the table itself holds. Every row names its member.
    const stored = await tp.platform.subgraphs['hr-payroll']!.database.sql.query<{
      member_id: string | null;
      before: string | null;
      after: string | null;
    }>(`SELECT member_id, before::text AS before, after::text AS after FROM audit_log_entry`);
    expect(stored.length).toBeGreaterThanOrEqual(5);
    for (const row of stored) expect(row.member_id).toBe(M1);
    for (const full of [BSN, IBAN, NEW_IBAN]) expect(JSON.stringify(stored)).not.toContain(full);
    // Nor any seeded employee's full numbers (payroll runs carry payslip inputs elsewhere, never here).
    const seeded: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { bsnFull ibanFull } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    for (const { node } of seeded.data.employees.edges) {
      expect(everything).not.toContain(node.bsnFull);
      expect(everything).not.toContain(node.ibanFull);
    }
  });

  test("each member's log holds only its own changes", async () => {
    const employments: any = await tp.query(
      `query($id: ID!) { employee(id: $id) { employments { id } } }`,
      { token: hr2, variables: { id: employeeId(13) } }, // the seed's first employee of member 2
    );
    const m2Employment = employments.data.employee.employments[0].id;
    const update: any = await tp.query(
      `mutation($id: ID!) { updateEmployment(id: $id, input: { functionTitle: "Chauffeur" }) { functionTitle } }`,
      { token: hr2, variables: { id: m2Employment } },
    );
    expect(update.errors).toBeUndefined();

    const m2 = await logOf(payroll2, { m: M2 });
    expect(m2.entries.map((e) => [e.action, e.entityId])).toEqual([['UPDATE_EMPLOYMENT', m2Employment]]);
    const m1 = await logOf(hr1, { m: M1 });
    expect(m1.entries.map((e) => e.entityId)).not.toContain(m2Employment);
    expect(m1.entries.map((e) => e.entityId)).toEqual(expect.arrayContaining([runId, hiredId, employmentId]));
    // Asking member 1's log for member 2's entity finds nothing.
    expect((await logOf(hr1, { m: M1, id: m2Employment })).totalCount).toBe(0);
  });
});

describe('who may read it', () => {
  const ask = async (token: string | undefined, m: string, fields = 'totalCount') =>
    tp.query(`query($m: ID!) { payrollAuditLog(memberId: $m, first: 5) { ${fields} } }`, {
      token,
      variables: { m },
    });

  test("the member's HR staff and the payroll service serving it", async () => {
    for (const token of [hr1, payroll1]) expect((await ask(token, M1)).errors).toBeUndefined();
    const both = await tokenFor({ roles: ['payroll-service'], payrollMemberIds: [M1, M2] });
    for (const m of [M1, M2]) expect((await ask(both, m)).errors).toBeUndefined();
  });

  test("another member's HR, and a payroll service not serving the member, get FORBIDDEN", async () => {
    for (const fields of ['totalCount', `edges { node { ${ENTRY} } }`]) {
      expect(errorCodes(await ask(hr2, M1, fields))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await ask(payroll2, M1, fields))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await ask(payroll1, M2, fields))).toEqual(['FORBIDDEN']);
    }
  });

  test('nobody else: employees, member admins, the association, no token', async () => {
    const others = await Promise.all([
      tokenFor({ roles: ['employee'], memberId: M1, employeeId: employeeId(1) }),
      tokenFor({ roles: ['member-admin'], memberId: M1 }),
      tokenFor({ roles: ['platform-admin'] }),
      tokenFor({ roles: ['association-cao'] }),
    ]);
    for (const token of others) expect(errorCodes(await ask(token, M1))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ask(undefined, M1))).toEqual(['UNAUTHENTICATED']);
  });

  test('an employee sees their own record but not its audit log', async () => {
    const me = await tokenFor({ roles: ['employee'], memberId: M1, employeeId: employeeId(1) });
    const res: any = await tp.query(`query($id: ID!) { employee(id: $id) { id auditLog(first: 5) { totalCount } } }`, {
      token: me,
      variables: { id: employeeId(1) },
    });
    expect(res.data.employee).toEqual({ id: employeeId(1), auditLog: null });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

test('paging: newest first, every entry once, page by page', async () => {
  // Seven changes to one employment, one at a time, each a log entry.
  const employments: any = await tp.query(`query($id: ID!) { employee(id: $id) { employments { id } } }`, {
    token: hr1,
    variables: { id: employeeId(2) },
  });
  const id = employments.data.employee.employments[0].id;
  for (let i = 1; i <= 7; i++) {
    const res: any = await tp.query(
      `mutation($id: ID!, $t: String!) { updateEmployment(id: $id, input: { functionTitle: $t }) { id } }`,
      { token: hr1, variables: { id, t: `Functie ${i}` } },
    );
    expect(res.errors).toBeUndefined();
  }
  const { nodes, totalCount, pages } = await tp.allPages<Entry>(LOG, 'payrollAuditLog', {
    token: payroll1,
    variables: { m: M1, id, first: 3 },
  });
  expect(totalCount).toBe(7);
  expect(pages).toBe(3);
  expect(new Set(nodes.map((n) => n.id)).size).toBe(7);
  expect(nodes.map((n) => json(n.after).functionTitle)).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `Functie ${i}`));
  for (let i = 1; i < nodes.length; i++) {
    expect(Date.parse(nodes[i - 1]!.at)).toBeGreaterThanOrEqual(Date.parse(nodes[i]!.at));
  }
  await tp.reset();
});
