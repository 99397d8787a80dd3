import { Prisma, type OpeningBalance } from '../generated/prisma/client';
import { OPENING_YEAR_TO_DATE_FIELDS, type OpeningBalanceFigures } from '../domain/payroll/opening-balances';
import type { HrContext } from '../builder';

type Db = Prisma.TransactionClient | HrContext['db'];

/** The year-to-date columns, by the name of the figure (`grossWage` → `ytdGrossWage`). */
export const ytdColumn = (field: (typeof OPENING_YEAR_TO_DATE_FIELDS)[number]) =>
  `ytd${field[0]!.toUpperCase()}${field.slice(1)}` as `ytd${Capitalize<typeof field>}`;

/** A stored opening balance as the pure rules read it. */
export const figuresOf = (row: OpeningBalance): OpeningBalanceFigures => ({
  asOf: row.asOf,
  holidayAllowanceAccrued: row.holidayAllowanceAccrued,
  holidayAllowanceAccruedOnWages: row.holidayAllowanceAccruedOnWages,
  previousYearAnnualWage: row.previousYearAnnualWage,
  yearToDate: Object.fromEntries(OPENING_YEAR_TO_DATE_FIELDS.map((f) => [f, row[ytdColumn(f)]])),
});

/**
 * The first approved or paid payslip of each of these employees, if any: from then on their
 * opening balances have been used and paid on, and can no longer change. One query.
 */
export async function firstSettledPayslips(db: Db, employeeIds: string[]) {
  if (employeeIds.length === 0) return new Map<string, { year: number; month: number; status: string }>();
  const rows = await db.$queryRaw<{ employeeId: string; year: number; month: number; status: string }[]>`
    SELECT DISTINCT ON (p.employee_id) p.employee_id AS "employeeId", r.year, r.month, r.status::text AS status
    FROM payslip p JOIN payroll_run r ON r.id = p.run_id
    WHERE p.employee_id IN (${Prisma.join(employeeIds)}) AND r.status IN ('APPROVED', 'PAID')
    ORDER BY p.employee_id, r.year, r.month`;
  return new Map(rows.map((r) => [r.employeeId, { year: r.year, month: r.month, status: r.status }]));
}

/** Each employee's employment at their member that runs over `asOf` (started by it, not ended by it). */
export async function employmentsOverDay(db: Db, employeeIds: string[], asOf: (employeeId: string) => Date) {
  const employments = await db.employment.findMany({
    where: { employeeId: { in: employeeIds } },
    select: { employeeId: true, startDate: true, endDate: true },
    orderBy: { startDate: 'asc' },
  });
  const byEmployee = new Map<string, typeof employments>();
  for (const e of employments) byEmployee.set(e.employeeId, [...(byEmployee.get(e.employeeId) ?? []), e]);
  return (employeeId: string) => {
    const day = asOf(employeeId);
    return (
      byEmployee.get(employeeId)?.find((e) => e.startDate <= day && (e.endDate === null || e.endDate > day)) ?? null
    );
  };
}

/** An opening balance in use by a month's run: whether it still starts the employee's first month here. */
export interface OpeningBalanceOfRun {
  figures: OpeningBalanceFigures;
  /** No approved or paid payslip before this month: this is the employee's first month paid here. */
  first: boolean;
  /** The start of the employment that ran over `asOf` (for the months the former system paid). */
  employedFrom: Date;
}

/**
 * A member's opening balances for its run of a month, by employee: two queries, whatever the
 * number of employees.
 */
export async function openingBalancesOfRun(
  db: HrContext['db'],
  memberId: string,
  year: number,
  month: number,
): Promise<Map<string, OpeningBalanceOfRun>> {
  const rows = await db.openingBalance.findMany({ where: { memberId } });
  if (rows.length === 0) return new Map();
  const ids = rows.map((r) => r.employeeId);
  const asOfById = new Map(rows.map((r) => [r.employeeId, r.asOf]));
  const [settled, over] = await Promise.all([
    db.$queryRaw<{ employeeId: string }[]>`
      SELECT DISTINCT p.employee_id AS "employeeId"
      FROM payslip p JOIN payroll_run r ON r.id = p.run_id
      WHERE r.member_id = ${memberId} AND r.status IN ('APPROVED', 'PAID')
        AND (r.year < ${year} OR (r.year = ${year} AND r.month < ${month}))
        AND p.employee_id IN (${Prisma.join(ids)})`,
    employmentsOverDay(db, ids, (id) => asOfById.get(id)!),
  ]);
  const paidHere = new Set(settled.map((r) => r.employeeId));
  return new Map(
    rows.map((row): [string, OpeningBalanceOfRun] => [
      row.employeeId,
      {
        figures: figuresOf(row),
        first: !paidHere.has(row.employeeId),
        employedFrom: over(row.employeeId)?.startDate ?? row.asOf,
      },
    ]),
  );
}
