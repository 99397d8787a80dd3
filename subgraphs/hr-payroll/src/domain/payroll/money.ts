import Decimal from 'decimal.js';

/**
 * Exact arithmetic for the payroll calculation. A private decimal.js clone with 40 significant
 * digits: nothing is ever rounded unless a rule says so, and every such rounding is written (with
 * its rule) where it happens, through the named helpers below. No JavaScript numbers (binary
 * floats) ever hold an amount: inputs are decimal strings, outputs are formatted strings.
 */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Exact = Decimal;

export const ZERO = new Exact(0);
export const HUNDRED = new Exact(100);

/** Half up to cents ("rekenkundig afronden op centen"): the default rule for every line. */
export const roundCents = (x: Decimal): Exact => new Exact(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
/** Half up to whole units (used for the whole paid hours of the wage return). */
export const roundWhole = (x: Decimal): Exact => new Exact(x).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);

export const max = (a: Exact, b: Exact): Exact => (a.greaterThan(b) ? a : b);
export const min = (a: Exact, b: Exact): Exact => (a.lessThan(b) ? a : b);
export const sum = (values: readonly Exact[]): Exact => values.reduce((total, x) => total.plus(x), ZERO);

/** `percent` % of `base`, unrounded (the caller rounds and says how). */
export const percentOf = (base: Exact, percent: Exact): Exact => base.times(percent).div(HUNDRED);

/** A money amount as the API shows it: always two decimals ("2461.50", never "2461.5"). */
export const money = (x: Decimal): string => new Exact(x).toFixed(2);
/** For people: "€2461.52" (negative as "−€12.34"). */
export const eur = (x: Decimal): string => {
  const value = new Exact(x);
  return value.isNegative() ? `−€${value.abs().toFixed(2)}` : `€${value.toFixed(2)}`;
};
/** A percentage without trailing zeros: "7.74", "8", "6.5". */
export const pct = (x: Decimal): string => new Exact(x).toFixed();
