import {
  BadUserInputError,
  checkDate,
  checkMoney,
  ConflictError,
  DATE_WINDOWS,
  formatCalendarDate,
  NotFoundError,
  recordChange,
} from '@samen-sterk/subgraph-runtime';
import { exact, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { CaoContext } from '../builder';
import { forgetMinimumWageRates, minimumWageRates, type RateWithAmounts } from '../data/minimum-wage';
import { BBL_PERCENT, bblHourly, minimumWageAge, rateOn, YOUTH_PERCENT, youthHourly } from '../domain/minimum-wage';
import type { Tx } from '../data/versions';
import type { Prisma } from '../generated/prisma/client';
import { actorOf } from './draft-change';

/**
 * The statutory minimum wage: looked up for an age on a date from the rates registered, and
 * registered by the CAO team twice a year (domain/minimum-wage.ts has the law's rules).
 */
export interface MinimumWageShape {
  on: Date;
  effectiveFrom: Date;
  age: number;
  hourly: Exact;
  adultHourly: Exact;
  youthPercent: Exact;
  bblPercent: Exact | null;
  bblHourly: Exact | null;
}

/** The minimum wage for an age on a date, from the rates registered. */
export async function minimumWageOn(ctx: CaoContext, on: Date, age: number, field = 'age'): Promise<MinimumWageShape> {
  const bracket = minimumWageAge(age, field);
  const rate = rateOn(await minimumWageRates(ctx), on);
  if (!rate) throw new NotFoundError('A statutory minimum wage on', formatCalendarDate(on));
  return shape(rate, bracket, on);
}

function shape(rate: RateWithAmounts, age: number, on: Date): MinimumWageShape {
  const amount = rate.amounts.find((a) => a.age === age);
  const adult = rate.amounts.find((a) => a.age === 21);
  if (!amount || !adult)
    throw new NotFoundError(`The minimum wage for age ${age} from`, formatCalendarDate(rate.effectiveFrom));
  return {
    on,
    effectiveFrom: rate.effectiveFrom,
    age,
    hourly: exact(amount.hourly),
    adultHourly: exact(adult.hourly),
    youthPercent: exact(amount.youthPercent),
    bblPercent: amount.bblPercent === null ? null : exact(amount.bblPercent),
    bblHourly: bblHourly(exact(adult.hourly), age),
  };
}

/** The amounts of a new rate: published youth amounts where given, the percentage otherwise. */
function rateAmounts(adultHourly: Exact, given: { age: number; hourly: Exact }[]) {
  checkMoney(adultHourly, 'input.adultHourly', 'The adult hourly amount (euros)', { positive: true, max: 1000 });
  given.forEach((amount, index) => {
    if (!(amount.age in YOUTH_PERCENT) || amount.age === 21) {
      throw new BadUserInputError(
        `input.youthAmounts.${index}.age`,
        `Youth amounts are for ages 15 to 20, not ${amount.age}.`,
      );
    }
    if (
      !amount.hourly.isPositive() ||
      amount.hourly.isZero() ||
      amount.hourly.greaterThan(adultHourly) ||
      amount.hourly.decimalPlaces() > 2
    ) {
      throw new BadUserInputError(
        `input.youthAmounts.${index}.hourly`,
        `The amount for age ${amount.age} must be more than zero, in cents, and not above the adult amount.`,
      );
    }
  });
  return Object.entries(YOUTH_PERCENT).map(([ageText, percent]) => {
    const age = Number(ageText);
    const hourly =
      age === 21 ? adultHourly : (given.find((a) => a.age === age)?.hourly ?? youthHourly(adultHourly, age));
    return { age, hourly: hourly.toFixed(2), youthPercent: percent, bblPercent: BBL_PERCENT[age] ?? null };
  });
}

export interface NewMinimumWage {
  effectiveFrom: Date;
  adultHourly: Exact;
  youthAmounts?: { age: number; hourly: Exact }[] | null;
}

/** Registers a new statutory minimum-wage rate from its effective date; one per date. */
export function registerMinimumWage<T extends { id: string }>(
  ctx: CaoContext,
  input: NewMinimumWage,
  create: (tx: Tx, data: Prisma.MinimumWageRateCreateInput) => Promise<T>,
): Promise<T> {
  checkDate(input.effectiveFrom, 'input.effectiveFrom', 'The effective date', DATE_WINDOWS.effective);
  const amounts = rateAmounts(input.adultHourly, input.youthAmounts ?? []);
  const registered = ctx.db.$transaction(async (tx) => {
    const existing = await tx.minimumWageRate.findUnique({ where: { effectiveFrom: input.effectiveFrom } });
    if (existing)
      throw new ConflictError(
        `A minimum-wage rate from ${formatCalendarDate(input.effectiveFrom)} is already registered.`,
      );
    const actorId = actorOf(ctx.identity);
    const rate = await create(tx, {
      effectiveFrom: input.effectiveFrom,
      createdBy: actorId,
      amounts: { create: amounts },
    });
    await recordChange(tx, {
      actorId,
      action: 'REGISTER_MINIMUM_WAGE',
      entityType: 'MinimumWageRate',
      entityId: rate.id,
      after: { effectiveFrom: formatCalendarDate(input.effectiveFrom), amounts },
    });
    return rate;
  });
  return registered.finally(() => forgetMinimumWageRates(ctx));
}
