import { formatCalendarDate } from '@samen-sterk/subgraph-runtime';
import { exact, formatAmount, roundHalfUp } from '@samen-sterk/subgraph-runtime/pure';
import { canSeeDrafts } from '../access';
import { builder } from '../builder';
import { scaleById, scaleByNumber, versionById, versionsWhere, VERSIONS_ORDER } from '../data/versions';
import { hourlyFromMonthly, hoursPerMonth } from '../domain/conversion';
import type { CaoVersion } from '../generated/prisma/client';
import { caoInForce, type InForceShape } from '../services/wages';
import { CaoVersionStatusEnum } from './enums';

const HolidayAllowance = builder
  .objectRef<
    Pick<CaoVersion, 'holidayAllowancePercent' | 'holidayAllowanceAccrualStartMonth' | 'holidayAllowancePaymentMonth'>
  >('HolidayAllowance')
  .implement({
    description: 'Vakantiegeld: a percentage of the wage, accrued over a year and paid out in one month.',
    fields: (t) => ({
      percent: t.field({ type: 'Decimal', resolve: (v) => v.holidayAllowancePercent }),
      accrualStartMonth: t.int({
        description: 'First month of the accrual year (6: June–May).',
        resolve: (v) => v.holidayAllowanceAccrualStartMonth,
      }),
      paymentMonth: t.int({
        description: 'The month it is paid (5: May).',
        resolve: (v) => v.holidayAllowancePaymentMonth,
      }),
    }),
  });

const Leave = builder
  .objectRef<Pick<CaoVersion, 'leaveHoursStatutory' | 'leaveHoursExtra'>>('LeaveEntitlement')
  .implement({
    description: 'Leave hours a year at full time: the statutory minimum plus what the CAO adds.',
    fields: (t) => ({
      statutoryHours: t.field({ type: 'Decimal', resolve: (v) => v.leaveHoursStatutory }),
      extraHours: t.field({ type: 'Decimal', resolve: (v) => v.leaveHoursExtra }),
      totalHours: t.field({
        type: 'Decimal',
        resolve: (v) => exact(v.leaveHoursStatutory).plus(exact(v.leaveHoursExtra)),
      }),
    }),
  });

export const CaoVersionRef = builder.prismaObject('CaoVersion', {
  description:
    'A version of the CAO Kringloop Nederland. Published versions never change; corrections are a new version.',
  // Drafts are the CAO team's work in progress; published versions are for everyone.
  authScopes: (version) => (version.status === 'PUBLISHED' ? { signedIn: true } : { seesDrafts: true }),
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    parties: t.exposeStringList('parties'),
    status: t.expose('status', { type: CaoVersionStatusEnum }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date', nullable: true }),
    effectiveTo: t.expose('effectiveTo', {
      type: 'Date',
      nullable: true,
      description: 'Last day; after it the version applies by after-effect until a later one starts.',
    }),
    fullTimeHoursPerWeek: t.expose('fullTimeHoursPerWeek', { type: 'Decimal' }),
    weeksPerYear: t.expose('weeksPerYear', {
      type: 'Decimal',
      description: 'Hours a month = hours a week × this ÷ 12.',
    }),
    hoursPerMonthFullTime: t.field({
      type: 'Decimal',
      description: 'Full-time hours a month (hours a week × weeks a month), to four decimals.',
      resolve: (v) => roundHalfUp(hoursPerMonth(v.fullTimeHoursPerWeek, v), 4),
    }),
    holidayAllowance: t.field({ type: HolidayAllowance, resolve: (v) => v }),
    leave: t.field({ type: Leave, resolve: (v) => v }),
    overtimeRule: t.exposeString('overtimeRule'),
    periodicIncreaseRule: t.exposeString('periodicIncreaseRule'),
    basedOn: t.relation('basedOn', { nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    scales: t.relation('scales', { query: { orderBy: { scale: 'asc' } } }),
    scale: t.prismaField({
      type: 'WageScale',
      nullable: true,
      args: { scale: t.arg.int({ required: true }) },
      resolve: (query, version, args, ctx) =>
        ctx.db.wageScale.findUnique({
          ...query,
          where: { versionId_scale: { versionId: version.id, scale: args.scale } },
        }),
    }),
    cellCount: t.int({
      description: 'Cells (scale and step) in the salary table.',
      resolve: (v, _args, ctx) => ctx.db.wageStep.count({ where: { scale: { versionId: v.id } } }),
    }),
  }),
});

export const WageScaleRef = builder.prismaObject('WageScale', {
  description: 'A salary scale of a CAO version, with its steps. HR/payroll places employments on scales.',
  fields: (t) => ({
    id: t.exposeID('id'),
    versionId: t.exposeID('versionId'),
    scale: t.exposeInt('scale'),
    version: t.relation('version'),
    steps: t.relation('steps', { query: { orderBy: { step: 'asc' } } }),
  }),
});

builder.prismaObject('WageStep', {
  description: 'One cell of the salary table.',
  fields: (t) => ({
    step: t.exposeInt('step'),
    monthlyFullTime: t.field({
      type: 'Decimal',
      description: 'Monthly amount at full time, as the table states.',
      resolve: (cell) => formatAmount(cell.monthlyFullTime),
    }),
    hourly: t.field({
      type: 'Decimal',
      description: 'The same as an hourly amount (half up to cents).',
      select: { scale: { select: { version: { select: { fullTimeHoursPerWeek: true, weeksPerYear: true } } } } },
      resolve: (cell) => {
        const version = cell.scale.version;
        return formatAmount(
          hourlyFromMonthly(exact(cell.monthlyFullTime), exact(version.fullTimeHoursPerWeek), version),
        );
      },
    }),
  }),
});

builder.asEntity(CaoVersionRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => versionById(ctx, id),
});

// HR/payroll refers to a scale by its id, or by version and scale number.
builder.asEntity(WageScaleRef, {
  key: [
    builder.selection<{ id: string }>('id'),
    builder.selection<{ versionId: string; scale: number }>('versionId scale'),
  ],
  resolveReference: (ref, ctx) => {
    if ('id' in ref && ref.id) return scaleById(ctx, ref.id);
    const { versionId, scale } = ref as { versionId: string; scale: number };
    return scaleByNumber(ctx, versionId, scale);
  },
});

type CaoTypes = typeof builder.$inferSchemaTypes;

/** The version an in-force answer refers to, as the caller asks for it. */
export const versionField = <Shape extends InForceShape>(t: PothosSchemaTypes.ObjectFieldBuilder<CaoTypes, Shape>) =>
  t.prismaField({
    type: CaoVersionRef,
    resolve: (query, r, _args, ctx) => ctx.db.caoVersion.findUniqueOrThrow({ ...query, where: { id: r.versionId } }),
  });

/** The fields every answer "in force on a date" opens with: the date, after-effect, the version. */
export const inForceFields = <Shape extends InForceShape>(
  t: PothosSchemaTypes.ObjectFieldBuilder<CaoTypes, Shape>,
) => ({
  on: t.field({ type: 'Date', resolve: (r) => r.on }),
  afterEffect: t.boolean({ resolve: (r) => r.afterEffect }),
  version: versionField(t),
});

const CaoInForceRef = builder
  .objectRef<InForceShape & { name: string; effectiveTo: Date | null }>('CaoInForce')
  .implement({
    description: 'The CAO version that applies on a date.',
    fields: (t) => ({
      on: t.field({ type: 'Date', resolve: (r) => r.on }),
      version: versionField(t),
      afterEffect: t.boolean({
        description:
          'True when the date lies after the version ended and no later version started: it applies by after-effect ("nawerking").',
        resolve: (r) => r.afterEffect,
      }),
      explanation: t.string({
        resolve: (r) =>
          r.afterEffect
            ? `${r.name} ended on ${formatCalendarDate(r.effectiveTo!)}; no later version is in force on ${formatCalendarDate(r.on)}, so it still applies (after-effect).`
            : `${r.name} is in force on ${formatCalendarDate(r.on)}.`,
      }),
    }),
  });

const CaoVersionFilter = builder.inputType('CaoVersionFilter', {
  fields: (t) => ({ status: t.field({ type: CaoVersionStatusEnum, required: false }) }),
});

builder.queryFields((t) => ({
  caoInForce: t.field({
    type: CaoInForceRef,
    description: 'The CAO version that applies on a date (published; after its end by after-effect).',
    args: { on: t.arg({ type: 'Date', required: true }) },
    resolve: (_root, { on }, ctx) => caoInForce(ctx, on),
  }),
  caoVersions: t.prismaConnection({
    type: 'CaoVersion',
    cursor: 'id',
    description: 'All versions, newest first. Drafts only for the CAO team.',
    args: { filter: t.arg({ type: CaoVersionFilter, required: false }) },
    totalCount: (_c, args, ctx) =>
      ctx.db.caoVersion.count({ where: versionsWhere(args.filter?.status, canSeeDrafts(ctx.identity)) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.caoVersion.findMany({
        ...query,
        where: versionsWhere(args.filter?.status, canSeeDrafts(ctx.identity)),
        orderBy: VERSIONS_ORDER,
      }),
  }),
  caoVersion: t.prismaField({
    type: CaoVersionRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.caoVersion.findUnique({ ...query, where: { id } }),
  }),
}));
