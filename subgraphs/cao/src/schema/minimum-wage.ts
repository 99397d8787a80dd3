import { maxItems } from '@samen-sterk/subgraph-runtime';
import { formatAmount } from '@samen-sterk/subgraph-runtime/pure';
import { builder } from '../builder';
import { YOUTH_PERCENT } from '../domain/minimum-wage';
import { minimumWageOn, registerMinimumWage, type MinimumWageShape } from '../services/minimum-wage';

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
    hourly: t.field({ type: 'Decimal', resolve: (m) => formatAmount(m.hourly) }),
    adultHourly: t.field({
      type: 'Decimal',
      description: 'The amount at 21 and older.',
      resolve: (m) => formatAmount(m.adultHourly),
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
    bblHourly: t.field({ type: 'Decimal', nullable: true, resolve: (m) => m.bblHourly && formatAmount(m.bblHourly) }),
  }),
});

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
    hourly: t.field({ type: 'Decimal', resolve: (a) => formatAmount(a.hourly) }),
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

builder.queryFields((t) => ({
  minimumWage: t.field({
    type: MinimumWageRef,
    description: 'The statutory minimum wage per hour for an age on a date, with the youth and BBL percentages.',
    args: { on: t.arg({ type: 'Date', required: true }), age: t.arg.int({ required: true }) },
    resolve: (_root, { on, age }, ctx) => minimumWageOn(ctx, on, age),
  }),
  minimumWageRates: t.prismaConnection({
    type: 'MinimumWageRate',
    cursor: 'id',
    description: 'Every registered rate, newest first.',
    totalCount: (_c, _args, ctx) => ctx.db.minimumWageRate.count(),
    resolve: (query, _root, _args, ctx) =>
      ctx.db.minimumWageRate.findMany({ ...query, orderBy: [{ effectiveFrom: 'desc' }, { id: 'asc' }] }),
  }),
}));

builder.mutationFields((t) => ({
  registerMinimumWage: t.prismaField({
    type: MinimumWageRateRef,
    authScopes: { maintainsCao: true },
    description: 'Registers a new statutory minimum-wage rate from its effective date (CAO team).',
    args: { input: t.arg({ type: RegisterMinimumWageInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      registerMinimumWage(ctx, input, (tx, data) => tx.minimumWageRate.create({ ...query, data })),
  }),
}));
