import { SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { employeesOf, M1, M2 } from './testkit/ids';
import { cents } from './testkit/money';
import { hrOf } from './testkit/actors';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';
import {
  academyAdmin,
  BUDGET,
  COURSE,
  ENROL,
  ENROLMENT,
  learner,
  learnerId,
  scheduleSession,
  type Enrolment,
} from './testkit/academy';

// The Academy's administrators keep the catalogue through the real gateway: skills, courses with
// prerequisite rules (no circles, no learning path step before what it requires), learning paths,
// retiring a course, changing and cancelling sessions. Every refusal names its field and writes
// nothing; nobody else may do any of it.
const tp = usePlatform();
const db = () => tp.platform.subgraphs['academy']!.database;
const tokens = useTokens({
  admin: () => academyAdmin(),
  hr1: () => hrOf(M1),
  ann: () => learner(M1, learnerId(501)),
});

const COURSE_FIELDS = `id code title price fundable renewalMonths skills { code } prerequisites { code }`;
const CREATE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { ${COURSE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { ${COURSE_FIELDS} } }`;
const CREATE_PATH = `mutation($input: CreateLearningPathInput!) { createLearningPath(input: $input) { id code steps { position required course { code } } } }`;
const CATALOGUE = `{ courses(first: 100) { edges { node { code } } } learningPaths(first: 100) { edges { node { code } } } }`;
type Course = {
  id: string;
  code: string;
  title: string;
  price: string;
  fundable: boolean;
  renewalMonths: number | null;
  skills: { code: string }[];
  prerequisites: { code: string }[];
};

const course = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  title: 'Kassa en retouren',
  description: 'Afrekenen, retouren en garantie aan de kassa van de kringloopwinkel.',
  studyLoadHours: '7.5',
  level: 'MBO_2',
  language: 'nl-NL',
  modeOfDelivery: 'IN_PERSON',
  price: '110.00',
  fundable: true,
  skills: ['cash-handling', 'customer-contact'],
  ...extra,
});
const create = (input: Record<string, unknown>, token = tokens.admin) =>
  tp.query<{ createCourse: Course }>(CREATE, { token, variables: { input } });
const update = (id: string, input: Record<string, unknown>) =>
  tp.query<{ updateCourse: Course }>(UPDATE, { token: tokens.admin, variables: { id, input } });
/** What member 1 has reserved in the year of the sessions here (they start in 30 days: maybe next year). */
const reservedOfMember1 = async () => {
  const year = new Date(Date.now() + 30 * 86_400_000).getUTCFullYear();
  const data = expectOk(
    await tp.query<{ member: { trainingBudget: { reserved: string } } }>(
      BUDGET.replace('trainingBudget {', `trainingBudget(year: ${year}) {`),
      { token: tokens.hr1, variables: { id: M1 } },
    ),
  );
  return cents(data.member.trainingBudget.reserved);
};
const catalogue = async () => {
  type Codes = { edges: { node: { code: string } }[] };
  const data = expectOk(await tp.query<{ courses: Codes; learningPaths: Codes }>(CATALOGUE, { token: tokens.ann }));
  return { courses: nodes(data.courses).map((c) => c.code), paths: nodes(data.learningPaths).map((p) => p.code) };
};

test('an Academy admin adds a skill and a course with a prerequisite rule; everyone finds it, and the rule holds at enrolment', async () => {
  expectOk(
    await tp.query(
      `mutation { createSkill(input: { code: "Returns-Handling", name: "Retouren afhandelen" }) { code name } }`,
      {
        token: tokens.admin,
      },
    ),
  );
  const created = expectOk(
    await create(
      course('kas-201', {
        skills: ['returns-handling', 'cash-handling'],
        renewalMonths: 24,
        workProcesses: [{ code: 'b1-k1-w3', title: 'Rekent af met klanten' }],
        prerequisites: { anyOf: [{ course: 'KS-101' }, { course: 'FB-101' }] },
      }),
    ),
  ).createCourse;
  expect(created).toMatchObject({ code: 'KAS-201', price: '110.00', fundable: true, renewalMonths: 24 });
  expect(created.skills.map((s) => s.code).sort()).toEqual(['cash-handling', 'returns-handling']);
  expect(created.prerequisites.map((c) => c.code)).toEqual(['FB-101', 'KS-101']);
  expect((await catalogue()).courses).toContain('KAS-201');
  // Ann completed neither KS-101 nor FB-101: refused, naming both options.
  const session = await scheduleSession(tp, tokens.admin, created.id, 10);
  const refused = await tp.query(ENROL, {
    token: tokens.ann,
    variables: { sessionId: session, employeeId: learnerId(501) },
  });
  expectRefused(refused, 'CONFLICT', 'sessionId');
  expect(refused.errors![0]!.message).toMatch(/KS-101.*FB-101|FB-101.*KS-101/);
});

test('nobody but the Academy admins keeps the catalogue: member HR and employees are refused, nothing written', async () => {
  for (const token of [tokens.hr1, tokens.ann]) {
    await expectRefusedWithoutWrites(db(), () => create(course('KAS-301'), token), 'FORBIDDEN');
    await expectRefusedWithoutWrites(
      db(),
      () => tp.query(UPDATE, { token, variables: { id: COURSE['VT-101'], input: { price: '1.00' } } }),
      'FORBIDDEN',
    );
  }
});

test.each([
  ['a code taken', course('VT-101'), 'CONFLICT', 'input.code'],
  ['a price in tenths of cents', course('KAS-302', { price: '12.345' }), 'BAD_USER_INPUT', 'input.price'],
  [
    'a study load not in quarter hours',
    course('KAS-303', { studyLoadHours: '2.1' }),
    'BAD_USER_INPUT',
    'input.studyLoadHours',
  ],
  ['an unknown skill', course('KAS-304', { skills: ['juggling'] }), 'BAD_USER_INPUT', 'input.skills.0'],
  ['a study load of 0 hours', course('KAS-305', { studyLoadHours: '0' }), 'BAD_USER_INPUT', 'input.studyLoadHours'],
  [
    'a rule naming a course that does not exist',
    course('KAS-306', { prerequisites: { course: 'XX-999' } }),
    'BAD_USER_INPUT',
    'input.prerequisites',
  ],
  [
    'a rule node with a course and a group at once',
    course('KAS-307', { prerequisites: { course: 'VT-101', allOf: [{ course: 'KS-101' }] } }),
    'BAD_USER_INPUT',
    'input.prerequisites',
  ],
  [
    'a course requiring only itself',
    course('KAS-308', { prerequisites: { course: 'KAS-308' } }),
    'BAD_USER_INPUT',
    'input.prerequisites.course',
  ],
  ['a title of two characters', course('KAS-309', { title: 'Ka' }), 'BAD_USER_INPUT', 'input.title'],
])('a course with %s is refused naming the field, nothing written', async (_what, input, code, field) => {
  const res = await expectRefusedWithoutWrites(db(), () => create(input), code, field);
  expect(res.errors![0]!.message.length).toBeGreaterThan(10);
});

test('a rule that would make courses require each other in a circle is refused', async () => {
  // MEU-120 requires VT-101; VT-101 requiring MEU-120 would close the circle.
  const res = await expectRefusedWithoutWrites(
    db(),
    () => update(COURSE['VT-101'], { prerequisites: { course: 'MEU-120' } }),
    'CONFLICT',
    'input.prerequisites',
  );
  expect(res.errors![0]!.message).toContain('VT-101');
});

test("a rule that would put a learning path's step before what it requires is refused, naming the path", async () => {
  // LL-ELEKTRA: VT-101 at step 1, ELEK-101 at step 2; VT-101 requiring ELEK-101 breaks that order.
  const res = await expectRefusedWithoutWrites(
    db(),
    () => update(COURSE['VT-101'], { prerequisites: { course: 'ELEK-101' } }),
    'CONFLICT',
    'input.prerequisites',
  );
  expect(res.errors![0]!.message).toContain('LL-ELEKTRA');
});

test('a new price holds for new enrolments; an enrolment keeps the amount it reserved', async () => {
  const id = expectOk(await create(course('KAS-401', { price: '100.00' }))).createCourse.id;
  const session = await scheduleSession(tp, tokens.admin, id, 10);
  const enrol = async (n: number) =>
    expectOk(
      await tp.query<{ enrol: Enrolment }>(ENROL, {
        token: tokens.hr1,
        variables: { sessionId: session, employeeId: employeesOf(1)[n] },
      }),
    ).enrol;
  expect((await enrol(1)).reservedAmount).toBe('100.00');
  expect(expectOk(await update(id, { price: '120.50' })).updateCourse.price).toBe('120.50');
  expect((await enrol(2)).reservedAmount).toBe('120.50');
  expect(await reservedOfMember1()).toBeGreaterThanOrEqual(22050n);
});

test('retiring a course: refused while on a path or while a session to come has people; else its empty sessions are cancelled', async () => {
  // ELEK-101 is required by ELEK-210 and a step of LL-ELEKTRA; NT2-101 only a step of LL-WINKEL.
  const required = await expectRefusedWithoutWrites(
    db(),
    () => update(COURSE['ELEK-101'], { active: false }),
    'CONFLICT',
    'input.active',
  );
  expect(required.errors![0]!.message).toBe('ELEK-101 is a prerequisite of ELEK-210; change its rule first.');
  const onPath = await expectRefusedWithoutWrites(
    db(),
    () => update(COURSE['NT2-101'], { active: false }),
    'CONFLICT',
    'input.active',
  );
  expect(onPath.errors![0]!.message).toContain('LL-WINKEL');
  const id = expectOk(await create(course('KAS-501'))).createCourse.id;
  const taken = await scheduleSession(tp, tokens.admin, id, 4);
  const e = expectOk(
    await tp.query<{ enrol: Enrolment }>(ENROL, {
      token: tokens.hr1,
      variables: { sessionId: taken, employeeId: employeesOf(1)[3] },
    }),
  ).enrol;
  await expectRefusedWithoutWrites(db(), () => update(id, { active: false }), 'CONFLICT', 'input.active');
  expectOk(
    await tp.query(`mutation($id: ID!) { cancelEnrolment(id: $id) { id } }`, {
      token: tokens.hr1,
      variables: { id: e.id },
    }),
  );
  const empty = await scheduleSession(tp, tokens.admin, id, 4);
  expectOk(await update(id, { active: false }));
  expect((await catalogue()).courses).not.toContain('KAS-501');
  const sessions = await db().sql.query<{ id: string; cancelled_at: Date | null }>(
    `SELECT id, cancelled_at FROM course_session WHERE course_id = $1`,
    [id],
  );
  expect(
    nonEmpty(sessions)
      .map((s) => s.id)
      .sort(),
  ).toEqual([taken, empty].sort());
  expect(sessions.every((s) => s.cancelled_at !== null)).toBe(true);
  // No new sessions of a retired course.
  await expect(scheduleSession(tp, tokens.admin, id, 4)).rejects.toThrow();
});

test('a learning path is checked against the catalogue: a step before what it requires is refused; a good one is listed', async () => {
  const steps = [
    { position: 1, courseCode: 'HT-101', required: true },
    { position: 2, courseCode: 'VT-101', required: true },
  ];
  const bad = {
    code: 'LL-MAGAZIJN',
    title: 'Magazijn en logistiek',
    description: 'Veilig werken in het magazijn.',
    steps,
  };
  const res = await expectRefusedWithoutWrites(
    db(),
    () => tp.query(CREATE_PATH, { token: tokens.admin, variables: { input: bad } }),
    'BAD_USER_INPUT',
    'input.steps.0.position',
  );
  expect(res.errors![0]!.message).toContain('VT-101');
  const good = {
    ...bad,
    steps: [
      { ...steps[1]!, position: 1 },
      { ...steps[0]!, position: 2, required: false },
    ],
  };
  const path = expectOk(
    await tp.query<{ createLearningPath: { code: string; steps: { position: number; course: { code: string } }[] } }>(
      CREATE_PATH,
      { token: tokens.admin, variables: { input: good } },
    ),
  ).createLearningPath;
  expect(path.steps.map((s) => s.course.code)).toEqual(['VT-101', 'HT-101']);
  expect((await catalogue()).paths).toContain('LL-MAGAZIJN');
  await expectRefusedWithoutWrites(
    db(),
    () => tp.query(CREATE_PATH, { token: tokens.admin, variables: { input: good } }),
    'CONFLICT',
    'input.code',
  );
});

test('more seats go to the waitlist in arrival order; fewer than enrolled is refused; a cancelled session releases everyone', async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['VT-101'], 1);
  const people = employeesOf(1).slice(4, 8);
  const made: Enrolment[] = [];
  for (const employeeId of nonEmpty(people))
    made.push(
      expectOk(
        await tp.query<{ enrol: Enrolment }>(ENROL, {
          token: tokens.hr1,
          variables: { sessionId: session, employeeId },
        }),
      ).enrol,
    );
  expect(made.map((e) => e.status)).toEqual(['ENROLLED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
  const CHANGE = `mutation($id: ID!, $input: ChangeCourseSessionInput!) { changeCourseSession(id: $id, input: $input) { capacity seatsTaken } }`;
  const changed = expectOk(
    await tp.query<{ changeCourseSession: { capacity: number; seatsTaken: number } }>(CHANGE, {
      token: tokens.admin,
      variables: { id: session, input: { capacity: 3 } },
    }),
  ).changeCourseSession;
  expect(changed).toEqual({ capacity: 3, seatsTaken: 3 });
  const statusOf = async (id: string) =>
    expectOk(await tp.query<{ enrolment: { status: string } }>(ENROLMENT, { token: tokens.hr1, variables: { id } }))
      .enrolment.status;
  expect(await Promise.all(made.map((e) => statusOf(e.id)))).toEqual([
    'ENROLLED',
    'ENROLLED',
    'ENROLLED',
    'WAITLISTED',
  ]);
  await expectRefusedWithoutWrites(
    db(),
    () => tp.query(CHANGE, { token: tokens.admin, variables: { id: session, input: { capacity: 2 } } }),
    'CONFLICT',
    'input.capacity',
  );
  const before = await reservedOfMember1();
  const CANCEL_SESSION = `mutation($id: ID!) { cancelCourseSession(id: $id, reason: "Trainer ziek") { cancelledAt seatsTaken } }`;
  const cancelled = expectOk(
    await tp.query<{ cancelCourseSession: { cancelledAt: string; seatsTaken: number } }>(CANCEL_SESSION, {
      token: tokens.admin,
      variables: { id: session },
    }),
  ).cancelCourseSession;
  expect(cancelled.seatsTaken).toBe(0);
  expect(await Promise.all(made.map((e) => statusOf(e.id)))).toEqual([
    'CANCELLED',
    'CANCELLED',
    'CANCELLED',
    'CANCELLED',
  ]);
  const after = await reservedOfMember1();
  // Four reservations of VT-101 (€75.00 each) released.
  expect(before - after).toBe(30000n);
  await expectRefusedWithoutWrites(
    db(),
    () => tp.query(CANCEL_SESSION, { token: tokens.admin, variables: { id: session } }),
    'CONFLICT',
    'id',
  );
});

test('when a session starts, the platform cancels who still waits or awaits approval and releases their budget', async () => {
  const session = await scheduleSession(tp, tokens.admin, COURSE['VT-101'], 1);
  const enrolAs = async (token: string, employeeId: string) =>
    expectOk(await tp.query<{ enrol: Enrolment }>(ENROL, { token, variables: { sessionId: session, employeeId } }))
      .enrol;
  const seated = await enrolAs(tokens.hr1, employeesOf(1)[9]!);
  const waiting = await enrolAs(tokens.hr1, employeesOf(1)[10]!);
  // Member 2 approves its employees' own enrolments: this one still awaits approval.
  const asking = await enrolAs(await learner(M2, learnerId(502)), learnerId(502));
  expect([seated.status, waiting.status, asking.status]).toEqual(['ENROLLED', 'WAITLISTED', 'REQUESTED']);
  const reservedBefore = await reservedOfMember1();
  const job = SUBGRAPH_DEFINITIONS.find((d) => d.name === 'academy')!.jobs!.find(
    (j) => j.name === 'close-started-sessions',
  )!;
  const prisma = db().prisma;
  // Before the start the job leaves them be.
  await job.run(prisma);
  const statusOf = async (id: string) =>
    (await db().sql.query<{ status: string }>(`SELECT status FROM enrolment WHERE id = $1`, [id]))[0]!.status;
  expect(await statusOf(waiting.id)).toBe('WAITLISTED');
  await db().sql.query(
    `UPDATE course_session SET starts_at = now() - interval '1 minute', enrolment_closes_at = NULL WHERE id = $1`,
    [session],
  );
  await job.run(prisma);
  expect([await statusOf(seated.id), await statusOf(waiting.id), await statusOf(asking.id)]).toEqual([
    'ENROLLED',
    'CANCELLED',
    'CANCELLED',
  ]);
  // The waiting one's €75.00 is released; the seated one's stays reserved until completion or no-show.
  expect(reservedBefore - (await reservedOfMember1())).toBe(7500n);
  const audit = await db().sql.query<{ actor_id: string }>(
    `SELECT actor_id FROM audit_log_entry WHERE entity_id = $1 AND action = 'ENROLMENT_CANCELLED'`,
    [waiting.id],
  );
  expect(audit.map((a) => a.actor_id)).toEqual(['platform']);
});
