import { parseCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import fc from 'fast-check';

/** A calendar date (00:00 UTC), from `YYYY-MM-DD`. */
export const day = (text: string): Date => {
  const date = parseCalendarDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
};

/** A moment, from ISO 8601 with its zone. */
export const at = (text: string): Date => new Date(text);

/**
 * Amounts for property tests, built as decimal strings from whole cents, so that no JavaScript
 * float ever holds money, not even in a test.
 */
export const centsText = (cents: number): string =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
export const amount = (maxCents = 100_000) => fc.integer({ min: 0, max: maxCents }).map(centsText);

/** The demo catalogue's titles, for sentences. */
export const TITLES: Record<string, string> = {
  'VT-101': 'Veilig tillen',
  'KS-101': 'Klantvriendelijk werken in de winkel',
  'SP-110': 'Sorteren en prijzen van ingezamelde goederen',
  'ELEK-101': 'Basis elektrotechniek (NEN 3140)',
  'ELEK-210': 'Elektrische apparaten testen en repareren',
  'BHV-101': 'BHV basis',
  'NT2-101': 'Nederlands op de werkvloer',
};
