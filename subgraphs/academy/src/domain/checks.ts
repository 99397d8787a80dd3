import { DomainError, exact, type Exact, ZERO } from '@samen-sterk/subgraph-runtime/pure';

/**
 * The input checks the Academy's rules share (README rule 1). Each names the field at fault in
 * the rule's own terms (`studyLoadHours`, `skills[2]`); the service places it under its request
 * with `withinField`. Amounts arrive as decimal strings: a JavaScript number is refused, as it may
 * already have lost a cent.
 */

const DECIMAL = /^\d+(\.\d+)?$/;

/** A course code: two to six capitals or digits (a capital first), a hyphen, three digits (`VT-101`, `NT2-101`). */
export const COURSE_CODE = /^[A-Z][A-Z0-9]{1,5}-\d{3}$/;
/** A learning path's code: `LL-` (leerlijn) and two to twenty capitals, digits or hyphens. */
export const PATH_CODE = /^LL-[A-Z0-9](?:[A-Z0-9-]{0,18}[A-Z0-9])?$/;
/** A skill code: lower-case words joined by hyphens (`safe-lifting`), at most 40 characters. */
export const SKILL_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const MIN_STUDY_LOAD_HOURS = exact('0.5');
/** One study year of 60 EC at 28 hours an EC: no Academy course is longer. */
export const MAX_STUDY_LOAD_HOURS = exact(1680);
export const MAX_SESSION_CAPACITY = 500;
export const MAX_COURSE_PRICE = exact('10000.00');
export const MAX_RENEWAL_MONTHS = 120;
export const MAX_SKILLS_PER_COURSE = 20;

/** Levels: the MBO qualification levels 1–4, or NONE for a course tied to no qualification level. */
export const LEVELS = ['NONE', 'MBO_1', 'MBO_2', 'MBO_3', 'MBO_4'] as const;
export type Level = (typeof LEVELS)[number];

/** How a course is given: in person (on site), online, or blended (both). */
export const MODES_OF_DELIVERY = ['IN_PERSON', 'ONLINE', 'BLENDED'] as const;
export type ModeOfDelivery = (typeof MODES_OF_DELIVERY)[number];

/** The languages the Academy teaches in (BCP 47 tags, as OOAPI writes a teaching language). */
export const LANGUAGES = ['nl-NL', 'en-GB', 'ar', 'tr', 'pl', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  allowed.find((candidate) => candidate === value);

const shown = (value: unknown) => JSON.stringify(value) ?? String(value);

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as people count them (an emoji or an accented letter is one). */
export const charactersIn = (text: string) => [...GRAPHEMES.segment(text)].length;

/** Text of `minimum` to `maximum` characters, trimmed; control characters other than a new line refused. */
export function textIn(value: unknown, field: string, what: string, minimum: number, maximum: number): string {
  if (typeof value !== 'string') throw new DomainError('INVALID_TEXT', field, `${what} must be text.`);
  const text = value.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text)) {
    throw new DomainError('INVALID_TEXT', field, `${what} contains a control character.`);
  }
  const length = charactersIn(text);
  if (length < minimum) {
    const least = minimum === 1 ? 'cannot be empty' : `must be at least ${minimum} characters`;
    throw new DomainError('INVALID_TEXT', field, `${what} ${least}.`);
  }
  if (length > maximum) {
    throw new DomainError('TEXT_TOO_LONG', field, `${what} can be at most ${maximum} characters; got ${length}.`);
  }
  return text;
}

/** A course code, upper-cased (`vt-101` → `VT-101`). */
export function courseCodeIn(value: unknown, field = 'code'): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!COURSE_CODE.test(code)) {
    throw new DomainError(
      'INVALID_COURSE_CODE',
      field,
      `A course code is two to six letters or digits (a letter first), a hyphen and three digits, such as VT-101; got ${shown(value)}.`,
    );
  }
  return code;
}

/** A learning path's code, upper-cased (`ll-werkbegeleider` → `LL-WERKBEGELEIDER`). */
export function pathCodeIn(value: unknown, field = 'code'): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!PATH_CODE.test(code)) {
    throw new DomainError(
      'INVALID_PATH_CODE',
      field,
      `A learning path's code starts with LL- and has up to 20 letters, digits or hyphens, such as LL-WINKEL; got ${shown(value)}.`,
    );
  }
  return code;
}

/** A non-negative decimal written as a string, such as "12.50"; with `cents`, at most two decimals. */
export function decimalIn(value: unknown, field: string, what: string, options: { cents?: boolean } = {}): Exact {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
    throw new DomainError(
      'INVALID_AMOUNT',
      field,
      `${what} must be a non-negative decimal number written as a string, such as "12.50"; got ${shown(value)}.`,
    );
  }
  const amount = exact(value.trim());
  if (options.cents && amount.decimalPlaces() > 2) {
    throw new DomainError('TOO_MANY_DECIMALS', field, `${what} is in euros and cents (two decimals); got ${value}.`);
  }
  return amount.isZero() ? ZERO : amount;
}

/** A course's price in euros: from €0.00 (free) to €10,000.00, in cents. */
export function priceIn(value: unknown, field = 'price'): Exact {
  const price = decimalIn(value, field, 'The price', { cents: true });
  if (price.greaterThan(MAX_COURSE_PRICE)) {
    throw new DomainError('AMOUNT_TOO_LARGE', field, `The price can be at most €10,000.00; got €${price.toFixed(2)}.`);
  }
  return price;
}

/** Study load in hours (OOAPI's studyLoad in the unit "hour"): 0.5 to 1680, in quarter hours. */
export function studyLoadHoursIn(value: unknown, field = 'studyLoadHours'): Exact {
  const hours = decimalIn(value, field, 'The study load');
  if (!hours.times(4).isInteger()) {
    throw new DomainError('INVALID_STUDY_LOAD', field, `The study load is counted in quarter hours; got ${value}.`);
  }
  if (hours.lessThan(MIN_STUDY_LOAD_HOURS) || hours.greaterThan(MAX_STUDY_LOAD_HOURS)) {
    throw new DomainError(
      'INVALID_STUDY_LOAD',
      field,
      `The study load must be from 0.5 to 1680 hours (one study year); got ${hours.toFixed()}.`,
    );
  }
  return hours;
}

/** A whole number from `minimum` to `maximum` inclusive. */
export function wholeIn(value: unknown, field: string, what: string, minimum: number, maximum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_NUMBER', field, `${what} must be a whole number; got ${shown(value)}.`);
  }
  if (value < minimum || value > maximum) {
    throw new DomainError('OUT_OF_RANGE', field, `${what} must be from ${minimum} to ${maximum}; got ${value}.`);
  }
  return value;
}

/** A session's seats: 1 to 500. */
export const capacityIn = (value: unknown, field = 'capacity') =>
  wholeIn(value, field, 'The capacity', 1, MAX_SESSION_CAPACITY);

/** Months after which a certificate must be renewed: null (never), or 1 to 120. */
export const renewalMonthsIn = (value: unknown, field = 'renewalMonths'): number | null =>
  value === null || value === undefined
    ? null
    : wholeIn(value, field, 'The renewal period in months', 1, MAX_RENEWAL_MONTHS);

export function levelIn(value: unknown, field = 'level'): Level {
  const level = oneOf(LEVELS, value);
  if (!level) throw new DomainError('INVALID_LEVEL', field, `The level must be one of ${LEVELS.join(', ')}.`);
  return level;
}

export function modeOfDeliveryIn(value: unknown, field = 'modeOfDelivery'): ModeOfDelivery {
  const mode = oneOf(MODES_OF_DELIVERY, value);
  if (!mode) {
    throw new DomainError(
      'INVALID_MODE_OF_DELIVERY',
      field,
      'The mode of delivery must be IN_PERSON, ONLINE or BLENDED.',
    );
  }
  return mode;
}

/** A teaching language; case as people type it is forgiven (`NL-nl` → `nl-NL`). */
export function languageIn(value: unknown, field = 'language'): Language {
  const tag = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const language = LANGUAGES.find((candidate) => candidate.toLowerCase() === tag);
  if (!language) {
    throw new DomainError(
      'INVALID_LANGUAGE',
      field,
      `The Academy teaches in ${LANGUAGES.join(', ')}; got ${shown(value)}.`,
    );
  }
  return language;
}

/** A skill's code, lower-cased (`Safe-Lifting` → `safe-lifting`). */
export function skillCodeIn(value: unknown, field: string): string {
  const code = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!SKILL_CODE.test(code) || code.length > 40) {
    throw new DomainError(
      'INVALID_SKILL',
      field,
      `A skill code is lower-case words joined by hyphens, such as safe-lifting; got ${shown(value)}.`,
    );
  }
  return code;
}

/** A course's skills: 0 to 20 skill codes, each once. */
export function skillsIn(value: unknown, field = 'skills'): string[] {
  if (!Array.isArray(value))
    throw new DomainError('INVALID_SKILLS', field, 'The skills must be a list of skill codes.');
  if (value.length > MAX_SKILLS_PER_COURSE) {
    throw new DomainError('TOO_MANY_SKILLS', field, `A course teaches at most ${MAX_SKILLS_PER_COURSE} skills.`);
  }
  const seen = new Set<string>();
  return value.map((skill: unknown, i) => {
    const code = skillCodeIn(skill, `${field}[${i}]`);
    if (seen.has(code))
      throw new DomainError('DUPLICATE_SKILL', `${field}[${i}]`, `The skill ${code} is listed twice.`);
    seen.add(code);
    return code;
  });
}

/** A non-empty identifier. */
export function idIn(value: unknown, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('INVALID_ID', field, `${what} must be a non-empty identifier.`);
  }
  return value;
}
