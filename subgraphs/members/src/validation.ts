import { BadUserInputError } from '@samen-sterk/subgraph-runtime';

/**
 * Input checks of the members directory: the platform's shared rules (subgraph-runtime's
 * input-checks.ts), under the names this subgraph uses. Each returns the normalised value or
 * throws BAD_USER_INPUT naming the field, before anything is written.
 */
export {
  checkDate as date,
  checkEmail as email,
  checkKvkNumber as kvkNumber,
  checkOptionalText as optionalText,
  checkPostcode as postcode,
  checkText as requiredText,
  DATE_WINDOWS,
} from '@samen-sterk/subgraph-runtime';

/** Longest house number with its addition ("12a-bis", "1 hs"). */
export const HOUSE_NUMBER_MAX_LENGTH = 20;

export function notBefore(date: Date, earliest: Date, field: string, message: string): Date {
  if (date < earliest) throw new BadUserInputError(field, message);
  return date;
}

export function notAfter(date: Date, latest: Date, field: string, message: string): Date {
  if (date > latest) throw new BadUserInputError(field, message);
  return date;
}
