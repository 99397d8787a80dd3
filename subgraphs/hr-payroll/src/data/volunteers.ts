import { rowsOfMember, visibleFinder, type Identity, type Selection } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { canManageEmployeesOf } from '../access';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

type Db = Pick<PrismaClient, 'volunteer'>;
type VolunteerSelection = Selection<Prisma.VolunteerInclude, Prisma.VolunteerSelect>;

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
  (db: Pick<Prisma.TransactionClient, 'volunteer'>, id: string, query?: VolunteerSelection) =>
    db.volunteer.findUnique({ ...query, where: { id } }),
  (caller: Identity | null, volunteer: { memberId: string }) => canManageEmployeesOf(caller, volunteer.memberId),
);

/** A volunteer just registered, read back with what the caller selected. */
export const readVolunteer = (ctx: HrContext, id: string, query: VolunteerSelection) =>
  ctx.db.volunteer.findUniqueOrThrow({ ...query, where: { id } });

/** A member's volunteers, by name: for its HR staff and payroll service (the schema asks). */
export const volunteersOf = rowsOfMember((db: Db) => db.volunteer, VOLUNTEERS_BY_NAME);

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
