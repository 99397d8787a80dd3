import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { tokenFor } from './auth';
import { expectOk } from './expect';
import type { TestPlatform } from './platform';

// What the Academy's integration tests share: the demo catalogue's ids (academy seed), the
// operations, and scheduling a session of a course for a test (the Academy's administrators).

/** Demo courses by code, in catalogue order (subgraphs/academy/src/seed/catalogue.json). */
export const COURSE = {
  'KS-101': demoId('course', 1),
  'SP-110': demoId('course', 2),
  'VT-101': demoId('course', 3),
  'HT-101': demoId('course', 4),
  'ELEK-101': demoId('course', 5),
  'ELEK-210': demoId('course', 6),
  'MEU-120': demoId('course', 7),
  'NT2-101': demoId('course', 8),
  'FB-101': demoId('course', 9),
  'JC-200': demoId('course', 10),
  'BHV-101': demoId('course', 11),
  'BHV-102': demoId('course', 12),
} as const;

export const academyAdmin = (sub = 'academy-admin') => tokenFor({ sub, roles: ['association-academy'] });
/** An employee of a member: the token names them (no hr-payroll record is needed to enrol oneself). */
export const learner = (memberId: string, employeeId: string, sub = `learner-${employeeId}`) =>
  tokenFor({ sub, roles: ['employee'], memberId, employeeId });
/** A made-up employee id for tests that need many distinct learners. */
export const learnerId = (n: number) => demoId('employee', 50_000 + n);

export const ENROL = `mutation($sessionId: ID!, $employeeId: ID!, $memberId: ID, $memberPays: Boolean, $overridePrerequisites: Boolean) {
  enrol(sessionId: $sessionId, employeeId: $employeeId, memberId: $memberId, memberPays: $memberPays, overridePrerequisites: $overridePrerequisites) {
    id status waitlistPosition funding reservedAmount } }`;
export const CANCEL = `mutation($id: ID!) { cancelEnrolment(id: $id) { id status } }`;
export const APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { id status waitlistPosition } }`;
export const COMPLETE = `mutation($id: ID!, $result: String) { recordCompletion(id: $id, result: $result) { id status } }`;
export const ENROLMENT = `query($id: ID!) { enrolment(id: $id) { id status waitlistPosition } }`;
export const SCHEDULE = `mutation($input: ScheduleCourseSessionInput!) {
  scheduleCourseSession(input: $input) { id startsAt endsAt capacity seatsTaken location course { code } } }`;
export const BUDGET = `query($id: ID!) { member(id: $id) { trainingBudget { year granted reserved spent available } } }`;

export interface Enrolment {
  id: string;
  status: string;
  waitlistPosition: number | null;
  funding: string;
  reservedAmount: string;
}

/** Schedules a session of `courseId` with `capacity` seats at a training centre, starting in `startsInMs`. */
export async function scheduleSession(
  tp: TestPlatform,
  admin: string,
  courseId: string,
  capacity: number,
  options: {
    startsInMs?: number;
    online?: boolean;
    trainerId?: string;
    enrolmentOpensAt?: string;
    enrolmentClosesAt?: string;
  } = {},
): Promise<string> {
  const startsAt = new Date(Date.now() + (options.startsInMs ?? 30 * 86_400_000));
  const res = await tp.query<{ scheduleCourseSession: { id: string } }>(SCHEDULE, {
    token: admin,
    variables: {
      input: {
        courseId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(),
        capacity,
        location: options.online
          ? { kind: 'ONLINE' }
          : { kind: 'TRAINING_CENTRE', name: 'Leerwerkplaats Test', city: 'Utrecht' },
        ...(options.trainerId ? { trainerId: options.trainerId } : {}),
        ...(options.enrolmentOpensAt ? { enrolmentOpensAt: options.enrolmentOpensAt } : {}),
        ...(options.enrolmentClosesAt ? { enrolmentClosesAt: options.enrolmentClosesAt } : {}),
      },
    },
  });
  return expectOk(res).scheduleCourseSession.id;
}
