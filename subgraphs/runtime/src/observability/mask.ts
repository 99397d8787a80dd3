/**
 * Masks what looks like personal data in text meant for a log: e-mail addresses, IBANs, and
 * long numbers (a BSN is 9 digits, 8 in old records; account and phone numbers are of that
 * length too). A last line of defence under the logger's key-based redaction.
 */
/** No `/` on either side: `graphql@16.15.0/node_modules/…` in a stack trace is a path, not an address. */
const EMAIL = /[^\s@"'<>(),;:/]+@[^\s@"'<>(),;:/]+\.[a-z]{2,}(?!\w)/gi;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const LONG_NUMBER = /(?<![\d.])\d{8,10}(?![\d.])/g;

export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, '[e-mail]').replace(IBAN, '[iban]').replace(LONG_NUMBER, '[number]');
}
