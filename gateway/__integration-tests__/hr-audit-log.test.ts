import { caoTeam, employeeOf, hrOf, payrollFor, platformAdmin, tokenOf } from './testkit/actors';
import { expectOk, expectRefused, nonEmpty } from './testkit/expect';
import { nodes, pageOf } from './testkit/graphql';
import { employeeId, employeesOf, M1, M2 } from './testkit/ids';
import { sameAmount } from './testkit/money';
import { APPROVE_RUN, type AuditEntry, type RunStatus } from './testkit/operations';
import { bsnSequence, hireInputFor } from './testkit/people';
import { usePlatform } from './testkit/use-platform';

// The hr-payroll audit log through the gateway: every change to pay-relevant data and to a run's
// status can be read back per member (who, when, before, after), by the member's HR staff and
// its payroll service only, newest first, page by page, and never with a full BSN or IBAN.
const tp = usePlatform();

let hr1: string; // member-hr of member 1
let payroll1: string; // payroll-service serving member 1 only
let hr2: string; // member-hr of member 2
let payroll2: string; // payroll-service serving member 2 only

/** A BSN that passes the 11-proof, and a valid IBAN: the full numbers that must never show. */
const BSN = bsnSequence(38_100_000)();
const IBAN = 'NL91ABNA0417164300';
const NEW_IBAN = 'NL20INGB0001234567';

const ENTRY = 'id at actorId action entityType entityId before after';
const LOG = `query($m: ID!, $type: String, $id: ID, $first: Int, $after: String) {
  payrollAuditLog(memberId: $m, entityType: $type, entityId: $id, first: $first, after: $after) {
    ${pageOf(ENTRY)} } }`;

type Entry = AuditEntry;
const logOf = async (token: string, variables: Record<string, unknown>) => {
  const res = await tp.query<{ payrollAuditLog: { totalCount: number; edges: { node: Entry }[] } }>(LOG, {
    token,
    variables: { first: 50, ...variables },
  });
  const log = expectOk(res).payrollAuditLog;
  return { totalCount: log.totalCount, entries: nodes(log) };
};
const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

/** The first employment of an employee, as `token` sees it. */
async function firstEmploymentOf(employee: string, token: string) {
  const res = await tp.query<{ employee: { employments: { id: string }[] } }>(
    `query($id: ID!) { employee(id: $id) { employments { id } } }`,
    { token, variables: { id: employee } },
  );
  return expectOk(res).employee.employments[0]!.id;
}

beforeAll(async () => {
  [hr1, payroll1, hr2, payroll2] = await Promise.all([
    hrOf(M1, 'hr-officer'),
    payrollFor(M1, { sub: 'payroll-clerk' }),
    hrOf(M2, 'hr-officer-2'),
    payrollFor(M2, { sub: 'payroll-clerk-2' }),
  ]);
});

/** January 2026 of member 1, calculated by the payroll service and approved by HR. */
async function calculateAndApprove() {
  const calc = await tp.query<{ calculatePayrollRun: { id: string; status: string } }>(
    `mutation { calculatePayrollRun(memberId: "${M1}", year: 2026, month: 1) { id status } }`,
    { token: payroll1 },
  );
  const runId = expectOk(calc).calculatePayrollRun.id;
  const approve = await tp.query<RunStatus>(APPROVE_RUN, { token: hr1, variables: { id: runId } });
  return { runId, status: expectOk(approve).approvePayrollRun?.status };
}

/** HR hires someone (with `BSN` and `IBAN`); the payroll service changes the hours from 32 to 24. */
async function hireAndChangeHours() {
  const input = hireInputFor(
    M1,
    BSN,
    {
      firstName: 'Noor',
      lastName: 'Auditpersoon',
      birthDate: '1988-04-02',
      iban: IBAN,
      email: undefined,
      address: { street: 'Kerkstraat', houseNumber: '3', postcode: '8011 AB', city: 'Zwolle' },
    },
    { startDate: '2026-11-01' },
  );
  const hired = await tp.query<{ hireEmployee: { id: string; employments: { id: string }[] } }>(
    `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id employments { id } } }`,
    { token: hr1, variables: { input } },
  );
  const hiredId = expectOk(hired).hireEmployee.id;
  const employmentId = expectOk(hired).hireEmployee.employments[0]!.id;
  const started = Date.now();
  const update = await tp.query(
    `mutation($id: ID!) { updateEmployment(id: $id, input: { hoursPerWeek: "24" }) { hoursPerWeek } }`,
    { token: payroll1, variables: { id: employmentId } },
  );
  expectOk(update);
  return { hiredId, employmentId, started };
}

/** HR changes the hired employee's IBAN to `NEW_IBAN`. */
async function changeIban(hiredId: string) {
  const update = await tp.query(
    `mutation($id: ID!, $iban: String!) { updateEmployee(id: $id, input: { iban: $iban }) { iban } }`,
    { token: hr1, variables: { id: hiredId, iban: NEW_IBAN } },
  );
  expectOk(update);
}

describe('what the log holds', () => {
  beforeEach(() => tp.reset());
  afterAll(() => tp.reset());

  test('the seeded demo data starts with an empty log', async () => {
    expect((await logOf(hr1, { m: M1 })).totalCount).toBe(0);
  });

  test('calculating and approving a run: each status change with who, before and after', async () => {
    const started = Date.now();
    const { runId, status } = await calculateAndApprove();
    expect(status).toBe('APPROVED');

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
    const run = await tp.query<{ payrollRun: { auditLog: { edges: { node: { id: string; action: string } }[] } } }>(
      `query($id: ID!) { payrollRun(id: $id) { auditLog(first: 10) { totalCount edges { node { id action } } } } }`,
      { token: hr1, variables: { id: runId } },
    );
    expect(nodes(expectOk(run).payrollRun.auditLog)).toEqual(entries.map(({ id, action }) => ({ id, action })));
  });

  test('an HR change to an employment: who, when, the hours before and after', async () => {
    const { hiredId, employmentId, started } = await hireAndChangeHours();

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
    expect(sameAmount(String(json(entry!.before)?.hoursPerWeek))).toBe('32.00');
    expect(sameAmount(String(json(entry!.after)?.hoursPerWeek))).toBe('24.00');
    expect(json(entry!.after)).toMatchObject({ caoScale: 5, caoStep: 3, memberId: M1 });

    // The employee's own history: the hire and the change of their employment, newest first.
    const employee = await tp.query<{
      employee: { auditLog: { edges: { node: { action: string; entityId: string } }[] } };
    }>(
      `query($id: ID!) { employee(id: $id) { auditLog(first: 10) { totalCount edges { node { action entityId } } } } }`,
      { token: hr1, variables: { id: hiredId } },
    );
    expect(nodes(expectOk(employee).employee.auditLog)).toEqual([
      { action: 'UPDATE_EMPLOYMENT', entityId: employmentId },
      { action: 'HIRE', entityId: hiredId },
    ]);
  });

  test('no full BSN or IBAN anywhere in the log, only the masked forms', async () => {
    await calculateAndApprove();
    const { hiredId } = await hireAndChangeHours();
    await changeIban(hiredId);
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
    const seeded = await tp.query<{ employees: { edges: { node: { bsnFull: string; ibanFull: string } }[] } }>(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { bsnFull ibanFull } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    for (const node of nonEmpty(nodes(expectOk(seeded).employees))) {
      expect(everything).not.toContain(node.bsnFull);
      expect(everything).not.toContain(node.ibanFull);
    }
  });

  test("each member's log holds only its own changes", async () => {
    const { runId } = await calculateAndApprove();
    const { hiredId, employmentId } = await hireAndChangeHours();
    const m2Employment = await firstEmploymentOf(employeesOf(2)[0]!, hr2); // the seed's first employee of member 2
    const update = await tp.query(
      `mutation($id: ID!) { updateEmployment(id: $id, input: { functionTitle: "Chauffeur" }) { functionTitle } }`,
      { token: hr2, variables: { id: m2Employment } },
    );
    expectOk(update);

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
    const both = await payrollFor([M1, M2]);
    for (const m of [M1, M2]) expect((await ask(both, m)).errors).toBeUndefined();
  });

  test("another member's HR, and a payroll service not serving the member, get FORBIDDEN", async () => {
    for (const fields of ['totalCount', `edges { node { ${ENTRY} } }`]) {
      expectRefused(await ask(hr2, M1, fields), 'FORBIDDEN');
      expectRefused(await ask(payroll2, M1, fields), 'FORBIDDEN');
      expectRefused(await ask(payroll1, M2, fields), 'FORBIDDEN');
    }
  });

  test('nobody else: employees, member admins, the association, no token', async () => {
    const others = await Promise.all([
      employeeOf(M1, employeeId(1)),
      tokenOf('member-admin', M1),
      platformAdmin(),
      caoTeam(),
    ]);
    for (const token of others) expectRefused(await ask(token, M1), 'FORBIDDEN');
    expectRefused(await ask(undefined, M1), 'UNAUTHENTICATED');
  });

  test('an employee sees their own record but not its audit log', async () => {
    const me = await employeeOf(M1, employeeId(1));
    const res = await tp.query<{ employee: { id: string; auditLog: null } }>(
      `query($id: ID!) { employee(id: $id) { id auditLog(first: 5) { totalCount } } }`,
      { token: me, variables: { id: employeeId(1) } },
    );
    expect(res.data?.employee).toEqual({ id: employeeId(1), auditLog: null });
    expectRefused(res, 'FORBIDDEN');
  });
});

test('paging: newest first, every entry once, page by page', async () => {
  // Seven changes to one employment, one at a time, each a log entry.
  const id = await firstEmploymentOf(employeeId(2), hr1);
  for (let i = 1; i <= 7; i++) {
    const res = await tp.query(
      `mutation($id: ID!, $t: String!) { updateEmployment(id: $id, input: { functionTitle: $t }) { id } }`,
      { token: hr1, variables: { id, t: `Functie ${i}` } },
    );
    expectOk(res);
  }
  const {
    nodes: entries,
    totalCount,
    pages,
  } = await tp.allPages<Entry>(LOG, 'payrollAuditLog', {
    token: payroll1,
    variables: { m: M1, id, first: 3 },
  });
  expect(totalCount).toBe(7);
  expect(pages).toBe(3);
  expect(new Set(entries.map((n) => n.id)).size).toBe(7);
  expect(entries.map((n) => json(n.after)?.functionTitle)).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `Functie ${i}`));
  for (let i = 1; i < entries.length; i++) {
    expect(Date.parse(entries[i - 1]!.at)).toBeGreaterThanOrEqual(Date.parse(entries[i]!.at));
  }
  await tp.reset();
});
