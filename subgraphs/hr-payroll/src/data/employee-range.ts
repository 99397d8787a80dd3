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

/** The same as a Prisma filter on an employee id. */
export const employeeIdIn = (range: EmployeeRange) => ({
  ...(range.after === null ? {} : { gt: range.after }),
  lte: range.last,
});
