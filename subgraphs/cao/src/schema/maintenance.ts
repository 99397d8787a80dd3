import {
  BadUserInputError,
  checkDate,
  checkDecimal,
  checkEndDate,
  checkInteger,
  checkText,
  ConflictError,
  DATE_WINDOWS,
  formatCalendarDate,
  maxItems,
  NotFoundError,
  todayInNetherlands,
  recordChange,
} from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import { canMaintainCao } from '../access';
import { builder } from '../builder';
import { money, toCents } from '../domain/money';
import { cellField, validatePeriod, validateSalaryTable } from '../domain/salary-table';
import { periodsOverlap, versionInForce } from '../domain/versions';
import type { Prisma } from '../generated/prisma/client';
import { snapshot, tableInclude, versionWithTable, type VersionWithTable } from '../providers';
import { CaoVersionRef } from './version';

type Tx = Prisma.TransactionClient;
const maintainer = {
  authScopes: (_r: unknown, _a: unknown, ctx: { identity: Parameters<typeof canMaintainCao>[0] }) =>
    canMaintainCao(ctx.identity),
};

/** Loads a draft for change; published versions are immutable. */
async function draftForChange(tx: Tx, id: string): Promise<VersionWithTable> {
  // One change at a time per version (PostgreSQL; PGlite has one connection anyway).
  await tx.$executeRaw`SELECT 1 FROM cao_version WHERE id = ${id} FOR UPDATE`;
  const version = await versionWithTable(tx, id);
  if (!version) throw new NotFoundError('CAO version', id);
  if (version.status !== 'DRAFT') {
    throw new ConflictError(
      `${version.name} is published and can no longer change; create a new draft for corrections.`,
    );
  }
  return version;
}

/** The terms a draft copies from the version it is based on (not its name, status or dates). */
const termsOf = (version: VersionWithTable) => ({
  parties: version.parties,
  fullTimeHoursPerWeek: version.fullTimeHoursPerWeek,
  weeksPerYear: version.weeksPerYear,
  holidayAllowancePercent: version.holidayAllowancePercent,
  holidayAllowanceAccrualStartMonth: version.holidayAllowanceAccrualStartMonth,
  holidayAllowancePaymentMonth: version.holidayAllowancePaymentMonth,
  leaveHoursStatutory: version.leaveHoursStatutory,
  leaveHoursExtra: version.leaveHoursExtra,
  overtimeRule: version.overtimeRule,
  periodicIncreaseRule: version.periodicIncreaseRule,
});

const tableOf = (version: VersionWithTable) =>
  version.scales.map((s) => ({
    scale: s.scale,
    steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: money(c.monthlyFullTime) })),
  }));

/** Replaces a draft's salary table with `scales` (validated first), and logs the change. */
async function writeTable(
  tx: Tx,
  version: VersionWithTable,
  scales: ReturnType<typeof tableOf>,
  action: string,
  actorId: string,
  details: object,
) {
  validateSalaryTable(scales);
  await tx.wageScale.deleteMany({ where: { versionId: version.id } });
  for (const scale of scales) {
    await tx.wageScale.create({
      data: {
        versionId: version.id,
        scale: scale.scale,
        steps: { create: scale.steps.map((c) => ({ step: c.step, monthlyFullTime: c.monthlyFullTime.toFixed(2) })) },
      },
    });
  }
  const after = (await versionWithTable(tx, version.id))!;
  await recordChange(tx, {
    actorId,
    action,
    entityType: 'CaoVersion',
    entityId: version.id,
    before: snapshot(version),
    after: { ...snapshot(after), ...details },
  });
}

const CreateDraftInput = builder.inputType('CreateCaoDraftInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'e.g. "CAO Kringloop Nederland 2025".' }),
    basedOnVersionId: t.id({ required: false, description: 'The version to copy; default the one in force today.' }),
  }),
});

const UpdateDraftInput = builder.inputType('UpdateCaoDraftInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    name: t.string({ required: false }),
    parties: t.stringList({ required: false, extensions: maxItems(20) }),
    fullTimeHoursPerWeek: t.field({ type: 'Decimal', required: false }),
    weeksPerYear: t.field({ type: 'Decimal', required: false }),
    holidayAllowancePercent: t.field({ type: 'Decimal', required: false }),
    holidayAllowanceAccrualStartMonth: t.int({ required: false }),
    holidayAllowancePaymentMonth: t.int({ required: false }),
    leaveHoursStatutory: t.field({ type: 'Decimal', required: false }),
    leaveHoursExtra: t.field({ type: 'Decimal', required: false }),
    overtimeRule: t.string({ required: false }),
    periodicIncreaseRule: t.string({ required: false }),
  }),
});

const GeneralIncreaseInput = builder.inputType('GeneralIncreaseInput', {
  fields: (t) => ({
    percent: t.field({ type: 'Decimal', required: true, description: 'e.g. "3.5" for 3.5 %.' }),
    scales: t.intList({ required: false, description: 'The scales to raise; default all.', extensions: maxItems(100) }),
  }),
});

const WageCellInput = builder.inputType('WageCellInput', {
  fields: (t) => ({
    scale: t.int({ required: true }),
    step: t.int({ required: true }),
    monthlyFullTime: t.field({
      type: 'Decimal',
      required: false,
      description: 'The new amount; omit (null) to remove the cell.',
    }),
  }),
});

const PublishInput = builder.inputType('PublishCaoVersionInput', {
  fields: (t) => ({
    effectiveFrom: t.field({ type: 'Date', required: true }),
    effectiveTo: t.field({ type: 'Date', required: false, description: 'Last day, if the agreement has an end date.' }),
  }),
});

/** A number within bounds the law or the table allows (the platform's shared decimal rule). */
const bounded = (value: Decimal, field: string, label: string, min: number, max: number, places = 2) =>
  checkDecimal(value, field, label, { min, max, places }).toString();
const month = (value: number, field: string) => checkInteger(value, field, 'A month', 1, 12);
/** A version's name and each party: one line. */
const line = (value: string, field: string, label: string) => checkText(value, field, label);
/** The rules written out (overtime, periodic increases): multi-line. */
const rule = (value: string, field: string, label: string) => checkText(value, field, label, { multiline: true });

builder.mutationFields((t) => ({
  createCaoDraft: t.prismaField({
    type: CaoVersionRef,
    ...maintainer,
    description: 'Starts a draft: a copy of a version (default: the one in force today), terms and table (CAO team).',
    args: { input: t.arg({ type: CreateDraftInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const name = line(input.name, 'input.name', 'The name');
      return ctx.db.$transaction(async (tx) => {
        let source: VersionWithTable | null;
        if (input.basedOnVersionId) {
          source = await versionWithTable(tx, input.basedOnVersionId);
          if (!source) throw new NotFoundError('CAO version', input.basedOnVersionId);
        } else {
          const published = await tx.caoVersion.findMany({ where: { status: 'PUBLISHED' }, include: tableInclude });
          source = versionInForce(published, todayInNetherlands())?.version ?? null;
          if (!source) throw new NotFoundError('A CAO version in force on', formatCalendarDate(todayInNetherlands()));
        }
        const { id, scales } = source;
        const draft = await tx.caoVersion.create({
          data: {
            ...termsOf(source),
            name,
            status: 'DRAFT',
            basedOnId: id,
            createdBy: ctx.identity!.userId,
            scales: {
              create: scales.map((s) => ({
                scale: s.scale,
                steps: { create: s.steps.map((c) => ({ step: c.step, monthlyFullTime: c.monthlyFullTime })) },
              })),
            },
          },
          include: tableInclude,
        });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          action: 'CREATE_DRAFT',
          entityType: 'CaoVersion',
          entityId: draft.id,
          after: { ...snapshot(draft), basedOn: id },
        });
        return tx.caoVersion.findUniqueOrThrow({ ...query, where: { id: draft.id } });
      });
    },
  }),
  updateCaoDraft: t.prismaField({
    type: CaoVersionRef,
    ...maintainer,
    description: "Changes a draft's name, parties or terms (CAO team).",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateDraftInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => {
      const data: Prisma.CaoVersionUpdateInput = {};
      if (input.name != null) data.name = line(input.name, 'input.name', 'The name');
      if (input.parties != null) data.parties = input.parties.map((p, i) => line(p, `input.parties.${i}`, 'A party'));
      if (input.fullTimeHoursPerWeek != null)
        data.fullTimeHoursPerWeek = bounded(
          input.fullTimeHoursPerWeek,
          'input.fullTimeHoursPerWeek',
          'Full-time hours a week',
          1,
          60,
        );
      if (input.weeksPerYear != null)
        data.weeksPerYear = bounded(input.weeksPerYear, 'input.weeksPerYear', 'Weeks a year', 52, 53, 4);
      if (input.holidayAllowancePercent != null)
        data.holidayAllowancePercent = bounded(
          input.holidayAllowancePercent,
          'input.holidayAllowancePercent',
          'The holiday allowance (at least 8 % by law)',
          8,
          100,
        );
      if (input.holidayAllowanceAccrualStartMonth != null)
        data.holidayAllowanceAccrualStartMonth = month(
          input.holidayAllowanceAccrualStartMonth,
          'input.holidayAllowanceAccrualStartMonth',
        );
      if (input.holidayAllowancePaymentMonth != null)
        data.holidayAllowancePaymentMonth = month(
          input.holidayAllowancePaymentMonth,
          'input.holidayAllowancePaymentMonth',
        );
      if (input.leaveHoursStatutory != null)
        data.leaveHoursStatutory = bounded(
          input.leaveHoursStatutory,
          'input.leaveHoursStatutory',
          'Statutory leave hours',
          0,
          2000,
        );
      if (input.leaveHoursExtra != null)
        data.leaveHoursExtra = bounded(input.leaveHoursExtra, 'input.leaveHoursExtra', 'Extra leave hours', 0, 2000);
      if (input.overtimeRule != null)
        data.overtimeRule = rule(input.overtimeRule, 'input.overtimeRule', 'The overtime rule');
      if (input.periodicIncreaseRule != null)
        data.periodicIncreaseRule = rule(
          input.periodicIncreaseRule,
          'input.periodicIncreaseRule',
          'The periodic-increase rule',
        );
      return ctx.db.$transaction(async (tx) => {
        const before = await draftForChange(tx, id);
        const updated = await tx.caoVersion.update({ where: { id }, data, include: tableInclude });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          action: 'UPDATE_DRAFT',
          entityType: 'CaoVersion',
          entityId: id,
          before: snapshot(before),
          after: snapshot(updated),
        });
        return tx.caoVersion.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
  applyGeneralIncrease: t.prismaField({
    type: CaoVersionRef,
    ...maintainer,
    description:
      'Raises every cell of a draft (or of the scales given) by a percentage. Rounding: each new amount is old × (1 + percent / 100), rounded half up to the cent, cell by cell (CAO team).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: GeneralIncreaseInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => {
      checkDecimal(input.percent, 'input.percent', 'A general increase (a percentage)', {
        min: -100,
        minExclusive: true,
        max: 100,
        places: 4,
      });
      return ctx.db.$transaction(async (tx) => {
        const version = await draftForChange(tx, id);
        const table = tableOf(version);
        const wanted = input.scales ?? table.map((s) => s.scale);
        const missing = wanted.find((n) => !table.some((s) => s.scale === n));
        if (missing !== undefined)
          throw new BadUserInputError('input.scales', `${version.name} has no scale ${missing}.`);
        const factor = money(100).plus(input.percent).div(100);
        const raised = table.map((s) =>
          wanted.includes(s.scale)
            ? { ...s, steps: s.steps.map((c) => ({ ...c, monthlyFullTime: toCents(c.monthlyFullTime.times(factor)) })) }
            : s,
        );
        await writeTable(tx, version, raised, 'GENERAL_INCREASE', ctx.identity!.userId, {
          percent: input.percent.toString(),
          scales: wanted,
        });
        return tx.caoVersion.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
  setWageCells: t.prismaField({
    type: CaoVersionRef,
    ...maintainer,
    description: "Sets, adds or removes cells of a draft's salary table; the whole table is then checked (CAO team).",
    args: {
      id: t.arg.id({ required: true }),
      // A whole salary table: a few dozen scales of a few dozen steps.
      cells: t.arg({ type: [WageCellInput], required: true, extensions: maxItems(2000) }),
    },
    resolve: (query, _root, { id, cells }, ctx) => {
      // Each cell's own checks before the transaction; the whole table is checked in it.
      cells.forEach((cell, index) => {
        if (cell.monthlyFullTime != null && cell.monthlyFullTime.decimalPlaces() > 2) {
          throw new BadUserInputError(
            `cells.${index}.monthlyFullTime`,
            `${cellField(cell.scale, cell.step)}: amounts are in euros and cents.`,
          );
        }
      });
      return ctx.db.$transaction(async (tx) => {
        const version = await draftForChange(tx, id);
        const table = tableOf(version);
        cells.forEach((cell) => {
          let scale = table.find((s) => s.scale === cell.scale);
          if (!scale) {
            scale = { scale: cell.scale, steps: [] };
            table.push(scale);
          }
          scale.steps = scale.steps.filter((c) => c.step !== cell.step);
          if (cell.monthlyFullTime != null)
            scale.steps.push({ step: cell.step, monthlyFullTime: cell.monthlyFullTime });
        });
        const kept = table.filter((s) => s.steps.length > 0).sort((a, b) => a.scale - b.scale);
        await writeTable(tx, version, kept, 'SET_CELLS', ctx.identity!.userId, {
          cells: cells.map((c) => ({
            scale: c.scale,
            step: c.step,
            monthlyFullTime: c.monthlyFullTime?.toString() ?? null,
          })),
        });
        return tx.caoVersion.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
  publishCaoVersion: t.prismaField({
    type: CaoVersionRef,
    ...maintainer,
    description:
      'Publishes a draft with its effective period; from then on it never changes. Periods of published versions may not overlap (CAO team).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PublishInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => {
      checkDate(input.effectiveFrom, 'input.effectiveFrom', 'The effective date', DATE_WINDOWS.effective);
      const effectiveTo = checkEndDate(
        input.effectiveTo,
        input.effectiveFrom,
        'input.effectiveTo',
        'The end date',
        DATE_WINDOWS.effective,
      );
      validatePeriod(input.effectiveFrom, effectiveTo);
      return ctx.db.$transaction(async (tx) => {
        // Publications one at a time, so two cannot both pass the overlap check.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(20240101)`;
        const version = await draftForChange(tx, id);
        validateSalaryTable(tableOf(version));
        const period = { effectiveFrom: input.effectiveFrom, effectiveTo };
        const published = await tx.caoVersion.findMany({ where: { status: 'PUBLISHED' } });
        const clash = published.find((other) => periodsOverlap(period, other));
        if (clash) {
          const until = clash.effectiveTo ? formatCalendarDate(clash.effectiveTo) : 'open-ended';
          throw new ConflictError(
            `The period overlaps ${clash.name} (${formatCalendarDate(clash.effectiveFrom!)} – ${until}); published periods may not overlap.`,
          );
        }
        await tx.caoVersion.update({
          where: { id },
          data: {
            status: 'PUBLISHED',
            effectiveFrom: input.effectiveFrom,
            effectiveTo,
            publishedAt: new Date(),
            publishedBy: ctx.identity!.userId,
          },
        });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          action: 'PUBLISH',
          entityType: 'CaoVersion',
          entityId: id,
          before: { status: 'DRAFT' },
          after: {
            status: 'PUBLISHED',
            effectiveFrom: formatCalendarDate(input.effectiveFrom),
            effectiveTo: effectiveTo && formatCalendarDate(effectiveTo),
          },
        });
        return tx.caoVersion.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
  deleteCaoDraft: t.boolean({
    ...maintainer,
    description: 'Throws a draft away (CAO team). Published versions stay for ever.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const version = await draftForChange(tx, id);
        const basedOnThis = await tx.caoVersion.count({ where: { basedOnId: id } });
        if (basedOnThis > 0) {
          throw new ConflictError(`${basedOnThis} other draft(s) were made from this draft; delete those first.`);
        }
        await tx.caoVersion.delete({ where: { id } });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          action: 'DELETE_DRAFT',
          entityType: 'CaoVersion',
          entityId: id,
          before: snapshot(version),
        });
        return true;
      }),
  }),
}));
