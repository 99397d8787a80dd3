import Decimal from 'decimal.js';

/**
 * An amount in euros as the API writes it (`"2461.52"`) → whole cents, exactly, as a bigint: sums
 * and differences of amounts in tests stay exact (never `Number(amount) * 100`). Refuses an
 * amount with fractions of a cent.
 */
export function cents(amount: string): bigint {
  const value = new Decimal(amount).times(100);
  if (!value.isInteger()) throw new Error(`${amount} is not a whole number of cents.`);
  return BigInt(value.toFixed(0));
}
