import type { AcademyContext } from '../builder';
import type { PrerequisiteRule } from '../domain/prerequisites';
import type { Prisma } from '../generated/prisma/client';

/**
 * The catalogue's reads: courses and paths in code order, and per-request loaders so that a page
 * of courses costs one query for all their prerequisite rules and skills, not one per course.
 */
export const activeCourses = {
  count: (db: Prisma.TransactionClient) => db.course.count({ where: { active: true } }),
  list: (db: Prisma.TransactionClient, query: object) =>
    db.course.findMany({ ...query, where: { active: true }, orderBy: { code: 'asc' } }),
};

export const activePaths = {
  count: (db: Prisma.TransactionClient) => db.learningPath.count({ where: { active: true } }),
  list: (db: Prisma.TransactionClient, query: object) =>
    db.learningPath.findMany({ ...query, where: { active: true }, orderBy: { code: 'asc' } }),
};

type GroupRow = {
  id: string;
  courseId: string;
  parentId: string | null;
  kind: 'ALL_OF' | 'ANY_OF';
  position: number;
  courses: { position: number; requiredCourse: { code: string } }[];
};

/** A course's rule from its stored groups; a root all-of of one course reads as that course. */
export function ruleFromGroups(groups: readonly GroupRow[]): PrerequisiteRule | null {
  const root = groups.find((g) => g.parentId === null);
  if (!root) return null;
  const build = (group: GroupRow): PrerequisiteRule => {
    const members = [
      ...group.courses.map((c) => ({ position: c.position, rule: { course: c.requiredCourse.code } })),
      ...groups.filter((g) => g.parentId === group.id).map((g) => ({ position: g.position, rule: build(g) })),
    ]
      .sort((a, b) => a.position - b.position)
      .map((m) => m.rule);
    return group.kind === 'ALL_OF' ? { allOf: members } : { anyOf: members };
  };
  const rule = build(root);
  if ('allOf' in rule && rule.allOf.length === 1 && 'course' in rule.allOf[0]!) return rule.allOf[0]!;
  return rule;
}

/** The prerequisite rules of many courses, by course id (one query). */
export async function rulesOf(db: Prisma.TransactionClient, courseIds: readonly string[]) {
  const groups = await db.prerequisiteGroup.findMany({
    where: { courseId: { in: [...courseIds] } },
    include: { courses: { include: { requiredCourse: { select: { code: true } } } } },
  });
  return courseIds.map((id) => ruleFromGroups(groups.filter((g) => g.courseId === id)));
}

/** Stores a rule as groups (a single course as an all-of of one). */
export async function storeRule(
  tx: Prisma.TransactionClient,
  courseId: string,
  rule: PrerequisiteRule,
  ids: Map<string, string>,
) {
  const write = async (node: PrerequisiteRule, parentId: string | null, position: number) => {
    const members = 'course' in node ? [node] : 'allOf' in node ? node.allOf : node.anyOf;
    const group = await tx.prerequisiteGroup.create({
      data: { courseId, parentId, position, kind: 'anyOf' in node ? 'ANY_OF' : 'ALL_OF' },
    });
    for (const [i, member] of members.entries()) {
      if ('course' in member)
        await tx.prerequisiteCourse.create({
          data: { groupId: group.id, requiredCourseId: ids.get(member.course)!, position: i },
        });
      else await write(member, group.id, i);
    }
  };
  await write(rule, null, 0);
}

/** The courses a course's rule names (for `Course.prerequisites`), batched per request. */
export const prerequisiteCoursesLoader = (ctx: AcademyContext) =>
  ctx.loaders.get<string, { id: string; code: string; title: string }[]>('prerequisiteCourses', async (ids) => {
    const rows = await ctx.db.prerequisiteCourse.findMany({
      where: { group: { courseId: { in: [...ids] } } },
      include: {
        group: { select: { courseId: true } },
        requiredCourse: { select: { id: true, code: true, title: true } },
      },
    });
    return ids.map((id) => {
      const seen = new Map<string, { id: string; code: string; title: string }>();
      for (const row of rows) if (row.group.courseId === id) seen.set(row.requiredCourse.id, row.requiredCourse);
      return [...seen.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
    });
  });

/** Skill codes per course, batched per request. */
export const courseSkillsLoader = (ctx: AcademyContext) =>
  ctx.loaders.get<string, { code: string; name: string }[]>('courseSkills', async (ids) => {
    const rows = await ctx.db.courseSkill.findMany({ where: { courseId: { in: [...ids] } }, include: { skill: true } });
    return ids.map((id) =>
      rows
        .filter((r) => r.courseId === id)
        .map((r) => ({ code: r.skill.code, name: r.skill.name }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
    );
  });

/** The advisory lock key of the catalogue's upkeep (courses, rules, paths change one at a time). */
const CATALOGUE_LOCK = 5005;

/** Serialises changes to the catalogue until the transaction ends: rules and paths are checked as a whole. */
export async function lockCatalogue(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK}::int4, 0)`;
}

/** Every course by code with its id, whether it is active, and its prerequisite rule. */
export async function catalogueByCode(tx: Prisma.TransactionClient) {
  const courses = await tx.course.findMany({ select: { id: true, code: true, active: true } });
  const rules = await rulesOf(
    tx,
    courses.map((c) => c.id),
  );
  return Object.fromEntries(courses.map((c, i) => [c.code, { ...c, prerequisites: rules[i] ?? null }]));
}

/** The active learning paths with a course as a step, with all their steps (by course code). */
export async function activePathsWith(tx: Prisma.TransactionClient, courseId: string) {
  return tx.learningPath.findMany({
    where: { active: true, steps: { some: { courseId } } },
    include: { steps: { include: { course: { select: { code: true } } }, orderBy: { position: 'asc' } } },
  });
}
