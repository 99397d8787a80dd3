import { findVisible, visibleFinder, type Identity } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf, canSeeEmployee } from '../access';
import type { HrContext } from '../builder';
import type { Employee, Prisma } from '../generated/prisma/client';

/** What the API asks to load with an employee (Pothos' `query`: relations, selections). */
export interface EmployeeQuery {
  include?: Prisma.EmployeeInclude;
  select?: Prisma.EmployeeSelect;
}

/** The filter of a member's employee list. */
export interface EmployeeFilter {
  /** Part of the first or last name, any case. */
  name?: string | null;
  /** Only employees with an employment on this date. */
  activeOn?: Date | null;
}

function employeeWhere(memberId: string, filter: EmployeeFilter | null | undefined): Prisma.EmployeeWhereInput {
  const name = filter?.name?.trim();
  return {
    memberId,
    ...(name
      ? {
          OR: [
            { firstName: { contains: name, mode: 'insensitive' } },
            { lastName: { contains: name, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(filter?.activeOn
      ? {
          employments: {
            some: {
              startDate: { lte: filter.activeOn },
              OR: [{ endDate: null }, { endDate: { gte: filter.activeOn } }],
            },
          },
        }
      : {}),
  };
}

/** How many of a member's employees match the filter. */
export const countEmployees = (db: HrContext['db'], memberId: string, filter?: EmployeeFilter | null) =>
  db.employee.count({ where: employeeWhere(memberId, filter) });

/** A page of a member's employees matching the filter, by last name. */
export const listEmployees = (
  db: HrContext['db'],
  query: EmployeeQuery & { take: number; skip: number; cursor?: Prisma.EmployeeWhereUniqueInput },
  memberId: string,
  filter?: EmployeeFilter | null,
) =>
  db.employee.findMany({
    ...query,
    where: employeeWhere(memberId, filter),
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
  });

/**
 * An employee by id, for whoever may see them (access.ts: HR, the payroll service, the employee
 * themself). Someone else's employee is "not found": its existence is not the caller's business.
 */
export const findVisibleEmployee = (ctx: HrContext, id: string, query: EmployeeQuery = {}) =>
  findVisible(
    'Employee',
    id,
    (key) => ctx.db.employee.findUnique({ ...query, where: { id: key } }),
    (employee) => canSeeEmployee(ctx.identity, employee),
  );

/** An employee by id, for who manages the member's employees (to change them); NOT_FOUND otherwise. */
export const findManagedEmployee = visibleFinder(
  'Employee',
  (db: Prisma.TransactionClient, id) => db.employee.findUnique({ where: { id } }),
  (caller: Identity | null, employee: Employee) => canManageEmployeesOf(caller, employee.memberId),
);
