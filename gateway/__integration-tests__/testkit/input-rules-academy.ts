import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { M1, UNKNOWN_ID } from './ids';
import { cases, LONG, NUL } from './input-rules';

// The Academy's mutations in the table of input-rules-every-mutation.test.ts: a control
// character and over-long text, refused with BAD_USER_INPUT on the argument, nothing written.

const session = (o: Record<string, unknown> = {}) => {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  return {
    courseId: demoId('course', 1),
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    capacity: 10,
    location: { kind: 'TRAINING_CENTRE', name: 'Leerwerkplaats Invoer', city: 'Utrecht' },
    ...o,
  };
};

export const ACADEMY_MUTATION_CASES = [
  cases('scheduleCourseSession', () => [
    ['a NUL in the course id', { input: session({ courseId: `${UNKNOWN_ID}\u0000` }) }, 'input.courseId'],
    [
      "an over-long centre's name",
      { input: session({ location: { kind: 'TRAINING_CENTRE', name: LONG, city: 'Utrecht' } }) },
      'input.location.name',
    ],
    ['a NUL in the trainer', { input: session({ trainerId: NUL }) }, 'input.trainerId'],
  ]),
  cases('enrol', () => [
    [
      'a NUL in the session id',
      { sessionId: `${UNKNOWN_ID}\u0000`, employeeId: UNKNOWN_ID, memberId: M1 },
      'sessionId',
    ],
    ['an over-long employee id', { sessionId: UNKNOWN_ID, employeeId: LONG, memberId: M1 }, 'employeeId'],
  ]),
  cases('approveEnrolment', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('cancelEnrolment', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('recordCompletion', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['a NUL in the result', { id: UNKNOWN_ID, result: NUL }, 'result'],
    ['an over-long result', { id: UNKNOWN_ID, result: LONG }, 'result'],
  ]),
  cases('recordNoShow', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('grantTrainingBudget', () => [
    ['a NUL in the member id', { memberId: `${M1}\u0000`, year: 2027, granted: '100.00' }, 'memberId'],
    ['an over-long member id', { memberId: LONG, year: 2027, granted: '100.00' }, 'memberId'],
  ]),
];
