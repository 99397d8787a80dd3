import { maxItems } from '@samen-sterk/subgraph-runtime';
import { formatAmount, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { builder } from '../builder';
import { versionById } from '../data/versions';
import {
  cellsBelowMinimumWage,
  lookUpWage,
  lookUpWages,
  wageScalesOn,
  type BelowMinimumReport,
  type CellBelowMinimum,
  type InForceShape,
  type WageLookupShape,
} from '../services/wages';
import { CaoVersionRef, inForceFields, WageScaleRef } from './version';
import { WageBasisEnum } from './enums';
import { MinimumWageRef } from './minimum-wage';

const WageLookupRef = builder.objectRef<WageLookupShape>('WageLookup').implement({
  description: 'A wage from the CAO on a date, for hours and an age, with the reasons.',
  fields: (t) => {
    /** An amount of the answer, in cents as the API shows amounts. */
    const amount = (of: (w: WageLookupShape) => Exact, description?: string) =>
      t.field({ type: 'Decimal', description, resolve: (w) => formatAmount(of(w)) });
    return {
      scale: t.exposeInt('scale'),
      step: t.exposeInt('step'),
      on: t.field({ type: 'Date', resolve: (w) => w.on }),
      hoursPerWeek: t.field({ type: 'Decimal', resolve: (w) => w.hoursPerWeek }),
      monthly: amount((w) => w.monthly, 'Monthly wage for these hours, half up to cents.'),
      hourly: amount((w) => w.hourly, 'Hourly wage, half up to cents.'),
      monthlyFullTime: amount((w) => w.monthlyFullTime, 'Monthly wage at full time, after the minimum-wage check.'),
      tableMonthlyFullTime: amount((w) => w.tableMonthlyFullTime, "The CAO table's amount for this cell."),
      basis: t.field({ type: WageBasisEnum, resolve: (w) => w.basis }),
      liftedToMinimumWage: t.boolean({
        description: 'True when the table amount was below the statutory minimum wage, which was paid instead.',
        resolve: (w) => w.liftedToMinimumWage,
      }),
      minimumWage: t.field({ type: MinimumWageRef, resolve: (w) => w.minimumWage }),
      minimumWageMonthlyFullTime: amount((w) => w.minimumWageMonthlyFullTime),
      // Many look-ups share a version: loaded once per request.
      version: t.field({
        type: CaoVersionRef,
        resolve: async (w, _args, ctx) => (await versionById(ctx, w.versionId))!,
      }),
      afterEffect: t.boolean({
        description: 'True when the version used ended before the date and applies by after-effect.',
        resolve: (w) => w.afterEffect,
      }),
      explanation: t.stringList({ description: 'Why this amount, step by step.', resolve: (w) => w.explanation }),
    };
  },
});

const WageScalesInForceRef = builder.objectRef<InForceShape>('WageScalesInForce').implement({
  description: 'The scales and steps in force on a date, for pickers.',
  fields: (t) => ({
    ...inForceFields(t),
    scales: t.prismaField({
      type: [WageScaleRef],
      resolve: (query, r, _args, ctx) =>
        ctx.db.wageScale.findMany({ ...query, where: { versionId: r.versionId }, orderBy: { scale: 'asc' } }),
    }),
  }),
});

const BelowMinimumCellRef = builder.objectRef<CellBelowMinimum>('CellBelowMinimumWage').implement({
  fields: (t) => ({
    scale: t.exposeInt('scale'),
    step: t.exposeInt('step'),
    monthlyFullTime: t.field({ type: 'Decimal', resolve: (c) => formatAmount(c.monthlyFullTime) }),
    shortfall: t.field({
      type: 'Decimal',
      description: 'How much a month the cell is below the minimum wage.',
      resolve: (c) => formatAmount(c.shortfall),
    }),
  }),
});

const BelowMinimumReportRef = builder.objectRef<BelowMinimumReport>('BelowMinimumWageReport').implement({
  description: 'Cells of the table in force whose full-time amount is below the adult statutory minimum wage.',
  fields: (t) => ({
    ...inForceFields(t),
    minimumWage: t.field({ type: MinimumWageRef, resolve: (r) => r.minimumWage }),
    minimumWageMonthlyFullTime: t.field({
      type: 'Decimal',
      resolve: (r) => formatAmount(r.minimumWageMonthlyFullTime),
    }),
    cells: t.field({ type: [BelowMinimumCellRef], resolve: (r) => r.cells }),
  }),
});

const WageRequestInput = builder.inputType('WageRequest', {
  fields: (t) => ({
    scale: t.int({ required: true }),
    step: t.int({ required: true }),
    on: t.field({ type: 'Date', required: true }),
    hoursPerWeek: t.field({ type: 'Decimal', required: false }),
    age: t.int({ required: false }),
  }),
});

/** How many look-ups one `wages` request may carry. */
const MAX_WAGE_REQUESTS = 2000;

builder.queryFields((t) => ({
  wages: t.field({
    type: [WageLookupRef],
    description: `Many wage look-ups in one request (payroll runs), answered in order; at most ${MAX_WAGE_REQUESTS}. Same rules as \`wage\`.`,
    // A longer list is refused with the request, before any look-up (the request limits).
    args: { requests: t.arg({ type: [WageRequestInput], required: true, extensions: maxItems(MAX_WAGE_REQUESTS) }) },
    resolve: (_root, { requests }, ctx) => lookUpWages(ctx, requests),
  }),
  wage: t.field({
    type: WageLookupRef,
    description:
      'The monthly and hourly wage for a scale and step on a date, for hours a week (default full time) and an age (default 21 and over). Never below the statutory minimum wage.',
    args: {
      scale: t.arg.int({ required: true }),
      step: t.arg.int({ required: true }),
      on: t.arg({ type: 'Date', required: true }),
      hoursPerWeek: t.arg({ type: 'Decimal', required: false }),
      age: t.arg.int({ required: false }),
    },
    resolve: (_root, args, ctx) => lookUpWage(ctx, args),
  }),
  wageScales: t.field({
    type: WageScalesInForceRef,
    description: 'The scales and steps of the CAO version in force on a date.',
    args: { on: t.arg({ type: 'Date', required: true }) },
    resolve: (_root, { on }, ctx) => wageScalesOn(ctx, on),
  }),
  cellsBelowMinimumWage: t.field({
    type: BelowMinimumReportRef,
    description:
      'For a date, every scale and step whose CAO amount at full time is below the adult statutory minimum wage: where indexation overtook the table. (Scale 1 is paid at the minimum wage by definition; its printed amount is listed when it has fallen behind.)',
    args: { on: t.arg({ type: 'Date', required: true }) },
    resolve: (_root, { on }, ctx) => cellsBelowMinimumWage(ctx, on),
  }),
}));
