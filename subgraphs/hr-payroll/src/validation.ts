import { BadUserInputError } from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';

/** Input checks of HR data; each returns the normalised value or throws BAD_USER_INPUT naming the field. */
export {
  checkBsn as bsn,
  checkIban as iban,
  checkPostcode as postcode,
  checkText as text,
} from '@samen-sterk/subgraph-runtime';

export function percent(value: Decimal, field: string, label: string) {
  if (value.isNegative() || value.greaterThan(100))
    throw new BadUserInputError(field, `${label} is a percentage from 0 to 100.`);
  return value.toString();
}

/**
 * A premium rate: at most two decimals (as the tax office and funds publish them) and at most
 * `max`; a larger figure is a typing error, not a rate. Returns it with two decimals.
 */
export function ratePercent(value: Decimal, field: string, label: string, max: number): string {
  if (value.isNegative() || value.greaterThan(max) || value.decimalPlaces() > 2) {
    throw new BadUserInputError(
      field,
      `${label} is a percentage from 0 to ${max} with at most two decimals, not ${value.toString()}.`,
    );
  }
  return value.toFixed(2);
}
