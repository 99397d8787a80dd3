import type Decimal from 'decimal.js';
import { addYears, formatCalendarDate, parseCalendarDate, todayInNetherlands } from './pure/calendar-date';
import { BadUserInputError } from './errors';
import { normaliseBsn, normaliseIban, normaliseKvkNumber, normalisePostcode } from './pure/identifiers';

/**
 * The platform's input rules, shared by every subgraph: each check returns the normalised value
 * or throws BAD_USER_INPUT naming the field (a path such as `input.address.street`). Resolvers
 * run all of them before they write anything.
 *
 * Two layers:
 * - every string argument of every field passes `inputGuard` (graphql/input-guard.ts) before a
 *   resolver runs: no control characters and at most INPUT_MAX_LENGTH characters;
 * - each field then gets its own, stricter rule from here (text, e-mail, dates, numbers).
 */

// --- Characters ------------------------------------------------------------------------------

/** The most characters any string argument may have, whatever the field. */
export const INPUT_MAX_LENGTH = 10_000;
/** One-line text (names, streets, titles) unless a field says otherwise. */
export const TEXT_MAX_LENGTH = 200;
/** Multi-line text (notes, rules written out). */
export const NOTE_MAX_LENGTH = 2_000;
/** RFC 5321: at most 254 characters in an address, 64 before the @. */
export const EMAIL_MAX_LENGTH = 254;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What a character is, if text may not hold it:
 * - `control`: C0 controls (U+0000–U+001F, NUL among them), DEL and the C1 controls
 *   (U+007F–U+009F); the database refuses NUL, and none of them belongs in what a person writes;
 * - `bidi`: the bidirectional embedding, override and isolate controls (U+202A–U+202E,
 *   U+2066–U+2069), which make text display other than it is (`invoice‮fdp.exe`);
 * - `line break`: line feed, carriage return, tab, and the line and paragraph separators
 *   (U+2028, U+2029), allowed only where a field is multi-line;
 * - `broken`: half of a surrogate pair, which is no character at all.
 */
type Forbidden = 'control' | 'bidi' | 'line break' | 'broken';

function kindOf(text: string, index: number): Forbidden | null {
  const code = text.charCodeAt(index);
  if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return 'line break';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'control';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidi';
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff ? null : 'broken';
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(index - 1);
    return previous >= 0xd800 && previous <= 0xdbff ? null : 'broken';
  }
  return null;
}

/**
 * The first character `text` may not hold, with why, or null. With `lineBreaks`, line feed,
 * carriage return and tab are allowed (the input guard allows them everywhere; the text rule
 * only in multi-line fields).
 */
export function forbiddenCharacterIn(
  text: string,
  options: { lineBreaks: boolean },
): { kind: Forbidden; code: string; position: number } | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast path: printable ASCII and most of the BMP are fine.
    if (code >= 0x20 && code < 0x7f) continue;
    const kind = kindOf(text, i);
    if (!kind) continue;
    if (kind === 'line break' && options.lineBreaks) continue;
    return { kind, code: hex(code), position: i + 1 };
  }
  return null;
}

/** The message for a forbidden character in `label`. */
export function forbiddenCharacterMessage(label: string, found: { kind: Forbidden; code: string }): string {
  switch (found.kind) {
    case 'control':
      return `${label} contains a control character (${found.code}); remove it.`;
    case 'bidi':
      return `${label} contains a bidirectional control character (${found.code}), which can disguise text; remove it.`;
    case 'line break':
      return `${label} must be on one line (it contains ${found.code === 'U+0009' ? 'a tab' : 'a line break'}).`;
    case 'broken':
      return `${label} contains a broken character (${found.code}); check the text's encoding.`;
  }
}

/** Length in characters (code points), as a person and the database count them. */
export const characterCount = (text: string) => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/**
 * A value quoted in a message: at most 40 characters, control characters shown as code points,
 * so that a message never repeats an absurd or disguised input.
 */
export function quoted(value: string): string {
  const shown = [...value.slice(0, 80)]
    .slice(0, 40)
    .map((c) => (kindOf(c, 0) ? `<${hex(c.charCodeAt(0))}>` : c))
    .join('');
  return `"${shown}${characterCount(value) > 40 ? '…' : ''}"`;
}

// --- Text --------------------------------------------------------------------------------------

export interface TextRule {
  /** Default TEXT_MAX_LENGTH (one line) or NOTE_MAX_LENGTH (multi-line). */
  maxLength?: number;
  /**
   * Multi-line text (notes, rules): line feeds and tabs are kept; CR LF, CR and U+2028/U+2029
   * become LF. One-line text (the default) refuses every line break and tab: names, addresses
   * and titles are printed on one line (payslips, lists, letters).
   */
  multiline?: boolean;
}

const ruleOf = (rule: number | TextRule | undefined): Required<TextRule> => {
  const given = typeof rule === 'number' ? { maxLength: rule } : (rule ?? {});
  const multiline = given.multiline ?? false;
  return { multiline, maxLength: given.maxLength ?? (multiline ? NOTE_MAX_LENGTH : TEXT_MAX_LENGTH) };
};

/**
 * Text that must be there: trimmed, in Unicode NFC (one way to write "é"), without control
 * characters, at most `maxLength` characters (default 200, one line). A number as `rule` is
 * the maximum length.
 */
export function checkText(value: string, field: string, label: string, rule?: number | TextRule): string {
  const { multiline, maxLength } = ruleOf(rule);
  const found = forbiddenCharacterIn(value, { lineBreaks: multiline });
  // One-line text may still end in a line break a form added: trimming takes it away.
  const stray = found?.kind === 'line break' ? forbiddenCharacterIn(value.trim(), { lineBreaks: false }) : found;
  if (stray) throw new BadUserInputError(field, forbiddenCharacterMessage(label, stray));
  let text = value.normalize('NFC');
  if (multiline) text = text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  text = text.trim();
  if (!text) throw new BadUserInputError(field, `${label} cannot be empty.`);
  if (characterCount(text) > maxLength)
    throw new BadUserInputError(field, `${label} is longer than ${maxLength} characters.`);
  return text;
}

/**
 * Text that may be left out: null, undefined and blank (only spaces or line breaks) give null;
 * anything else is `checkText` (so a value of control characters alone is refused, not dropped).
 */
export function checkOptionalText(
  value: string | null | undefined,
  field: string,
  label: string,
  rule?: number | TextRule,
): string | null {
  if (value == null || !value.trim()) return null;
  return checkText(value, field, label, rule);
}

// --- E-mail ------------------------------------------------------------------------------------

const LOCAL_ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const DOMAIN_LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const EMAIL_PATTERN = new RegExp(
  `^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*@(?:${DOMAIN_LABEL}\\.)+(?:\\p{L}{2,63}|xn--[a-z0-9-]{1,59})$`,
  'u',
);

/**
 * The platform's one e-mail rule: `name@domain.tld`, trimmed and in lower case (addresses are
 * compared without case: one user per address), at most 254 characters and 64 before the @;
 * letters of any script, no spaces, quotes, IP-address domains or control characters.
 */
export function checkEmail(value: string, field: string, label = 'The e-mail address'): string {
  const address = value.normalize('NFC').trim().toLowerCase();
  const found = forbiddenCharacterIn(address, { lineBreaks: false });
  if (found) throw new BadUserInputError(field, forbiddenCharacterMessage(label, found));
  if (!address) throw new BadUserInputError(field, `${label} cannot be empty.`);
  const at = address.lastIndexOf('@');
  if (characterCount(address) > EMAIL_MAX_LENGTH || at > 64) {
    throw new BadUserInputError(
      field,
      `${label} is too long: at most ${EMAIL_MAX_LENGTH} characters, 64 of them before the @.`,
    );
  }
  if (!EMAIL_PATTERN.test(address)) {
    throw new BadUserInputError(field, `${quoted(value.trim())} is not an e-mail address (name@example.nl).`);
  }
  return address;
}

/** An e-mail address that may be left out: null, undefined and blank give null. */
export function checkOptionalEmail(value: string | null | undefined, field: string, label?: string): string | null {
  if (value == null || !value.trim()) return null;
  return checkEmail(value, field, label);
}

// --- Identifiers -------------------------------------------------------------------------------

/**
 * A check for one kind of identifier: its normal form, or BAD_USER_INPUT on `field` with the
 * sentence `refusal` writes for the value.
 */
const identifierCheck =
  (normalise: (value: string) => string | null, refusal: (value: string) => string) =>
  (value: string, field: string): string => {
    const normalised = normalise(value);
    if (!normalised) throw new BadUserInputError(field, refusal(value));
    return normalised;
  };

export const checkKvkNumber = identifierCheck(
  normaliseKvkNumber,
  (value) => `${quoted(value)} is not a KvK number: it must be exactly 8 digits, such as 41234567.`,
);

export const checkPostcode = identifierCheck(
  normalisePostcode,
  (value) => `${quoted(value)} is not a Dutch postcode: write four digits and two letters, such as 3511 AB.`,
);

/** The message never repeats the number: BSNs stay out of messages and logs. */
export const checkBsn = identifierCheck(
  normaliseBsn,
  () => 'This is not a valid BSN: it must be 9 digits that pass the 11-proof.',
);

/** The message never repeats the number: IBANs are personal data too. */
export const checkIban = identifierCheck(
  normaliseIban,
  () => 'This is not a valid IBAN: check the letters and digits (the mod-97 check fails).',
);

// --- Dates -------------------------------------------------------------------------------------

export interface DateWindow {
  from: Date;
  to: Date;
}

const windowOf = (from: string, to: string): DateWindow => ({
  from: parseCalendarDate(from)!,
  to: parseCalendarDate(to)!,
});

/**
 * The dates a field may plausibly hold; anything outside is a typing error (1800, 2999, year 1).
 * - `record`: history kept in the directory: membership, shops (the sector's oldest date from
 *   the 1970s), Keurmerk audits;
 * - `work`: employment and volunteering periods: a long-serving employee may have started
 *   forty years ago (the CAO's 25- and 40-year jubilees);
 * - `effective`: when rules or pay take effect: CAO versions, minimum-wage rates, step
 *   increases, payments.
 */
export const DATE_WINDOWS = {
  record: windowOf('1900-01-01', '2100-12-31'),
  work: windowOf('1960-01-01', '2100-12-31'),
  effective: windowOf('1990-01-01', '2100-12-31'),
} as const;

/** A date within `window` (default: `record`). */
export function checkDate(value: Date, field: string, label: string, window: DateWindow = DATE_WINDOWS.record): Date {
  if (value < window.from || value > window.to) {
    throw new BadUserInputError(
      field,
      `${label} (${formatCalendarDate(value)}) must lie from ${formatCalendarDate(window.from)} to ${formatCalendarDate(window.to)}.`,
    );
  }
  return value;
}

/** An end date (if any) within `window` and not before the start. */
export function checkEndDate(
  end: Date | null | undefined,
  start: Date,
  field: string,
  label = 'The end date',
  window: DateWindow = DATE_WINDOWS.record,
): Date | null {
  if (end == null) return null;
  checkDate(end, field, label, window);
  if (end < start) throw new BadUserInputError(field, `${label} lies before the start date.`);
  return end;
}

/** Whole years from `birthDate` to `on` (a birthday on 29 February counts on 28 February). */
const yearsOld = (birthDate: Date, on: Date) => {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  if (addYears(birthDate, age) > on) age--;
  return age;
};

export interface BirthDateRule {
  /** The day the person must be of plausible age on (a first day of work, say); default today. */
  on?: Date;
  /** What that day is, for the message: "on the first day". */
  onLabel?: string;
  minAge?: number;
  maxAge?: number;
}

/**
 * A birth date that is not in the future and makes the person `minAge` (13) to `maxAge` (100)
 * years old on the day concerned. Stricter legal ages (15 to start work) are the caller's.
 */
export function checkBirthDate(birthDate: Date, field: string, rule: BirthDateRule = {}): Date {
  const { on = todayInNetherlands(), minAge = 13, maxAge = 100 } = rule;
  if (birthDate > todayInNetherlands()) throw new BadUserInputError(field, 'The birth date lies in the future.');
  const age = yearsOld(birthDate, on);
  if (age < minAge || age > maxAge) {
    const when = rule.onLabel ?? `on ${formatCalendarDate(on)}`;
    throw new BadUserInputError(
      field,
      `This birth date (${formatCalendarDate(birthDate)}) makes the person ${age} ${when}; it must make them ${minAge} to ${maxAge}.`,
    );
  }
  return birthDate;
}

// --- Numbers -----------------------------------------------------------------------------------

export interface DecimalRule {
  min: number | string;
  max: number | string;
  /** The value must be more than `min`, not equal to it. */
  minExclusive?: boolean;
  /** Most decimals; default 2. */
  places?: number;
}

/** A decimal within the rule's range, with at most `places` decimals; returns it unchanged. */
export function checkDecimal(value: Decimal, field: string, label: string, rule: DecimalRule): Decimal {
  const { min, max, minExclusive = false, places = 2 } = rule;
  const tooLow = minExclusive ? value.lessThanOrEqualTo(min) : value.lessThan(min);
  if (!value.isFinite() || tooLow || value.greaterThan(max) || value.decimalPlaces() > places) {
    const range = minExclusive ? `more than ${min} and at most ${max}` : `from ${min} to ${max}`;
    const decimals = places === 0 ? 'a whole number' : `with at most ${places === 2 ? 'two' : places} decimals`;
    throw new BadUserInputError(field, `${label} must be ${range}, ${decimals}.`);
  }
  return value;
}

/** Hours a week of a contract: more than 0, at most 60 (the Working Hours Act's weekly maximum), two decimals. */
export const checkHoursPerWeek = (value: Decimal, field: string, label = 'Hours per week') =>
  checkDecimal(value, field, label, { min: 0, minExclusive: true, max: 60 });

/** A percentage: 0 to `max` (default 100), at most `places` (default 2) decimals. */
export function checkPercent(value: Decimal, field: string, label: string, max = 100, places = 2): Decimal {
  if (!value.isFinite() || value.isNegative() || value.greaterThan(max) || value.decimalPlaces() > places) {
    throw new BadUserInputError(
      field,
      `${label} is a percentage from 0 to ${max} with at most ${places === 2 ? 'two' : places} decimals, not ${value.toString()}.`,
    );
  }
  return value;
}

/**
 * Euros: not negative (or more than 0 with `positive`), at most `max`, in cents (two decimals).
 */
export const checkMoney = (
  value: Decimal,
  field: string,
  label: string,
  rule: { max: number | string; positive?: boolean },
) => checkDecimal(value, field, label, { min: 0, minExclusive: rule.positive ?? false, max: rule.max });

/** A whole number from `min` to `max`. */
export function checkInteger(value: number, field: string, label: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadUserInputError(field, `${label} must be a whole number from ${min} to ${max}.`);
  return value;
}
