import { visibleFinder, type Identity } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf } from '../access';
import type { Prisma } from '../generated/prisma/client';

/** A member's volunteers, by name. */
export const VOLUNTEERS_BY_NAME: Prisma.VolunteerOrderByWithRelationInput[] = [
  { lastName: 'asc' },
  { firstName: 'asc' },
  { id: 'asc' },
];

/** A volunteer's allowances, newest first. */
export const PAYMENTS_NEWEST_FIRST: Prisma.VolunteerAllowancePaymentOrderByWithRelationInput[] = [
  { paidOn: 'desc' },
  { createdAt: 'desc' },
  { id: 'asc' },
];

/** The days of a calendar year, as a filter on a payment's `paidOn`. */
export const yearBounds = (year: number) => ({
  gte: new Date(Date.UTC(year, 0, 1)),
  lt: new Date(Date.UTC(year + 1, 0, 1)),
});

/**
 * A volunteer the caller may act on (the member's HR staff and its payroll service, as for
 * employees); someone else's is "not found". On a transaction too.
 */
export const findVolunteer = visibleFinder(
  'Volunteer',
  (db: Pick<Prisma.TransactionClient, 'volunteer'>, id: string) => db.volunteer.findUnique({ where: { id } }),
  (caller: Identity | null, volunteer: { memberId: string }) => canManageEmployeesOf(caller, volunteer.memberId),
);

/** The payments of a volunteer in a calendar year (the figures the untaxed limits count). */
export const paymentsInYear = (
  db: Pick<Prisma.TransactionClient, 'volunteerAllowancePayment'>,
  volunteerId: string,
  year: number,
) =>
  db.volunteerAllowancePayment.findMany({
    where: { volunteerId, paidOn: yearBounds(year) },
    select: { paidOn: true, hours: true, amount: true },
  });
