import { recordChange, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import type { AcademyContext } from '../builder';
import { rulesOf } from '../data/catalogue';
import { findEnrolment, lockBudget, lockSeats, lockSession } from '../data/enrolments';
import { decideFunding, movementFor } from '../domain/budget';
import { idIn } from '../domain/checks';
import {
  checkEnrolmentWindow,
  checkMayEnrol,
  checkMove,
  checkNotTwice,
  newEnrolmentStatus,
  placement,
  type EnrolmentStatus,
} from '../domain/enrolment';
import { coursesIn, evaluatePrerequisites } from '../domain/prerequisites';
import { dutchYearOf } from '../domain/session';
import type { Prisma } from '../generated/prisma/client';
import { actorIdOf, enrollingActor, movingActor } from './actors';
import { issueForCompletion } from './certificates';
import { fillFreeSeats, storeMovement } from './seats';

/*
 * Enrolments: made by the employee, their member's HR or an Academy admin; approved by member
 * HR; cancelled; promoted from the waitlist in arrival order. Every change runs in a transaction
 * that first locks the session's row (SELECT … FOR UPDATE), so seats are counted by one caller at
 * a time on PostgreSQL as on PGlite, and then the member's budget row (always in that order).
 */

export const ENROLMENT_TRANSACTION = { maxWait: 120_000, timeout: 60_000 };

export interface EnrolInput {
  sessionId: string;
  employeeId: string;
  /** For an Academy admin: the employee's member organisation. */
  memberId?: string | null;
  /** The member pays itself when the training budget does not cover the course. */
  memberPays?: boolean | null;
  /** An Academy admin enrols without the prerequisites; logged with what was missing. */
  overridePrerequisites?: boolean | null;
}

const noSession = () => new DomainError('SESSION_NOT_FOUND', 'sessionId', 'There is no such session.', 'NOT_FOUND');

/** The employee's valid course completions, as their certificates say (revoked ones do not count). */
async function completionsOf(tx: Prisma.TransactionClient, employeeId: string) {
  const certificates = await tx.certificate.findMany({
    where: { employeeId, courseId: { not: null }, revokedOn: null },
    include: { course: { select: { code: true } } },
  });
  return certificates.map((c) => ({ courseCode: c.course!.code, completedOn: c.issuedOn, expiresOn: c.expiresOn }));
}

export async function enrol(ctx: AcademyContext, input: EnrolInput): Promise<{ id: string }> {
  const sessionId = idIn(input.sessionId, 'sessionId', 'The session');
  const employeeId = idIn(input.employeeId, 'employeeId', 'The employee');
  const { actor, memberId } = await enrollingActor(ctx, employeeId, input.memberId);
  checkMayEnrol(actor, { employeeId, memberId });
  if (input.overridePrerequisites && actor.role !== 'ACADEMY_ADMIN')
    throw new DomainError(
      'MAY_NOT_OVERRIDE',
      'overridePrerequisites',
      'Only an Academy admin can enrol someone without the prerequisites.',
      'FORBIDDEN',
    );
  const now = new Date();
  // What does not change with the seats is read before the session's lock is taken, so that the
  // lock is held only while seats, waitlist and budget are counted and written.
  const session = await ctx.db.courseSession.findUnique({ where: { id: sessionId }, include: { course: true } });
  if (!session || session.cancelledAt) throw noSession();
  checkEnrolmentWindow({ ...session, now });
  const prerequisites = await prerequisitesOf(ctx.db, session, employeeId);
  if (!prerequisites.met && !input.overridePrerequisites)
    throw new DomainError(
      'PREREQUISITES_NOT_MET',
      'sessionId',
      `${session.course.title} needs earlier courses first. ${prerequisites.missing.join(' ')}`,
      'CONFLICT',
    );
  const settings = await ctx.db.memberAcademySettings.findUnique({ where: { memberId } });
  const price = session.course.price.toFixed(2);
  const paidFromBudget = session.course.fundable && !session.course.price.isZero();
  const year = dutchYearOf(session.startsAt);
  return ctx.db.$transaction(async (tx) => {
    const seats = await lockSeats(tx, session.id);
    if (!seats || seats.cancelledAt) throw noSession();
    const earlier = await tx.enrolment.findMany({
      where: { activeSessionId: session.id, employeeId },
      select: { status: true },
    });
    checkNotTwice(earlier as { status: EnrolmentStatus }[]);
    const waiting = await tx.enrolment.count({ where: { sessionId: session.id, status: 'WAITLISTED' } });
    const status = newEnrolmentStatus({
      madeBy: actor.role,
      memberRequiresApproval: settings?.enrolmentNeedsApproval ?? false,
      seats: { capacity: seats.capacity, enrolled: seats.enrolledCount, waiting },
    });
    const budget = paidFromBudget ? await lockBudget(tx, memberId, year) : null;
    const funding = decideFunding({
      budget: budget && {
        granted: budget.granted.toFixed(2),
        reserved: budget.reserved.toFixed(2),
        spent: budget.spent.toFixed(2),
      },
      price,
      fundable: session.course.fundable,
      memberPays: !!input.memberPays,
      courseTitle: session.course.title,
    });
    const waitlistPosition = status === 'WAITLISTED' ? seats.waitlistSequence + 1 : null;
    if (status === 'ENROLLED' || waitlistPosition)
      await tx.courseSession.update({
        where: { id: session.id },
        data: {
          ...(status === 'ENROLLED' ? { enrolledCount: { increment: 1 } } : {}),
          ...(waitlistPosition ? { waitlistSequence: waitlistPosition } : {}),
        },
      });
    const enrolment = await tx.enrolment.create({
      data: {
        sessionId: session.id,
        memberId,
        employeeId,
        status,
        activeSessionId: session.id,
        waitlistPosition,
        requestedById: actorIdOf(ctx),
        requestedByRole:
          actor.role === 'ACADEMY_ADMIN' ? 'ACADEMY_ADMIN' : actor.role === 'MEMBER_HR' ? 'MEMBER_HR' : 'EMPLOYEE',
        funding: funding.funding,
        reservedAmount: funding.reservedAmount,
        budgetYear: funding.movement ? year : null,
        prerequisitesOverridden: !prerequisites.met,
      },
      select: { id: true },
    });
    if (funding.movement && budget) await storeMovement(tx, budget, enrolment.id, funding.movement);
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      memberId,
      action: prerequisites.met ? 'ENROL' : 'ENROL_WITHOUT_PREREQUISITES',
      entityType: 'Enrolment',
      entityId: enrolment.id,
      after: {
        status,
        sessionId: session.id,
        funding: funding.funding,
        reservedAmount: funding.reservedAmount,
        ...(prerequisites.met ? {} : { missingPrerequisites: prerequisites.unmetCourses }),
      },
    });
    return { id: enrolment.id };
  }, ENROLMENT_TRANSACTION);
}

/** Whether the employee meets the course's prerequisite rule on the session's first day (rule 9). */
async function prerequisitesOf(
  db: Prisma.TransactionClient,
  session: { courseId: string; startsAt: Date },
  employeeId: string,
) {
  const [rule] = await rulesOf(db, [session.courseId]);
  if (!rule) return evaluatePrerequisites(null, [], todayInNetherlands(session.startsAt), {});
  const named = await db.course.findMany({
    where: { code: { in: coursesIn(rule) } },
    select: { code: true, title: true },
  });
  const titles = Object.fromEntries(named.map((c) => [c.code, c.title]));
  return evaluatePrerequisites(rule, await completionsOf(db, employeeId), todayInNetherlands(session.startsAt), titles);
}

/**
 * Moves an enrolment on (approve, cancel, complete, no-show) under the session's lock: the move
 * is checked against the status read under that lock; a freed seat goes to the waitlist's first;
 * the budget moves the enrolment's own reservation.
 */
export async function moveEnrolment(
  ctx: AcademyContext,
  id: string,
  to: EnrolmentStatus | 'APPROVED',
  extra: { result?: string | null } = {},
): Promise<{ id: string; status: EnrolmentStatus; memberId: string; employeeId: string; sessionId: string }> {
  const enrolmentId = idIn(id, 'id', 'The enrolment');
  const visible = await findEnrolment(ctx.db, ctx.identity, enrolmentId);
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const session = await lockSession(tx, visible.sessionId);
    if (!session) throw noSession();
    const enrolment = await tx.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    const waiting = await tx.enrolment.count({ where: { sessionId: session.id, status: 'WAITLISTED' } });
    const target: EnrolmentStatus =
      to === 'APPROVED' ? placement({ capacity: session.capacity, enrolled: session.enrolledCount, waiting }) : to;
    const actor = movingActor(ctx.identity, session);
    checkMove({
      enrolment: { ...enrolment, status: enrolment.status as EnrolmentStatus },
      to: target,
      actor,
      session,
      now,
    });
    const waitlistPosition = target === 'WAITLISTED' ? session.waitlistSequence + 1 : enrolment.waitlistPosition;
    const seatDelta = (target === 'ENROLLED' ? 1 : 0) - (enrolment.status === 'ENROLLED' ? 1 : 0);
    await tx.courseSession.update({
      where: { id: session.id },
      data: {
        enrolledCount: { increment: seatDelta },
        ...(target === 'WAITLISTED' ? { waitlistSequence: waitlistPosition! } : {}),
      },
    });
    const moved = await tx.enrolment.update({
      where: { id: enrolment.id },
      data: {
        status: target,
        waitlistPosition,
        statusChangedAt: now,
        ...(target === 'CANCELLED' ? { activeSessionId: null } : {}),
        ...(extra.result !== undefined ? { result: extra.result } : {}),
      },
    });
    if (target === 'COMPLETED') await issueForCompletion(tx, moved, session.courseId, now);
    const movement = movementFor(target, enrolment.reservedAmount.toFixed(2));
    if (movement && enrolment.budgetYear !== null) {
      const budget = await lockBudget(tx, enrolment.memberId, enrolment.budgetYear);
      if (budget) await storeMovement(tx, budget, enrolment.id, movement);
    }
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      memberId: enrolment.memberId,
      action: `ENROLMENT_${target}`,
      entityType: 'Enrolment',
      entityId: enrolment.id,
      before: { status: enrolment.status },
      after: { status: target, ...(extra.result ? { result: 'recorded' } : {}) },
    });
    if (enrolment.status === 'ENROLLED' && target === 'CANCELLED') await fillFreeSeats(tx, session.id, 'SEAT_FREED');
    return {
      id: moved.id,
      status: target,
      memberId: moved.memberId,
      employeeId: moved.employeeId,
      sessionId: moved.sessionId,
    };
  }, ENROLMENT_TRANSACTION);
}
