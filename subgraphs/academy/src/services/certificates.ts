import { recordChange, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { randomBytes } from 'node:crypto';
import type { AcademyContext } from '../builder';
import { CODE_RANDOM_BYTES, issueCertificate, parseVerificationCode, pathWorkProcesses } from '../domain/certificate';
import { pathProgress } from '../domain/learning-path';
import type { Prisma } from '../generated/prisma/client';

/**
 * Certificates: issued in the transaction that records a completion (a course certificate, or a
 * praktijkverklaring when the course lists work processes), and a path's certificate when that
 * completion finishes a learning path. Verification by code is for anyone.
 */

/** Issues the course's certificate for a completed enrolment, and any path it completes. */
export async function issueForCompletion(
  tx: Prisma.TransactionClient,
  enrolment: { id: string; memberId: string; employeeId: string },
  courseId: string,
  completedAt: Date,
) {
  const course = await tx.course.findUniqueOrThrow({
    where: { id: courseId },
    include: { workProcesses: { orderBy: { position: 'asc' } } },
  });
  const completedOn = todayInNetherlands(completedAt);
  const issued = issueCertificate(
    {
      kind: 'COURSE',
      code: course.code,
      title: course.title,
      renewalMonths: course.renewalMonths,
      workProcesses: course.workProcesses.map((wp) => ({ code: wp.code, title: wp.title })),
    },
    completedOn,
    randomBytes(CODE_RANDOM_BYTES),
  );
  const certificate = await tx.certificate.create({
    data: {
      code: issued.code,
      kind: issued.kind,
      courseId: course.id,
      enrolmentId: enrolment.id,
      memberId: enrolment.memberId,
      employeeId: enrolment.employeeId,
      title: issued.title,
      issuedOn: issued.issuedOn,
      expiresOn: issued.expiresOn,
      workProcesses: issued.workProcesses.map((wp) => ({ code: wp.code, title: wp.title })),
    },
  });
  await recordChange(tx, {
    actorId: 'platform',
    memberId: enrolment.memberId,
    action: 'ISSUE_CERTIFICATE',
    entityType: 'Certificate',
    entityId: certificate.id,
    after: { kind: issued.kind, courseId: course.id, expiresOn: issued.expiresOn },
  });
  await issuePathsCompleted(tx, enrolment, courseId, completedOn);
  return certificate;
}

/** The paths with this course whose required steps are now all done get their certificate. */
async function issuePathsCompleted(
  tx: Prisma.TransactionClient,
  enrolment: { memberId: string; employeeId: string },
  courseId: string,
  on: Date,
) {
  const paths = await tx.learningPath.findMany({
    where: { steps: { some: { courseId } }, certificates: { none: { employeeId: enrolment.employeeId } } },
    include: {
      steps: {
        orderBy: { position: 'asc' },
        include: { course: { include: { workProcesses: { orderBy: { position: 'asc' } } } } },
      },
    },
  });
  if (paths.length === 0) return;
  const held = await tx.certificate.findMany({
    where: { employeeId: enrolment.employeeId, courseId: { not: null }, revokedOn: null },
    include: { course: { select: { code: true } } },
  });
  const completions = held.map((c) => ({
    courseCode: c.course!.code,
    completedOn: c.issuedOn,
    expiresOn: c.expiresOn,
  }));
  for (const path of paths) {
    const steps = path.steps.map((s) => ({ position: s.position, courseCode: s.course.code, required: s.required }));
    const progress = pathProgress({ steps }, completions, [], on);
    if (!progress.completedOn) continue;
    const done = completions.map((c) => c.courseCode);
    const issued = issueCertificate(
      {
        kind: 'PATH',
        code: path.code,
        title: path.title,
        workProcesses: pathWorkProcesses(
          path.steps.map((s) => ({
            courseCode: s.course.code,
            workProcesses: s.course.workProcesses.map((wp) => ({ code: wp.code, title: wp.title })),
          })),
          done,
        ),
      },
      progress.completedOn,
      randomBytes(CODE_RANDOM_BYTES),
    );
    const certificate = await tx.certificate.create({
      data: {
        code: issued.code,
        kind: issued.kind,
        pathId: path.id,
        memberId: enrolment.memberId,
        employeeId: enrolment.employeeId,
        title: issued.title,
        issuedOn: issued.issuedOn,
        expiresOn: null,
        workProcesses: issued.workProcesses.map((wp) => ({ code: wp.code, title: wp.title })),
      },
    });
    await recordChange(tx, {
      actorId: 'platform',
      memberId: enrolment.memberId,
      action: 'ISSUE_PATH_CERTIFICATE',
      entityType: 'Certificate',
      entityId: certificate.id,
      after: { kind: issued.kind, pathId: path.id },
    });
  }
}

/** The certificate with this verification code, for anyone; a code that is not one says why. */
export async function verify(ctx: AcademyContext, typed: string, query: object = {}) {
  const code = parseVerificationCode(typed);
  const certificate = await ctx.db.certificate.findUnique({ ...query, where: { code } });
  if (!certificate)
    throw new DomainError('CERTIFICATE_NOT_FOUND', 'code', 'No certificate has this verification code.', 'NOT_FOUND');
  return certificate;
}

/** A member's course certificates that can expire, for the recertification list (bounded by the window). */
export function visibleRecertification(ctx: AcademyContext, memberId: string) {
  const today = todayInNetherlands();
  const yearAgo = new Date(today.getTime() - 366 * 86_400_000);
  return ctx.db.certificate.findMany({
    where: { memberId, courseId: { not: null }, expiresOn: { gte: yearAgo } },
    include: { course: { select: { code: true } } },
    take: 10_000,
  });
}
