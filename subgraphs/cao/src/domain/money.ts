import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for wages. A private Decimal class with enough precision that no
 * intermediate result is rounded; amounts are rounded only where a rule says so, with
 * `toCents` (half up, to the cent, as the CAO and payroll do).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const money = (value: Decimal.Value | { toString(): string }) => new Money(value.toString());

/** Rounds half up to whole cents: 1554.645 → 1554.65. */
export const toCents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** `2201.94` → `€2,201.94`, for explanations people read. */
export function euros(value: Decimal): string {
  const [whole, cents] = toCents(value).toFixed(2).split('.');
  return `€${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** A money amount as the API shows it: a string with exactly two decimals ("2440.90"). */
export const amount = (value: Decimal.Value | { toString(): string }) => toCents(money(value)).toFixed(2);
