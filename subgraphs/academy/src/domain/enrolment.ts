import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { amsterdamTime } from './session';

/**
 * An enrolment's life cycle (README rules 3–8): who may enrol whom, the state a new enrolment
 * starts in, the enrolment window, "not twice for the same session", every later move and who
 * may make it, and the waitlist's order. The service runs these inside the transaction that
 * locks the session's row, so the counts they are given are the counts at that moment.
 */

export const ENROLMENT_STATUSES = ['REQUESTED', 'ENROLLED', 'WAITLISTED', 'COMPLETED', 'NO_SHOW', 'CANCELLED'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Statuses that hold an enrolment "for the session": every one but CANCELLED (rule 6). */
export const ACTIVE_STATUSES: readonly EnrolmentStatus[] = [
  'REQUESTED',
  'ENROLLED',
  'WAITLISTED',
  'COMPLETED',
  'NO_SHOW',
];

/** Who acts: the employee for themself, their member's HR, a trainer, an Academy admin, or the platform itself. */
export type Actor =
  | { role: 'EMPLOYEE'; employeeId: string }
  | { role: 'MEMBER_HR'; memberId: string }
  | { role: 'TRAINER'; trainerId: string }
  | { role: 'ACADEMY_ADMIN' }
  | { role: 'SYSTEM' };
export type ActorRole = Actor['role'];

export interface EnrolmentMove {
  from: EnrolmentStatus;
  to: EnrolmentStatus;
  by: readonly ActorRole[];
  /** What the move is called, for messages and the audit log. */
  action: string;
}

/**
 * Every allowed move (rule 7). Approving a request places it like a new enrolment: a seat when
 * one is free and nobody waits, else the waitlist. Only the platform promotes from the waitlist,
 * in arrival order (rule 8); it also cancels what still waits or awaits approval when the session
 * starts. COMPLETED, NO_SHOW and CANCELLED are final.
 */
export const ENROLMENT_MOVES: readonly EnrolmentMove[] = [
  { from: 'REQUESTED', to: 'ENROLLED', by: ['MEMBER_HR'], action: 'approve the request' },
  { from: 'REQUESTED', to: 'WAITLISTED', by: ['MEMBER_HR'], action: 'approve the request' },
  {
    from: 'REQUESTED',
    to: 'CANCELLED',
    by: ['EMPLOYEE', 'MEMBER_HR', 'ACADEMY_ADMIN', 'SYSTEM'],
    action: 'cancel the enrolment',
  },
  { from: 'WAITLISTED', to: 'ENROLLED', by: ['SYSTEM'], action: 'promote from the waitlist' },
  {
    from: 'WAITLISTED',
    to: 'CANCELLED',
    by: ['EMPLOYEE', 'MEMBER_HR', 'ACADEMY_ADMIN', 'SYSTEM'],
    action: 'cancel the enrolment',
  },
  { from: 'ENROLLED', to: 'COMPLETED', by: ['TRAINER', 'ACADEMY_ADMIN'], action: 'record the completion' },
  { from: 'ENROLLED', to: 'NO_SHOW', by: ['TRAINER', 'ACADEMY_ADMIN'], action: 'record a no-show' },
  { from: 'ENROLLED', to: 'CANCELLED', by: ['EMPLOYEE', 'MEMBER_HR', 'ACADEMY_ADMIN'], action: 'cancel the enrolment' },
];

const isStatus = (value: unknown): value is EnrolmentStatus => ENROLMENT_STATUSES.some((s) => s === value);
export const moveOf = (from: EnrolmentStatus, to: EnrolmentStatus) =>
  ENROLMENT_MOVES.find((move) => move.from === from && move.to === to) ?? null;
export const isFinal = (status: EnrolmentStatus) => !ENROLMENT_MOVES.some((move) => move.from === status);

const ROLE_WORDS: Record<ActorRole, string> = {
  EMPLOYEE: 'the employee',
  MEMBER_HR: "the member's HR staff",
  TRAINER: "the session's trainer",
  ACADEMY_ADMIN: 'an Academy admin',
  SYSTEM: 'the platform',
};
const orList = (words: readonly string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`;

const notFound = () => new DomainError('ENROLMENT_NOT_FOUND', 'id', 'There is no such enrolment.', 'NOT_FOUND');

// ---- Rule 3: who may enrol whom ----

/**
 * An employee enrols themself; member HR enrols its own member's employees; an Academy admin
 * enrols anyone. Another member's employee is NOT_FOUND for member HR (as if there were none: a
 * member never learns who works elsewhere); trainers and the platform do not enrol.
 */
export function checkMayEnrol(actor: Actor, employee: { employeeId: string; memberId: string }): void {
  switch (actor.role) {
    case 'EMPLOYEE':
      if (actor.employeeId !== employee.employeeId) {
        throw new DomainError('NOT_SELF', 'employeeId', 'You can only enrol yourself.', 'FORBIDDEN');
      }
      return;
    case 'MEMBER_HR':
      if (actor.memberId !== employee.memberId) {
        throw new DomainError(
          'EMPLOYEE_NOT_FOUND',
          'employeeId',
          'There is no such employee in your member organisation.',
          'NOT_FOUND',
        );
      }
      return;
    case 'ACADEMY_ADMIN':
      return;
    default:
      throw new DomainError('MAY_NOT_ENROL', null, `${ROLE_WORDS[actor.role]} cannot enrol anyone.`, 'FORBIDDEN');
  }
}

// ---- Rule 4: the state a new enrolment starts in ----

export interface Seats {
  capacity: number;
  /** ENROLLED enrolments of the session now. */
  enrolled: number;
  /** WAITLISTED enrolments of the session now. */
  waiting: number;
}

/** Where an approved enrolment goes: a seat when one is free and nobody waits for one; else the waitlist. */
export function placement(seats: Seats): 'ENROLLED' | 'WAITLISTED' {
  return seats.enrolled < seats.capacity && seats.waiting === 0 ? 'ENROLLED' : 'WAITLISTED';
}

/**
 * The status of a new enrolment. One made by member HR is approved by its making; one made by
 * the employee or an Academy admin is REQUESTED when the member requires approval. An approved
 * one is placed (`placement`).
 */
export function newEnrolmentStatus(input: {
  madeBy: ActorRole;
  memberRequiresApproval: boolean;
  seats: Seats;
}): 'REQUESTED' | 'ENROLLED' | 'WAITLISTED' {
  if (input.madeBy === 'TRAINER' || input.madeBy === 'SYSTEM') {
    throw new DomainError('MAY_NOT_ENROL', null, `${ROLE_WORDS[input.madeBy]} cannot enrol anyone.`, 'FORBIDDEN');
  }
  if (input.madeBy !== 'MEMBER_HR' && input.memberRequiresApproval) return 'REQUESTED';
  return placement(input.seats);
}

// ---- Rule 5: the enrolment window ----

/**
 * Enrolment is open from `opensAt` (inclusive; null: since the session was scheduled) until
 * `closesAt` (exclusive; null: the session's start). Outside it: CONFLICT, with the moment in
 * Amsterdam time.
 */
export function checkEnrolmentWindow(session: {
  startsAt: Date;
  enrolmentOpensAt: Date | null;
  enrolmentClosesAt: Date | null;
  now: Date;
}): void {
  const { now } = session;
  if (session.enrolmentOpensAt && now.getTime() < session.enrolmentOpensAt.getTime()) {
    throw new DomainError(
      'ENROLMENT_NOT_OPEN',
      'sessionId',
      `Enrolment for this session opens on ${amsterdamTime(session.enrolmentOpensAt)} (Amsterdam time).`,
      'CONFLICT',
    );
  }
  const closes = session.enrolmentClosesAt ?? session.startsAt;
  if (now.getTime() >= closes.getTime()) {
    throw new DomainError(
      'ENROLMENT_CLOSED',
      'sessionId',
      `Enrolment for this session closed on ${amsterdamTime(closes)} (Amsterdam time).`,
      'CONFLICT',
    );
  }
}

// ---- Rule 6: not twice for the same session ----

const ALREADY: Record<Exclude<EnrolmentStatus, 'CANCELLED'>, string> = {
  REQUESTED: 'has already asked to join this session; the request awaits approval',
  ENROLLED: 'is already enrolled in this session',
  WAITLISTED: 'is already on the waitlist of this session',
  COMPLETED: 'has already completed this session',
  NO_SHOW: 'was enrolled in this session and did not attend',
};

/** Refuses a second enrolment of one employee in one session while an earlier one is not CANCELLED. */
export function checkNotTwice(existing: readonly { status: EnrolmentStatus }[]): void {
  const active = existing.find((e) => e.status !== 'CANCELLED');
  if (!active || active.status === 'CANCELLED') return;
  throw new DomainError('ALREADY_ENROLLED', 'employeeId', `This employee ${ALREADY[active.status]}.`, 'CONFLICT');
}

// ---- Rule 7: who may move an enrolment, and when ----

export interface MoveInput {
  enrolment: { status: EnrolmentStatus; employeeId: string; memberId: string };
  to: EnrolmentStatus;
  actor: Actor;
  session: { startsAt: Date; trainerId: string | null };
  now: Date;
}

/** Nothing when the move is allowed; otherwise a DomainError saying why, in a sentence. */
export function checkMove({ enrolment, to, actor, session, now }: MoveInput): EnrolmentMove {
  const from = enrolment.status;
  if (!isStatus(from)) throw new DomainError('UNKNOWN_STATUS', 'status', `${String(from)} is not an enrolment status.`);
  if (!isStatus(to)) throw new DomainError('UNKNOWN_STATUS', 'status', `${String(to)} is not an enrolment status.`);
  // Whose enrolment: another's is not found, as if it did not exist.
  if (actor.role === 'EMPLOYEE' && actor.employeeId !== enrolment.employeeId) throw notFound();
  if (actor.role === 'MEMBER_HR' && actor.memberId !== enrolment.memberId) throw notFound();
  const move = moveOf(from, to);
  if (!move) {
    let message: string;
    if (from === to) message = `The enrolment is already ${from}.`;
    else if (isFinal(from)) message = `An enrolment that is ${from} is final: it cannot become ${to}.`;
    else {
      const next = ENROLMENT_MOVES.filter((m) => m.from === from).map((m) => m.to);
      message = `An enrolment that is ${from} cannot become ${to}; it can only become ${orList(next)}.`;
    }
    throw new DomainError('INVALID_STATUS_TRANSITION', 'status', message, 'CONFLICT');
  }
  const trainerOfSession = actor.role === 'TRAINER' && actor.trainerId === session.trainerId;
  if (!move.by.includes(actor.role) || (actor.role === 'TRAINER' && !trainerOfSession)) {
    const who = orList(move.by.map((role) => ROLE_WORDS[role]));
    throw new DomainError('MAY_NOT_MOVE', 'status', `Only ${who} can ${move.action}.`, 'FORBIDDEN');
  }
  const started = now.getTime() >= session.startsAt.getTime();
  if ((to === 'COMPLETED' || to === 'NO_SHOW') && !started) {
    throw new DomainError(
      'SESSION_NOT_STARTED',
      'status',
      `The session starts on ${amsterdamTime(session.startsAt)} (Amsterdam time): a result can be recorded from then on.`,
      'CONFLICT',
    );
  }
  const approving = from === 'REQUESTED' && to !== 'CANCELLED';
  const startedGuard = approving || (from === 'ENROLLED' && to === 'CANCELLED');
  if (startedGuard && started && actor.role !== 'ACADEMY_ADMIN') {
    throw new DomainError(
      'SESSION_STARTED',
      'status',
      approving
        ? 'The session has started: a request can no longer be approved.'
        : 'The session has started: the trainer records whether the employee attended; ask the Academy to cancel.',
      'CONFLICT',
    );
  }
  return move;
}

// ---- Rule 8: the waitlist, first come first served ----

export interface Waiting {
  id: string;
  /** The arrival sequence on the waitlist: lower came first. */
  position: number;
}

/**
 * Who is promoted when seats are free: the first `capacity − enrolled` of the waitlist in order of
 * arrival (ties, which the database's sequence never makes, keep the order given). The rest keep
 * waiting, in the same order. No seat is ever handed out twice: never more than are free.
 */
export function promote<W extends Waiting>(
  seats: { capacity: number; enrolled: number },
  waitlist: readonly W[],
): { promoted: W[]; waiting: W[] } {
  const free = Math.max(0, seats.capacity - seats.enrolled);
  const ordered = waitlist
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.position - b.entry.position || a.index - b.index)
    .map(({ entry }) => entry);
  return { promoted: ordered.slice(0, free), waiting: ordered.slice(free) };
}

/** The place (1 = next) of an enrolment on the waitlist; null when it is not on it. */
export function waitlistPlace(waitlist: readonly Waiting[], id: string): number | null {
  const { waiting } = promote({ capacity: 0, enrolled: 0 }, waitlist);
  const index = waiting.findIndex((entry) => entry.id === id);
  return index === -1 ? null : index + 1;
}
