import { DomainError, exact, percentOf, roundCents, type Exact } from '@samen-sterk/subgraph-runtime/pure';

/**
 * The statutory minimum wage (wettelijk minimumloon, WML). Since 2024 it is an hourly amount,
 * set twice a year (1 January, 1 July). Under 21 a percentage of the adult amount applies; for
 * apprentices in the BBL track aged 18–20 a lower one. Under 15 there is no minimum wage.
 */
export const ADULT_AGE = 21;
export const YOUNGEST_AGE = 15;

/** Percentages of the adult hourly amount, by age (21: 21 and older). */
export const YOUTH_PERCENT: Readonly<Record<number, string>> = {
  21: '100',
  20: '80',
  19: '60',
  18: '50',
  17: '39.5',
  16: '34.5',
  15: '30',
};

export const BBL_PERCENT: Readonly<Record<number, string>> = { 20: '61.5', 19: '52.5', 18: '45.5' };

/** The age bracket the law uses: 21 and older are one. */
export function minimumWageAge(age: number, field = 'age'): number {
  if (!Number.isInteger(age) || age < YOUNGEST_AGE) {
    throw new DomainError(
      'NO_MINIMUM_WAGE_AT_AGE',
      field,
      `There is no statutory minimum wage under ${YOUNGEST_AGE}; give an age of ${YOUNGEST_AGE} or over.`,
    );
  }
  return Math.min(age, ADULT_AGE);
}

/** Youth amounts the way they are published: the percentage of the adult amount, half up to cents. */
export const youthHourly = (adultHourly: Exact, age: number) =>
  roundCents(percentOf(adultHourly, exact(YOUTH_PERCENT[minimumWageAge(age)]!)));

export const bblHourly = (adultHourly: Exact, age: number) => {
  const percent = BBL_PERCENT[age];
  return percent ? roundCents(percentOf(adultHourly, exact(percent))) : null;
};

export interface RateLike {
  effectiveFrom: Date;
}

/** The rate in force on a date: the latest that started on or before it. */
export function rateOn<R extends RateLike>(rates: readonly R[], on: Date): R | null {
  let found: R | null = null;
  for (const rate of rates)
    if (rate.effectiveFrom <= on && (!found || rate.effectiveFrom > found.effectiveFrom)) found = rate;
  return found;
}
