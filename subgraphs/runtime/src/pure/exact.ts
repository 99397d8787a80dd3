import Decimal from 'decimal.js';

/**
 * The platform's one module for exact amounts (money, hours, percentages). Every subgraph computes
 * with `Exact`, a private decimal.js class with 40 significant digits, so that no intermediate
 * result is ever rounded; an amount is rounded only where a rule says so, through the named
 * roundings below, and the rule is written where that happens. No JavaScript number (a binary
 * float) ever holds an amount: inputs are decimal strings or Decimals, outputs formatted strings.
 */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Exact = Decimal;

/** What `exact()` accepts: a decimal string, a Decimal (of any class) or an integer. */
export type ExactValue = Decimal.Value | { toString(): string };

export const ZERO: Exact = new Exact(0);
export const HUNDRED: Exact = new Exact(100);
/** 0.01, exactly: multiplying by it is dividing by 100 without decimal.js's long division. */
const HUNDREDTH: Exact = new Exact('0.01');

/**
 * Parsed decimal texts: the same few thousand (rates, parameters, CAO amounts, cents) come back
 * in every calculation, and a Decimal never changes, so one parse serves them all. Emptied when
 * full, so it stays small whatever passes through.
 */
const parsed = new Map<string, Exact>();
const PARSED_KEPT = 10_000;

/**
 * `value` as an Exact: itself when it is one already (Decimals never change, so a copy would only
 * cost time), otherwise parsed from its decimal text.
 */
export function exact(value: ExactValue): Exact {
  if (value instanceof Exact) return value;
  if (typeof value === 'number') return new Exact(value);
  const text = typeof value === 'string' ? value : value.toString();
  let found = parsed.get(text);
  if (found === undefined) {
    found = new Exact(text);
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parsed.set(text, found);
  }
  return found;
}

/** `x` rounded to `places` decimals by `rounding`; `x` itself when it has no more decimals (nothing to round). */
function rounded(x: ExactValue, places: number, rounding: Decimal.Rounding): Exact {
  const value = exact(x);
  return value.decimalPlaces() <= places ? value : value.toDecimalPlaces(places, rounding);
}

// ---- Roundings: each named after the rule, so a reader sees which one a calculation uses. ----

/** Half up to cents ("rekenkundig afronden op centen"), the default for every amount: 1554.645 → 1554.65. */
export const roundCents = (x: ExactValue): Exact => rounded(x, 2, Decimal.ROUND_HALF_UP);
/** Half up to whole units (for example the whole paid hours of the wage return). */
export const roundWhole = (x: ExactValue): Exact => rounded(x, 0, Decimal.ROUND_HALF_UP);
/** Half up to `places` decimals (a rule that names its own precision, such as five decimals). */
export const roundHalfUp = (x: ExactValue, places: number): Exact => rounded(x, places, Decimal.ROUND_HALF_UP);
/** Towards minus infinity to `places` decimals ("naar beneden afronden"). */
export const roundDown = (x: ExactValue, places: number): Exact => rounded(x, places, Decimal.ROUND_FLOOR);
/** Towards plus infinity to `places` decimals ("naar boven afronden"). */
export const roundUp = (x: ExactValue, places: number): Exact => rounded(x, places, Decimal.ROUND_CEIL);

// ---- Arithmetic helpers ----

export const max = (a: Exact, b: Exact): Exact => (a.greaterThan(b) ? a : b);
export const min = (a: Exact, b: Exact): Exact => (a.lessThan(b) ? a : b);
export const sum = (values: readonly Exact[]): Exact => values.reduce((total, x) => total.plus(x), ZERO);
/** `percent` % of `base`, unrounded (the caller rounds, and says how). */
export const percentOf = (base: Exact, percent: Exact): Exact => base.times(percent).times(HUNDREDTH);

// ---- Formatting ----

/**
 * `x.toFixed(places)`, without decimal.js's rounding pass when `x` has at most `places` decimals
 * (nearly every amount formatted is in cents already): the same string, in a fraction of the time.
 */
export function toFixed(x: Decimal, places: number): string {
  const decimals = x.decimalPlaces();
  if (!(decimals <= places)) return x.toFixed(places); // also NaN decimals (not finite)
  const plain = x.toFixed();
  if (decimals === places) return plain;
  return `${decimals === 0 ? `${plain}.` : plain}${'0'.repeat(places - decimals)}`;
}

/** A money amount as the API shows it: always two decimals, half up ("2461.50", never "2461.5"). */
export const formatAmount = (x: ExactValue): string => toFixed(roundCents(x), 2);

/**
 * An amount for people, in the API's language (English): "€2461.52", negative "−€12.34";
 * with `grouping`, thousands separated by commas ("€2,201.94"), as explanations of wages read.
 */
export function formatEuro(x: ExactValue, options: { grouping?: boolean; places?: number } = {}): string {
  const value = exact(x);
  const places = options.places ?? 2;
  let text = toFixed(value.abs(), places);
  if (options.grouping) {
    const [whole, fraction] = text.split('.');
    text = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  return value.isNegative() ? `−€${text}` : `€${text}`;
}

/**
 * An amount for Dutch readers (payslips): "€ 1.234,56", negative "-€ 12,34"; thousands with a
 * dot, decimals with a comma, as Dutch documents write money.
 */
export function formatEuroDutch(x: ExactValue): string {
  const value = roundCents(x);
  const [whole, cents] = toFixed(value.abs(), 2).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value.isNegative() && !value.isZero() ? '-' : ''}€ ${grouped},${cents}`;
}

/** A percentage without trailing zeros: "7.74", "8", "6.5". */
export const formatPercent = (x: ExactValue): string => exact(x).toFixed();
