import { DomainError, Exact, exact, HUNDRED, ZERO } from '@samen-sterk/subgraph-runtime/pure';

/**
 * The input checks every procurement rule shares: amounts arrive as decimal strings (a JavaScript
 * number is refused, as it may already have lost a cent), quantities as whole numbers. Each check
 * names the field at fault, in the rule's own terms (`lines[2].quantity`); the service places it
 * under its request with `withinField`.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The largest quantity one order line may carry. */
export const MAX_LINE_QUANTITY = 1_000_000;

/** A decimal written as a string (or an Exact), such as "12.50". */
export function decimalIn(value: unknown, field: string, what: string): Exact {
  if (value instanceof Exact) {
    if (!value.isFinite()) throw invalid(value.toString(), field, what);
    return value;
  }
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) throw invalid(value, field, what);
  return exact(value.trim());
}

function invalid(value: unknown, field: string, what: string): DomainError {
  return new DomainError(
    'INVALID_AMOUNT',
    field,
    `${what} must be a decimal number written as a string, such as "12.50"; got ${JSON.stringify(value) ?? String(value)}.`,
  );
}

/** A non-negative decimal; with `cents`, at most two decimals (a price or amount in euros and cents). */
export function amountIn(value: unknown, field: string, what: string, options: { cents?: boolean } = {}): Exact {
  const amount = decimalIn(value, field, what);
  if (amount.isNegative() && !amount.isZero()) {
    throw new DomainError('NEGATIVE_AMOUNT', field, `${what} cannot be negative; got ${amount.toFixed()}.`);
  }
  if (options.cents && amount.decimalPlaces() > 2) {
    throw new DomainError(
      'TOO_MANY_DECIMALS',
      field,
      `${what} is in euros and cents (two decimals); got ${amount.toFixed()}.`,
    );
  }
  return amount.isZero() ? ZERO : amount;
}

/** A percentage from 0 to 100 inclusive. */
export function percentIn(value: unknown, field: string, what: string): Exact {
  const percent = decimalIn(value, field, what);
  if (percent.isNegative() || percent.greaterThan(HUNDRED)) {
    throw new DomainError('INVALID_PERCENT', field, `${what} must be from 0 to 100 percent; got ${percent.toFixed()}.`);
  }
  return percent;
}

/** A whole number from `minimum` to `maximum` inclusive. */
export function wholeIn(
  value: unknown,
  field: string,
  what: string,
  minimum: number,
  maximum: number = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_QUANTITY', field, `${what} must be a whole number; got ${String(value)}.`);
  }
  if (value < minimum) {
    const least = minimum === 0 ? 'cannot be negative' : `must be at least ${minimum}`;
    throw new DomainError('INVALID_QUANTITY', field, `${what} ${least}; got ${value}.`);
  }
  if (value > maximum) {
    throw new DomainError(
      'QUANTITY_TOO_LARGE',
      field,
      `${what} can be at most ${maximum.toLocaleString('en')}; got ${value}.`,
    );
  }
  return value;
}

/** A non-empty identifier. */
export function idIn(value: unknown, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('INVALID_ID', field, `${what} must be a non-empty identifier.`);
  }
  return value;
}

/**
 * The Dutch VAT rates (Wet op de omzetbelasting 1968, art. 9: general 21 %, reduced 9 %, and 0 %
 * for zero-rated supplies), accepted however the database writes them ("21", "21.00"); returned
 * as "21", "9" or "0".
 */
export const VAT_RATES = ['21', '9', '0'] as const;
export type VatRate = (typeof VAT_RATES)[number];

export function vatRateIn(value: unknown, field: string): VatRate {
  const what = 'The VAT rate';
  const rate = decimalIn(value, field, what).toFixed();
  const known = VAT_RATES.find((r) => r === rate);
  if (!known) {
    throw new DomainError(
      'INVALID_VAT_RATE',
      field,
      `${what} must be 21, 9 or 0 percent (the Dutch rates); got ${rate}.`,
    );
  }
  return known;
}
