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

const course = (o: Record<string, unknown> = {}) => ({
  code: 'INV-101',
  title: 'Invoercursus',
  description: 'Een cursus om invoer te toetsen.',
  studyLoadHours: '4',
  level: 'NONE',
  language: 'nl-NL',
  modeOfDelivery: 'ONLINE',
  price: '0.00',
  fundable: false,
  skills: [],
  ...o,
});
const path = (o: Record<string, unknown> = {}) => ({
  code: 'LL-INVOER',
  title: 'Invoerpad',
  description: 'Een leerlijn om invoer te toetsen.',
  steps: [{ position: 1, courseCode: 'VT-101', required: true }],
  ...o,
});

export const ACADEMY_MUTATION_CASES = [
  cases('createSkill', () => [
    ['a NUL in the code', { input: { code: `first-aid${NUL}`, name: 'Eerste hulp' } }, 'input.code'],
    ['an over-long name', { input: { code: 'invoer-toets', name: LONG } }, 'input.name'],
  ]),
  cases('createCourse', () => [
    ['a NUL in the title', { input: course({ title: `Invoer${NUL}` }) }, 'input.title'],
    ['an over-long description', { input: course({ description: LONG }) }, 'input.description'],
    ['a NUL in a skill', { input: course({ skills: [`feedback${NUL}`] }) }, 'input.skills.0'],
    [
      "an over-long work process's title",
      { input: course({ workProcesses: [{ code: 'B1-K1-W1', title: LONG }] }) },
      'input.workProcesses.0.title',
    ],
  ]),
  cases('updateCourse', () => [
    ['a NUL in the title', { id: demoId('course', 1), input: { title: `Klant${NUL}` } }, 'input.title'],
    ['an over-long description', { id: demoId('course', 1), input: { description: LONG } }, 'input.description'],
  ]),
  cases('createLearningPath', () => [
    ['a NUL in the title', { input: path({ title: `Pad${NUL}` }) }, 'input.title'],
    [
      'an over-long course code in a step',
      { input: path({ steps: [{ position: 1, courseCode: LONG, required: true }] }) },
      'input.steps.0.courseCode',
    ],
  ]),
  cases('updateLearningPath', () => [
    ['a NUL in the title', { id: demoId('learningPath', 1), input: { title: `Pad${NUL}` } }, 'input.title'],
    ['an over-long description', { id: demoId('learningPath', 1), input: { description: LONG } }, 'input.description'],
  ]),
  cases('changeCourseSession', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000`, input: { capacity: 5 } }, 'id'],
    ['a NUL in the trainer', { id: demoId('courseSession', 1), input: { trainerId: NUL } }, 'input.trainerId'],
  ]),
  cases('cancelCourseSession', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000`, reason: 'Ziek' }, 'id'],
    ['an over-long reason', { id: demoId('courseSession', 1), reason: LONG }, 'reason'],
  ]),
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
