import type { Prisma } from '../generated/prisma/client';
import type { PayslipDraft } from './payroll-runs';
import { RUN_SIGNAL_CODES, type RunSignal } from '../domain/run-signals';

/**
 * Storing a calculated run's payslips and the back pay they pay, on the run's transaction.
 */

/** Payslips per INSERT statement when a run is stored (measured: 500 beats 250, 1000 and 2000). */
const PAYSLIPS_PER_INSERT = 500;

/**
 * Inserts a run's payslips, a slice per statement, each payslip ONE JSON parameter that the
 * statement takes apart: Prisma's createMany spent most of a 20,000-payslip run turning the
 * nested JSON into query arguments. Measured against it: a parameter per column (Prisma's cost
 * grows with the number of parameters) and one JSON document per slice (json_to_recordset:
 * PostgreSQL then parses every payslip twice). On the transaction `tx`, so the run stays whole.
 */
export async function insertPayslips(
  tx: Prisma.TransactionClient,
  runId: string,
  memberId: string,
  drafts: PayslipDraft[],
  ids: string[],
) {
  // LZ4 compresses the large JSON values several times faster than PostgreSQL's default (pglz) at
  // about the same size; for this transaction only, where the server has it (PGlite has not).
  await tx.$executeRawUnsafe(
    `SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings
     WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)`,
  );
  // The next slice's parameters are built while the database stores the previous one (its own process).
  let storing: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < drafts.length; i += PAYSLIPS_PER_INSERT) {
    const slice = drafts.slice(i, i + PAYSLIPS_PER_INSERT);
    const values: string[] = [runId, memberId];
    slice.forEach((d, j) => {
      const c = d.calculation;
      values.push(
        JSON.stringify({
          id: ids[i + j],
          employee_id: d.employeeId,
          employment_id: d.employmentId,
          cao_version_id: c.cao.versionId,
          cao_version_name: c.cao.versionName,
          gross: c.grossWage,
          taxable_wage: c.taxableWage.total,
          wage_tax: c.wageTax.total,
          net: c.netPay,
          employer_costs: c.employerCostsTotal,
          compliant: c.compliant,
          inputs: d.input,
          calculation: c,
        }),
      );
    });
    await storing;
    storing = Promise.resolve(tx.$executeRawUnsafe(insertPayslipsSql(slice.length), ...values));
    // Awaited with the next slice; until then a failure must not count as an unhandled rejection.
    storing.catch(() => {});
    // Let the statement reach the database before the next slice's JSON blocks this thread.
    await new Promise((sent) => setImmediate(sent));
  }
  await storing;
}

/** INSERT of `rows` payslips of one run: $1 the run, $2 the member, then one JSON parameter a payslip. */
function insertPayslipsSql(rows: number) {
  const tuples = Array.from({ length: rows }, (_, r) => `($${3 + r}::jsonb)`);
  return `INSERT INTO payslip (id, run_id, member_id, employee_id, employment_id, cao_version_id, cao_version_name,
      gross, taxable_wage, wage_tax, net, employer_costs, inputs, calculation, compliant)
    SELECT p->>'id', $1, $2, p->>'employee_id', p->>'employment_id', p->>'cao_version_id', p->>'cao_version_name',
      (p->>'gross')::numeric, (p->>'taxable_wage')::numeric, (p->>'wage_tax')::numeric, (p->>'net')::numeric,
      (p->>'employer_costs')::numeric, p->'inputs', p->'calculation', (p->>'compliant')::boolean
    FROM (VALUES ${tuples.join(', ')}) AS payslips(p)`;
}

/** The back pay each payslip pays, a row per corrected month, so later runs know it is paid. */
export async function storeBackPay(
  tx: Prisma.TransactionClient,
  runId: string,
  memberId: string,
  drafts: PayslipDraft[],
  payslipIds: string[],
) {
  if (!drafts.some((d) => d.calculation.backPay)) return;
  await tx.payrollCorrection.createMany({
    data: drafts.flatMap((d, i) =>
      (d.calculation.backPay?.periods ?? []).map((p) => ({
        payslipId: payslipIds[i]!,
        runId,
        memberId,
        employeeId: d.employeeId,
        employmentId: d.employmentId,
        periodYear: p.year,
        periodMonth: p.month,
        correctedPayslipId: p.correctedPayslipId,
        paidMonthly: p.paidMonthly,
        dueMonthly: p.dueMonthly,
        caoVersionId: p.dueCaoVersionId,
        caoVersionName: p.dueCaoVersionName,
        amount: p.amount,
      })),
    ),
  });
}

/** Signal rows per INSERT: well under PostgreSQL's 65,535 parameters at eight columns a row. */
const SIGNALS_PER_INSERT = 5000;

/** A run's signals, by code (in the order of RUN_SIGNAL_CODES), then in the order found. */
export async function storeSignals(
  tx: Prisma.TransactionClient,
  runId: string,
  memberId: string,
  signals: RunSignal[],
) {
  const ordered = RUN_SIGNAL_CODES.flatMap((code) => signals.filter((s) => s.code === code));
  for (let i = 0; i < ordered.length; i += SIGNALS_PER_INSERT) {
    await tx.payrollRunSignal.createMany({
      data: ordered.slice(i, i + SIGNALS_PER_INSERT).map((s, j) => ({ runId, memberId, position: i + j, ...s })),
    });
  }
}
