// Amounts arrive as exact decimal strings ("1234.5", "-3.10"); they are formatted as text, never
// turned into floating-point numbers.

/** "1234.5" → "€ 1.234,50" (nl) or "€1,234.50" (en). */
export function money(amount: string | null | undefined, language: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  const cents = (fraction + '00').slice(0, 2);
  const dutch = language.startsWith('nl');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, dutch ? '.' : ',');
  return dutch ? `${sign}€ ${grouped},${cents}` : `${sign}€${grouped}.${cents}`;
}

/** "2026-03-01" → "1 maart 2026" / "1 March 2026" (a calendar date, no time zone shift). */
export function date(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return value;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function dateTime(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** "2026-03" → "maart 2026". */
export function period(value: string, language: string): string {
  const [year, month] = value.split('-').map(Number);
  if (!year || !month) return value;
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
