import type { Identity } from '@samen-sterk/subgraph-runtime';
import { managesAcademy } from '../access';
import type { AcademyContext } from '../builder';
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
