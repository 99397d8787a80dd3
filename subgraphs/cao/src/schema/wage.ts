import { BadUserInputError, maxItems } from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import { builder, type CaoContext } from '../builder';
import { monthlyFromHourly } from '../domain/conversion';
import { amount, money } from '../domain/money';
import { computeWage, type Wage } from '../domain/wage';
import { CaoVersionRef, inForceOn, versionById, WageScaleRef } from './version';
import { WageBasisEnum } from './enums';
import { minimumWageOn, MinimumWageRef, type MinimumWageShape } from './minimum-wage';

interface WageLookupShape extends Wage {
  scale: number;
  step: number;
  on: Date;
  hoursPerWeek: Decimal;
  versionId: string;
  afterEffect: boolean;
  minimumWage: MinimumWageShape;
}

const WageLookupRef = builder.objectRef<WageLookupShape>('WageLookup').implement({
  description: 'A wage from the CAO on a date, for hours and an age, with the reasons.',
  fields: (t) => ({
    scale: t.exposeInt('scale'),
    step: t.exposeInt('step'),
    on: t.field({ type: 'Date', resolve: (w) => w.on }),
    hoursPerWeek: t.field({ type: 'Decimal', resolve: (w) => w.hoursPerWeek }),
    monthly: t.field({
      type: 'Decimal',
      description: 'Monthly wage for these hours, half up to cents.',
      resolve: (w) => amount(w.monthly),
    }),
    hourly: t.field({
      type: 'Decimal',
      description: 'Hourly wage, half up to cents.',
      resolve: (w) => amount(w.hourly),
    }),
    monthlyFullTime: t.field({
      type: 'Decimal',
      description: 'Monthly wage at full time, after the minimum-wage check.',
      resolve: (w) => amount(w.monthlyFullTime),
    }),
    tableMonthlyFullTime: t.field({
      type: 'Decimal',
      description: "The CAO table's amount for this cell.",
      resolve: (w) => amount(w.tableMonthlyFullTime),
    }),
    basis: t.field({ type: WageBasisEnum, resolve: (w) => w.basis }),
    liftedToMinimumWage: t.boolean({
      description: 'True when the table amount was below the statutory minimum wage, which was paid instead.',
      resolve: (w) => w.liftedToMinimumWage,
    }),
    minimumWage: t.field({ type: MinimumWageRef, resolve: (w) => w.minimumWage }),
    minimumWageMonthlyFullTime: t.field({ type: 'Decimal', resolve: (w) => amount(w.minimumWageMonthlyFullTime) }),
    // Many look-ups share a version: loaded once per request.
    version: t.field({ type: CaoVersionRef, resolve: async (w, _args, ctx) => (await versionById(ctx, w.versionId))! }),
    afterEffect: t.boolean({
      description: 'True when the version used ended before the date and applies by after-effect.',
      resolve: (w) => w.afterEffect,
    }),
    explanation: t.stringList({ description: 'Why this amount, step by step.', resolve: (w) => w.explanation }),
  }),
});

const WageScalesInForceRef = builder
  .objectRef<{ versionId: string; afterEffect: boolean; on: Date }>('WageScalesInForce')
  .implement({
    description: 'The scales and steps in force on a date, for pickers.',
    fields: (t) => ({
      on: t.field({ type: 'Date', resolve: (r) => r.on }),
      afterEffect: t.boolean({ resolve: (r) => r.afterEffect }),
      version: t.prismaField({
        type: CaoVersionRef,
        resolve: (query, r, _args, ctx) =>
          ctx.db.caoVersion.findUniqueOrThrow({ ...query, where: { id: r.versionId } }),
      }),
      scales: t.prismaField({
        type: [WageScaleRef],
        resolve: (query, r, _args, ctx) =>
          ctx.db.wageScale.findMany({ ...query, where: { versionId: r.versionId }, orderBy: { scale: 'asc' } }),
      }),
    }),
  });

const BelowMinimumCellRef = builder
  .objectRef<{ scale: number; step: number; monthlyFullTime: Decimal; shortfall: Decimal }>('CellBelowMinimumWage')
  .implement({
    fields: (t) => ({
      scale: t.exposeInt('scale'),
      step: t.exposeInt('step'),
      monthlyFullTime: t.field({ type: 'Decimal', resolve: (c) => amount(c.monthlyFullTime) }),
      shortfall: t.field({
        type: 'Decimal',
        description: 'How much a month the cell is below the minimum wage.',
        resolve: (c) => amount(c.shortfall),
      }),
    }),
  });

const BelowMinimumReportRef = builder
  .objectRef<{
    on: Date;
    versionId: string;
    afterEffect: boolean;
    minimumWage: MinimumWageShape;
    minimumWageMonthlyFullTime: Decimal;
    cells: { scale: number; step: number; monthlyFullTime: Decimal; shortfall: Decimal }[];
  }>('BelowMinimumWageReport')
  .implement({
    description: 'Cells of the table in force whose full-time amount is below the adult statutory minimum wage.',
    fields: (t) => ({
      on: t.field({ type: 'Date', resolve: (r) => r.on }),
      afterEffect: t.boolean({ resolve: (r) => r.afterEffect }),
      version: t.prismaField({
        type: CaoVersionRef,
        resolve: (query, r, _args, ctx) =>
          ctx.db.caoVersion.findUniqueOrThrow({ ...query, where: { id: r.versionId } }),
      }),
      minimumWage: t.field({ type: MinimumWageRef, resolve: (r) => r.minimumWage }),
      minimumWageMonthlyFullTime: t.field({ type: 'Decimal', resolve: (r) => amount(r.minimumWageMonthlyFullTime) }),
      cells: t.field({ type: [BelowMinimumCellRef], resolve: (r) => r.cells }),
    }),
  });

interface WageQuestion {
  scale: number;
  step: number;
  on: Date;
  hoursPerWeek?: Decimal | null;
  age?: number | null;
}

/** One wage look-up; `field` prefixes the names of offending inputs (for the batch form). */
async function lookUpWage(ctx: CaoContext, args: WageQuestion, field = ''): Promise<WageLookupShape> {
  const { version, afterEffect } = await inForceOn(ctx, args.on);
  const scale = version.scales.find((s) => s.scale === args.scale);
  if (!scale) {
    const numbers = version.scales.map((s) => s.scale);
    throw new BadUserInputError(
      `${field}scale`,
      `${version.name} has no scale ${args.scale}; its scales are ${numbers[0]}–${numbers[numbers.length - 1]}.`,
    );
  }
  const cell = scale.steps.find((s) => s.step === args.step);
  if (!cell) {
    throw new BadUserInputError(
      `${field}step`,
      `Scale ${args.scale} of ${version.name} has no step ${args.step}; its steps are 0–${scale.steps.length - 1}.`,
    );
  }
  const minimumWage = await minimumWageOn(ctx, args.on, args.age ?? 21, `${field}age`);
  const hoursPerWeek = args.hoursPerWeek ?? money(version.fullTimeHoursPerWeek);
  const wage = computeWage({
    version,
    afterEffect,
    scale: args.scale,
    step: args.step,
    tableMonthlyFullTime: money(cell.monthlyFullTime),
    on: args.on,
    hoursPerWeek,
    minimumWage,
  });
  return {
    ...wage,
    scale: args.scale,
    step: args.step,
    on: args.on,
    hoursPerWeek,
    versionId: version.id,
    afterEffect,
    minimumWage,
  };
}

const WageRequestInput = builder.inputType('WageRequest', {
  fields: (t) => ({
    scale: t.int({ required: true }),
    step: t.int({ required: true }),
    on: t.field({ type: 'Date', required: true }),
    hoursPerWeek: t.field({ type: 'Decimal', required: false }),
    age: t.int({ required: false }),
  }),
});

/** Look-ups answered before other requests get their turn. */
const WAGE_SLICE = 100;

/** How many look-ups one `wages` request may carry. */
const MAX_WAGE_REQUESTS = 2000;

builder.queryFields((t) => ({
  wages: t.field({
    type: [WageLookupRef],
    authScopes: { signedIn: true },
    description: `Many wage look-ups in one request (payroll runs), answered in order; at most ${MAX_WAGE_REQUESTS}. Same rules as \`wage\`.`,
    // A longer list is refused with the request, before any look-up (the request limits).
    args: { requests: t.arg({ type: [WageRequestInput], required: true, extensions: maxItems(MAX_WAGE_REQUESTS) }) },
    resolve: async (_root, { requests }, ctx) => {
      const answers: WageLookupShape[] = [];
      // In slices, giving the event loop back between them: a batch of 2,000 is all microtasks
      // otherwise, and every other caller of this process waits until it is done.
      for (let start = 0; start < requests.length; start += WAGE_SLICE) {
        if (start > 0) await new Promise((resume) => setImmediate(resume));
        const slice = requests.slice(start, start + WAGE_SLICE);
        answers.push(...(await Promise.all(slice.map((r, i) => lookUpWage(ctx, r, `requests.${start + i}.`)))));
      }
      return answers;
    },
  }),
  wage: t.field({
    type: WageLookupRef,
    authScopes: { signedIn: true },
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
    authScopes: { signedIn: true },
    description: 'The scales and steps of the CAO version in force on a date.',
    args: { on: t.arg({ type: 'Date', required: true }) },
    resolve: async (_root, { on }, ctx) => {
      const { version, afterEffect } = await inForceOn(ctx, on);
      return { versionId: version.id, afterEffect, on };
    },
  }),
  cellsBelowMinimumWage: t.field({
    type: BelowMinimumReportRef,
    authScopes: { signedIn: true },
    description:
      'For a date, every scale and step whose CAO amount at full time is below the adult statutory minimum wage: where indexation overtook the table. (Scale 1 is paid at the minimum wage by definition; its printed amount is listed when it has fallen behind.)',
    args: { on: t.arg({ type: 'Date', required: true }) },
    resolve: async (_root, { on }, ctx) => {
      const { version, afterEffect } = await inForceOn(ctx, on);
      const minimumWage = await minimumWageOn(ctx, on, 21);
      const fullTime = money(version.fullTimeHoursPerWeek);
      const minimumMonthly = monthlyFromHourly(minimumWage.hourly, fullTime, version);
      const cells = version.scales
        .flatMap((s) =>
          s.steps.map((c) => ({ scale: s.scale, step: c.step, monthlyFullTime: money(c.monthlyFullTime) })),
        )
        .filter((c) => c.monthlyFullTime.lessThan(minimumMonthly))
        .map((c) => ({ ...c, shortfall: minimumMonthly.minus(c.monthlyFullTime) }));
      return { on, versionId: version.id, afterEffect, minimumWage, minimumWageMonthlyFullTime: minimumMonthly, cells };
    },
  }),
}));
