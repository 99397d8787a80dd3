/**
 * Calendar dates (effective dates, audit dates, opening days) carry legal meaning and no time
 * of day. In code they are JS Dates at 00:00 UTC, which is also what Prisma gives for
 * `@db.Date` columns; on the wire they are `YYYY-MM-DD`.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; null when it is not a real calendar date (2025-02-30, say). */
export function parseCalendarDate(value: string): Date | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

export const formatCalendarDate = (date: Date) => date.toISOString().slice(0, 10);

/** Made once: building an Intl formatter costs far more than using it (it loads time-zone data). */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Today in the Netherlands, as a calendar date. */
export function todayInNetherlands(now = new Date()): Date {
  const local = AMSTERDAM_DAY.format(now);
  return parseCalendarDate(local)!;
}

/**
 * Adds whole months; a day that does not exist in the target month becomes that month's last
 * day (31 August + 18 months = 28 February), as periods in Dutch law are counted.
 */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

export const addYears = (date: Date, years: number) => addMonths(date, years * 12);
