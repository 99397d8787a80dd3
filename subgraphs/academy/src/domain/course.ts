import { DomainError, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { checkWorkProcesses, type WorkProcess } from './certificate';
import {
  courseCodeIn,
  languageIn,
  levelIn,
  modeOfDeliveryIn,
  priceIn,
  renewalMonthsIn,
  skillsIn,
  studyLoadHoursIn,
  textIn,
  type Language,
  type Level,
  type ModeOfDelivery,
} from './checks';

/*
 * A course as the Academy's administrators write it (rule 1), and what a change to a course in
 * use may not break (rule 16): its sessions to come, the learning paths it is on.
 */

export const MAX_WORK_PROCESSES_PER_COURSE = 20;

/** A course as given: every field as the API hands it over, unchecked (a missing one is refused). */
export interface CourseInput {
  code?: unknown;
  title?: unknown;
  description?: unknown;
  studyLoadHours?: unknown;
  level?: unknown;
  language?: unknown;
  modeOfDelivery?: unknown;
  price?: unknown;
  fundable?: unknown;
  renewalMonths?: unknown;
  skills?: unknown;
  workProcesses?: unknown;
}

export interface CheckedCourse {
  code: string;
  title: string;
  description: string;
  studyLoadHours: Exact;
  level: Level;
  language: Language;
  modeOfDelivery: ModeOfDelivery;
  price: Exact;
  fundable: boolean;
  renewalMonths: number | null;
  skills: string[];
  workProcesses: WorkProcess[];
}

/** Checks a whole course (rule 1); each refusal names its field. */
export function checkCourse(input: CourseInput): CheckedCourse {
  if (typeof input.fundable !== 'boolean')
    throw new DomainError('INVALID_FUNDABLE', 'fundable', 'Say whether the social fund pays: true or false.');
  const workProcesses = input.workProcesses ?? [];
  if (!Array.isArray(workProcesses))
    throw new DomainError('INVALID_WORK_PROCESS', 'workProcesses', 'The work processes must be a list.');
  if (workProcesses.length > MAX_WORK_PROCESSES_PER_COURSE)
    throw new DomainError(
      'TOO_MANY_WORK_PROCESSES',
      'workProcesses',
      `A course lists at most ${MAX_WORK_PROCESSES_PER_COURSE} work processes; got ${workProcesses.length}.`,
    );
  return {
    code: courseCodeIn(input.code),
    title: textIn(input.title, 'title', 'The title', 3, 120),
    description: textIn(input.description, 'description', 'The description', 1, 4000),
    studyLoadHours: studyLoadHoursIn(input.studyLoadHours),
    level: levelIn(input.level),
    language: languageIn(input.language),
    modeOfDelivery: modeOfDeliveryIn(input.modeOfDelivery),
    price: priceIn(input.price),
    fundable: input.fundable,
    renewalMonths: renewalMonthsIn(input.renewalMonths),
    skills: skillsIn(input.skills),
    workProcesses: checkWorkProcesses(workProcesses as WorkProcess[]),
  };
}

/** A session to come of the course, as far as a change to the course concerns it. */
export interface SessionToCome {
  locationKind: 'MEMBER_SHOP' | 'TRAINING_CENTRE' | 'ONLINE';
  /** Its enrolments that are not cancelled. */
  activeEnrolments: number;
}

/**
 * Rule 16: a course's mode of delivery changes only when its sessions to come still fit it (an
 * ONLINE course is given online only, an IN_PERSON one never online; rule 2).
 */
export function checkModeChange(mode: ModeOfDelivery, sessionsToCome: readonly SessionToCome[]): void {
  const misfits = sessionsToCome.filter((s) =>
    mode === 'ONLINE' ? s.locationKind !== 'ONLINE' : mode === 'IN_PERSON' ? s.locationKind === 'ONLINE' : false,
  );
  if (misfits.length > 0)
    throw new DomainError(
      'SESSIONS_DO_NOT_FIT',
      'modeOfDelivery',
      `${misfits.length} session${misfits.length === 1 ? '' : 's'} to come would no longer fit a course given ${mode.toLowerCase().replace('_', ' ')}; cancel ${misfits.length === 1 ? 'it' : 'them'} first.`,
      'CONFLICT',
    );
}

/**
 * Rule 16: a course is retired (taken out of the catalogue) only when no other course on offer
 * requires it, no active learning path has it as a step and none of its sessions to come has
 * anyone enrolled, waiting or asking.
 */
export function checkRetirement(course: {
  code: string;
  onPaths: readonly string[];
  /** Other courses on offer whose prerequisite rule names it. */
  requiredBy?: readonly string[];
  sessionsToCome: readonly SessionToCome[];
}): void {
  const requiredBy = course.requiredBy ?? [];
  if (requiredBy.length > 0)
    throw new DomainError(
      'COURSE_IN_USE',
      'active',
      `${course.code} is a prerequisite of ${requiredBy.join(', ')}; change ${requiredBy.length === 1 ? 'its rule' : 'their rules'} first.`,
      'CONFLICT',
    );
  if (course.onPaths.length > 0)
    throw new DomainError(
      'COURSE_IN_USE',
      'active',
      `${course.code} is a step of ${course.onPaths.join(', ')}; take it off ${course.onPaths.length === 1 ? 'that path' : 'those paths'} first.`,
      'CONFLICT',
    );
  const taken = course.sessionsToCome.filter((s) => s.activeEnrolments > 0).length;
  if (taken > 0)
    throw new DomainError(
      'COURSE_IN_USE',
      'active',
      `${course.code} has ${taken} session${taken === 1 ? '' : 's'} to come with people enrolled or waiting; cancel ${taken === 1 ? 'it' : 'them'} first.`,
      'CONFLICT',
    );
}
