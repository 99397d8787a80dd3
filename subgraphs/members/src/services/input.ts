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
} from '@samen-sterk/subgraph-runtime';
