// Exact amounts for tests, in BigInt: never floats, never `Number(amount)`. An amount is compared
// as the exact decimal string the API writes ("2461.52") or as whole cents (a bigint).

/** A decimal as the API writes it (`"2461.52"`, `"-3.5"`) → the exact fraction `[246152n, 100n]`. */
export function fraction(value: string): [bigint, bigint] {
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new Error(`${value} is not a decimal.`);
  const [whole, decimals = ''] = value.split('.');
  return [BigInt(`${whole}${decimals}`), 10n ** BigInt(decimals.length)];
}

/**
 * An amount in euros (`"2461.52"`) → whole cents, exactly, as a bigint: sums and differences of
 * amounts stay exact. Refuses an amount with fractions of a cent.
 */
export function cents(amount: string): bigint {
  const [n, d] = fraction(amount);
  if ((n * 100n) % d !== 0n) throw new Error(`${amount} is not a whole number of cents.`);
  return (n * 100n) / d;
}

/** Whole cents → the amount with two decimals (`246152n` → `"2461.52"`, `-5n` → `"-0.05"`). */
export function formatCents(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** num / den (both ≥ 0) rounded half up to cents, with two decimals. */
export const halfUpCents = (num: bigint, den: bigint): string => formatCents((num * 200n + den) / (2n * den));

/** The same amount in cents, whatever its notation (`"2470"` and `"2470.00"` are one). */
export const sameAmount = (value: string) => halfUpCents(...fraction(value));

/** The sign of a − b for two decimals (−1, 0 or 1), exactly. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [an, ad] = fraction(a);
  const [bn, bd] = fraction(b);
  const difference = an * bd - bn * ad;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
