// A learning system reading the Academy's catalogue and a member's enrolments and certificates,
// and checking each certificate as anyone can (without a token):
//   pnpm --filter @samen-sterk/sdk example:learning
// as the member's HR (`pnpm -s token --role member-hr`), against `pnpm start`.
import {
  CoursesDocument,
  createClient,
  EmployeeCertificatesDocument,
  LearningPathsDocument,
  MemberEnrolmentsDocument,
  VerifyCertificateDocument,
  type SamenSterkClient,
} from '../src';
import { runExample, whoAmI, type Say } from './run';

export async function main(client: SamenSterkClient, say: Say = console.log, url = client.url) {
  const { memberId, memberName, roles } = await whoAmI(client);
  say(`Signed in for ${memberName} (${roles.join(', ')}).`);

  const courses = await client.all(CoursesDocument, {}, (data) => data.courses);
  const paths = await client.all(LearningPathsDocument, {}, (data) => data.learningPaths);
  const sessions = courses.flatMap((course) => course.sessions.map((session) => ({ course, session })));
  const open = sessions.filter(({ session }) => session.seatsFree > 0);
  say(
    `The Academy offers ${courses.length} courses in ${paths.length} learning paths, ` +
      `with ${sessions.length} sessions to come (${open.length} with free seats).`,
  );
  const soonest = [...open].sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))[0];
  if (soonest) {
    say(
      `Next with free seats: ${soonest.course.code} "${soonest.course.title}" on ${soonest.session.startsAt.slice(0, 10)} ` +
        `at ${soonest.session.location} (${soonest.session.seatsFree} of ${soonest.session.capacity} free).`,
    );
  }

  const enrolments = await client.all(MemberEnrolmentsDocument, { memberId }, (data) => data.member?.enrolments);
  const byStatus = new Map<string, number>();
  for (const enrolment of enrolments) byStatus.set(enrolment.status, (byStatus.get(enrolment.status) ?? 0) + 1);
  say(
    `${memberName} has ${enrolments.length} enrolments` +
      (enrolments.length ? `: ${[...byStatus].map(([status, n]) => `${n} ${status}`).join(', ')}.` : '.'),
  );

  // Certificates of the employees who completed a course; each checked the way an employer
  // elsewhere would check it: by its code, without a token.
  const anyone = createClient({ url });
  const completed = [...new Set(enrolments.filter((e) => e.status === 'COMPLETED').map((e) => e.employeeId))];
  const certificates = [];
  for (const employeeId of completed) {
    const own = await client.all(EmployeeCertificatesDocument, { employeeId }, (data) => data.employee.certificates);
    for (const certificate of own) {
      const { verifyCertificate } = await anyone.request(VerifyCertificateDocument, { code: certificate.code });
      certificates.push({ employeeId, ...certificate, verifiedStatus: verifyCertificate.status });
      say(
        `Certificate ${certificate.code}: "${certificate.title}" (${certificate.kind}) issued ${certificate.issuedOn}` +
          `${certificate.expiresOn ? `, valid until ${certificate.expiresOn}` : ''}; checked without a token: ${verifyCertificate.status}.`,
      );
    }
  }
  if (completed.length === 0) say('Nobody has completed a course yet, so there are no certificates to read.');
  return { memberId, courses: courses.length, learningPaths: paths.length, enrolments, certificates };
}

if (require.main === module) runExample('member-hr', main);
