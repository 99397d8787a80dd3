import { recordChange } from '@samen-sterk/subgraph-runtime';
import { DomainError, withinField } from '@samen-sterk/subgraph-runtime/pure';
import type { AcademyContext } from '../builder';
import { catalogueByCode, lockCatalogue } from '../data/catalogue';
import { pathCodeIn, textIn } from '../domain/checks';
import { checkLearningPath, type PathStep } from '../domain/learning-path';
import { actorIdOf } from './actors';

/*
 * Learning paths (leerlijnen) kept by the Academy's administrators, checked by rule 10 against
 * the courses on offer, under the catalogue's lock. A path's certificates keep what they were
 * issued with; progress is read from the steps as they are now.
 */

const noPath = () => new DomainError('PATH_NOT_FOUND', 'id', 'There is no such learning path.', 'NOT_FOUND');

async function checkedSteps(tx: Parameters<typeof lockCatalogue>[0], code: string, title: string, steps: unknown) {
  const catalogue = await catalogueByCode(tx);
  const offered = Object.fromEntries(Object.entries(catalogue).filter(([, course]) => course.active));
  const checked = withinField('input', () => checkLearningPath({ code, title, steps: steps as PathStep[] }, offered));
  return checked.steps.map((step) => ({
    position: step.position,
    courseId: catalogue[step.courseCode]!.id,
    required: step.required,
  }));
}

export interface NewLearningPath {
  code: string;
  title: string;
  description: string;
  steps: PathStep[];
}

export async function createLearningPath(ctx: AcademyContext, input: NewLearningPath): Promise<{ id: string }> {
  const code = withinField('input', () => pathCodeIn(input.code));
  const title = withinField('input', () => textIn(input.title, 'title', 'The title', 3, 120));
  const description = withinField('input', () => textIn(input.description, 'description', 'The description', 1, 4000));
  return ctx.db.$transaction(async (tx) => {
    await lockCatalogue(tx);
    if (await tx.learningPath.findUnique({ where: { code } }))
      throw new DomainError('PATH_CODE_TAKEN', 'input.code', `There is a learning path ${code} already.`, 'CONFLICT');
    const steps = await checkedSteps(tx, code, title, input.steps);
    const path = await tx.learningPath.create({ data: { code, title, description, steps: { create: steps } } });
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'CREATE_LEARNING_PATH',
      entityType: 'LearningPath',
      entityId: path.id,
      after: { code, steps: steps.length },
    });
    return { id: path.id };
  });
}

export interface LearningPathChange {
  title?: string | null;
  description?: string | null;
  steps?: PathStep[] | null;
  active?: boolean | null;
}

/** Changes a path; what is not given stays. New steps replace all steps (numbered 1…n). */
export async function updateLearningPath(
  ctx: AcademyContext,
  id: string,
  change: LearningPathChange,
): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    await lockCatalogue(tx);
    const current = await tx.learningPath.findUnique({ where: { id } });
    if (!current) throw noPath();
    const title =
      change.title == null
        ? current.title
        : withinField('input', () => textIn(change.title, 'title', 'The title', 3, 120));
    const description =
      change.description == null
        ? current.description
        : withinField('input', () => textIn(change.description, 'description', 'The description', 1, 4000));
    const steps = change.steps == null ? null : await checkedSteps(tx, current.code, title, change.steps);
    if (!steps && change.active === true && !current.active) {
      // Back in use: its steps must still be courses on offer, in an order that still holds.
      const kept = await tx.learningPathStep.findMany({ where: { pathId: id }, include: { course: true } });
      await checkedSteps(
        tx,
        current.code,
        title,
        kept.map((s) => ({ position: s.position, courseCode: s.course.code, required: s.required })),
      );
    }
    if (steps) {
      await tx.learningPathStep.deleteMany({ where: { pathId: id } });
      await tx.learningPathStep.createMany({ data: steps.map((step) => ({ ...step, pathId: id })) });
    }
    await tx.learningPath.update({
      where: { id },
      data: { title, description, ...(change.active != null ? { active: change.active } : {}) },
    });
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      action: 'UPDATE_LEARNING_PATH',
      entityType: 'LearningPath',
      entityId: id,
      before: { active: current.active },
      after: {
        changed: Object.keys(change).filter((key) => change[key as keyof LearningPathChange] != null),
        active: change.active ?? current.active,
        ...(steps ? { steps: steps.length } : {}),
      },
    });
    return { id };
  });
}
