import {
  BadUserInputError,
  exact,
  normaliseBsn,
  parseCalendarDate,
  recordChanges,
} from '@samen-sterk/subgraph-runtime';
import { CsvError, parse } from 'csv-parse/sync';
import type { HrContext } from '../builder';
import {
  OPENING_YEAR_TO_DATE_FIELDS,
  type OpeningBalanceFigures,
  type OpeningYearToDateField,
} from '../domain/payroll/opening-balances';
import type { Exact } from '@samen-sterk/subgraph-runtime/pure';
import { actorOf } from './audit-log';
import { columnsOf, problemsOf } from './opening-balances';

/*
 * The opening balances of a whole member from one CSV file (README rule 11): validated row by row
 * by the same rules as `setOpeningBalances`, and stored all or nothing: one refused row and
 * nothing is stored, and the report says which rows and columns were refused and why. Rows never
 * echo a BSN or a name back: a report names a line and a column.
 *
 * The file: a header with the column names (any case), then one row per employee; `,` or `;`
 * between cells (the header decides). The employee by `employeeId` or by `bsn`; `asOf` as
 * YYYY-MM-DD or DD-MM-YYYY; amounts with a decimal point or comma and no thousands separators
 * ("1234.56", "1234,56"); an empty cell is not entered.
 */

/** At most this many rows in one file: the largest member has about 1,500 employees. */
export const MAX_IMPORT_ROWS = 5000;
/** At most this many characters (the gateway takes at most 1 MB a request). */
export const MAX_IMPORT_CHARACTERS = 1_000_000;

const AMOUNT_COLUMNS = [
  'holidayAllowanceAccrued',
  'holidayAllowanceAccruedOnWages',
  'previousYearAnnualWage',
  ...OPENING_YEAR_TO_DATE_FIELDS,
] as const;
type AmountColumn = (typeof AMOUNT_COLUMNS)[number];
const COLUMNS = ['employeeId', 'bsn', 'asOf', ...AMOUNT_COLUMNS] as const;
type Column = (typeof COLUMNS)[number];

export interface ImportProblem {
  /** The line of the file (the header is line 1). */
  line: number;
  /** The column, or null for the row as a whole. */
  column: string | null;
  message: string;
}

export interface OpeningBalanceImport {
  /** Whether the balances were stored: every row accepted, and not a dry run. */
  applied: boolean;
  dryRun: boolean;
  /** Rows read (the header not counted). */
  rows: number;
  /** Rows without a problem. */
  accepted: number;
  refused: ImportProblem[];
}

interface ParsedRow {
  line: number;
  employee: { by: 'employeeId' | 'bsn'; value: string } | null;
  figures: OpeningBalanceFigures | null;
  problems: ImportProblem[];
}

/** Reads the file into rows; a file that cannot be read at all (size, header, quotes) is BAD_USER_INPUT on `csv`. */
function readFile(csv: string): { columns: Column[]; records: { line: number; cells: string[] }[] } {
  if (csv.length > MAX_IMPORT_CHARACTERS) {
    throw new BadUserInputError('csv', `The file is longer than ${MAX_IMPORT_CHARACTERS} characters: split it.`);
  }
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(csv, {
      delimiter,
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new BadUserInputError(
        'csv',
        `The file is not valid CSV (${error.code.toLowerCase().replaceAll('_', ' ')}).`,
      );
    }
    throw error;
  }
  const [header, ...rest] = parsed;
  if (!header) throw new BadUserInputError('csv', 'The file is empty: it needs a header and a row per employee.');
  if (rest.length > MAX_IMPORT_ROWS) {
    throw new BadUserInputError(
      'csv',
      `The file has ${rest.length} rows; at most ${MAX_IMPORT_ROWS} are read at once: split it.`,
    );
  }
  const byName = new Map(COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = header.record.map((name) => {
    const column = byName.get(name.toLowerCase());
    if (!column) {
      throw new BadUserInputError(
        'csv',
        `Line 1 has an unknown column "${name.slice(0, 40)}". The columns are: ${COLUMNS.join(', ')}.`,
      );
    }
    return column;
  });
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated) throw new BadUserInputError('csv', `Line 1 names the column ${repeated} twice.`);
  if (!columns.includes('asOf'))
    throw new BadUserInputError('csv', 'Line 1 has no column asOf (the day the balances are as of).');
  if (!columns.includes('employeeId') && !columns.includes('bsn')) {
    throw new BadUserInputError(
      'csv',
      'Line 1 has neither an employeeId nor a bsn column: each row needs its employee.',
    );
  }
  return { columns, records: rest.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** An amount in euros and cents, with a decimal point or comma; null when empty. */
function amountCell(text: string): Exact | null | 'invalid' {
  if (text === '') return null;
  const normal = text.replace(/^€\s*/, '');
  if (!/^-?\d+([.,]\d+)?$/.test(normal)) return 'invalid';
  return exact(normal.replace(',', '.'));
}

/** A day as YYYY-MM-DD or DD-MM-YYYY. */
function dayCell(text: string): Date | null {
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  const iso = dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : text;
  return parseCalendarDate(iso);
}

function readRow(columns: Column[], record: { line: number; cells: string[] }): ParsedRow {
  const { line } = record;
  const problems: ImportProblem[] = [];
  const cell = (column: Column) => {
    const at = columns.indexOf(column);
    return at < 0 ? '' : (record.cells[at] ?? '');
  };
  if (record.cells.length > columns.length) {
    problems.push({
      line,
      column: null,
      message: `The row has ${record.cells.length} cells; the header names ${columns.length}.`,
    });
  }
  let employee: ParsedRow['employee'] = null;
  if (cell('employeeId') !== '') {
    employee = { by: 'employeeId', value: cell('employeeId') };
  } else if (cell('bsn') !== '') {
    // A spreadsheet drops a BSN's leading zero: eight digits get it back.
    const bsn = normaliseBsn(cell('bsn').padStart(9, '0'));
    if (bsn) employee = { by: 'bsn', value: bsn };
    else
      problems.push({ line, column: 'bsn', message: 'This is not a valid BSN (nine digits passing the eleven test).' });
  } else {
    problems.push({
      line,
      column: columns.includes('employeeId') ? 'employeeId' : 'bsn',
      message: 'The row names no employee.',
    });
  }
  const asOf = dayCell(cell('asOf'));
  if (!asOf) problems.push({ line, column: 'asOf', message: 'asOf must be a date, as YYYY-MM-DD or DD-MM-YYYY.' });
  const amounts = new Map<AmountColumn, Exact | null>();
  for (const column of AMOUNT_COLUMNS) {
    const value = amountCell(cell(column));
    if (value === 'invalid') {
      problems.push({
        line,
        column,
        message:
          'This is not an amount: write euros and cents without thousands separators, such as 1234.56 or 1234,56.',
      });
    } else amounts.set(column, value);
  }
  if (problems.length > 0 || !asOf) return { line, employee, figures: null, problems };
  const get = (column: AmountColumn) => amounts.get(column) ?? null;
  return {
    line,
    employee,
    problems,
    figures: {
      asOf,
      holidayAllowanceAccrued: get('holidayAllowanceAccrued'),
      holidayAllowanceAccruedOnWages: get('holidayAllowanceAccruedOnWages'),
      previousYearAnnualWage: get('previousYearAnnualWage'),
      yearToDate: Object.fromEntries(OPENING_YEAR_TO_DATE_FIELDS.map((f) => [f, get(f)])) as Record<
        OpeningYearToDateField,
        Exact | null
      >,
    },
  };
}

/** The domain's field (`yearToDate.wageTax`) as the file's column (`wageTax`). */
const columnOfField = (field: string, row: ParsedRow) =>
  field === 'employeeId' ? (row.employee?.by ?? 'employeeId') : field.replace(/^yearToDate\./, '');

/**
 * Imports a member's opening balances from CSV (the caller manages the member: the field's
 * scope). With `dryRun`, only the report.
 */
export async function importOpeningBalances(
  ctx: HrContext,
  memberId: string,
  csv: string,
  dryRun: boolean,
): Promise<OpeningBalanceImport> {
  const { columns, records } = readFile(csv);
  const rows = records.map((record) => readRow(columns, record));
  // The member's employees named in the file: two queries.
  const named = (by: 'employeeId' | 'bsn') => rows.flatMap((r) => (r.employee?.by === by ? [r.employee.value] : []));
  const found = await ctx.db.employee.findMany({
    where: { memberId, OR: [{ id: { in: named('employeeId') } }, { bsn: { in: named('bsn') } }] },
    select: { id: true, bsn: true },
  });
  const byId = new Map(found.map((e) => [e.id, e.id]));
  const byBsn = new Map(found.map((e) => [e.bsn, e.id]));
  const seen = new Map<string, number>();
  const entries: { row: ParsedRow; employeeId: string; figures: OpeningBalanceFigures }[] = [];
  for (const row of rows) {
    if (!row.employee) continue;
    const employeeId = (row.employee.by === 'employeeId' ? byId : byBsn).get(row.employee.value);
    if (!employeeId) {
      const message = `No employee of this member has this ${row.employee.by === 'bsn' ? 'BSN' : 'id'}.`;
      row.problems.push({ line: row.line, column: row.employee.by, message });
      continue;
    }
    const earlier = seen.get(employeeId);
    if (earlier !== undefined) {
      row.problems.push({
        line: row.line,
        column: row.employee.by,
        message: `The same employee as on line ${earlier}.`,
      });
      continue;
    }
    seen.set(employeeId, row.line);
    if (row.figures) entries.push({ row, employeeId, figures: row.figures });
  }
  const ruleProblems = await problemsOf(ctx.db, entries);
  entries.forEach(({ row }, i) =>
    row.problems.push(
      ...ruleProblems[i]!.map((p) => ({ line: row.line, column: columnOfField(p.field, row), message: p.message })),
    ),
  );
  const refused = rows.flatMap((r) => r.problems);
  const report = {
    dryRun,
    rows: rows.length,
    accepted: rows.filter((r) => r.problems.length === 0).length,
    refused,
  };
  if (dryRun || refused.length > 0 || rows.length === 0) return { ...report, applied: false };
  await store(
    ctx,
    memberId,
    entries.map((e) => ({ ...e, line: e.row.line })),
  );
  return { ...report, applied: true };
}

/** Every row in one transaction, with an audit entry per employee. */
async function store(
  ctx: HrContext,
  memberId: string,
  entries: { employeeId: string; figures: OpeningBalanceFigures; line: number }[],
) {
  const actor = actorOf(ctx);
  const ids = entries.map((e) => e.employeeId);
  await ctx.db.$transaction(
    async (tx) => {
      // Checked again inside: a payslip approved since the check would make a balance used.
      const again = await problemsOf(tx, entries);
      const late = again.findIndex((p) => p.length > 0);
      if (late >= 0) throw new BadUserInputError('csv', `Line ${entries[late]!.line}: ${again[late]![0]!.message}`);
      const before = new Map(
        (await tx.openingBalance.findMany({ where: { employeeId: { in: ids } } })).map((b) => [b.employeeId, b]),
      );
      await tx.openingBalance.deleteMany({ where: { employeeId: { in: ids } } });
      const rows = entries.map((e) => ({
        employeeId: e.employeeId,
        memberId,
        enteredBy: actor,
        ...columnsOf(e.figures),
      }));
      await tx.openingBalance.createMany({ data: rows });
      await recordChanges(
        tx,
        rows.map((after) => ({
          actorId: actor,
          memberId,
          action: before.has(after.employeeId) ? 'CHANGE_OPENING_BALANCES' : 'SET_OPENING_BALANCES',
          entityType: 'OpeningBalance',
          entityId: after.employeeId,
          before: before.get(after.employeeId),
          after: { ...after, source: 'CSV import' },
        })),
      );
    },
    { maxWait: 30_000, timeout: 5 * 60_000 },
  );
}
