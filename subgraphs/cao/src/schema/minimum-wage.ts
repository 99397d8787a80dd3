import {
  BadUserInputError,
  checkDate,
  checkMoney,
  ConflictError,
  DATE_WINDOWS,
  formatCalendarDate,
  maxItems,
  NotFoundError,
  type Identity,
  recordChange,
} from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import { canMaintainCao } from '../access';
import { builder, type CaoContext } from '../builder';
import { BBL_PERCENT, bblHourly, minimumWageAge, rateOn, YOUTH_PERCENT, youthHourly } from '../domain/minimum-wage';
import { amount, money } from '../domain/money';
import { minimumWageRates, type RateWithAmounts } from '../providers';

export interface MinimumWageShape {
  on: Date;
  effectiveFrom: Date;
  age: number;
  hourly: Decimal;
  adultHourly: Decimal;
  youthPercent: Decimal;
  bblPercent: Decimal | null;
  bblHourly: Decimal | null;
}

export const MinimumWageRef = builder.objectRef<MinimumWageShape>('MinimumWage').implement({
  description: 'The statutory minimum wage (wettelijk minimumloon) per hour for an age on a date.',
  fields: (t) => ({
    on: t.field({ type: 'Date', resolve: (m) => m.on }),
    effectiveFrom: t.field({
      type: 'Date',
      description: 'When this rate took effect.',
      resolve: (m) => m.effectiveFrom,
    }),
    age: t.int({ description: 'The age bracket: 21 stands for 21 and older.', resolve: (m) => m.age }),
    hourly: t.field({ type: 'Decimal', resolve: (m) => amount(m.hourly) }),
    adultHourly: t.field({
      type: 'Decimal',
      description: 'The amount at 21 and older.',
      resolve: (m) => amount(m.adultHourly),
    }),
    youthPercent: t.field({
      type: 'Decimal',
      description: 'Percentage of the adult amount for this age.',
      resolve: (m) => m.youthPercent,
    }),
    bblPercent: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'For BBL apprentices aged 18–20.',
      resolve: (m) => m.bblPercent,
    }),
    bblHourly: t.field({ type: 'Decimal', nullable: true, resolve: (m) => m.bblHourly && amount(m.bblHourly) }),
  }),
});

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
    hourly: money(amount.hourly),
    adultHourly: money(adult.hourly),
    youthPercent: money(amount.youthPercent),
    bblPercent: amount.bblPercent === null ? null : money(amount.bblPercent),
    bblHourly: bblHourly(money(adult.hourly), age),
  };
}

const MinimumWageRateRef = builder.prismaObject('MinimumWageRate', {
  description: 'A statutory minimum-wage rate, from its effective date, for every age.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    publishedAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the rate was registered: payroll settled before it may need back pay.',
    }),
    amounts: t.relation('amounts', { query: { orderBy: { age: 'desc' } } }),
  }),
});

builder.prismaObject('MinimumWageAmount', {
  fields: (t) => ({
    age: t.exposeInt('age', { description: '21 stands for 21 and older.' }),
    hourly: t.field({ type: 'Decimal', resolve: (a) => amount(a.hourly) }),
    youthPercent: t.expose('youthPercent', { type: 'Decimal' }),
    bblPercent: t.expose('bblPercent', { type: 'Decimal', nullable: true }),
  }),
});

const AmountInput = builder.inputType('MinimumWageAmountInput', {
  fields: (t) => ({
    age: t.int({ required: true, description: '15 to 20, or 21 for 21 and older.' }),
    hourly: t.field({ type: 'Decimal', required: true }),
  }),
});

const RegisterMinimumWageInput = builder.inputType('RegisterMinimumWageInput', {
  fields: (t) => ({
    effectiveFrom: t.field({ type: 'Date', required: true }),
    adultHourly: t.field({ type: 'Decimal', required: true, description: 'The hourly amount at 21 and older.' }),
    youthAmounts: t.field({
      type: [AmountInput],
      required: false,
      extensions: maxItems(Object.keys(YOUTH_PERCENT).length), // one per age at most
      description:
        'The published youth amounts; omitted ages get the statutory percentage of the adult amount, half up to cents.',
    }),
  }),
});

/** The amounts of a new rate: published youth amounts where given, the percentage otherwise. */
function rateAmounts(adultHourly: Decimal, given: { age: number; hourly: Decimal }[]) {
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

builder.queryFields((t) => ({
  minimumWage: t.field({
    type: MinimumWageRef,
    authScopes: { signedIn: true },
    description: 'The statutory minimum wage per hour for an age on a date, with the youth and BBL percentages.',
    args: { on: t.arg({ type: 'Date', required: true }), age: t.arg.int({ required: true }) },
    resolve: (_root, { on, age }, ctx) => minimumWageOn(ctx, on, age),
  }),
  minimumWageRates: t.prismaConnection({
    type: 'MinimumWageRate',
    cursor: 'id',
    authScopes: { signedIn: true },
    description: 'Every registered rate, newest first.',
    totalCount: (_c, _args, ctx) => ctx.db.minimumWageRate.count(),
    resolve: (query, _root, _args, ctx) =>
      ctx.db.minimumWageRate.findMany({ ...query, orderBy: [{ effectiveFrom: 'desc' }, { id: 'asc' }] }),
  }),
}));

const actor = (identity: Identity | null) => identity!.userId;

builder.mutationFields((t) => ({
  registerMinimumWage: t.prismaField({
    type: MinimumWageRateRef,
    authScopes: (_root, _args, ctx) => canMaintainCao(ctx.identity),
    description: 'Registers a new statutory minimum-wage rate from its effective date (CAO team).',
    args: { input: t.arg({ type: RegisterMinimumWageInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      checkDate(input.effectiveFrom, 'input.effectiveFrom', 'The effective date', DATE_WINDOWS.effective);
      const amounts = rateAmounts(input.adultHourly, input.youthAmounts ?? []);
      return ctx.db.$transaction(async (tx) => {
        const existing = await tx.minimumWageRate.findUnique({ where: { effectiveFrom: input.effectiveFrom } });
        if (existing)
          throw new ConflictError(
            `A minimum-wage rate from ${formatCalendarDate(input.effectiveFrom)} is already registered.`,
          );
        const rate = await tx.minimumWageRate.create({
          ...query,
          data: { effectiveFrom: input.effectiveFrom, createdBy: actor(ctx.identity), amounts: { create: amounts } },
        });
        await recordChange(tx, {
          actorId: actor(ctx.identity),
          action: 'REGISTER_MINIMUM_WAGE',
          entityType: 'MinimumWageRate',
          entityId: rate.id,
          after: { effectiveFrom: formatCalendarDate(input.effectiveFrom), amounts },
        });
        return rate;
      });
    },
  }),
}));
