import { randomUUID } from 'node:crypto';
import type { PayrollInput } from '../domain/payroll/types';
import type { StoredCalculation } from './explanation';

/**
 * A page of calculated payslips written as the payslip table takes them, without the database:
 * COPY's text format (PostgreSQL) or one JSON document a row (the INSERT of PGlite). Pure, so that
 * it runs in the calculation's worker thread and only bytes or strings come back.
 */

export const PAYSLIP_COLUMNS = [
  'id',
  'run_id',
  'member_id',
  'employee_id',
  'employment_id',
  'cao_version_id',
  'cao_version_name',
  'gross',
  'taxable_wage',
  'wage_tax',
  'net',
  'employer_costs',
  'inputs',
  'calculation',
  'carry_over',
  'compliant',
] as const;

/** A calculated payslip as stored. */
export interface PayslipToStore {
  employeeId: string;
  employmentId: string;
  input: PayrollInput;
  calculation: StoredCalculation;
}

/**
 * What later runs read of a payslip (payroll-page.ts, annual-wage-figures.ts), copied out of its
 * inputs and calculation into a small column: reading these from the whole payslips (json, about
 * 6 KB each) would parse every one of them, twelve a year per employee.
 */
export interface CarryOver {
  yearToDateAfter: StoredCalculation['yearToDateAfter'];
  accrualAfter: StoredCalculation['holidayAllowance']['accrualAfter'];
  daysEmployed: number;
  daysInMonth: number;
  /** The wage figures a new employee's annual wage is estimated from (annual-wage.ts). */
  monthly: string;
  pensionEmployeePercent: string;
  holidayAllowancePercent: string;
}

export function carryOverOf(input: PayrollInput, c: StoredCalculation): CarryOver {
  return {
    yearToDateAfter: c.yearToDateAfter,
    accrualAfter: c.holidayAllowance.accrualAfter,
    daysEmployed: c.period.daysEmployed,
    daysInMonth: c.period.daysInMonth,
    monthly: input.caoWage.monthly,
    pensionEmployeePercent: input.settings.pensionEmployeePercent,
    holidayAllowancePercent: input.caoWage.holidayAllowancePercent,
  };
}

/** A payslip's row as the payslip table takes it (the JSON columns as objects): what the INSERT stores, and what COPY's lines must equal. */
export function payslipRow(runId: string, memberId: string, p: PayslipToStore, id: string) {
  const c = p.calculation;
  return {
    id,
    run_id: runId,
    member_id: memberId,
    employee_id: p.employeeId,
    employment_id: p.employmentId,
    cao_version_id: c.cao.versionId,
    cao_version_name: c.cao.versionName,
    gross: c.grossWage,
    taxable_wage: c.taxableWage.total,
    wage_tax: c.wageTax.total,
    net: c.netPay,
    employer_costs: c.employerCostsTotal,
    inputs: p.input,
    calculation: c,
    carry_over: carryOverOf(p.input, c),
    compliant: c.compliant,
  };
}

/**
 * A value in COPY's text format: backslash, tab, newline and carriage return escaped. JSON text
 * holds none of the last three outside its own escapes, so a JSON value needs only its
 * backslashes doubled, and most have none.
 */
const SPECIAL = /[\\\t\n\r]/;
export function copyText(value: string | boolean | object | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') {
    const json = JSON.stringify(value);
    return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
  }
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Bytes of a buffer rows are written into, encoded once (a stream of small strings cost more than building the rows). */
const BLOCK_BYTES = 1 << 20;

/** Where a page's payslips are written as rows, one at a time, in the order they are calculated. */
export interface RowWriter {
  add(payslip: PayslipToStore, id: string): void;
  /** The rows written: COPY's blocks or INSERT's documents. */
  rows(): { copy: Uint8Array[] } | { insert: string[] };
}

/**
 * A writer of payslips in COPY's text format, every column of PAYSLIP_COLUMNS, a line each, in
 * blocks of about a megabyte that are each their own memory: they are moved to the service's
 * thread and written to COPY as they are (joining them into one buffer copied every byte once
 * more). A payslip is written as soon as it is calculated, so that its calculation is garbage
 * while still young (held until the page's end, a page's calculations outgrew the young
 * generation and were collected with the old).
 */
export function copyWriter(runId: string, memberId: string): RowWriter {
  const blocks: Uint8Array[] = [];
  let block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
  let used = 0;
  return {
    add(payslip, id) {
      const row = payslipRow(runId, memberId, payslip, id);
      const line = PAYSLIP_COLUMNS.map((column) => copyText(row[column])).join('\t') + '\n';
      // At most three bytes of UTF-8 a UTF-16 unit: a row goes whole into a block.
      if (used + line.length * 3 > block.length) {
        if (used > 0) blocks.push(block.subarray(0, used));
        block = Buffer.allocUnsafeSlow(Math.max(BLOCK_BYTES, line.length * 3));
        used = 0;
      }
      used += block.write(line, used);
    },
    rows() {
      if (used > 0) blocks.push(block.subarray(0, used));
      used = 0;
      return { copy: blocks };
    },
  };
}

/** A writer of payslips as the INSERT takes them: a JSON document a row, without the run and member (its parameters). */
export function insertWriter(runId: string, memberId: string): RowWriter {
  const documents: string[] = [];
  return {
    add(payslip, id) {
      const { run_id: _run, member_id: _member, ...row } = payslipRow(runId, memberId, payslip, id);
      documents.push(JSON.stringify(row));
    },
    rows: () => ({ insert: documents }),
  };
}

/** New payslip ids, one a payslip. */
export const payslipIds = (count: number) => Array.from({ length: count }, () => randomUUID());
