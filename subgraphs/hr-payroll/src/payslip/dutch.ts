/**
 * Dutch number and date formatting for the payslip, exact: strings in, strings out. No amount ever
 * passes through a JavaScript number, nor through a decimal class: the calculation's decimal
 * strings are regrouped as they are.
 *
 * Not the runtime's `formatEuroDutch`: that one rounds to cents, accepts numbers and writes a
 * negative amount as "-€ 12,34"; the payslip refuses anything but a decimal string, keeps the
 * decimals it is given and writes "€ -12,30".
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `"1234.5"` → `"1.234,5"`; `minDecimals` pads the fraction with zeros. Only decimal strings are accepted. */
export function formatDecimalNl(value: string, minDecimals = 0): string {
  if (typeof value !== 'string') throw new TypeError(`An amount must be a decimal string, not ${typeof value}.`);
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new TypeError(`Not a decimal number: "${value}".`);
  const [, sign, digits = '0', fraction = ''] = match;
  const whole = digits.replace(/^0+(?=\d)/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction.padEnd(minDecimals, '0');
  const zero = /^0*$/.test(whole + fraction);
  return `${sign && !zero ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** `"1234.56"` → `"€ 1.234,56"`, `"-12.30"` → `"€ -12,30"` (the Dutch notation). */
export function formatEuroNl(amount: string): string {
  const formatted = formatDecimalNl(amount, 2);
  return formatted.startsWith('-') ? `€ -${formatted.slice(1)}` : `€ ${formatted}`;
}

/** The amount with the opposite sign, as a string (a deduction shown as minus). */
export function negate(amount: string): string {
  const trimmed = amount.trim();
  if (!DECIMAL.test(trimmed)) throw new TypeError(`Not a decimal number: "${amount}".`);
  if (/^-?[0.]*$/.test(trimmed)) return trimmed.replace(/^-/, '');
  return trimmed.startsWith('-') ? trimmed.slice(1) : `-${trimmed}`;
}

/** `"6.5"` → `"6,5%"`. */
export const formatPercentNl = (percent: string) => `${formatDecimalNl(percent)}%`;

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** `2026, 1` → `"januari 2026"`. */
export const periodNl = (year: number, month: number) => `${MONTHS[month - 1] ?? `maand ${month}`} ${year}`;

/** A calendar date (`YYYY-MM-DD…` or a Date at 00:00 UTC) as `dd-mm-jjjj`. */
export function dateNl(value: Date | string): string {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new TypeError(`Not a date: "${iso}".`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}
