import { recordChange } from '@samen-sterk/subgraph-runtime';
import { DomainError, withinField } from '@samen-sterk/subgraph-runtime/pure';
import type { AcademyContext } from '../builder';
import { lockSession } from '../data/enrolments';
import { capacityIn, idIn, textIn } from '../domain/checks';
import type { EnrolmentStatus } from '../domain/enrolment';
import {
  checkCapacityChange,
  checkLocation,
  checkSession,
  checkSessionChange,
  type SessionLocation,
} from '../domain/session';
import { actorIdOf } from './actors';
import { ENROLMENT_TRANSACTION } from './enrolment';
import { cancelAll, fillFreeSeats } from './seats';

/** A session as scheduled through the API (`scheduleCourseSession`). */
export interface ScheduleSessionInput {
  courseId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  location: {
    kind: string;
    memberId?: string | null;
    branchId?: string | null;
    name?: string | null;
    city?: string | null;
  };
  trainerId?: string | null;
  enrolmentOpensAt?: Date | null;
  enrolmentClosesAt?: Date | null;
}

/** Schedules a session of a course (the Academy's administrators); checked by the domain's rule 2. */
export async function scheduleSession(ctx: AcademyContext, input: ScheduleSessionInput): Promise<{ id: string }> {
  const courseId = withinField('input', () => idIn(input.courseId, 'courseId', 'The course'));
  const course = await ctx.db.course.findFirst({ where: { id: courseId, active: true } });
  if (!course)
    throw new DomainError(
      'COURSE_NOT_FOUND',
      'input.courseId',
      'There is no such course in the catalogue.',
      'NOT_FOUND',
    );
  const checked = withinField('input', () => {
    const location = checkLocation(input.location as SessionLocation);
    return checkSession(
      {
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: capacityIn(input.capacity),
        location,
        enrolmentOpensAt: input.enrolmentOpensAt ?? null,
        enrolmentClosesAt: input.enrolmentClosesAt ?? null,
      },
      new Date(),
      course.modeOfDelivery,
    );
  });
  const trainerId = input.trainerId
    ? withinField('input', () => idIn(input.trainerId, 'trainerId', 'The trainer'))
    : null;
  const location = checked.location;
  return ctx.db.$transaction(async (tx) => {
    const session = await tx.courseSession.create({
      data: {
        courseId,
        startsAt: checked.startsAt,
        endsAt: checked.endsAt,
        capacity: checked.capacity,
        locationKind: location.kind,
        memberId: location.kind === 'MEMBER_SHOP' ? location.memberId : null,
        branchId: location.kind === 'MEMBER_SHOP' ? location.branchId : null,
        centreName: location.kind === 'TRAINING_CENTRE' ? location.name : null,
        centreCity: location.kind === 'TRAINING_CENTRE' ? location.city : null,
        trainerId,
        enrolmentOpensAt: checked.enrolmentOpensAt,
        enrolmentClosesAt: checked.enrolmentClosesAt,
      },
    });
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'SCHEDULE_SESSION',
      entityType: 'CourseSession',
      entityId: session.id,
      after: { courseId, startsAt: checked.startsAt, capacity: checked.capacity, location: location.kind },
    });
    return { id: session.id };
  });
}

const noSession = () => new DomainError('SESSION_NOT_FOUND', 'id', 'There is no such session.', 'NOT_FOUND');
const OPEN: EnrolmentStatus[] = ['REQUESTED', 'WAITLISTED', 'ENROLLED'];

/**
 * Cancels a session that has not started (the Academy's administrators): everyone enrolled,
 * waiting or asking is cancelled with it and their reservations released; the session leaves the
 * catalogue. Its row stays, with the reason in the audit log.
 */
export async function cancelSession(
  ctx: AcademyContext,
  input: { id: string; reason: string },
): Promise<{ id: string; cancelled: number }> {
  const id = idIn(input.id, 'id', 'The session');
  const reason = textIn(input.reason, 'reason', 'The reason', 3, 500);
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const session = await lockSession(tx, id);
    if (!session) throw noSession();
    checkSessionChange(session, now);
    const open = await tx.enrolment.findMany({ where: { sessionId: id, status: { in: OPEN } } });
    const cancelled = await cancelAll(tx, open, { actorId: actorIdOf(ctx), reason: 'SESSION_CANCELLED', now });
    await tx.courseSession.update({ where: { id }, data: { cancelledAt: now, enrolledCount: 0 } });
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'CANCEL_SESSION',
      entityType: 'CourseSession',
      entityId: id,
      before: { enrolled: session.enrolledCount },
      after: { cancelledAt: now, enrolmentsCancelled: cancelled, reason },
    });
    return { id, cancelled };
  }, ENROLMENT_TRANSACTION);
}

/**
 * Changes a session that has not started: its seats (never below those enrolled; more seats go
 * to the waitlist's first at once) and its trainer.
 */
export async function changeSession(
  ctx: AcademyContext,
  input: { id: string; capacity?: number | null; trainerId?: string | null },
): Promise<{ id: string }> {
  const id = idIn(input.id, 'id', 'The session');
  const capacity = input.capacity == null ? null : withinField('input', () => capacityIn(input.capacity));
  const trainerId =
    input.trainerId == null ? null : withinField('input', () => idIn(input.trainerId, 'trainerId', 'The trainer'));
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const session = await lockSession(tx, id);
    if (!session) throw noSession();
    checkSessionChange(session, now);
    if (capacity !== null) checkCapacityChange({ capacity, enrolled: session.enrolledCount });
    await tx.courseSession.update({
      where: { id },
      data: { ...(capacity !== null ? { capacity } : {}), ...(trainerId !== null ? { trainerId } : {}) },
    });
    const promoted = capacity !== null && capacity > session.capacity ? await fillFreeSeats(tx, id, 'SEATS_ADDED') : [];
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'CHANGE_SESSION',
      entityType: 'CourseSession',
      entityId: id,
      before: { capacity: session.capacity, trainerId: session.trainerId },
      after: {
        capacity: capacity ?? session.capacity,
        trainerId: trainerId ?? session.trainerId,
        promoted: promoted.length,
      },
    });
    return { id };
  }, ENROLMENT_TRANSACTION);
}

/** At most this many sessions are closed in one run of the job; the next run takes the rest. */
const SESSIONS_CLOSED_PER_RUN = 50;

/**
 * The platform's job (rule 7): when a session has started, whoever still waits or awaits
 * approval is cancelled and their reservation released. Each session in its own transaction
 * under its lock. Returns how many enrolments it cancelled.
 */
export async function closeStartedSessions(db: AcademyContext['db'], now = new Date()): Promise<number> {
  const started = await db.enrolment.findMany({
    where: { status: { in: ['REQUESTED', 'WAITLISTED'] }, session: { startsAt: { lte: now } } },
    distinct: ['sessionId'],
    select: { sessionId: true },
    take: SESSIONS_CLOSED_PER_RUN,
  });
  let cancelled = 0;
  for (const { sessionId } of started)
    cancelled += await db.$transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      if (!session || session.startsAt > now) return 0;
      const waiting = await tx.enrolment.findMany({
        where: { sessionId, status: { in: ['REQUESTED', 'WAITLISTED'] } },
      });
      return cancelAll(tx, waiting, { actorId: 'platform', reason: 'SESSION_STARTED', now });
    }, ENROLMENT_TRANSACTION);
  return cancelled;
}
