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

/** `x` as an Exact: itself when it is one (Decimals never change, so a copy would only cost time). */
const exact = (x: Decimal): Exact => (x.constructor === Exact ? x : new Exact(x));

/** Half up to cents ("rekenkundig afronden op centen"): the default rule for every line. */
export const roundCents = (x: Decimal): Exact => exact(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
/** Half up to whole units (used for the whole paid hours of the wage return). */
export const roundWhole = (x: Decimal): Exact => exact(x).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);

export const max = (a: Exact, b: Exact): Exact => (a.greaterThan(b) ? a : b);
export const min = (a: Exact, b: Exact): Exact => (a.lessThan(b) ? a : b);
export const sum = (values: readonly Exact[]): Exact => values.reduce((total, x) => total.plus(x), ZERO);

/** `percent` % of `base`, unrounded (the caller rounds and says how). */
export const percentOf = (base: Exact, percent: Exact): Exact => base.times(percent).div(HUNDRED);

/**
 * `x.toFixed(dp)`, without decimal.js's rounding pass when `x` has at most `dp` decimals (nearly
 * every amount formatted here is in cents already): the same string, in a fraction of the time.
 */
function toFixed(x: Decimal, dp: number): string {
  const places = x.decimalPlaces();
  if (!(places <= dp)) return x.toFixed(dp); // also NaN places (not finite)
  const plain = x.toFixed();
  if (places === dp) return plain;
  return `${places === 0 ? `${plain}.` : plain}${'0'.repeat(dp - places)}`;
}

/** A money amount as the API shows it: always two decimals ("2461.50", never "2461.5"). */
export const money = (x: Decimal): string => toFixed(exact(x), 2);
/** For people: "€2461.52" (negative as "−€12.34"). */
export const eur = (x: Decimal): string => {
  const value = exact(x);
  return value.isNegative() ? `−€${toFixed(value.abs(), 2)}` : `€${toFixed(value, 2)}`;
};
/** A percentage without trailing zeros: "7.74", "8", "6.5". */
export const pct = (x: Decimal): string => exact(x).toFixed();
