import { runInThisContext } from 'node:vm';
import { hrOf, payrollFor } from './testkit/actors';
import { expectOk, expectRefused } from './testkit/expect';
import { M10 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';

// A run larger than the page the payroll service reads, calculates and stores at a time
// (2,000 employments): every employment paid once, the run's signals and audit entry count all
// of them, a failure on a later page leaves nothing behind, and on PostgreSQL nothing is sent
// on the run's connection while it is still busy (node-postgres warns; pg 9 refuses).
const tp = usePlatform({ resetAfterAll: true });
const EMPLOYEES = 2_500;
const onPostgres = !!process.env.HR_PAYROLL_DATABASE_URL;

let payroll: string;
let hr: string;

/** M10 has no seeded employees: EMPLOYEES of them, one in twenty a step behind. */
beforeAll(async () => {
  payroll = await payrollFor(M10, { sub: 'payroll-clerk' });
  hr = await hrOf(M10, 'hr-officer');
  const db = tp.platform.subgraphs['hr-payroll']!.database.prisma as any;
  await db.memberPayrollSettings.upsert({
    where: { memberId: M10 },
    create: { memberId: M10, pensionEmployeePercent: '7.50', pensionEmployerPercent: '10.50' },
    update: {},
  });
  for (let from = 0; from < EMPLOYEES; from += 500) {
    const employees = Array.from({ length: Math.min(500, EMPLOYEES - from) }, (_, i) => {
      const k = from + i;
      return {
        id: `61000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
        memberId: M10,
        firstName: 'Page',
        lastName: `Employee ${k}`,
        birthDate: new Date(Date.UTC(1970 + (k % 40), k % 12, 1 + (k % 28))),
        bsn: String(200000000 + k),
        iban: 'NL91ABNA0417164300',
        street: 'Industrieweg',
        houseNumber: String(1 + (k % 200)),
        postcode: '8000 AA',
        city: 'Zwolle',
      };
    });
    await db.employee.createMany({ data: employees });
    await db.employment.createMany({
      data: employees.map((e, i) => {
        const k = from + i;
        return {
          employeeId: e.id,
          memberId: M10,
          startDate: new Date(Date.UTC(2020, k % 12, 1)),
          contractType: k % 4 === 0 ? 'FIXED_TERM' : 'PERMANENT',
          functionTitle: 'Winkelmedewerker',
          caoScale: 2 + (k % 6),
          caoStep: k % 5,
          stepSince: new Date(Date.UTC((k % 12 <= 2 ? 2026 : 2025) - (k % 20 === 0 ? 1 : 0), k % 12, 1)),
          hoursPerWeek: ['24', '32', '38'][k % 3],
          applyTaxCredit: true,
        };
      }),
    });
  }
}, 120_000);

const CALCULATE = `mutation($m: ID!, $y: Int!, $mo: Int!) {
  calculatePayrollRun(memberId: $m, year: $y, month: $mo) {
    id status payslips(first: 1) { totalCount } signals(first: 1) { totalCount }
  }
}`;
const calculate = (year: number, month: number) =>
  tp.query<{
    calculatePayrollRun: {
      id: string;
      status: string;
      payslips: { totalCount: number };
      signals: { totalCount: number };
    };
  }>(CALCULATE, { token: payroll, variables: { m: M10, y: year, mo: month } });

/**
 * Statements sent on a node-postgres connection while it is still busy with another: pg queues
 * them, warns from the third at once ("client.query() when the client is already executing a
 * query"), and refuses them from pg 9. Both are watched: the warning on Node's own process (Jest
 * gives each test file a process object of its own, which never hears Node's warnings), and every
 * statement the platform's pg sends, whether its connection was idle.
 */
function overlappingQueries() {
  const nodeProcess = runInThisContext('process') as NodeJS.Process;
  const seen: string[] = [];
  const listener = (warning: Error) => {
    if (/already executing a query/.test(warning.message)) seen.push(warning.message);
  };
  nodeProcess.on('warning', listener);
  // The pg the runtime uses (this file's module registry, like the platform it started).
  const { Client } = require(require.resolve('pg', { paths: [require.resolve('@samen-sterk/subgraph-runtime')] }));
  const query = Client.prototype.query;
  Client.prototype.query = function (this: { _activeQuery: unknown; _queryQueue: unknown[] }, ...args: unknown[]) {
    if (this._activeQuery != null || this._queryQueue.length > 0) seen.push('a statement sent on a busy connection');
    return query.apply(this, args);
  };
  return {
    seen,
    stop: () => {
      nodeProcess.off('warning', listener);
      Client.prototype.query = query;
    },
  };
}

test('a run over several pages pays every employment once and counts them all; recalculated, it replaces them', async () => {
  const warnings = overlappingQueries();
  try {
    const run = expectOk(await calculate(2026, 3)).calculatePayrollRun;
    expect(run.status).toBe('CALCULATED');
    expect(run.payslips.totalCount).toBe(EMPLOYEES);
    // One in twenty is a step behind (stepSince a year back).
    expect(run.signals.totalCount).toBe(EMPLOYEES / 20);
    const again = expectOk(await calculate(2026, 3)).calculatePayrollRun;
    expect(again.id).toBe(run.id);
    expect(again.payslips.totalCount).toBe(EMPLOYEES);
    expect(again.signals.totalCount).toBe(EMPLOYEES / 20);

    const db = tp.platform.subgraphs['hr-payroll']!.database.prisma as any;
    const perEmployment = await db.$queryRaw`
      SELECT count(*)::int AS slips, count(DISTINCT employment_id)::int AS employments,
             sum(net)::text AS net, sum((calculation ->> 'netPay')::numeric)::text AS "netInCalculation"
      FROM payslip WHERE run_id = ${run.id}`;
    expect(perEmployment[0].slips).toBe(EMPLOYEES);
    expect(perEmployment[0].employments).toBe(EMPLOYEES);
    // The net pay column is the calculation's, to the cent.
    expect(perEmployment[0].net).toBe(perEmployment[0].netInCalculation);
    // Signals numbered 0… in order, whatever page found them.
    const positions = await db.$queryRaw`
      SELECT min(position)::int AS first, max(position)::int AS last, count(DISTINCT position)::int AS distinct
      FROM payroll_run_signal WHERE run_id = ${run.id}`;
    expect(positions[0]).toEqual({ first: 0, last: EMPLOYEES / 20 - 1, distinct: EMPLOYEES / 20 });
    const audit = await db.auditLogEntry.findMany({
      where: { entityId: run.id },
      orderBy: [{ at: 'asc' }, { action: 'asc' }],
    });
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual([
      'CALCULATE_PAYROLL_RUN',
      'RECALCULATE_PAYROLL_RUN',
    ]);
    expect(audit[1].after).toMatchObject({ payslips: EMPLOYEES, signals: EMPLOYEES / 20 });
  } finally {
    warnings.stop();
  }
  // On PGlite there is no connection pool to share: the run must only work.
  if (onPostgres) expect(warnings.seen).toEqual([]);
});

test('a payslip that cannot be calculated on a later page leaves the calculated run as it was', async () => {
  const db = tp.platform.subgraphs['hr-payroll']!.database.prisma as any;
  const before = expectOk(await calculate(2026, 4)).calculatePayrollRun;
  const stored = await db.payslip.count({ where: { runId: before.id } });
  // The last employee (the last page) gets an employment that ends before it starts: no day in the month.
  const lastEmployee = `61000000-0000-4000-8000-${String(EMPLOYEES - 1).padStart(12, '0')}`;
  const broken = await db.employment.create({
    data: {
      employeeId: lastEmployee,
      memberId: M10,
      startDate: new Date(Date.UTC(2026, 3, 20)),
      endDate: new Date(Date.UTC(2026, 3, 10)),
      contractType: 'PERMANENT',
      functionTitle: 'Winkelmedewerker',
      caoScale: 3,
      caoStep: 1,
      hoursPerWeek: '24',
    },
  });
  try {
    const res = await calculate(2026, 4);
    expectRefused(res, 'BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Page Employee 2499/);
    expect(await db.payslip.count({ where: { runId: before.id } })).toBe(stored);
    const runs = await tp.query<{ payrollRuns: { totalCount: number } }>(
      `query($m: ID!) { payrollRuns(memberId: $m, first: 5) { totalCount } }`,
      { token: hr, variables: { m: M10 } },
    );
    expect(expectOk(runs).payrollRuns.totalCount).toBe(2);
    const audit = await db.auditLogEntry.count({ where: { entityId: before.id } });
    expect(audit).toBe(1);
  } finally {
    await db.employment.delete({ where: { id: broken.id } });
  }
});
