import { BadUserInputError, normaliseKvkNumber, normalisePostcode } from '@samen-sterk/subgraph-runtime';

/**
 * Input checks of the members directory. Each returns the normalised value or throws
 * BAD_USER_INPUT naming the field, before anything is written.
 */
export function kvkNumber(value: string, field: string): string {
  const kvk = normaliseKvkNumber(value);
  if (!kvk)
    throw new BadUserInputError(
      field,
      `"${value}" is not a KvK number: it must be exactly 8 digits, such as 41234567.`,
    );
  return kvk;
}

export function postcode(value: string, field: string): string {
  const normalised = normalisePostcode(value);
  if (!normalised) {
    throw new BadUserInputError(
      field,
      `"${value}" is not a Dutch postcode: write four digits and two letters, such as 3511 AB.`,
    );
  }
  return normalised;
}

export function requiredText(value: string, field: string, label: string, maxLength = 200): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, `${label} cannot be empty.`);
  if (text.length > maxLength) throw new BadUserInputError(field, `${label} is longer than ${maxLength} characters.`);
  return text;
}

export function email(value: string, field: string): string {
  const address = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) || address.length > 254) {
    throw new BadUserInputError(field, `"${value}" is not an e-mail address.`);
  }
  return address;
}

export function notBefore(date: Date, earliest: Date, field: string, message: string): Date {
  if (date < earliest) throw new BadUserInputError(field, message);
  return date;
}

export function notAfter(date: Date, latest: Date, field: string, message: string): Date {
  if (date > latest) throw new BadUserInputError(field, message);
  return date;
}
