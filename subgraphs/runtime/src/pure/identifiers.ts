/**
 * Dutch identifiers, checked where they enter the platform (docs/design.md, "Identifiers").
 * Each check returns the normalised value, or null when the input is not valid.
 */

/** KvK (Chamber of Commerce) number: exactly 8 digits. */
export function normaliseKvkNumber(input: string): string | null {
  const value = input.trim();
  return /^\d{8}$/.test(value) ? value : null;
}

/**
 * Dutch postcode: four digits not starting with 0, then two letters; written `1234 AB`.
 * The letter pairs SA, SD and SS are never issued.
 */
export function normalisePostcode(input: string): string | null {
  const match = /^([1-9]\d{3})\s?([A-Za-z]{2})$/.exec(input.trim());
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  if (['SA', 'SD', 'SS'].includes(letters)) return null;
  return `${match[1]} ${letters}`;
}

/** BSN (citizen service number): 9 digits passing the "11-proof" (last digit weighs −1). */
export function normaliseBsn(input: string): string | null {
  const value = input.trim();
  if (!/^\d{9}$/.test(value)) return null;
  const digits = [...value].map(Number);
  const sum = digits.reduce((acc, digit, i) => acc + digit * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0 && sum !== 0 ? value : null;
}

/** IBAN (ISO 13616): country, check digits, account; the mod-97 remainder must be 1. */
export function normaliseIban(input: string): string | null {
  const value = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value)) return null;
  if (value.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(value)) return null;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? value : null;
}

/** The VAT rates in force in the Netherlands, in percent. */
export const VAT_RATES = [21, 9, 0] as const;
