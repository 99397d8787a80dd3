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
