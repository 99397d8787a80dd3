import fc from 'fast-check';
import {
  ACTIVE_STATUSES,
  checkEnrolmentWindow,
  checkMayEnrol,
  checkMove,
  checkNotTwice,
  ENROLMENT_MOVES,
  ENROLMENT_STATUSES,
  newEnrolmentStatus,
  promote,
  waitlistPlace,
  type Actor,
  type EnrolmentStatus,
} from '../enrolment';
import { at } from './fixtures';

const M1 = 'member-1';
const session = { startsAt: at('2026-04-14T09:00:00+02:00'), trainerId: 'trainer-1' };
const before = at('2026-04-01T10:00:00+02:00');
const during = at('2026-04-14T16:00:00+02:00');
const enrolment = (status: EnrolmentStatus) => ({ status, employeeId: 'emp-1', memberId: M1 });
const hr: Actor = { role: 'MEMBER_HR', memberId: M1 };
const self: Actor = { role: 'EMPLOYEE', employeeId: 'emp-1' };
const trainer: Actor = { role: 'TRAINER', trainerId: 'trainer-1' };
const admin: Actor = { role: 'ACADEMY_ADMIN' };
const system: Actor = { role: 'SYSTEM' };

describe('who may enrol whom (rule 3)', () => {
  test('an employee themself, member HR its own people, an Academy admin anyone', () => {
    expect(() => checkMayEnrol(self, { employeeId: 'emp-1', memberId: M1 })).not.toThrow();
    expect(() => checkMayEnrol(hr, { employeeId: 'emp-9', memberId: M1 })).not.toThrow();
    expect(() => checkMayEnrol(admin, { employeeId: 'emp-9', memberId: 'member-2' })).not.toThrow();
  });

  test('another person, another member’s employee, a trainer: refused', () => {
    expect(() => checkMayEnrol(self, { employeeId: 'emp-2', memberId: M1 })).toThrow(
      expect.objectContaining({ reason: 'NOT_SELF', kind: 'FORBIDDEN', message: 'You can only enrol yourself.' }),
    );
    expect(() => checkMayEnrol(hr, { employeeId: 'emp-9', memberId: 'member-2' })).toThrow(
      expect.objectContaining({ kind: 'NOT_FOUND', message: 'There is no such employee in your member organisation.' }),
    );
    expect(() => checkMayEnrol(trainer, { employeeId: 'emp-1', memberId: M1 })).toThrow(
      expect.objectContaining({ kind: 'FORBIDDEN' }),
    );
  });
});

describe('the state of a new enrolment (rule 4)', () => {
  const free = { capacity: 12, enrolled: 11, waiting: 0 };
  const full = { capacity: 12, enrolled: 12, waiting: 0 };
  test.each([
    ['MEMBER_HR', true, free, 'ENROLLED'],
    ['MEMBER_HR', true, full, 'WAITLISTED'],
    ['EMPLOYEE', true, free, 'REQUESTED'],
    ['EMPLOYEE', false, free, 'ENROLLED'],
    ['EMPLOYEE', false, full, 'WAITLISTED'],
    ['ACADEMY_ADMIN', true, free, 'REQUESTED'],
    ['ACADEMY_ADMIN', false, full, 'WAITLISTED'],
  ] as const)('made by %s, approval required %s, seats %o: %s', (madeBy, memberRequiresApproval, seats, status) => {
    expect(newEnrolmentStatus({ madeBy, memberRequiresApproval, seats })).toBe(status);
  });

  test('a free seat does not let a newcomer pass someone already waiting', () => {
    const seats = { capacity: 12, enrolled: 10, waiting: 3 };
    expect(newEnrolmentStatus({ madeBy: 'MEMBER_HR', memberRequiresApproval: false, seats })).toBe('WAITLISTED');
  });
});

describe('the enrolment window (rule 5)', () => {
  const window = {
    startsAt: session.startsAt,
    enrolmentOpensAt: at('2026-03-01T09:00:00+01:00'),
    enrolmentClosesAt: at('2026-04-07T17:00:00+02:00'),
  };
  test('open from its opening (inclusive) to its closing (exclusive), with the moment in Amsterdam time', () => {
    expect(() => checkEnrolmentWindow({ ...window, now: window.enrolmentOpensAt })).not.toThrow();
    expect(() => checkEnrolmentWindow({ ...window, now: at('2026-02-28T12:00:00+01:00') })).toThrow(
      expect.objectContaining({
        reason: 'ENROLMENT_NOT_OPEN',
        kind: 'CONFLICT',
        message: 'Enrolment for this session opens on 2026-03-01 09:00 (Amsterdam time).',
      }),
    );
    expect(() => checkEnrolmentWindow({ ...window, now: window.enrolmentClosesAt })).toThrow(
      'Enrolment for this session closed on 2026-04-07 17:00 (Amsterdam time).',
    );
  });
  test('without a window: open until the session starts', () => {
    const open = { startsAt: session.startsAt, enrolmentOpensAt: null, enrolmentClosesAt: null };
    expect(() => checkEnrolmentWindow({ ...open, now: before })).not.toThrow();
    expect(() => checkEnrolmentWindow({ ...open, now: session.startsAt })).toThrow('closed on 2026-04-14 09:00');
  });
});

describe('not twice for the same session (rule 6)', () => {
  test('refused while an earlier enrolment is anything but cancelled', () => {
    expect(() => checkNotTwice([])).not.toThrow();
    expect(() => checkNotTwice([{ status: 'CANCELLED' }, { status: 'CANCELLED' }])).not.toThrow();
    expect(() => checkNotTwice([{ status: 'CANCELLED' }, { status: 'WAITLISTED' }])).toThrow(
      expect.objectContaining({
        reason: 'ALREADY_ENROLLED',
        kind: 'CONFLICT',
        message: 'This employee is already on the waitlist of this session.',
      }),
    );
    for (const status of ACTIVE_STATUSES) expect(() => checkNotTwice([{ status }])).toThrow('This employee');
  });
});

describe('moves and who may make them (rule 7)', () => {
  const move = (status: EnrolmentStatus, to: EnrolmentStatus, actor: Actor, now = before) =>
    checkMove({ enrolment: enrolment(status), to, actor, session, now });

  test('the allowed moves, each by its people', () => {
    expect(move('REQUESTED', 'ENROLLED', hr).action).toBe('approve the request');
    expect(move('REQUESTED', 'CANCELLED', self).action).toBe('cancel the enrolment');
    expect(move('WAITLISTED', 'ENROLLED', system).action).toBe('promote from the waitlist');
    expect(move('ENROLLED', 'CANCELLED', hr).action).toBe('cancel the enrolment');
    expect(move('ENROLLED', 'COMPLETED', trainer, during).action).toBe('record the completion');
    expect(move('ENROLLED', 'NO_SHOW', admin, during).action).toBe('record a no-show');
  });

  test('refusals, in sentences', () => {
    expect(() => move('REQUESTED', 'ENROLLED', self)).toThrow(
      expect.objectContaining({ kind: 'FORBIDDEN', message: "Only the member's HR staff can approve the request." }),
    );
    expect(() => move('WAITLISTED', 'ENROLLED', admin)).toThrow('Only the platform can promote from the waitlist.');
    expect(() => move('ENROLLED', 'COMPLETED', { role: 'TRAINER', trainerId: 'trainer-2' }, during)).toThrow(
      "Only the session's trainer or an Academy admin can record the completion.",
    );
    expect(() => move('ENROLLED', 'COMPLETED', trainer, before)).toThrow(
      expect.objectContaining({ reason: 'SESSION_NOT_STARTED', kind: 'CONFLICT' }),
    );
    expect(() => move('ENROLLED', 'CANCELLED', self, during)).toThrow(
      expect.objectContaining({ reason: 'SESSION_STARTED' }),
    );
    expect(move('ENROLLED', 'CANCELLED', admin, during).action).toBe('cancel the enrolment');
    expect(() => move('COMPLETED', 'CANCELLED', admin)).toThrow(
      'An enrolment that is COMPLETED is final: it cannot become CANCELLED.',
    );
    expect(() => move('WAITLISTED', 'COMPLETED', admin)).toThrow(
      'An enrolment that is WAITLISTED cannot become COMPLETED; it can only become ENROLLED or CANCELLED.',
    );
    expect(() => move('ENROLLED', 'ENROLLED', admin)).toThrow('The enrolment is already ENROLLED.');
  });

  test('another person’s or another member’s enrolment is not found, whatever the move', () => {
    const other = { status: 'ENROLLED' as const, employeeId: 'emp-2', memberId: 'member-2' };
    for (const actor of [self, hr]) {
      expect(() => checkMove({ enrolment: other, to: 'CANCELLED', actor, session, now: before })).toThrow(
        expect.objectContaining({ kind: 'NOT_FOUND', message: 'There is no such enrolment.' }),
      );
    }
  });

  test('property: a move is allowed only if it is in the table, and final statuses lead nowhere', () => {
    const actors = [self, hr, trainer, admin, system];
    fc.assert(
      fc.property(
        fc.constantFrom(...ENROLMENT_STATUSES),
        fc.constantFrom(...ENROLMENT_STATUSES),
        fc.constantFrom(...actors),
        fc.boolean(),
        (from, to, actor, started) => {
          const listed = ENROLMENT_MOVES.some((m) => m.from === from && m.to === to && m.by.includes(actor.role));
          let allowed = true;
          try {
            move(from, to, actor, started ? during : before);
          } catch {
            allowed = false;
          }
          if (allowed) expect(listed).toBe(true);
          if (['COMPLETED', 'NO_SHOW', 'CANCELLED'].includes(from)) expect(allowed).toBe(false);
        },
      ),
    );
  });
});

describe('the waitlist (rule 8)', () => {
  const waitlist = [
    { id: 'c', position: 7 },
    { id: 'a', position: 3 },
    { id: 'b', position: 5 },
  ];
  test('first come, first served: as many as seats are free', () => {
    expect(promote({ capacity: 12, enrolled: 10 }, waitlist)).toEqual({
      promoted: [waitlist[1], waitlist[2]],
      waiting: [waitlist[0]],
    });
    expect(promote({ capacity: 12, enrolled: 12 }, waitlist).promoted).toEqual([]);
    expect(promote({ capacity: 12, enrolled: 13 }, waitlist).promoted).toEqual([]);
    expect(waitlistPlace(waitlist, 'c')).toBe(3);
    expect(waitlistPlace(waitlist, 'x')).toBeNull();
  });

  type Op = { kind: 'enrol'; approval: boolean } | { kind: 'approve'; pick: number } | { kind: 'cancel'; pick: number };
  const ops = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('enrol' as const), approval: fc.boolean() }),
      fc.record({ kind: fc.constant('approve' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    ),
    { maxLength: 120 },
  );

  test('property: never more enrolled than seats, no seat free while anyone waits, promotions in arrival order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), ops, (capacity, sequence: Op[]) => {
        const rows: { id: string; status: EnrolmentStatus; position: number }[] = [];
        const promotedPositions: number[] = [];
        let arrival = 0;
        const count = (s: EnrolmentStatus) => rows.filter((r) => r.status === s).length;
        const seats = () => ({ capacity, enrolled: count('ENROLLED'), waiting: count('WAITLISTED') });
        const place = (row: (typeof rows)[number], status: 'ENROLLED' | 'WAITLISTED' | 'REQUESTED') => {
          row.status = status;
          if (status === 'WAITLISTED') row.position = ++arrival;
        };
        const fillSeats = () => {
          const waiting = rows.filter((r) => r.status === 'WAITLISTED');
          for (const row of promote(seats(), waiting).promoted) {
            checkMove({ enrolment: { ...enrolment(row.status) }, to: 'ENROLLED', actor: system, session, now: before });
            row.status = 'ENROLLED';
            promotedPositions.push(row.position);
          }
        };
        for (const op of sequence) {
          if (op.kind === 'enrol') {
            const row = { id: String(rows.length), status: 'REQUESTED' as EnrolmentStatus, position: 0 };
            rows.push(row);
            place(row, newEnrolmentStatus({ madeBy: 'EMPLOYEE', memberRequiresApproval: op.approval, seats: seats() }));
          } else {
            const wanted: EnrolmentStatus[] =
              op.kind === 'approve' ? ['REQUESTED'] : ['REQUESTED', 'WAITLISTED', 'ENROLLED'];
            const candidates = rows.filter((r) => wanted.includes(r.status));
            if (candidates.length === 0) continue;
            const row = candidates[op.pick % candidates.length]!;
            if (op.kind === 'approve')
              place(row, newEnrolmentStatus({ madeBy: 'MEMBER_HR', memberRequiresApproval: true, seats: seats() }));
            else
              row.status = checkMove({
                enrolment: enrolment(row.status),
                to: 'CANCELLED',
                actor: hr,
                session,
                now: before,
              }).to;
            fillSeats();
          }
          expect(count('ENROLLED')).toBeLessThanOrEqual(capacity);
          if (count('WAITLISTED') > 0) expect(count('ENROLLED')).toBe(capacity);
        }
        expect(promotedPositions).toEqual([...promotedPositions].sort((a, b) => a - b));
      }),
    );
  });
});
