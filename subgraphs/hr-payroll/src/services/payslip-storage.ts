import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { TransactionConnection } from '@samen-sterk/subgraph-runtime';
import { from as copyFrom } from 'pg-copy-streams';
import { Prisma } from '../generated/prisma/client';
import type { PayslipDraft } from './payroll-page';
import { PAYSLIP_COLUMNS } from './payslip-rows';
import { RUN_SIGNAL_CODES, type RunSignal } from '../domain/run-signals';

/**
 * Storing a calculated run's payslips and the back pay they pay, on the run's transaction.
 */

/** Payslips per INSERT statement when a run is stored (measured: 500 beats 250, 1000 and 2000). */
const PAYSLIPS_PER_INSERT = 500;

/**
 * For the run's transaction `tx` (once, before its first payslip): LZ4 compresses the large JSON
 * values several times faster than PostgreSQL's default (pglz) at about the same size; for this
 * transaction only, where the server has it (PGlite has not).
 */
export async function useFastCompression(tx: Prisma.TransactionClient) {
  await tx.$executeRawUnsafe(
    `SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings
     WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)`,
  );
}

/**
 * Inserts a page of a run's payslips (`insertWriter`), 500 a statement, each payslip ONE JSON parameter that the
 * statement takes apart: Prisma's createMany spent most of a 20,000-payslip run turning the
 * nested JSON into query arguments. Measured against it: a parameter per column (Prisma's cost
 * grows with the number of parameters) and one JSON document per slice (json_to_recordset:
 * PostgreSQL then parses every payslip twice). On the transaction `tx`, so the run stays whole;
 * one statement at a time. PGlite's way; on PostgreSQL COPY is faster (`copyPayslips`).
 */
export async function insertPayslips(
  tx: Prisma.TransactionClient,
  runId: string,
  memberId: string,
  rows: readonly string[],
) {
  for (let i = 0; i < rows.length; i += PAYSLIPS_PER_INSERT) {
    const slice = rows.slice(i, i + PAYSLIPS_PER_INSERT);
    await tx.$executeRawUnsafe(insertPayslipsSql(slice.length), runId, memberId, ...slice);
  }
}

/**
 * Stores a page of a run's payslips, in COPY's text format already (`copyWriter`, in the
 * calculation's thread), with COPY on the PostgreSQL connection of the run's transaction
 * (`transactionConnection`), so it is committed or rolled back with the run. COPY takes rows as
 * text and skips the statement's parameters: measured against the INSERT above in
 * BENCHMARKS.md. Nothing else may be sent on the connection until this resolves; on a failure the
 * COPY is abandoned (the server rolls the statement back) before this rejects.
 */
export async function copyPayslips(connection: TransactionConnection, blocks: readonly Uint8Array[]) {
  const stream = connection.query(copyFrom(`COPY payslip (${PAYSLIP_COLUMNS.join(', ')}) FROM STDIN`));
  const done = finished(stream);
  done.catch(() => {}); // awaited below; a failure while writing is seen there first
  try {
    for (const block of blocks) {
      for (let start = 0; start < block.length; start += COPY_WRITE_BYTES) {
        // Back-pressure: wait until the socket took it (rejects when the stream fails).
        if (!stream.write(block.subarray(start, start + COPY_WRITE_BYTES))) await once(stream, 'drain');
      }
    }
    stream.end();
  } catch (error) {
    stream.destroy(error as Error);
    await done.catch(() => {});
    throw error;
  }
  await done;
}

/** Bytes handed to the COPY stream at a time. */
const COPY_WRITE_BYTES = 1 << 20;

/** INSERT of `rows` payslips of one run: $1 the run, $2 the member, then one JSON parameter a payslip. */
function insertPayslipsSql(rows: number) {
  const tuples = Array.from({ length: rows }, (_, r) => `($${3 + r}::jsonb)`);
  return `INSERT INTO payslip (id, run_id, member_id, employee_id, employment_id, cao_version_id, cao_version_name,
      gross, taxable_wage, wage_tax, net, employer_costs, inputs, calculation, carry_over, compliant)
    SELECT p->>'id', $1, $2, p->>'employee_id', p->>'employment_id', p->>'cao_version_id', p->>'cao_version_name',
      (p->>'gross')::numeric, (p->>'taxable_wage')::numeric, (p->>'wage_tax')::numeric, (p->>'net')::numeric,
      (p->>'employer_costs')::numeric, (p->'inputs')::json, (p->'calculation')::json, p->'carry_over', (p->>'compliant')::boolean
    FROM (VALUES ${tuples.join(', ')}) AS payslips(p)`;
}

/**
 * Rows inserted with ONE JSON parameter that the statement takes apart (`json_to_recordset`),
 * `columns` naming each column and its SQL type (constants of this file, never input). Prisma's
 * createMany cost the run's thread 0.2 ms of CPU a row (2,000 signals: 400 ms against 13 ms this
 * way), and split large ones into statements sent at once on the transaction's one connection
 * (node-postgres warns "client.query() when the client is already executing a query"; pg 9
 * refuses). `ROWS_PER_INSERT` rows a statement.
 */
async function insertAsJson(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Readonly<Record<string, string>>,
  rows: readonly Record<string, unknown>[],
) {
  const names = Object.keys(columns);
  const sql =
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM json_to_recordset($1::json) ` +
    `AS r(${names.map((name) => `${name} ${columns[name]}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + ROWS_PER_INSERT)));
  }
}

/** Rows per statement of `insertAsJson` (a signal or correction is about 300 bytes of JSON). */
const ROWS_PER_INSERT = 5000;

const CORRECTION_COLUMNS = {
  id: 'text',
  payslip_id: 'text',
  run_id: 'text',
  member_id: 'text',
  employee_id: 'text',
  employment_id: 'text',
  period_year: 'int',
  period_month: 'int',
  corrected_payslip_id: 'text',
  paid_monthly: 'numeric',
  due_monthly: 'numeric',
  cao_version_id: 'text',
  cao_version_name: 'text',
  amount: 'numeric',
};

/** The back pay each payslip pays, a row per corrected month, so later runs know it is paid. */
export async function storeBackPay(
  tx: Prisma.TransactionClient,
  runId: string,
  memberId: string,
  drafts: readonly PayslipDraft[],
  payslipIds: readonly string[],
) {
  const rows = drafts.flatMap((d, i) =>
    (d.calculation.backPay?.periods ?? []).map((p) => ({
      id: randomUUID(),
      payslip_id: payslipIds[i]!,
      run_id: runId,
      member_id: memberId,
      employee_id: d.employeeId,
      employment_id: d.employmentId,
      period_year: p.year,
      period_month: p.month,
      corrected_payslip_id: p.correctedPayslipId,
      paid_monthly: p.paidMonthly,
      due_monthly: p.dueMonthly,
      cao_version_id: p.dueCaoVersionId,
      cao_version_name: p.dueCaoVersionName,
      amount: p.amount,
    })),
  );
  await insertAsJson(tx, 'payroll_correction', CORRECTION_COLUMNS, rows);
}

const SIGNAL_COLUMNS = {
  id: 'text',
  run_id: 'text',
  member_id: 'text',
  position: 'int',
  code: 'text',
  employee_id: 'text',
  employment_id: 'text',
  amount: 'numeric',
  message: 'text',
};

/**
 * Some of a run's signals, numbered on from `position` (the run's signals stored before them);
 * `orderSignals` puts the run's signals in their final order once all are stored.
 */
export async function storeSignals(
  tx: Prisma.TransactionClient,
  runId: string,
  memberId: string,
  signals: readonly RunSignal[],
  position: number,
) {
  const rows = signals.map((s, i) => ({
    id: randomUUID(),
    run_id: runId,
    member_id: memberId,
    position: position + i,
    code: s.code,
    employee_id: s.employeeId,
    employment_id: s.employmentId,
    amount: s.amount,
    message: s.message,
  }));
  await insertAsJson(tx, 'payroll_run_signal', SIGNAL_COLUMNS, rows);
}

/**
 * A run's signals by code (in the order of RUN_SIGNAL_CODES), then in the order found: stored
 * a page at a time in the order found, renumbered in one statement at the end.
 */
export async function orderSignals(tx: Prisma.TransactionClient, runId: string) {
  await tx.$executeRaw`
    UPDATE payroll_run_signal s SET position = o.position
    FROM (SELECT id, (row_number() OVER (
            ORDER BY array_position(ARRAY[${Prisma.join([...RUN_SIGNAL_CODES])}]::text[], code), position) - 1)::int AS position
          FROM payroll_run_signal WHERE run_id = ${runId}) o
    WHERE s.id = o.id AND s.position <> o.position`;
}
