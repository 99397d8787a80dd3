import type { Completion } from './prerequisites';

/**
 * The skills passport (README rule 15): the skills an employee holds, from the courses they
 * completed. A skill of a course that needs no renewal is held for good from the completion on;
 * one of a course that needs renewal is held while one of its certificates is valid, and shown as
 * LAPSED after that (the employee learned it once; the passport says it needs renewing).
 * Revoked certificates give nothing.
 */

export interface Skill {
  code: string;
  name: string;
}

export interface PassportCompletion extends Completion {
  revoked?: boolean;
}

export interface PassportSkill {
  code: string;
  name: string;
  status: 'HELD' | 'LAPSED';
  /** The first day the employee held it. */
  since: Date;
  /** The last day it is held; null: for good (or lapsed: the day it lapsed). */
  validUntil: Date | null;
  /** The courses it comes from, each once, sorted. */
  courses: string[];
}

/**
 * The passport on day `on`, from completions (with their certificate's expiry) and the
 * catalogue's skills per course; sorted by skill name, then code. Completions after `on` are
 * not counted yet.
 */
export function skillsPassport(
  completions: readonly PassportCompletion[],
  skillsOfCourse: Readonly<Record<string, readonly Skill[]>>,
  on: Date,
): PassportSkill[] {
  const passport = new Map<string, PassportSkill & { heldUntil: number }>();
  for (const completion of completions) {
    if (completion.revoked || completion.completedOn.getTime() > on.getTime()) continue;
    const until = completion.expiresOn === null ? Infinity : completion.expiresOn.getTime();
    for (const skill of skillsOfCourse[completion.courseCode] ?? []) {
      const entry = passport.get(skill.code);
      if (!entry) {
        passport.set(skill.code, {
          code: skill.code,
          name: skill.name,
          status: 'LAPSED',
          since: completion.completedOn,
          validUntil: null,
          courses: [completion.courseCode],
          heldUntil: until,
        });
        continue;
      }
      if (completion.completedOn.getTime() < entry.since.getTime()) entry.since = completion.completedOn;
      if (until > entry.heldUntil) entry.heldUntil = until;
      if (!entry.courses.includes(completion.courseCode)) entry.courses.push(completion.courseCode);
    }
  }
  return [...passport.values()]
    .map(({ heldUntil, ...skill }) => ({
      ...skill,
      status: heldUntil >= on.getTime() ? ('HELD' as const) : ('LAPSED' as const),
      validUntil: heldUntil === Infinity ? null : new Date(heldUntil),
      courses: [...skill.courses].sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
