/**
 * Calendar dates of the seed: JS Dates at 00:00 UTC. Months and years are counted with the
 * runtime's `addMonths`/`addYears`; only day arithmetic lives here.
 */
import { parseCalendarDate } from '@samen-sterk/subgraph-runtime';
import { int, type Rng } from './random';

/** A fixed date written `YYYY-MM-DD`. */
export function calendarDate(value: string): Date {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`${value} is not a calendar date.`);
  return date;
}

const DAY_MS = 86_400_000;
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
export const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);
export const minDate = (a: Date, b: Date) => (a <= b ? a : b);
export const maxDate = (a: Date, b: Date) => (a >= b ? a : b);

/** A date in [from, to], both inclusive (`from` when the range is empty). */
export const dateBetween = (rng: Rng, from: Date, to: Date) =>
  addDays(from, int(rng, 0, Math.max(0, daysBetween(from, to))));
