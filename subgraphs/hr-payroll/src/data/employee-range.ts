import { Prisma } from '../generated/prisma/client';

/** A page's employees: ids after `after` (from the first when null) up to and including `last`. */
export interface EmployeeRange {
  after: string | null;
  last: string;
}

/** `column` (an employee id) within `range`, as SQL. */
export const inEmployeeRange = (column: Prisma.Sql, range: EmployeeRange) =>
  range.after === null
    ? Prisma.sql`${column} <= ${range.last}`
    : Prisma.sql`${column} > ${range.after} AND ${column} <= ${range.last}`;

/**
 * Payslips `p` joined with their employments `e`, both within `range`. PostgreSQL does not carry a
 * range on one side of a join over to the other: with the range on the payslips alone, every page
 * read all of the member's employments (a sequential scan per query, so a run's reading grew with
 * the square of its size). With it on both sides, each side is read from its index where the page
 * starts.
 */
export const payslipsAndEmploymentsIn = (range: EmployeeRange) =>
  Prisma.sql`${inEmployeeRange(Prisma.sql`p.employee_id`, range)} AND ${inEmployeeRange(Prisma.sql`e.employee_id`, range)}`;

/** The same as a Prisma filter on an employee id. */
export const employeeIdIn = (range: EmployeeRange) => ({
  ...(range.after === null ? {} : { gt: range.after }),
  lte: range.last,
});
