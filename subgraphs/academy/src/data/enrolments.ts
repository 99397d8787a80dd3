import { NotFoundError, type Identity } from '@samen-sterk/subgraph-runtime';
import { managesAcademy } from '../access';
import type { Prisma } from '../generated/prisma/client';

/**
 * Tenant-scoped finders: an enrolment the caller may not see is simply not found, the same
 * answer as an id that does not exist. The Academy's administrators see all; member HR its
 * member's; an employee their own; a session's trainer that session's.
 */
export function visibleEnrolments(identity: Identity | null): Prisma.EnrolmentWhereInput {
  if (managesAcademy(identity)) return {};
  const or: Prisma.EnrolmentWhereInput[] = [];
  if (identity?.memberId && identity.roles.includes('member-hr')) or.push({ memberId: identity.memberId });
  if (identity?.employeeId && identity.memberId && identity.roles.includes('employee'))
    or.push({ employeeId: identity.employeeId, memberId: identity.memberId });
  if (identity) or.push({ session: { trainerId: identity.userId } });
  return or.length ? { OR: or } : { id: { in: [] } };
}

export async function findEnrolment<Query extends object>(
  db: Prisma.TransactionClient,
  identity: Identity | null,
  id: string,
  query: Query = {} as Query,
) {
  const enrolment = await db.enrolment.findFirst({ ...query, where: { id, ...visibleEnrolments(identity) } });
  if (!enrolment) throw new NotFoundError('Enrolment', id);
  return enrolment;
}

/** The session's row, locked until the transaction ends: its seats are counted one caller at a time. */
export async function lockSession(tx: Prisma.TransactionClient, sessionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM course_session WHERE id = ${sessionId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.courseSession.findUniqueOrThrow({ where: { id: sessionId }, include: { course: true } });
}

/**
 * The session's seats, with its row locked until the transaction ends, in one statement: what an
 * enrolment needs under the lock (the rest of the session it reads before).
 */
export async function lockSeats(tx: Prisma.TransactionClient, sessionId: string) {
  const rows = await tx.$queryRaw<
    { capacity: number; enrolled_count: number; waitlist_sequence: number; cancelled_at: Date | null }[]
  >`SELECT capacity, enrolled_count, waitlist_sequence, cancelled_at FROM course_session WHERE id = ${sessionId} FOR UPDATE`;
  const row = rows[0];
  return row
    ? {
        capacity: Number(row.capacity),
        enrolledCount: Number(row.enrolled_count),
        waitlistSequence: Number(row.waitlist_sequence),
        cancelledAt: row.cancelled_at,
      }
    : null;
}

/** The member's budget of a year, locked until the transaction ends (null when it has none). */
export async function lockBudget(tx: Prisma.TransactionClient, memberId: string, year: number) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM training_budget WHERE member_id = ${memberId} AND year = ${year} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.trainingBudget.findUniqueOrThrow({ where: { id: rows[0]!.id } });
}

const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** A member's enrolments, newest first. */
export const enrolmentsOfMember = {
  count: (db: Prisma.TransactionClient, memberId: string) => db.enrolment.count({ where: { memberId } }),
  list: (db: Prisma.TransactionClient, memberId: string, query: object) =>
    db.enrolment.findMany({ ...query, where: { memberId }, orderBy: newestFirst }),
};

/** An employee's enrolments, newest first (the caller's right to see them is checked before). */
export const enrolmentsOfEmployee = {
  count: (db: Prisma.TransactionClient, employeeId: string) => db.enrolment.count({ where: { employeeId } }),
  list: (db: Prisma.TransactionClient, employeeId: string, query: object) =>
    db.enrolment.findMany({ ...query, where: { employeeId }, orderBy: newestFirst }),
};

/** The member an employee belongs to, as far as the Academy knows (from an earlier enrolment). */
export async function knownMemberOf(db: Prisma.TransactionClient, employeeId: string) {
  const row = await db.enrolment.findFirst({ where: { employeeId }, select: { memberId: true } });
  return row?.memberId ?? null;
}
