import { checkPercent } from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';

/**
 * Input checks of HR data: the platform's shared rules (subgraph-runtime's input-checks.ts),
 * under the names this subgraph uses. Each returns the normalised value or throws
 * BAD_USER_INPUT naming the field.
 */
export {
  checkBirthDate as birthDate,
  checkBsn as bsn,
  checkDate as date,
  checkDecimal as decimal,
  checkEndDate as endDate,
  checkHoursPerWeek as hoursPerWeek,
  checkIban as iban,
  checkMoney as money,
  checkOptionalEmail as optionalEmail,
  checkOptionalText as optionalText,
  checkPostcode as postcode,
  checkText as text,
  DATE_WINDOWS,
} from '@samen-sterk/subgraph-runtime';

/** The longest values of HR text fields that are not one-line defaults (200 characters). */
export const MAX_LENGTH = {
  houseNumber: 20,
  /** A municipality's name (the longest Dutch one has 27 letters). */
  municipality: 100,
  appraisalNote: 2000,
  allowanceNote: 500,
} as const;

/** A percentage from 0 to 100 with at most two decimals (a wage value, say), as stored. */
export const percent = (value: Decimal, field: string, label: string) => checkPercent(value, field, label).toString();

/**
 * A premium rate: at most two decimals (as the tax office and funds publish them) and at most
 * `max`; a larger figure is a typing error, not a rate. Returns it with two decimals.
 */
export const ratePercent = (value: Decimal, field: string, label: string, max: number): string =>
  checkPercent(value, field, label, max).toFixed(2);
