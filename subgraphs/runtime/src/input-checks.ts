import { BadUserInputError } from './errors';
import { normaliseBsn, normaliseIban, normaliseKvkNumber, normalisePostcode } from './identifiers';

/**
 * Checks of input every subgraph takes: each returns the normalised value or throws
 * BAD_USER_INPUT naming the field, before anything is written.
 */
export function checkKvkNumber(value: string, field: string): string {
  const kvk = normaliseKvkNumber(value);
  if (!kvk)
    throw new BadUserInputError(
      field,
      `"${value}" is not a KvK number: it must be exactly 8 digits, such as 41234567.`,
    );
  return kvk;
}

export function checkPostcode(value: string, field: string): string {
  const normalised = normalisePostcode(value);
  if (!normalised) {
    throw new BadUserInputError(
      field,
      `"${value}" is not a Dutch postcode: write four digits and two letters, such as 3511 AB.`,
    );
  }
  return normalised;
}

/** The message never repeats the number: BSNs stay out of messages and logs. */
export function checkBsn(value: string, field: string): string {
  const normalised = normaliseBsn(value);
  if (!normalised)
    throw new BadUserInputError(field, 'This is not a valid BSN: it must be 9 digits that pass the 11-proof.');
  return normalised;
}

export function checkIban(value: string, field: string): string {
  const normalised = normaliseIban(value);
  if (!normalised) {
    throw new BadUserInputError(
      field,
      'This is not a valid IBAN: check the letters and digits (the mod-97 check fails).',
    );
  }
  return normalised;
}

/** Text that must be there, trimmed, at most `maxLength` characters. */
export function checkText(value: string, field: string, label: string, maxLength = 200): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, `${label} cannot be empty.`);
  if (text.length > maxLength) throw new BadUserInputError(field, `${label} is longer than ${maxLength} characters.`);
  return text;
}
