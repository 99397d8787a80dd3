import { recordChange } from '@samen-sterk/subgraph-runtime';
import { DomainError, withinField } from '@samen-sterk/subgraph-runtime/pure';
import type { AcademyContext } from '../builder';
import { capacityIn, idIn } from '../domain/checks';
import { checkLocation, checkSession, type SessionLocation } from '../domain/session';
import { actorIdOf } from './actors';

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
