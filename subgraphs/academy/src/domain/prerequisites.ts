import { DomainError, formatCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { courseCodeIn } from './checks';

/**
 * Prerequisites (README rule 9): a course may require other courses, as a rule of all-of and
 * any-of groups, nested at most three groups deep. A rule is judged against the courses an
 * employee completed, on a day (the session's first day): a completion of a course that needs
 * renewal counts only while its certificate is valid that day. What is missing comes back in
 * sentences, and as course codes for the audit record of an Academy admin's override.
 */

export type PrerequisiteRule = { course: string } | { allOf: PrerequisiteRule[] } | { anyOf: PrerequisiteRule[] };

/** Groups nest at most this deep (`allOf[anyOf[…]]` is two). */
export const MAX_RULE_DEPTH = 3;
/** A rule names at most this many courses. */
export const MAX_RULE_COURSES = 20;

export interface Completion {
  courseCode: string;
  completedOn: Date;
  /** The certificate's expiry for a course that needs renewal; null: it never expires. */
  expiresOn: Date | null;
}

export interface PrerequisiteResult {
  met: boolean;
  /** What is missing, one sentence each, for the person enrolling. */
  missing: string[];
  /** The courses whose completion would help, each once, in the rule's order (for the audit log). */
  unmetCourses: string[];
}

const invalid = (field: string, message: string) => new DomainError('INVALID_PREREQUISITES', field, message);

/**
 * Checks and normalises a rule for course `ownCode`: every group has at least one member (and at
 * most 20), groups nest at most 3 deep, a course appears once in a group, and no course requires
 * itself, except as one option of an any-of group of several (a refresher that accepts its own
 * earlier completion, or the basic course). A group of one is kept as written. Returns the rule
 * with upper-cased codes.
 */
export function checkRule(rule: PrerequisiteRule, ownCode: string, field = 'prerequisites'): PrerequisiteRule {
  let courses = 0;
  const walk = (node: PrerequisiteRule, at: string, depth: number, alternatives = false): PrerequisiteRule => {
    const given = ['course', 'allOf', 'anyOf'].filter(
      (key) => node && typeof node === 'object' && (node as Record<string, unknown>)[key] != null,
    );
    if (given.length !== 1)
      throw invalid(at, 'A prerequisite is either one course, or a group of all of or any of some prerequisites.');
    if ('course' in node && node.course != null) {
      const code = courseCodeIn(node.course, `${at}.course`);
      if (code === ownCode && !alternatives) {
        throw invalid(
          `${at}.course`,
          `A course cannot require itself (${code}); it can only accept its own earlier completion as one of several options.`,
        );
      }
      courses++;
      return { course: code };
    }
    const kind = (node as Record<string, unknown>).allOf != null ? 'allOf' : 'anyOf';
    const members = (node as Record<string, unknown>)?.[kind];
    if (!Array.isArray(members)) {
      throw invalid(at, 'A prerequisite is a course, or a group of all of or any of some prerequisites.');
    }
    if (depth > MAX_RULE_DEPTH) {
      throw invalid(at, `Prerequisite groups can be nested at most ${MAX_RULE_DEPTH} deep.`);
    }
    if (members.length === 0) throw invalid(`${at}.${kind}`, 'A group of prerequisites cannot be empty.');
    const options = kind === 'anyOf' && members.length > 1;
    const checked = members.map((member: PrerequisiteRule, i) =>
      walk(member, `${at}.${kind}[${i}]`, depth + 1, options),
    );
    const codes = checked.flatMap((member) => ('course' in member ? [member.course] : []));
    const twice = codes.find((code, i) => codes.indexOf(code) !== i);
    if (twice) throw invalid(`${at}.${kind}`, `${twice} appears twice in one group of prerequisites.`);
    return kind === 'allOf' ? { allOf: checked } : { anyOf: checked };
  };
  const checked = walk(rule, field, 1);
  if (courses > MAX_RULE_COURSES) {
    throw invalid(field, `A course can name at most ${MAX_RULE_COURSES} courses as prerequisites; got ${courses}.`);
  }
  return checked;
}

/** Every course a rule names, each once, in the rule's order. */
export function coursesIn(rule: PrerequisiteRule | null): string[] {
  if (!rule) return [];
  if ('course' in rule) return [rule.course];
  const members = 'allOf' in rule ? rule.allOf : rule.anyOf;
  return [...new Set(members.flatMap(coursesIn))];
}

/**
 * A cycle among the catalogue's rules (A requires B, B requires A), as the codes along it
 * (`['A', 'B', 'A']`); null when there is none. The service runs it with the changed rule in
 * place before saving it: a cycle would make both courses impossible to take. A course naming
 * itself (allowed only as an option, see `checkRule`) is not a cycle.
 */
export function findCycle(rules: Readonly<Record<string, PrerequisiteRule | null>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (code: string): string[] | null => {
    if (state.get(code) === 'done') return null;
    if (state.get(code) === 'visiting') return [...path.slice(path.indexOf(code)), code];
    state.set(code, 'visiting');
    path.push(code);
    for (const required of coursesIn(rules[code] ?? null).filter((other) => other !== code)) {
      const cycle = visit(required);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(code, 'done');
    return null;
  };
  for (const code of Object.keys(rules).sort()) {
    const cycle = visit(code);
    if (cycle) return cycle;
  }
  return null;
}

export type Standing = { kind: 'VALID' } | { kind: 'EXPIRED'; on: Date } | { kind: 'NONE' };

/**
 * The best standing of a course among the completions on a day: valid beats expired beats none.
 * A completion counts from its day on, up to and including its expiry day.
 */
export function standingOf(code: string, completions: readonly Completion[], on: Date): Standing {
  let expired: Date | null = null;
  for (const completion of completions) {
    if (completion.courseCode !== code || completion.completedOn.getTime() > on.getTime()) continue;
    if (completion.expiresOn === null || completion.expiresOn.getTime() >= on.getTime()) return { kind: 'VALID' };
    if (!expired || completion.expiresOn.getTime() > expired.getTime()) expired = completion.expiresOn;
  }
  return expired ? { kind: 'EXPIRED', on: expired } : { kind: 'NONE' };
}

/**
 * Judges `rule` against the completions on day `on`. A completion counts from its day on, and,
 * for a course that needs renewal, up to and including its expiry day. No rule: met.
 * `titles` names the courses in the sentences (`Veilig tillen (VT-101)`); a code without a title
 * is shown alone.
 */
export function evaluatePrerequisites(
  rule: PrerequisiteRule | null,
  completions: readonly Completion[],
  on: Date,
  titles: Readonly<Record<string, string>> = {},
): PrerequisiteResult {
  if (!rule) return { met: true, missing: [], unmetCourses: [] };
  const label = (code: string) => (titles[code] ? `${titles[code]} (${code})` : code);
  const standing = new Map<string, Standing>();
  const stand = (code: string) => {
    if (!standing.has(code)) standing.set(code, standingOf(code, completions, on));
    return standing.get(code)!;
  };
  const met = (node: PrerequisiteRule, depth: number): boolean => {
    if (depth > MAX_RULE_DEPTH + 1) throw invalid('prerequisites', 'The prerequisite rule is nested too deep.');
    if ('course' in node) return stand(node.course).kind === 'VALID';
    return 'allOf' in node ? node.allOf.every((m) => met(m, depth + 1)) : node.anyOf.some((m) => met(m, depth + 1));
  };
  /** A rule as a phrase: "Veilig tillen (VT-101)", "all of A and B", "one of A or B". */
  const phrase = (node: PrerequisiteRule): string => {
    if ('course' in node) return label(node.course);
    const [members, joiner, lead] = 'allOf' in node ? [node.allOf, 'and', 'all of'] : [node.anyOf, 'or', 'one of'];
    const parts = members.map(phrase);
    if (parts.length === 1) return parts[0]!;
    return `${lead} ${parts.slice(0, -1).join(', ')} ${joiner} ${parts[parts.length - 1]!}`;
  };
  const expiredNote = (code: string) => {
    const s = stand(code);
    return s.kind === 'EXPIRED' ? ` The certificate for ${label(code)} expired on ${formatCalendarDate(s.on)}.` : '';
  };
  const unmet: string[] = [];
  const sentences = (node: PrerequisiteRule): string[] => {
    if (met(node, 1)) return [];
    if ('course' in node) {
      unmet.push(node.course);
      const s = stand(node.course);
      return [
        s.kind === 'EXPIRED'
          ? `Renew ${label(node.course)}: the certificate expired on ${formatCalendarDate(s.on)}.`
          : `Complete ${label(node.course)}.`,
      ];
    }
    if ('allOf' in node) return node.allOf.flatMap(sentences);
    if (node.anyOf.length === 1) return sentences(node.anyOf[0]!);
    const codes = coursesIn(node);
    unmet.push(...codes);
    return [`Complete ${phrase(node)}.${codes.map(expiredNote).join('')}`];
  };
  const missing = sentences(rule);
  return { met: missing.length === 0, missing, unmetCourses: [...new Set(unmet)] };
}
