import { demoId, SEED_TRANSACTION, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { storeRule } from '../data/catalogue';
import type { PrerequisiteRule } from '../domain/prerequisites';
import { dutchYearOf } from '../domain/session';
import type { Level, ModeOfDelivery, PrismaClient } from '../generated/prisma/client';
import catalogue from './catalogue.json';

/**
 * Demo Academy: the catalogue (catalogue.json: skills, courses with their work processes and
 * prerequisites, learning paths), two sessions of every course in the coming months (at member
 * 1's first shop or a training centre; online courses online), a training budget of €5,000.00 for
 * this year and next for the demo members with staff (the first six), and member 2 approving its
 * employees' own enrolments. Deterministic ids (`demoId('course', 1)`…); nothing when courses
 * exist already.
 */
const MEMBERS_WITH_BUDGET = 6;
const BUDGET = '5000.00';
const CENTRES = [
  { name: 'Opleidingscentrum Kringloop Midden', city: 'Utrecht' },
  { name: 'Leerwerkplaats Noord', city: 'Zwolle' },
];
const DAY = 86_400_000;

export async function seedAcademy(prisma: PrismaClient): Promise<{ seeded: boolean }> {
  if ((await prisma.course.count()) > 0) return { seeded: false };
  const today = todayInNetherlands();
  await prisma.$transaction(async (tx) => {
    const skillIds = new Map<string, string>();
    for (const skill of catalogue.skills) {
      const row = await tx.skill.create({ data: { code: skill.code, name: skill.name } });
      skillIds.set(skill.code, row.id);
    }
    const courseIds = new Map<string, string>();
    let sessions = 0;
    for (const [i, course] of catalogue.courses.entries()) {
      const id = demoId('course', i + 1);
      courseIds.set(course.code, id);
      await tx.course.create({
        data: {
          id,
          code: course.code,
          title: course.title,
          description: course.description,
          studyLoadHours: course.studyLoadHours,
          level: course.level as Level,
          language: course.language,
          modeOfDelivery: course.modeOfDelivery as ModeOfDelivery,
          price: course.price,
          fundable: course.fundable,
          renewalMonths: course.renewalMonths,
          skills: { create: course.skills.map((code) => ({ skillId: skillIds.get(code)! })) },
          workProcesses: {
            create: course.workProcesses.map((wp, position) => ({ code: wp.code, title: wp.title, position })),
          },
        },
      });
      for (const weeks of [3 + (i % 4), 10 + (i % 6)]) {
        const startsAt = new Date(today.getTime() + weeks * 7 * DAY + 8 * 3600_000);
        const online = course.modeOfDelivery === 'ONLINE';
        const atShop = !online && sessions % 3 === 0;
        const centre = CENTRES[sessions % CENTRES.length]!;
        await tx.courseSession.create({
          data: {
            id: demoId('courseSession', ++sessions),
            courseId: id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 7.5 * 3600_000),
            capacity: online ? 40 : 12,
            locationKind: online ? 'ONLINE' : atShop ? 'MEMBER_SHOP' : 'TRAINING_CENTRE',
            memberId: atShop ? demoId('member', 1) : null,
            branchId: atShop ? demoId('branch', 1) : null,
            centreName: online || atShop ? null : centre.name,
            centreCity: online || atShop ? null : centre.city,
            trainerId: demoId('user', 900 + (i % 3)),
          },
        });
      }
    }
    for (const course of catalogue.courses)
      if (course.prerequisites)
        await storeRule(tx, courseIds.get(course.code)!, course.prerequisites as PrerequisiteRule, courseIds);
    for (const [i, path] of catalogue.learningPaths.entries())
      await tx.learningPath.create({
        data: {
          id: demoId('learningPath', i + 1),
          code: path.code,
          title: path.title,
          description: path.description,
          steps: {
            create: path.steps.map((s) => ({
              position: s.position,
              courseId: courseIds.get(s.courseCode)!,
              required: s.required,
            })),
          },
        },
      });
    const year = dutchYearOf(new Date());
    let budgets = 0;
    for (let m = 1; m <= MEMBERS_WITH_BUDGET; m++)
      for (const y of [year, year + 1])
        await tx.trainingBudget.create({
          data: { id: demoId('trainingBudget', ++budgets), memberId: demoId('member', m), year: y, granted: BUDGET },
        });
    await tx.memberAcademySettings.create({ data: { memberId: demoId('member', 2), enrolmentNeedsApproval: true } });
  }, SEED_TRANSACTION);
  return { seeded: true };
}
