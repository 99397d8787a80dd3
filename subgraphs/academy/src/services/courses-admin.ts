import { recordChange } from '@samen-sterk/subgraph-runtime';
import { DomainError, withinField } from '@samen-sterk/subgraph-runtime/pure';
import type { AcademyContext } from '../builder';
import { activePathsWith, catalogueByCode, lockCatalogue, storeRule } from '../data/catalogue';
import { skillCodeIn, textIn } from '../domain/checks';
import { checkCourse, checkModeChange, checkRetirement, type CheckedCourse, type CourseInput } from '../domain/course';
import { checkLearningPath } from '../domain/learning-path';
import { checkRule, coursesIn, findCycle, type PrerequisiteRule } from '../domain/prerequisites';
import type { Prisma } from '../generated/prisma/client';
import { actorIdOf } from './actors';

/*
 * The catalogue's upkeep by the Academy's administrators: skills and courses. Every change runs
 * under the catalogue's lock, so that prerequisite rules (no circles) and learning paths (no step
 * before what it requires) are checked against the catalogue as it will be. Certificates keep what
 * they were issued with; enrolments keep the price they reserved.
 */

type Tx = Prisma.TransactionClient;

const noCourse = () =>
  new DomainError('COURSE_NOT_FOUND', 'id', 'There is no such course in the catalogue.', 'NOT_FOUND');

/** A Decimal as the API hands it over (decimal.js) becomes the text the domain checks. */
const decimalText = (value: unknown) =>
  value !== null && typeof value === 'object' && 'toFixed' in value ? String(value) : value;

export async function createSkill(ctx: AcademyContext, input: { code: string; name: string }) {
  const code = withinField('input', () => skillCodeIn(input.code, 'code'));
  const name = withinField('input', () => textIn(input.name, 'name', "The skill's name", 3, 80));
  return ctx.db.$transaction(async (tx) => {
    await lockCatalogue(tx);
    if (await tx.skill.findUnique({ where: { code } }))
      throw new DomainError('SKILL_EXISTS', 'input.code', `There is a skill ${code} already.`, 'CONFLICT');
    const skill = await tx.skill.create({ data: { code, name } });
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'CREATE_SKILL',
      entityType: 'Skill',
      entityId: skill.id,
      after: { code, name },
    });
    return skill;
  });
}

/** The skills' ids by code; an unknown code is refused naming its place in the list. */
async function skillIds(tx: Tx, codes: readonly string[]) {
  const skills = await tx.skill.findMany({ where: { code: { in: [...codes] } } });
  return codes.map((code, i) => {
    const skill = skills.find((s) => s.code === code);
    if (!skill)
      throw new DomainError(
        'UNKNOWN_SKILL',
        `input.skills.${i}`,
        `There is no skill ${code}; add it first (createSkill).`,
      );
    return skill.id;
  });
}

type Catalogue = Awaited<ReturnType<typeof catalogueByCode>>;

/**
 * Checks a course's new rule against the catalogue as it will be: the courses it names exist and
 * are offered, no circle of courses requiring each other, and no active learning path with the
 * course gets a step before a course it now requires.
 */
async function checkRuleInCatalogue(tx: Tx, code: string, courseId: string | null, rule: PrerequisiteRule | null) {
  const catalogue: Catalogue = await catalogueByCode(tx);
  for (const named of coursesIn(rule))
    if (named !== code && !catalogue[named]?.active)
      throw new DomainError('UNKNOWN_COURSE', 'input.prerequisites', `There is no course ${named} in the catalogue.`);
  const rules = Object.fromEntries(Object.entries(catalogue).map(([c, entry]) => [c, entry.prerequisites]));
  const cycle = findCycle({ ...rules, [code]: rule });
  if (cycle)
    throw new DomainError(
      'PREREQUISITE_CYCLE',
      'input.prerequisites',
      `Courses would require each other in a circle: ${cycle.join(' → ')}.`,
      'CONFLICT',
    );
  if (!courseId) return catalogue;
  const withRule = { ...catalogue, [code]: { ...catalogue[code]!, prerequisites: rule } };
  for (const path of await activePathsWith(tx, courseId))
    try {
      checkLearningPath(
        {
          code: path.code,
          title: path.title,
          steps: path.steps.map((s) => ({ position: s.position, courseCode: s.course.code, required: s.required })),
        },
        withRule,
      );
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError(
          'PATH_ORDER_BROKEN',
          'input.prerequisites',
          `On the learning path ${path.code}: ${error.message}`,
          'CONFLICT',
        );
      throw error;
    }
  return catalogue;
}

const ruleIn = (value: unknown, code: string) =>
  value == null ? null : withinField('input', () => checkRule(value as PrerequisiteRule, code));

async function writeCourseParts(
  tx: Tx,
  courseId: string,
  course: CheckedCourse,
  parts: { skills: boolean; workProcesses: boolean },
) {
  if (parts.skills) {
    const ids = await skillIds(tx, course.skills);
    await tx.courseSkill.deleteMany({ where: { courseId } });
    await tx.courseSkill.createMany({ data: ids.map((skillId) => ({ courseId, skillId })) });
  }
  if (parts.workProcesses) {
    await tx.courseWorkProcess.deleteMany({ where: { courseId } });
    await tx.courseWorkProcess.createMany({
      data: course.workProcesses.map((wp, position) => ({ courseId, code: wp.code, title: wp.title, position })),
    });
  }
}

const scalarsOf = (course: CheckedCourse) => ({
  title: course.title,
  description: course.description,
  studyLoadHours: course.studyLoadHours.toFixed(2),
  level: course.level,
  language: course.language,
  modeOfDelivery: course.modeOfDelivery,
  price: course.price.toFixed(2),
  fundable: course.fundable,
  renewalMonths: course.renewalMonths,
});

export type NewCourse = CourseInput & { prerequisites?: unknown };

export async function createCourse(ctx: AcademyContext, input: NewCourse): Promise<{ id: string }> {
  const course = withinField('input', () =>
    checkCourse({ ...input, price: decimalText(input.price), studyLoadHours: decimalText(input.studyLoadHours) }),
  );
  const rule = ruleIn(input.prerequisites, course.code);
  return ctx.db.$transaction(async (tx) => {
    await lockCatalogue(tx);
    if (await tx.course.findUnique({ where: { code: course.code } }))
      throw new DomainError('COURSE_CODE_TAKEN', 'input.code', `There is a course ${course.code} already.`, 'CONFLICT');
    const catalogue = await checkRuleInCatalogue(tx, course.code, null, rule);
    const created = await tx.course.create({ data: { code: course.code, ...scalarsOf(course) } });
    await writeCourseParts(tx, created.id, course, { skills: true, workProcesses: true });
    if (rule) {
      const ids = new Map(Object.entries(catalogue).map(([code, entry]) => [code, entry.id]));
      ids.set(course.code, created.id);
      await storeRule(tx, created.id, rule, ids);
    }
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'CREATE_COURSE',
      entityType: 'Course',
      entityId: created.id,
      after: { code: course.code, price: course.price.toFixed(2), fundable: course.fundable, prerequisites: rule },
    });
    return { id: created.id };
  });
}

export type CourseChange = Partial<Omit<CourseInput, 'code'>> & { prerequisites?: unknown; active?: boolean | null };

/**
 * Changes a course; what is not given stays. Its code never changes (rules, paths and
 * certificates name it). Retiring it (`active: false`) also cancels its sessions to come, which
 * must be empty by then.
 */
export async function updateCourse(ctx: AcademyContext, id: string, change: CourseChange): Promise<{ id: string }> {
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    await lockCatalogue(tx);
    const current = await tx.course.findUnique({
      where: { id },
      include: {
        skills: { include: { skill: true } },
        workProcesses: { orderBy: { position: 'asc' } },
      },
    });
    if (!current) throw noCourse();
    const given = <K extends keyof CourseChange>(key: K) => change[key] !== undefined && change[key] !== null;
    const merged = withinField('input', () =>
      checkCourse({
        code: current.code,
        title: given('title') ? change.title : current.title,
        description: given('description') ? change.description : current.description,
        studyLoadHours: decimalText(given('studyLoadHours') ? change.studyLoadHours : current.studyLoadHours),
        level: given('level') ? change.level : current.level,
        language: given('language') ? change.language : current.language,
        modeOfDelivery: given('modeOfDelivery') ? change.modeOfDelivery : current.modeOfDelivery,
        price: decimalText(given('price') ? change.price : current.price),
        fundable: given('fundable') ? change.fundable : current.fundable,
        renewalMonths: change.renewalMonths !== undefined ? change.renewalMonths : current.renewalMonths,
        skills: given('skills') ? change.skills : current.skills.map((s) => s.skill.code),
        workProcesses: given('workProcesses')
          ? change.workProcesses
          : current.workProcesses.map((wp) => ({ code: wp.code, title: wp.title })),
      }),
    );
    const sessionsToCome = await tx.courseSession.findMany({
      where: { courseId: id, startsAt: { gt: now }, cancelledAt: null },
      select: {
        id: true,
        locationKind: true,
        _count: { select: { enrolments: { where: { status: { in: ['REQUESTED', 'WAITLISTED', 'ENROLLED'] } } } } },
      },
    });
    const toCome = sessionsToCome.map((s) => ({ locationKind: s.locationKind, activeEnrolments: s._count.enrolments }));
    if (merged.modeOfDelivery !== current.modeOfDelivery)
      withinField('input', () => checkModeChange(merged.modeOfDelivery, toCome));
    const retiring = change.active === false && current.active;
    if (retiring) {
      const onPaths = (await activePathsWith(tx, id)).map((p) => p.code);
      const requiredBy = Object.entries(await catalogueByCode(tx))
        .filter(([code, c]) => c.active && code !== current.code && coursesIn(c.prerequisites).includes(current.code))
        .map(([code]) => code)
        .sort();
      withinField('input', () => checkRetirement({ code: current.code, onPaths, requiredBy, sessionsToCome: toCome }));
    }
    let rule: PrerequisiteRule | null | undefined;
    if (change.prerequisites !== undefined) {
      rule = ruleIn(change.prerequisites, current.code);
      const catalogue = await checkRuleInCatalogue(tx, current.code, id, rule);
      await tx.prerequisiteGroup.deleteMany({ where: { courseId: id } });
      if (rule) await storeRule(tx, id, rule, new Map(Object.entries(catalogue).map(([c, e]) => [c, e.id])));
    }
    await tx.course.update({
      where: { id },
      data: { ...scalarsOf(merged), ...(change.active != null ? { active: change.active } : {}) },
    });
    await writeCourseParts(tx, id, merged, { skills: given('skills'), workProcesses: given('workProcesses') });
    if (retiring)
      await tx.courseSession.updateMany({
        where: { id: { in: sessionsToCome.map((s) => s.id) } },
        data: { cancelledAt: now },
      });
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'UPDATE_COURSE',
      entityType: 'Course',
      entityId: id,
      before: { price: current.price.toFixed(2), fundable: current.fundable, active: current.active },
      after: {
        changed: Object.keys(change).filter((key) => change[key as keyof CourseChange] !== undefined),
        price: merged.price.toFixed(2),
        fundable: merged.fundable,
        active: change.active ?? current.active,
        ...(rule !== undefined ? { prerequisites: rule } : {}),
        ...(retiring ? { sessionsCancelled: sessionsToCome.length } : {}),
      },
    });
    return { id };
  });
}
