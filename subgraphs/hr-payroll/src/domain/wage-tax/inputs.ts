import { DomainError, exact, Exact, toFixed } from '@samen-sterk/subgraph-runtime/pure';
import {
  PERIODS_PER_YEAR,
  SUPPORTED_YEARS,
  WAGE_TAX_PARAMETERS,
  type SupportedYear,
  type WageTaxPeriod,
  type WageTaxYearParameters,
} from './parameters';

// What the wage-tax tables and the special-payments table share: reading the input, the year's
// parameters and the explanations' way of writing an amount.

export const d = (value: string) => new Exact(value);
/**
 * An amount in the explanations: "€2461.52", with `places` decimals. Not the runtime's
 * `formatEuro`: a negative wage (which this module accepts) reads "€-100.00" here, as it always has.
 */
export const eur = (x: Exact, places = 2) => `€${toFixed(x, places)}`;

/** Amounts come in as decimal.js values or decimal strings; numbers (floats) are refused. */
export type AmountInput = Exact | string;

export function amount(value: AmountInput, field: string): Exact {
  if (typeof value !== 'string' && !Exact.isDecimal(value)) {
    throw new DomainError(
      'INVALID_AMOUNT',
      field,
      `${field} must be a decimal string or a Decimal, not a ${typeof value}.`,
    );
  }
  let parsed: Exact;
  try {
    // A Decimal as it is (they never change), a text through the runtime's cache of parsed texts.
    parsed = exact(typeof value === 'string' ? value.trim() : value);
  } catch {
    throw new DomainError('INVALID_AMOUNT', field, `${field} is not a number: "${String(value)}".`);
  }
  if (!parsed.isFinite()) throw new DomainError('INVALID_AMOUNT', field, `${field} must be a finite amount.`);
  return parsed;
}

export function parametersFor(year: number): WageTaxYearParameters {
  if (!(SUPPORTED_YEARS as readonly number[]).includes(year)) {
    throw new DomainError(
      'UNSUPPORTED_YEAR',
      'year',
      `Wage tax can be computed for ${SUPPORTED_YEARS.join(' and ')} only, not for ${year}.`,
    );
  }
  return WAGE_TAX_PARAMETERS[year as SupportedYear];
}

export function checkPeriod(period: string): WageTaxPeriod {
  if (!Object.hasOwn(PERIODS_PER_YEAR, period)) {
    throw new DomainError(
      'UNSUPPORTED_PERIOD',
      'period',
      `Only the month, week and day tables (MONTH, WEEK, DAY) are supported, not ${JSON.stringify(period)}.`,
    );
  }
  return period as WageTaxPeriod;
}
