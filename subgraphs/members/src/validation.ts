import { BadUserInputError } from '@samen-sterk/subgraph-runtime';

/**
 * Input checks of the members directory. Each returns the normalised value or throws
 * BAD_USER_INPUT naming the field, before anything is written.
 */
export {
  checkKvkNumber as kvkNumber,
  checkPostcode as postcode,
  checkText as requiredText,
} from '@samen-sterk/subgraph-runtime';

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
