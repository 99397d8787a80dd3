import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { capacityIn, idIn, textIn } from './checks';

/**
 * A session (an offering, in OOAPI's words) of a course, as scheduled (README rule 2): when, where,
 * by whom, how many seats, and when people may enrol. Times are instants; the service passes
 * them in, the rule reads no clock.
 */

/** Where a session takes place: a member's shop (one of its branches) or a training centre. */
export type SessionLocation =
  | { kind: 'MEMBER_SHOP'; memberId: string; branchId: string }
  | { kind: 'TRAINING_CENTRE'; name: string; city: string }
  | { kind: 'ONLINE' };

export interface SessionInput {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  location: SessionLocation;
  /** null: enrolment opens as soon as the session is scheduled. */
  enrolmentOpensAt: Date | null;
  /** null: enrolment closes when the session starts. */
  enrolmentClosesAt: Date | null;
}

/** The longest a session may run from first to last hour: a course of several days, within two weeks. */
export const MAX_SESSION_DAYS = 14;

const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

function instantIn(value: unknown, field: string, what: string): Date {
  if (!isDate(value)) throw new DomainError('INVALID_DATE_TIME', field, `${what} must be a date and time.`);
  return value;
}

export function checkLocation(location: SessionLocation, field = 'location'): SessionLocation {
  switch (location?.kind) {
    case 'MEMBER_SHOP':
      return {
        kind: 'MEMBER_SHOP',
        memberId: idIn(location.memberId, `${field}.memberId`, 'The member'),
        branchId: idIn(location.branchId, `${field}.branchId`, 'The branch'),
      };
    case 'TRAINING_CENTRE':
      return {
        kind: 'TRAINING_CENTRE',
        name: textIn(location.name, `${field}.name`, "The training centre's name", 2, 120),
        city: textIn(location.city, `${field}.city`, 'The city', 2, 80),
      };
    case 'ONLINE':
      return { kind: 'ONLINE' };
    default:
      throw new DomainError(
        'INVALID_LOCATION',
        field,
        "A session takes place in a member's shop, at a training centre or online.",
      );
  }
}

/**
 * Checks a session as scheduled: it ends after it starts, within 14 days; the capacity is 1 to
 * 500; the enrolment window opens before it closes and closes no later than the start. An online
 * course is given online; an in-person one is not.
 */
export function checkSession(input: SessionInput, now: Date, modeOfDelivery?: string): SessionInput {
  const startsAt = instantIn(input.startsAt, 'startsAt', 'The start');
  const endsAt = instantIn(input.endsAt, 'endsAt', 'The end');
  if (startsAt.getTime() <= now.getTime()) {
    throw new DomainError('SESSION_IN_PAST', 'startsAt', 'A session can only be scheduled to start in the future.');
  }
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new DomainError('INVALID_PERIOD', 'endsAt', 'A session must end after it starts.');
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_DAYS * 86_400_000) {
    throw new DomainError('INVALID_PERIOD', 'endsAt', `A session can run for at most ${MAX_SESSION_DAYS} days.`);
  }
  const location = checkLocation(input.location);
  if (modeOfDelivery === 'ONLINE' && location.kind !== 'ONLINE') {
    throw new DomainError('INVALID_LOCATION', 'location', 'This course is given online: its sessions are online.');
  }
  if (modeOfDelivery === 'IN_PERSON' && location.kind === 'ONLINE') {
    throw new DomainError('INVALID_LOCATION', 'location', 'This course is given in person: choose a shop or a centre.');
  }
  const opens =
    input.enrolmentOpensAt === null ? null : instantIn(input.enrolmentOpensAt, 'enrolmentOpensAt', 'Opening');
  const closes =
    input.enrolmentClosesAt === null ? null : instantIn(input.enrolmentClosesAt, 'enrolmentClosesAt', 'Closing');
  if (closes && closes.getTime() > startsAt.getTime()) {
    throw new DomainError(
      'INVALID_WINDOW',
      'enrolmentClosesAt',
      'Enrolment must close no later than the session starts.',
    );
  }
  if (opens && opens.getTime() >= (closes ?? startsAt).getTime()) {
    throw new DomainError('INVALID_WINDOW', 'enrolmentOpensAt', 'Enrolment must open before it closes.');
  }
  return {
    startsAt,
    endsAt,
    capacity: capacityIn(input.capacity),
    location,
    enrolmentOpensAt: opens,
    enrolmentClosesAt: closes,
  };
}

/** A moment as people in the Netherlands read it: `2026-03-20 17:00`. */
const AMSTERDAM_MINUTE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function amsterdamTime(at: Date): string {
  const parts = AMSTERDAM_MINUTE.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The calendar year, in the Netherlands, of a moment (a session at 23:30 UTC on 31 December is next year's). */
export const dutchYearOf = (at: Date): number => Number(amsterdamTime(at).slice(0, 4));

/**
 * Rule 2a: a session is cancelled or changed only before it starts, and only once cancelled.
 * "Cancelled" wins over "started": a cancelled session is not changed again.
 */
export function checkSessionChange(session: { startsAt: Date; cancelledAt: Date | null }, now: Date): void {
  if (session.cancelledAt)
    throw new DomainError('SESSION_CANCELLED', 'id', 'This session has been cancelled already.', 'CONFLICT');
  if (session.startsAt.getTime() <= now.getTime())
    throw new DomainError(
      'SESSION_STARTED',
      'id',
      `This session started on ${amsterdamTime(session.startsAt)} (Amsterdam time); it can no longer be changed or cancelled.`,
      'CONFLICT',
    );
}

/** Rule 2a: a session never has fewer seats than people enrolled in it. */
export function checkCapacityChange(change: { capacity: number; enrolled: number }): void {
  if (change.capacity < change.enrolled)
    throw new DomainError(
      'CAPACITY_BELOW_ENROLLED',
      'input.capacity',
      `${change.enrolled} people are enrolled; the session cannot have fewer seats (${change.capacity}). Cancel enrolments first.`,
      'CONFLICT',
    );
}
