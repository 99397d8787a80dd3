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
