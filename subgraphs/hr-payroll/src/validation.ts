import { BadUserInputError, normaliseBsn, normaliseIban, normalisePostcode } from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';

/** Input checks of HR data; each returns the normalised value or throws BAD_USER_INPUT naming the field. */
export function bsn(value: string, field: string) {
  const normalised = normaliseBsn(value);
  // The message does not repeat the number: BSNs stay out of messages and logs.
  if (!normalised)
    throw new BadUserInputError(field, 'This is not a valid BSN: it must be 9 digits that pass the 11-proof.');
  return normalised;
}

export function iban(value: string, field: string) {
  const normalised = normaliseIban(value);
  if (!normalised)
    throw new BadUserInputError(
      field,
      'This is not a valid IBAN: check the letters and digits (the mod-97 check fails).',
    );
  return normalised;
}

export function postcode(value: string, field: string) {
  const normalised = normalisePostcode(value);
  if (!normalised)
    throw new BadUserInputError(
      field,
      `"${value}" is not a Dutch postcode: write four digits and two letters, such as 3511 AB.`,
    );
  return normalised;
}

export function text(value: string, field: string, label: string, max = 200) {
  const trimmed = value.trim();
  if (!trimmed) throw new BadUserInputError(field, `${label} cannot be empty.`);
  if (trimmed.length > max) throw new BadUserInputError(field, `${label} is longer than ${max} characters.`);
  return trimmed;
}

export function percent(value: Decimal, field: string, label: string) {
  if (value.isNegative() || value.greaterThan(100))
    throw new BadUserInputError(field, `${label} is a percentage from 0 to 100.`);
  return value.toString();
}

export function wholeNumber(value: number, field: string, label: string, min = 0) {
  if (!Number.isInteger(value) || value < min)
    throw new BadUserInputError(field, `${label} must be a whole number of at least ${min}.`);
  return value;
}
