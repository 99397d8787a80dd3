/**
 * Personal identifiers shown masked: enough to recognise them, not enough to use them.
 * BSN `123456782` → `*****6782`; IBAN `NL91ABNA0417164300` → `NL91**********4300`.
 */
export const maskBsn = (bsn: string) => `${'*'.repeat(Math.max(0, bsn.length - 4))}${bsn.slice(-4)}`;

export const maskIban = (iban: string) =>
  `${iban.slice(0, 4)}${'*'.repeat(Math.max(0, iban.length - 8))}${iban.slice(-4)}`;
