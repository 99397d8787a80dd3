import { expectOk, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1 } from './testkit/ids';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';
import {
  academyAdmin,
  CANCEL,
  COURSE,
  ENROL,
  ENROLMENT,
  learner,
  learnerId,
  scheduleSession,
  type Enrolment,
} from './testkit/academy';

// The Academy through the real gateway: an employee finds a learning path and its courses'
// sessions, enrols, is waitlisted when the session is full and promoted when someone cancels;
// 30 enrolments at once into 5 seats end with exactly 5 enrolled and the rest waiting in order.
const tp = usePlatform();
const db = () => tp.platform.subgraphs['academy']!.database;
const tokens = useTokens({
  admin: () => academyAdmin(),
  anna: () => learner(M1, learnerId(1)),
  bram: () => learner(M1, learnerId(2)),
  cato: () => learner(M1, learnerId(3)),
});
const enrol = async (token: string, sessionId: string, employeeId: string) =>
  expectOk(await tp.query<{ enrol: Enrolment }>(ENROL, { token, variables: { sessionId, employeeId } })).enrol;

test('an employee finds a learning path, its courses in order and their sessions to come', async () => {
  const data = expectOk(
    await tp.query<{
      learningPaths: {
        edges: {
          node: {
            code: string;
            steps: {
              position: number;
              required: boolean;
              course: {
                code: string;
                sessions: { id: string; startsAt: string; capacity: number; seatsTaken: number; location: string }[];
              };
            }[];
          };
        }[];
      };
    }>(
      `query { learningPaths(first: 10) { edges { node { code steps { position required course { code price fundable
         prerequisites { id } sessions { id startsAt endsAt capacity seatsTaken location } } } } } } }`,
      { token: tokens.anna },
    ),
  );
  const winkel = nodes(data.learningPaths).find((p) => p.code === 'LL-WINKEL')!;
  expect(winkel.steps.map((s) => s.course.code)).toEqual(['KS-101', 'SP-110', 'VT-101', 'NT2-101', 'BHV-101']);
  for (const step of nonEmpty(winkel.steps)) {
    const sessions = nonEmpty(step.course.sessions);
    for (const s of sessions) expect(new Date(s.startsAt).getTime()).toBeGreaterThan(Date.now());
  }
});

test('the catalogue: courses with code, price as two decimals, prerequisites and sessions', async () => {
  const data = expectOk(
    await tp.query<{
      courses: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            code: string;
            price: string;
            fundable: boolean;
            studyLoadHours: string;
            prerequisites: { id: string }[];
            skills: { code: string }[];
          };
        }[];
      };
    }>(
      `query { courses(first: 50) { totalCount edges { node { id code title description studyLoadHours level language modeOfDelivery
        skills { code name } price fundable prerequisites { id } sessions { id startsAt endsAt capacity seatsTaken location } } } } }`,
      { token: tokens.anna },
    ),
  );
  const courses = nonEmpty(nodes(data.courses));
  expect(data.courses.totalCount).toBe(12);
  const elek210 = courses.find((c) => c.code === 'ELEK-210')!;
  expect(elek210.prerequisites.map((p) => p.id).sort()).toEqual(
    [COURSE['ELEK-101'], COURSE['VT-101'], COURSE['HT-101']].sort(),
  );
  expect(courses.find((c) => c.code === 'KS-101')!.price).toBe('95.00');
  expect(courses.find((c) => c.code === 'FB-101')).toMatchObject({ price: '0.00', fundable: false });
});

test('enrolled while seats are free, waitlisted when full, promoted when someone cancels', async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['KS-101'], 2);
  const a = await enrol(tokens.anna, session, learnerId(1));
  const b = await enrol(tokens.bram, session, learnerId(2));
  const c = await enrol(tokens.cato, session, learnerId(3));
  expect([a.status, b.status, c.status]).toEqual(['ENROLLED', 'ENROLLED', 'WAITLISTED']);
  expect(c.waitlistPosition).toBe(1);
  expect(
    expectOk(
      await tp.query<{ cancelEnrolment: { status: string } }>(CANCEL, { token: tokens.anna, variables: { id: a.id } }),
    ).cancelEnrolment.status,
  ).toBe('CANCELLED');
  const promoted = expectOk(
    await tp.query<{ enrolment: { status: string } }>(ENROLMENT, { token: tokens.cato, variables: { id: c.id } }),
  );
  expect(promoted.enrolment.status).toBe('ENROLLED');
  const seats = expectOk(
    await tp.query<{ courseSession: { seatsTaken: number } }>(
      `query($id: ID!) { courseSession(id: $id) { seatsTaken } }`,
      { token: tokens.cato, variables: { id: session } },
    ),
  );
  expect(seats.courseSession.seatsTaken).toBe(2);
});

test('twice for one session is refused, naming what the first is, and nothing is written', async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['SP-110'], 1);
  await enrol(tokens.anna, session, learnerId(1));
  const res = await expectRefusedWithoutWrites(
    db(),
    () => tp.query(ENROL, { token: tokens.anna, variables: { sessionId: session, employeeId: learnerId(1) } }),
    'CONFLICT',
    'employeeId',
  );
  expect(res.errors?.[0]?.message).toBe('This employee is already enrolled in this session.');
});

test('an employee enrols only themself; a session that does not exist is not found', async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['SP-110'], 3);
  await expectRefusedWithoutWrites(
    db(),
    () => tp.query(ENROL, { token: tokens.anna, variables: { sessionId: session, employeeId: learnerId(2) } }),
    'FORBIDDEN',
    'employeeId',
  );
  await expectRefusedWithoutWrites(
    db(),
    () => tp.query(ENROL, { token: tokens.anna, variables: { sessionId: learnerId(99), employeeId: learnerId(1) } }),
    'NOT_FOUND',
    'sessionId',
  );
});

test('outside the enrolment window: refused with the moment in Amsterdam time, nothing written', async () => {
  const opens = new Date(Date.now() + 10 * 86_400_000);
  const session = await scheduleSession(tp, tokens.admin, COURSE['SP-110'], 3, {
    enrolmentOpensAt: opens.toISOString(),
  });
  const res = await expectRefusedWithoutWrites(
    db(),
    () => tp.query(ENROL, { token: tokens.anna, variables: { sessionId: session, employeeId: learnerId(1) } }),
    'CONFLICT',
    'sessionId',
  );
  expect(res.errors?.[0]?.message).toMatch(
    /^Enrolment for this session opens on \d{4}-\d\d-\d\d \d\d:\d\d \(Amsterdam time\)\.$/,
  );
});

test('30 enrolments at once into 5 seats: exactly 5 enrolled, 25 waiting in arrival order', async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['FB-101'], 5, { online: true });
  const learners = await Promise.all(Array.from({ length: 30 }, (_, i) => learner(M1, learnerId(100 + i))));
  const results = await Promise.all(learners.map((token, i) => enrol(token, session, learnerId(100 + i))));
  expect(results.filter((r) => r.status === 'ENROLLED')).toHaveLength(5);
  const waiting = results.filter((r) => r.status === 'WAITLISTED');
  expect(waiting).toHaveLength(25);
  expect(waiting.map((w) => w.waitlistPosition).sort((x, y) => x! - y!)).toEqual(
    Array.from({ length: 25 }, (_, i) => i + 1),
  );
  const seats = await db().sql.query<{ enrolled_count: number }>(
    `SELECT enrolled_count FROM course_session WHERE id = $1`,
    [session],
  );
  expect(Number(seats[0]!.enrolled_count)).toBe(5);
});
