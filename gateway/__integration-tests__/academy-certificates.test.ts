import { compactVerify, importJWK, type JWK } from 'jose';
import { expectOk, expectRefused, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { employeesOf, M1, M2 } from './testkit/ids';
import { hrOf } from './testkit/actors';
import { tokenFor } from './testkit/auth';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';
import {
  academyAdmin,
  COMPLETE,
  COURSE,
  ENROL,
  learner,
  learnerId,
  scheduleSession,
  type Enrolment,
} from './testkit/academy';

// Results and certificates through the real gateway: the session's trainer records a completion
// (from the session's start on); a certificate is issued with a verification code anyone can
// check without a token, as an Open Badges 3.0 credential signed ES256 (checked here with jose
// against the published key), and its skills show in the employee's skills passport. Nobody
// else's people are seen.
const tp = usePlatform();
const FRANK = employeesOf(1)[3]!;
const tokens = useTokens({
  admin: () => academyAdmin(),
  trainer: () => tokenFor({ sub: 'trainer-301', roles: ['employee'], memberId: M2, employeeId: learnerId(399) }),
  frank: () => learner(M1, FRANK),
  hr1: () => hrOf(M1),
  hr2: () => hrOf(M2),
  other: () => learner(M1, learnerId(302)),
});
const CERTIFICATE = `code kind title issuedOn expiresOn status workProcesses { code title } badge signedBadge`;
interface Certificate {
  code: string;
  kind: string;
  title: string;
  issuedOn: string;
  expiresOn: string | null;
  status: string;
  workProcesses: { code: string; title: string }[];
  badge: string;
  signedBadge: string;
}
let certificate: Certificate;

beforeAll(async () => {
  // BHV basis needs renewal (12 months) and teaches first aid and evacuation.
  const session = await scheduleSession(tp, tokens.admin, COURSE['BHV-101'], 8, { trainerId: 'trainer-301' });
  const e = expectOk(
    await tp.query<{ enrol: Enrolment }>(ENROL, {
      token: tokens.frank,
      variables: { sessionId: session, employeeId: FRANK },
    }),
  ).enrol;
  expect(e.status).toBe('ENROLLED');
  // The session has started (moved into the past here, as the clock would): results may be recorded.
  await tp.platform.subgraphs['academy']!.database.sql.query(
    `UPDATE course_session SET starts_at = now() - interval '1 hour', enrolment_closes_at = NULL WHERE id = $1`,
    [session],
  );
  const done = expectOk(
    await tp.query<{ recordCompletion: { status: string } }>(COMPLETE, {
      token: tokens.trainer,
      variables: { id: e.id, result: 'Goed' },
    }),
  );
  expect(done.recordCompletion.status).toBe('COMPLETED');
  const mine = expectOk(
    await tp.query<{ enrolment: { id: string } }>(`query($id: ID!) { enrolment(id: $id) { id } }`, {
      token: tokens.frank,
      variables: { id: e.id },
    }),
  );
  expect(mine.enrolment.id).toBe(e.id);
  const rows = await tp.platform.subgraphs['academy']!.database.sql.query<{ code: string }>(
    `SELECT code FROM certificate WHERE enrolment_id = $1`,
    [e.id],
  );
  const verified = expectOk(
    await tp.query<{ verifyCertificate: Certificate }>(
      `query($c: String!) { verifyCertificate(code: $c) { ${CERTIFICATE} } }`,
      { variables: { c: rows[0]!.code } },
    ),
  );
  certificate = verified.verifyCertificate;
});

test('anyone verifies a certificate by its code, without a token; typing is forgiving', async () => {
  expect(certificate).toMatchObject({ kind: 'CERTIFICATE', status: 'VALID', title: 'BHV basis' });
  expect(certificate.expiresOn).not.toBeNull();
  const typed = certificate.code.toLowerCase().replace(/-/g, ' ');
  const again = expectOk(
    await tp.query<{ verifyCertificate: { code: string } }>(
      `query($c: String!) { verifyCertificate(code: $c) { code } }`,
      { variables: { c: typed } },
    ),
  );
  expect(again.verifyCertificate.code).toBe(certificate.code);
  const wrong = certificate.code.slice(0, -1) + (certificate.code.endsWith('0') ? '1' : '0');
  expectRefused(
    await tp.query(`query($c: String!) { verifyCertificate(code: $c) { code } }`, { variables: { c: wrong } }),
    'BAD_USER_INPUT',
    'code',
  );
});

test('the Open Badges 3.0 credential is signed with the published key', async () => {
  const key = JSON.parse(
    expectOk(await tp.query<{ badgeIssuerKey: string }>(`{ badgeIssuerKey }`, {})).badgeIssuerKey,
  ) as JWK;
  expect(key.d).toBeUndefined();
  const { payload, protectedHeader } = await compactVerify(certificate.signedBadge, await importJWK(key, 'ES256'));
  expect(protectedHeader.alg).toBe('ES256');
  const vc = (
    JSON.parse(new TextDecoder().decode(payload)) as {
      vc: { type: string[]; credentialSubject: { achievement: { name: string } } };
    }
  ).vc;
  expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(vc.credentialSubject.achievement.name).toBe('BHV basis');
  expect(JSON.parse(certificate.badge)).toEqual(vc);
});

test("the employee's skills passport and certificates show it; their member's HR sees them, another member's nothing", async () => {
  const TRAINING = `query($id: ID!) { employee(id: $id) { id skills { code status } certificates(first: 10) { totalCount edges { node { code } } }
    enrolments(first: 10) { totalCount edges { node { status } } } } }`;
  type Training = {
    employee: {
      skills: { code: string; status: string }[];
      certificates: { totalCount: number; edges: { node: { code: string } }[] };
      enrolments: { totalCount: number };
    };
  };
  for (const token of [tokens.frank, tokens.hr1]) {
    const data = expectOk(await tp.query<Training>(TRAINING, { token, variables: { id: FRANK } })).employee;
    expect(nonEmpty(data.skills).map((s) => s.code)).toEqual(expect.arrayContaining(['first-aid', 'evacuation']));
    expect(data.skills.every((s) => s.status === 'HELD')).toBe(true);
    expect(nodes(data.certificates).map((c) => c.code)).toEqual([certificate.code]);
    expect(data.enrolments.totalCount).toBe(1);
  }
  // Another member's HR, a colleague: hr-payroll does not show them the employee at all.
  for (const token of [tokens.hr2, tokens.other]) {
    const res = await tp.query<Training>(TRAINING, { token, variables: { id: FRANK } });
    expect(res.data?.employee ?? null).toBeNull();
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(res.errors?.[0]?.extensions?.code);
    expect(JSON.stringify(res)).not.toContain(certificate.code);
  }
});

test("who needs recertification soon: the member's HR sees its people, expiring soonest first; others are refused", async () => {
  const DUE = `query($m: ID!) { recertificationDue(memberId: $m) { employeeId status daysLeft certificate { code title expiresOn } } }`;
  type Due = {
    recertificationDue: {
      employeeId: string;
      status: string;
      daysLeft: number;
      certificate: { code: string; title: string; expiresOn: string };
    }[];
  };
  const sql = tp.platform.subgraphs['academy']!.database.sql;
  const dueOf = async (token: string, member = M1) =>
    expectOk(await tp.query<Due>(DUE, { token, variables: { m: member } })).recertificationDue;
  // Valid for a year: nobody is due yet.
  expect((await dueOf(tokens.hr1)).map((d) => d.certificate.code)).not.toContain(certificate.code);
  // Its last day 20 days from today (in the Netherlands): listed, 20 days left.
  const day = (offset: number) =>
    new Date(Date.parse(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' })) + offset * 86_400_000)
      .toISOString()
      .slice(0, 10);
  await sql.query(`UPDATE certificate SET expires_on = $1 WHERE code = $2`, [day(20), certificate.code]);
  for (const token of [tokens.hr1, tokens.admin]) {
    const due = nonEmpty(await dueOf(token));
    expect(due.find((d) => d.certificate.code === certificate.code)).toEqual({
      employeeId: FRANK,
      status: 'EXPIRES_SOON',
      daysLeft: 20,
      certificate: { code: certificate.code, title: 'BHV basis', expiresOn: day(20) },
    });
    const left = due.map((d) => d.daysLeft);
    expect(left).toEqual([...left].sort((a, b) => a - b));
  }
  // Expired 31 days ago: listed as expired.
  await sql.query(`UPDATE certificate SET expires_on = $1 WHERE code = $2`, [day(-31), certificate.code]);
  expect((await dueOf(tokens.hr1)).find((d) => d.certificate.code === certificate.code)).toMatchObject({
    status: 'EXPIRED',
    daysLeft: -31,
  });
  // Another member's HR and the employee themself may not ask for member 1; member 2's list lacks them.
  for (const token of [tokens.hr2, tokens.frank])
    expectRefused(await tp.query(DUE, { token, variables: { m: M1 } }), 'FORBIDDEN');
  expect(JSON.stringify(await dueOf(tokens.hr2, M2))).not.toContain(certificate.code);
  await sql.query(`UPDATE certificate SET expires_on = $1 WHERE code = $2`, [certificate.expiresOn, certificate.code]);
});

test("the employee's progress on each learning path: BHV basis done counts on the paths that have it", async () => {
  const PATHS = `query($id: ID!) { employee(id: $id) { learningPaths { path { code } percent requiredDone requiredTotal complete
    completedOn next { course { code } } steps { position required state course { code } } } } }`;
  type Progress = {
    path: { code: string };
    percent: number;
    requiredDone: number;
    requiredTotal: number;
    complete: boolean;
    completedOn: string | null;
    next: { course: { code: string } } | null;
    steps: { position: number; required: boolean; state: string; course: { code: string } }[];
  };
  for (const token of [tokens.frank, tokens.hr1]) {
    const paths = expectOk(
      await tp.query<{ employee: { learningPaths: Progress[] } }>(PATHS, { token, variables: { id: FRANK } }),
    ).employee.learningPaths;
    expect(nonEmpty(paths).map((p) => p.path.code)).toEqual(
      expect.arrayContaining(['LL-ELEKTRA', 'LL-WERKBEGELEIDER', 'LL-WINKEL']),
    );
    // LL-WERKBEGELEIDER: KS-101, (FB-101), JC-200, BHV-101 — one of three required steps done: 33 % (rounded down).
    const coach = paths.find((p) => p.path.code === 'LL-WERKBEGELEIDER')!;
    expect(coach).toMatchObject({ percent: 33, requiredDone: 1, requiredTotal: 3, complete: false, completedOn: null });
    expect(coach.next!.course.code).toBe('KS-101');
    expect(coach.steps.map((s) => [s.course.code, s.state])).toEqual([
      ['KS-101', 'TODO'],
      ['FB-101', 'TODO'],
      ['JC-200', 'TODO'],
      ['BHV-101', 'DONE'],
    ]);
    // LL-WINKEL has BHV-101 as an optional step: no required step done yet.
    const shop = paths.find((p) => p.path.code === 'LL-WINKEL')!;
    expect(shop).toMatchObject({ percent: 0, requiredDone: 0 });
    expect(shop.steps.find((s) => s.course.code === 'BHV-101')!.state).toBe('DONE');
  }
  // Another member's HR does not see the employee at all.
  const res = await tp.query<{ employee: unknown }>(PATHS, { token: tokens.hr2, variables: { id: FRANK } });
  expect(res.data?.employee ?? null).toBeNull();
});
