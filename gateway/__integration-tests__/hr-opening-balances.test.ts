import { hrOf, payrollFor } from './testkit/actors';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1, M10 } from './testkit/ids';
import { cents, formatCents } from './testkit/money';
import { approveAndPay, calculateRun } from './testkit/payroll';
import { bsnSequence, hireInputFor } from './testkit/people';
import { brokenBsn, HIRE } from './testkit/employees';
import { usePlatform } from './testkit/use-platform';

// A member moves its payroll onto the platform in the middle of a year (issue 10, rule 4): its
// former system paid up to 30 September 2025, the platform pays from October. HR enters each
// employee's opening balances (one by the mutation, the rest from a CSV file), the payroll service
// runs October 2025 to May 2026, and May pays the holiday allowance of the whole accrual year
// June–May: the months before the platform included, taxed at last year's wage over all of 2025.
const tp = usePlatform();
const MEMBER = M10;
const nextBsn = bsnSequence(61_000_000);
let hr: string;
let clerk: string;
let noor: { id: string; bsn: string };
let sem: { id: string; bsn: string };

const SET = `mutation($e: ID!, $input: OpeningBalancesInput!) { setOpeningBalances(employeeId: $e, input: $input) {
  employeeId asOf holidayAllowanceAccrued holidayAllowanceAccruedOnWages previousYearAnnualWage
  yearToDate { grossWage taxableWage wageTax premiumWage employeePension netPay } } }`;
const REMOVE = `mutation($e: ID!) { removeOpeningBalances(employeeId: $e) }`;
const IMPORT = `mutation($m: ID!, $csv: String!, $dry: Boolean) { importOpeningBalances(memberId: $m, csv: $csv, dryRun: $dry) {
  applied dryRun rows accepted refused { line column message } } }`;
const BALANCES = `query($id: ID!) { employee(id: $id) { openingBalances { asOf holidayAllowanceAccrued yearToDate { taxableWage } } } }`;
const SLIPS = `query($e: ID!) { payslips(employeeId: $e, first: 20) { edges { node {
  period gross holidayAllowanceReserved holidayAllowancePaid wageTax yearToDate inputs warnings explanation
  lines { code description base rate amount } } } } }`;

interface Slip {
  period: string;
  gross: string;
  holidayAllowanceReserved: string;
  holidayAllowancePaid: string;
  wageTax: string;
  yearToDate: string;
  inputs: string;
  warnings: string[];
  explanation: string[];
  lines: { code: string; description: string; base: string | null; rate: string | null; amount: string }[];
}
interface ImportReport {
  importOpeningBalances: {
    applied: boolean;
    dryRun: boolean;
    rows: number;
    accepted: number;
    refused: { line: number; column: string | null; message: string }[];
  };
}

/** Noor's figures from the former system, as of 30 September 2025. */
const NOOR = {
  asOf: '2025-09-30',
  holidayAllowanceAccrued: '1575.36',
  holidayAllowanceAccruedOnWages: '19692.00',
  previousYearAnnualWage: '31000.00',
  yearToDate: {
    grossWage: '21600.00',
    taxableWage: '20196.00',
    wageTax: '2250.00',
    premiumWage: '20196.00',
    employeePension: '1404.00',
    netPay: '17946.00',
  },
};

const hire = async (firstName: string) => {
  const bsn = nextBsn();
  const input = hireInputFor(
    MEMBER,
    bsn,
    { firstName },
    { startDate: '2024-01-01', hoursPerWeek: '38', applyTaxCredit: true },
  );
  const { hireEmployee } = expectOk(
    await tp.query<{ hireEmployee: { id: string } }>(HIRE, { token: hr, variables: { input } }),
  );
  return { id: hireEmployee.id, bsn };
};
const slipsOf = async (employeeId: string) =>
  nodes(
    expectOk(
      await tp.query<{ payslips: { edges: { node: Slip }[] } }>(SLIPS, { token: hr, variables: { e: employeeId } }),
    ).payslips,
  );
const slipOf = async (employeeId: string, period: string) =>
  (await slipsOf(employeeId)).find((s) => s.period === period)!;
const ytd = (slip: Slip) => JSON.parse(slip.yearToDate) as Record<string, string>;
const hrDb = () => tp.platform.subgraphs['hr-payroll']!.database;

beforeAll(async () => {
  hr = await hrOf(MEMBER, 'hr-move');
  clerk = await payrollFor(MEMBER, { sub: 'clerk-move' });
  expectOk(
    await tp.query(
      `mutation($m: ID!, $input: PayrollSettingsInput!) { setPayrollSettings(memberId: $m, input: $input) { employer { id } } }`,
      {
        token: hr,
        variables: {
          m: MEMBER,
          input: { pensionEmployeePercent: '6.5', pensionEmployerPercent: '13.5', aofSmallEmployer: false },
        },
      },
    ),
  );
  noor = await hire('Noor');
  sem = await hire('Sem');
});

describe('entering the balances', () => {
  it("HR sets an employee's balances, reads them back, and may correct them until the first payslip is paid", async () => {
    const set = expectOk(
      await tp.query<{ setOpeningBalances: typeof NOOR }>(SET, { token: hr, variables: { e: noor.id, input: NOOR } }),
    );
    expect(set.setOpeningBalances).toMatchObject({ ...NOOR, yearToDate: { ...NOOR.yearToDate } });
    const changed = { ...NOOR, previousYearAnnualWage: '30000.00' };
    expectOk(await tp.query(SET, { token: hr, variables: { e: noor.id, input: changed } }));
    expectOk(await tp.query(SET, { token: hr, variables: { e: noor.id, input: NOOR } }));
    const log = expectOk(
      await tp.query<{ employee: { auditLog: { edges: { node: { action: string; entityType: string } }[] } } }>(
        `query($id: ID!) { employee(id: $id) { auditLog(first: 10) { edges { node { action entityType } } } } }`,
        { token: hr, variables: { id: noor.id } },
      ),
    );
    const balanceChanges = nodes(log.employee.auditLog).filter((n) => n.entityType === 'OpeningBalance');
    expect(balanceChanges.map((n) => n.action)).toEqual([
      'CHANGE_OPENING_BALANCES',
      'CHANGE_OPENING_BALANCES',
      'SET_OPENING_BALANCES',
    ]);
  });

  it('refuses, changing nothing: a day that is not a month end, a day to come, wage tax above the wage', async () => {
    for (const [input, field] of [
      [{ ...NOOR, asOf: '2025-09-15' }, 'input.asOf'],
      [{ ...NOOR, asOf: '2099-12-31', yearToDate: {} }, 'input.asOf'],
      [{ ...NOOR, yearToDate: { taxableWage: '100.00', wageTax: '100.01' } }, 'input.yearToDate.wageTax'],
      [{ ...NOOR, holidayAllowanceAccrued: '-1.00' }, 'input.holidayAllowanceAccrued'],
    ] as const) {
      await expectRefusedWithoutWrites(
        hrDb(),
        () => tp.query(SET, { token: hr, variables: { e: noor.id, input } }),
        'BAD_USER_INPUT',
        field,
      );
    }
  });

  it("another member's HR finds no such employee and cannot import for this member", async () => {
    const other = await hrOf(M1, 'hr-other-move');
    expectRefused(await tp.query(SET, { token: other, variables: { e: noor.id, input: NOOR } }), 'NOT_FOUND');
    expectRefused(await tp.query(REMOVE, { token: other, variables: { e: noor.id } }), 'NOT_FOUND');
    expectRefused(await tp.query(IMPORT, { token: other, variables: { m: MEMBER, csv: 'bsn;asOf\n' } }), 'FORBIDDEN');
  });

  it('a CSV import with a refused row stores nothing and says which line and column', async () => {
    const csv = [
      'bsn;asOf;holidayAllowanceAccrued;previousYearAnnualWage;grossWage;taxableWage;wageTax',
      `${sem.bsn};30-09-2025;1575,36;31000,00;21600,00;20196,00;2250,00`,
      `${nextBsn()};30-09-2025;1,00;;;;`,
      `${brokenBsn(sem.bsn)};2025-09-31;12,3,4;;;;`,
    ].join('\n');
    const report = expectOk(
      await tp.query<ImportReport>(IMPORT, { token: hr, variables: { m: MEMBER, csv } }),
    ).importOpeningBalances;
    expect(report).toMatchObject({ applied: false, dryRun: false, rows: 3, accepted: 1 });
    expect(report.refused).toEqual([
      { line: 3, column: 'bsn', message: 'No employee of this member has this BSN.' },
      { line: 4, column: 'bsn', message: expect.stringMatching(/not a valid BSN/) },
      { line: 4, column: 'asOf', message: expect.stringMatching(/must be a date/) },
      { line: 4, column: 'holidayAllowanceAccrued', message: expect.stringMatching(/not an amount/) },
    ]);
    // Nothing of the file is stored, Sem's valid row neither; the report never repeats a BSN.
    expect(JSON.stringify(report)).not.toContain(sem.bsn.slice(0, 8));
    const read = expectOk(
      await tp.query<{ employee: { openingBalances: null } }>(BALANCES, { token: hr, variables: { id: sem.id } }),
    );
    expect(read.employee.openingBalances).toBeNull();
  });

  it('a file that is not CSV of balances is refused on `csv`', async () => {
    expectRefused(
      await tp.query(IMPORT, { token: hr, variables: { m: MEMBER, csv: 'name;salary\nx;1' } }),
      'BAD_USER_INPUT',
      'csv',
    );
    expectRefused(
      await tp.query(IMPORT, { token: hr, variables: { m: MEMBER, csv: 'bsn,asOf\n"123,2025-09-30' } }),
      'BAD_USER_INPUT',
      'csv',
    );
  });

  it('reads a whole staff in one file, past the 10,000 characters of other text arguments', async () => {
    const rows = Array.from(
      { length: 300 },
      () => `${nextBsn()};30-09-2025;1575,36;31000,00;21600,00;20196,00;2250,00`,
    );
    const csv = ['bsn;asOf;holidayAllowanceAccrued;previousYearAnnualWage;grossWage;taxableWage;wageTax', ...rows].join(
      '\r\n',
    );
    expect(csv.length).toBeGreaterThan(10_000);
    const report = expectOk(
      await tp.query<ImportReport>(IMPORT, { token: hr, variables: { m: MEMBER, csv, dry: true } }),
    ).importOpeningBalances;
    // None of these people works here: every row refused, by its own line.
    expect(report).toMatchObject({ applied: false, rows: 300, accepted: 0 });
    expect(report.refused.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
  });

  it('a dry run reports, the import stores the whole file, audited', async () => {
    const csv = `bsn;asOf;holidayAllowanceAccrued;previousYearAnnualWage;grossWage;taxableWage;wageTax;premiumWage\n${sem.bsn};30-09-2025;1575,36;31000,00;21600,00;20196,00;2250,00;20196,00\n`;
    const dry = expectOk(await tp.query<ImportReport>(IMPORT, { token: hr, variables: { m: MEMBER, csv, dry: true } }));
    expect(dry.importOpeningBalances).toEqual({ applied: false, dryRun: true, rows: 1, accepted: 1, refused: [] });
    const done = expectOk(await tp.query<ImportReport>(IMPORT, { token: hr, variables: { m: MEMBER, csv } }));
    expect(done.importOpeningBalances).toMatchObject({ applied: true, rows: 1, accepted: 1, refused: [] });
    const read = expectOk(
      await tp.query<{
        employee: {
          openingBalances: { asOf: string; holidayAllowanceAccrued: string; yearToDate: { taxableWage: string } };
        };
      }>(BALANCES, { token: hr, variables: { id: sem.id } }),
    );
    expect(read.employee.openingBalances).toEqual({
      asOf: '2025-09-30',
      holidayAllowanceAccrued: '1575.36',
      yearToDate: { taxableWage: '20196.00' },
    });
  });
});

describe('the months paid here, October 2025 to May 2026', () => {
  const months = [
    [2025, 10],
    [2025, 11],
    [2025, 12],
    [2026, 1],
    [2026, 2],
    [2026, 3],
    [2026, 4],
    [2026, 5],
  ] as const;

  it('September, paid by the former system, is not paid here again', async () => {
    const run = await calculateRun(tp, clerk, MEMBER, 2025, 9);
    expect(run.slips.map((s) => s.employeeId)).not.toContain(noor.id);
    expect(run.slips.map((s) => s.employeeId)).not.toContain(sem.id);
  });

  it('a run calculated before the balances changed cannot be approved until recalculated', async () => {
    const run = await calculateRun(tp, clerk, MEMBER, 2025, 10);
    expectOk(await tp.query(SET, { token: hr, variables: { e: noor.id, input: NOOR } }));
    expectRefused(
      await tp.query(`mutation($id: ID!) { approvePayrollRun(id: $id) { status } }`, {
        token: hr,
        variables: { id: run.id },
      }),
      'CONFLICT',
    );
  });

  it('runs each month; the first carries the year to date on, and the balances are frozen from then on', async () => {
    for (const [year, month] of months) {
      const run = await calculateRun(tp, clerk, MEMBER, year, month);
      expect(run.slips.map((s) => s.employeeId).sort()).toEqual([noor.id, sem.id].sort());
      await approveAndPay(tp, run.id, hr);
    }
    const october = await slipOf(noor.id, '2025-10');
    expect(october.explanation[0]).toMatch(/First month paid here: .*as of 2025-09-30/);
    // The year to date after October = the former system's January–September + October.
    expect(ytd(october).taxableWage).toBe(formatCents(cents(NOOR.yearToDate.taxableWage) + cents(taxableOf(october))));
    expect(ytd(october).grossWage).toBe(formatCents(cents(NOOR.yearToDate.grossWage) + cents(october.gross)));
    expect(ytd(october).wageTax).toBe(formatCents(cents(NOOR.yearToDate.wageTax) + cents(october.wageTax)));
    expectRefused(await tp.query(SET, { token: hr, variables: { e: noor.id, input: NOOR } }), 'CONFLICT');
    expectRefused(await tp.query(REMOVE, { token: hr, variables: { e: noor.id } }), 'CONFLICT');
  });

  it('May pays the holiday allowance of June 2025–May 2026, the months before the platform included', async () => {
    const slips = nonEmpty(await slipsOf(noor.id));
    const may = slips.find((s) => s.period === '2026-05')!;
    const reservedHere = slips.reduce((sum, s) => sum + cents(s.holidayAllowanceReserved), 0n);
    // 1,575.36 from the former system (June–September) + every month's reservation here.
    expect(may.holidayAllowancePaid).toBe(formatCents(cents(NOOR.holidayAllowanceAccrued) + reservedHere));
    const paid = may.lines.find((l) => l.code === 'HOLIDAY_ALLOWANCE_PAID')!;
    expect(paid.description).toMatch(/1575\.36 of it accrued before the platform/);
    const wagesHere = slips.reduce((sum, s) => sum + cents(s.gross), 0n);
    expect(paid.base).toBe(formatCents(cents(NOOR.holidayAllowanceAccruedOnWages) + wagesHere));
    // Taxed at the row of 2025's wage: the former system's nine months and the three paid here
    // are the whole year, as the December payslip's taxable wage to date holds it.
    const december = slips.find((s) => s.period === '2025-12')!;
    const inputs = JSON.parse(may.inputs) as { previousYearAnnualWage: string; previousYearAnnualWageBasis: string };
    expect(inputs.previousYearAnnualWage).toBe(ytd(december).taxableWage);
    expect(inputs.previousYearAnnualWageBasis).toMatch(/a whole year/);
  });

  it('the CSV-imported employee gets the same: accrued before the platform paid in May', async () => {
    const slips = nonEmpty(await slipsOf(sem.id));
    const may = slips.find((s) => s.period === '2026-05')!;
    const reservedHere = slips.reduce((sum, s) => sum + cents(s.holidayAllowanceReserved), 0n);
    expect(may.holidayAllowancePaid).toBe(formatCents(cents('1575.36') + reservedHere));
    // No wages entered for the accrued allowance: the payout shows no base rather than a wrong one.
    expect(may.lines.find((l) => l.code === 'HOLIDAY_ALLOWANCE_PAID')!.base).toBeNull();
  });
});

/** A payslip's taxable wage this month (its TAXABLE_WAGE line). */
const taxableOf = (slip: Slip) => slip.lines.find((l) => l.code === 'TAXABLE_WAGE')!.amount;
