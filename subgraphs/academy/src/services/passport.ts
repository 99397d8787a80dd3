import type { Identity } from '@samen-sterk/subgraph-runtime';
import { managesAcademy } from '../access';
import type { AcademyContext } from '../builder';
import { visibleEnrolments } from '../data/enrolments';
import { pathProgress } from '../domain/learning-path';
import { skillsPassport } from '../domain/skills';
import type { Prisma } from '../generated/prisma/client';

/**
 * Certificates the caller may see: the Academy's administrators all; member HR its member's;
 * an employee their own. Anyone else none (the passport is then empty too).
 */
export function visibleCertificates(identity: Identity | null): Prisma.CertificateWhereInput {
  if (managesAcademy(identity)) return {};
  const or: Prisma.CertificateWhereInput[] = [];
  if (identity?.memberId && identity.roles.includes('member-hr')) or.push({ memberId: identity.memberId });
  if (identity?.employeeId && identity.memberId && identity.roles.includes('employee'))
    or.push({ employeeId: identity.employeeId, memberId: identity.memberId });
  return or.length ? { OR: or } : { id: { in: [] } };
}

/** The employee's skills passport on a day, from the course certificates the caller may see. */
export async function skillsPassportOf(ctx: AcademyContext, employeeId: string, on: Date) {
  const certificates = await ctx.db.certificate.findMany({
    where: { employeeId, courseId: { not: null }, ...visibleCertificates(ctx.identity) },
    include: { course: { include: { skills: { include: { skill: true } } } } },
  });
  const skillsOfCourse: Record<string, { code: string; name: string }[]> = {};
  for (const c of certificates)
    skillsOfCourse[c.course!.code] = c.course!.skills.map((s) => ({ code: s.skill.code, name: s.skill.name }));
  return skillsPassport(
    certificates.map((c) => ({
      courseCode: c.course!.code,
      completedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      revoked: !!c.revokedOn && c.revokedOn.getTime() <= on.getTime(),
    })),
    skillsOfCourse,
    on,
  );
}

/** At most this many learning paths are shown with progress (the Academy has a handful). */
const PATHS_SHOWN = 100;

/**
 * The employee's progress on every learning path on offer, on a day (rule 10): from the course
 * certificates and the active enrolments the caller may see. Paths by code.
 */
export async function pathProgressOf(ctx: AcademyContext, employeeId: string, on: Date) {
  const [paths, certificates, active] = await Promise.all([
    ctx.db.learningPath.findMany({
      where: { active: true },
      orderBy: { code: 'asc' },
      take: PATHS_SHOWN,
      include: { steps: { include: { course: true }, orderBy: { position: 'asc' } } },
    }),
    ctx.db.certificate.findMany({
      where: { employeeId, courseId: { not: null }, revokedOn: null, ...visibleCertificates(ctx.identity) },
      select: { issuedOn: true, expiresOn: true, course: { select: { code: true } } },
    }),
    ctx.db.enrolment.findMany({
      where: {
        employeeId,
        status: { in: ['REQUESTED', 'WAITLISTED', 'ENROLLED'] },
        ...visibleEnrolments(ctx.identity),
      },
      select: { session: { select: { course: { select: { code: true } } } } },
    }),
  ]);
  const completions = certificates.map((c) => ({
    courseCode: c.course!.code,
    completedOn: c.issuedOn,
    expiresOn: c.expiresOn,
  }));
  const enrolledIn = active.map((e) => e.session.course.code);
  return paths.map((path) => {
    const courses = new Map(path.steps.map((s) => [s.position, s.course]));
    const progress = pathProgress(
      { steps: path.steps.map((s) => ({ position: s.position, courseCode: s.course.code, required: s.required })) },
      completions,
      enrolledIn,
      on,
    );
    const withCourse = (step: (typeof progress.steps)[number]) => ({ ...step, course: courses.get(step.position)! });
    return {
      path,
      ...progress,
      steps: progress.steps.map(withCourse),
      next: progress.next && withCourse(progress.next),
    };
  });
}
