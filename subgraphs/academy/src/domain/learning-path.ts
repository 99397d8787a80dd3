import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { courseCodeIn, pathCodeIn, textIn } from './checks';
import { coursesIn, standingOf, type Completion, type PrerequisiteRule } from './prerequisites';

/**
 * Learning paths (leerlijnen, README rule 10): ordered steps, each one course, required or
 * optional; an employee's progress along a path; and when a path is complete.
 */

export interface PathStep {
  /** 1, 2, 3, …: the order in which the path advises taking its courses. */
  position: number;
  courseCode: string;
  required: boolean;
}

export interface LearningPathInput {
  code: string;
  title: string;
  steps: PathStep[];
}

export const MAX_PATH_STEPS = 30;

const invalid = (field: string, message: string) => new DomainError('INVALID_LEARNING_PATH', field, message);

/**
 * Checks a path: a code and title; 1 to 30 steps, numbered 1…n once each (in any order given;
 * returned sorted); each course once and known to the catalogue; at least one required step; and
 * no step before a course it requires: when a step's prerequisites name a course that is also on
 * the path, that course comes at an earlier step.
 */
export function checkLearningPath(
  path: LearningPathInput,
  catalogue: Readonly<Record<string, { prerequisites: PrerequisiteRule | null }>>,
): LearningPathInput {
  const code = pathCodeIn(path.code);
  const title = textIn(path.title, 'title', 'The title', 3, 120);
  if (!Array.isArray(path.steps) || path.steps.length === 0 || path.steps.length > MAX_PATH_STEPS) {
    throw invalid('steps', `A learning path has 1 to ${MAX_PATH_STEPS} steps.`);
  }
  const steps = path.steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => a.step.position - b.step.position)
    .map(({ step, i }, index) => {
      const field = `steps.${i}`;
      if (step.position !== index + 1) {
        throw invalid(`${field}.position`, `The steps are numbered 1 to ${path.steps.length}, each number once.`);
      }
      const courseCode = courseCodeIn(step.courseCode, `${field}.courseCode`);
      if (!catalogue[courseCode]) throw invalid(`${field}.courseCode`, `There is no course ${courseCode}.`);
      return { position: step.position, courseCode, required: step.required === true, field };
    });
  const positionOf = new Map<string, number>();
  for (const step of steps) {
    if (positionOf.has(step.courseCode)) {
      throw invalid(`${step.field}.courseCode`, `${step.courseCode} is on the path twice.`);
    }
    positionOf.set(step.courseCode, step.position);
  }
  if (!steps.some((step) => step.required)) throw invalid('steps', 'A learning path has at least one required step.');
  for (const step of steps) {
    for (const required of coursesIn(catalogue[step.courseCode]!.prerequisites)) {
      const at = positionOf.get(required);
      if (at !== undefined && at > step.position) {
        throw invalid(
          `${step.field}.position`,
          `Step ${step.position} (${step.courseCode}) requires ${required}, which comes later, at step ${at}.`,
        );
      }
    }
  }
  return {
    code,
    title,
    steps: steps.map(({ position, courseCode, required }) => ({ position, courseCode, required })),
  };
}

export type StepState = 'DONE' | 'EXPIRED' | 'IN_PROGRESS' | 'TODO';

export interface StepProgress extends PathStep {
  state: StepState;
}

export interface PathProgress {
  steps: StepProgress[];
  requiredDone: number;
  requiredTotal: number;
  optionalDone: number;
  /** Required steps done, in whole percent, rounded down (99.9 % is not 100 %). */
  percent: number;
  /** The first required step not done, in path order; null when the path is complete. */
  next: StepProgress | null;
  complete: boolean;
  /** The day the last required step was done, when complete. */
  completedOn: Date | null;
}

/**
 * An employee's progress on day `on`: a step is DONE when its course's completion is valid that
 * day, EXPIRED when it was completed but its certificate lapsed, IN_PROGRESS when the employee
 * holds an active enrolment (requested, waitlisted or enrolled) in a session of it, else TODO.
 * The path is complete when every required step is DONE; it was completed on the latest of the
 * days on which each required course was first validly completed.
 */
export function pathProgress(
  path: { steps: readonly PathStep[] },
  completions: readonly Completion[],
  activeCourseCodes: readonly string[],
  on: Date,
): PathProgress {
  const steps = [...path.steps]
    .sort((a, b) => a.position - b.position)
    .map((step): StepProgress => {
      const standing = standingOf(step.courseCode, completions, on).kind;
      let state: StepState = standing === 'VALID' ? 'DONE' : standing === 'EXPIRED' ? 'EXPIRED' : 'TODO';
      if (state !== 'DONE' && activeCourseCodes.includes(step.courseCode)) state = 'IN_PROGRESS';
      return { ...step, state };
    });
  const required = steps.filter((step) => step.required);
  const requiredDone = required.filter((step) => step.state === 'DONE').length;
  const complete = required.length > 0 && requiredDone === required.length;
  // Rounding: whole percent, down, so that a path shows 100 only when it is complete.
  const percent = required.length === 0 ? 0 : Math.floor((requiredDone * 100) / required.length);
  let completedOn: Date | null = null;
  if (complete) {
    for (const step of required) {
      const first = firstValidCompletion(step.courseCode, completions, on)!;
      if (!completedOn || first.getTime() > completedOn.getTime()) completedOn = first;
    }
  }
  return {
    steps,
    requiredDone,
    requiredTotal: required.length,
    optionalDone: steps.filter((step) => !step.required && step.state === 'DONE').length,
    percent,
    next: required.find((step) => step.state !== 'DONE') ?? null,
    complete,
    completedOn,
  };
}

/** The earliest completion of a course that is valid on `on` (the one that made the step DONE). */
function firstValidCompletion(code: string, completions: readonly Completion[], on: Date): Date | null {
  let first: Date | null = null;
  for (const c of completions) {
    const valid =
      c.courseCode === code &&
      c.completedOn.getTime() <= on.getTime() &&
      (c.expiresOn === null || c.expiresOn.getTime() >= on.getTime());
    if (valid && (!first || c.completedOn.getTime() < first.getTime())) first = c.completedOn;
  }
  return first;
}
