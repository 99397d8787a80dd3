import type { HrContext } from '../builder';
import { Prisma } from '../generated/prisma/client';
import { payslipsAndEmploymentsIn, type EmployeeRange } from '../data/employee-range';
import { SETTLED } from '../data/payroll-runs';
import type { OpeningBalanceOfRun } from '../data/opening-balances';
import type { FirstPeriodWage, PreviousYearFigures } from '../domain/payroll/annual-wage';
import { firstYearPaidHere, monthsBeforePlatform } from '../domain/payroll/opening-balances';

/**
 * The figures the annual wage for the special-payments table is found from (the rule is
 * `annualWageForSpecialPayments` in domain/payroll/annual-wage.ts), per employee of a member:
 * - the previous calendar year: the taxable wage to date of the employee's last settled payslip of
 *   that year (special payments included), and the days employed of every settled payslip of that
 *   year, so that a part of a year can be converted to a year;
 * - this year: the first settled payslip before this month, whose monthly wage a new employee's
 *   estimate is made from, once.
 * Two queries, whatever the number of employees (those of `employees`, a run's page of them),
 * reading each payslip's carry_over (payslip-rows.ts), not the payslip itself, of the settled
 * runs `annualWageRuns` found (none when there are none).
 */
export interface AnnualWageFigures {
  previousYear: PreviousYearFigures | null;
  /** The first wage period this year before this month; null when this month is the first. */
  firstPeriod: FirstPeriodWage | null;
}

/**
 * The member's settled runs the figures come from: those of the previous calendar year, and those
 * of this year before the month. Looked up once a run, so that each page reads only their payslips
 * by index (not the run being stored, nor other years), and nothing at all when there are none.
 */
export interface AnnualWageRuns {
  previousYear: string[];
  thisYear: string[];
}

export async function annualWageRuns(
  db: HrContext['db'] | Prisma.TransactionClient,
  memberId: string,
  year: number,
  month: number,
): Promise<AnnualWageRuns> {
  const runs = await db.payrollRun.findMany({
    where: { memberId, ...SETTLED, OR: [{ year: year - 1 }, { year, month: { lt: month } }] },
    select: { id: true, year: true },
  });
  return {
    previousYear: runs.filter((r) => r.year === year - 1).map((r) => r.id),
    thisYear: runs.filter((r) => r.year === year).map((r) => r.id),
  };
}

export async function annualWageFigures(
  db: HrContext['db'] | Prisma.TransactionClient,
  runs: AnnualWageRuns,
  employees: EmployeeRange,
): Promise<(employeeId: string) => AnnualWageFigures> {
  // One query after the other: on a run's transaction (PGlite) statements go one at a time.
  const previousRows =
    runs.previousYear.length === 0
      ? []
      : await db.$queryRaw<{ employeeId: string; taxableWage: string; daysEmployed: number; daysInMonth: number }[]>`
      SELECT p.employee_id AS "employeeId",
             p.carry_over -> 'yearToDateAfter' ->> 'taxableWage' AS "taxableWage",
             (p.carry_over ->> 'daysEmployed')::int AS "daysEmployed",
             (p.carry_over ->> 'daysInMonth')::int AS "daysInMonth"
      FROM payslip p
      JOIN payroll_run r ON r.id = p.run_id
      JOIN employment e ON e.id = p.employment_id
      WHERE p.run_id IN (${Prisma.join(runs.previousYear)}) AND ${payslipsAndEmploymentsIn(employees)}
      -- In order of the year: the last row of an employee carries the whole year's taxable wage
      -- (a later employment in the same month carries on from the earlier one's totals).
      ORDER BY r.month, e.start_date, p.id`;
  const firstRows =
    runs.thisYear.length === 0
      ? []
      : await db.$queryRaw<
          { employeeId: string; monthly: string; pensionEmployeePercent: string; holidayAllowancePercent: string }[]
        >`
      SELECT DISTINCT ON (p.employee_id)
             p.employee_id AS "employeeId",
             p.carry_over ->> 'monthly' AS "monthly",
             p.carry_over ->> 'pensionEmployeePercent' AS "pensionEmployeePercent",
             p.carry_over ->> 'holidayAllowancePercent' AS "holidayAllowancePercent"
      FROM payslip p
      JOIN payroll_run r ON r.id = p.run_id
      JOIN employment e ON e.id = p.employment_id
      WHERE p.run_id IN (${Prisma.join(runs.thisYear)})
        AND (p.carry_over ->> 'daysEmployed')::int > 0
        AND ${payslipsAndEmploymentsIn(employees)}
      ORDER BY p.employee_id, r.month, e.start_date, p.id`;
  const previous = new Map<string, PreviousYearFigures>();
  for (const row of previousRows) {
    const figures = previous.get(row.employeeId) ?? { taxableWage: '0.00', months: [] };
    figures.taxableWage = row.taxableWage;
    figures.months.push({ daysEmployed: row.daysEmployed, daysInMonth: row.daysInMonth });
    previous.set(row.employeeId, figures);
  }
  const first = new Map(
    firstRows.map((row): [string, FirstPeriodWage] => [
      row.employeeId,
      {
        monthly: row.monthly,
        pensionEmployeePercent: row.pensionEmployeePercent,
        holidayAllowancePercent: row.holidayAllowancePercent,
      },
    ]),
  );
  return (employeeId) => ({
    previousYear: previous.get(employeeId) ?? null,
    firstPeriod: first.get(employeeId) ?? null,
  });
}

/**
 * The annual-wage figures with the employee's opening balance (README rule 11) taken in:
 * - in the first year paid here, the previous year's annual wage HR entered (it comes first);
 * - in the year after, when the balance carried that year's taxable wage to date, the months the
 *   former system paid count as wage periods too: the taxable wage of the last payslip here holds
 *   their wage, so a part year converts over all of them.
 */
export function withOpeningBalance(
  figures: AnnualWageFigures,
  opening: OpeningBalanceOfRun | undefined,
  year: number,
): AnnualWageFigures & { openingBalance: string | null } {
  if (!opening) return { ...figures, openingBalance: null };
  const { asOf, previousYearAnnualWage, yearToDate } = opening.figures;
  const openingBalance =
    firstYearPaidHere(asOf) === year && previousYearAnnualWage !== null ? previousYearAnnualWage.toFixed(2) : null;
  const carried = yearToDate.taxableWage;
  if (asOf.getUTCFullYear() !== year - 1 || carried == null) return { ...figures, openingBalance };
  const before = monthsBeforePlatform(asOf, opening.employedFrom);
  return {
    ...figures,
    openingBalance,
    previousYear: {
      taxableWage: figures.previousYear?.taxableWage ?? carried.toFixed(2),
      months: [...before, ...(figures.previousYear?.months ?? [])],
    },
  };
}
