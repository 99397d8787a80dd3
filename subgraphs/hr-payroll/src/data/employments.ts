import { visibleFinder, type Identity } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf } from '../access';
import type { Employment, Prisma } from '../generated/prisma/client';

/** What the API asks to load with an employment (Pothos' `query`). */
export interface EmploymentQuery {
  include?: Prisma.EmploymentInclude;
  select?: Prisma.EmploymentSelect;
}

const managedBy = (caller: Identity | null, employment: Employment) =>
  canManageEmployeesOf(caller, employment.memberId);

/**
 * An employment by id, for who manages the member's employees; someone else's employment is
 * "not found": its existence is not the caller's business.
 */
export const findManagedEmployment = visibleFinder(
  'Employment',
  (db: Prisma.TransactionClient, id) => db.employment.findUnique({ where: { id } }),
  managedBy,
);

/** The same, with the employee (their birth date and member decide what the employment may be). */
export const findManagedEmploymentWithEmployee = visibleFinder(
  'Employment',
  (db: Prisma.TransactionClient, id) => db.employment.findUnique({ where: { id }, include: { employee: true } }),
  managedBy,
);

/**
 * A member's employments active on `on`, with the employee and the appraisals (oldest first),
 * by employee name: what the step increases due on that date are judged from.
 */
export const employmentsActiveOn = (db: Prisma.TransactionClient, memberId: string, on: Date) =>
  db.employment.findMany({
    where: { memberId, startDate: { lte: on }, OR: [{ endDate: null }, { endDate: { gte: on } }] },
    include: { employee: true, appraisals: { orderBy: [{ appraisedOn: 'asc' }, { createdAt: 'asc' }] } },
    orderBy: [
      { employee: { lastName: 'asc' } },
      { employee: { firstName: 'asc' } },
      { startDate: 'asc' },
      { id: 'asc' },
    ],
  });

export type EmploymentForStepIncrease = Awaited<ReturnType<typeof employmentsActiveOn>>[number];

/**
 * A member's appraisals by employment, oldest first (the order step increases are judged in); of
 * the employees whose ids match `employees` only, when given (a payroll run's page of them).
 */
export async function appraisalsByEmployment(
  db: Prisma.TransactionClient,
  memberId: string,
  employees?: Prisma.StringFilter<'Employment'>,
) {
  const rows = await db.appraisal.findMany({
    where: { memberId, ...(employees ? { employment: { employeeId: employees } } : {}) },
    orderBy: [{ appraisedOn: 'asc' }, { createdAt: 'asc' }],
  });
  const byEmployment = new Map<string, typeof rows>();
  for (const row of rows) byEmployment.set(row.employmentId, [...(byEmployment.get(row.employmentId) ?? []), row]);
  return byEmployment;
}
