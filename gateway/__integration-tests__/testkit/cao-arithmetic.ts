import { fraction, halfUpCents } from './money';

// The CAO's sums, worked out here independently of the product, exactly (BigInt fractions),
// each rounded half up to cents once at the end.

/** Hours a month of a full-time job: 38 × 52.4 / 12 (the CAO's conversion, cao `domain/conversion.ts`). */
export const monthlyFromHourly = (hourly: string) => {
  const [n, d] = fraction(hourly);
  return halfUpCents(n * 38n * 524n, d * 10n * 12n);
};

export const hourlyFromMonthly = (monthly: string) => {
  const [n, d] = fraction(monthly);
  return halfUpCents(n * 12n * 10n, d * 38n * 524n);
};

/** A full-time monthly wage for `hours` of the CAO's 38 a week. */
export const partTime = (fullTime: string, hours: string) => {
  const [fn, fd] = fraction(fullTime);
  const [hn, hd] = fraction(hours);
  return halfUpCents(fn * hn, fd * hd * 38n);
};

export const percentOf = (amount: string, percent: string) => {
  const [an, ad] = fraction(amount);
  const [pn, pd] = fraction(percent);
  return halfUpCents(an * pn, ad * pd * 100n);
};

/** old × (1 + percent / 100): a general increase. */
export const raised = (old: string, percent: string) => {
  const [on, od] = fraction(old);
  const [pn, pd] = fraction(percent);
  return halfUpCents(on * (100n * pd + pn), od * 100n * pd);
};
