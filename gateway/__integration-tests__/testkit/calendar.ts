// Calendar dates for tests, computed here independently of the product (UTC dates, `YYYY-MM-DD`).

const DAY = 86_400_000;
export const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const iso = (date: Date) => date.toISOString().slice(0, 10);
/** Today in the Netherlands. */
export const todayNl = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
export const addDays = (day: string, days: number) => iso(new Date(toDate(day).getTime() + days * DAY));
/** Whole months; a day the target month lacks becomes its last day (31 Aug + 3 months = 30 Nov). */
export const addMonths = (day: string, months: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))));
};
export const daysFrom = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY);
