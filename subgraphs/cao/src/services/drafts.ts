import {
  checkDate,
  checkDecimal,
  checkEndDate,
  checkInteger,
  checkText,
  ConflictError,
  DATE_WINDOWS,
  formatCalendarDate,
  NotFoundError,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import type { Exact } from '@samen-sterk/subgraph-runtime/pure';
import type { CaoContext } from '../builder';
import {
  draftForChange,
  findVersionWithTable,
  forgetPublishedVersions,
  publishedVersionsIn,
  tableInclude,
  type VersionWithTable,
} from '../data/versions';
import { validatePeriod, validateSalaryTable } from '../domain/salary-table';
import { periodsOverlap, versionInForce } from '../domain/versions';
import type { Prisma } from '../generated/prisma/client';
import {
  actorOf,
  changeDraft,
  onDraft,
  recordVersionChange,
  snapshot,
  reread,
  type VersionSelection,
} from './draft-change';
import { tableOf } from './salary-table';

/**
 * A version's life: a draft is made from another version (default the one in force today), its
 * terms change while it is a draft, it is published with its period (which may not overlap
 * another published one) and from then on never changes; a draft may be thrown away.
 */

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

/** A number within bounds the law or the table allows (the platform's shared decimal rule). */
const bounded = (value: Exact, field: string, label: string, min: number, max: number, places = 2) =>
  checkDecimal(value, field, label, { min, max, places }).toString();
const month = (value: number, field: string) => checkInteger(value, field, 'A month', 1, 12);
/** A version's name and each party: one line. */
const line = (value: string, field: string, label: string) => checkText(value, field, label);
/** The rules written out (overtime, periodic increases): multi-line. */
const rule = (value: string, field: string, label: string) => checkText(value, field, label, { multiline: true });

export interface DraftChanges {
  name?: string | null;
  parties?: string[] | null;
  fullTimeHoursPerWeek?: Exact | null;
  weeksPerYear?: Exact | null;
  holidayAllowancePercent?: Exact | null;
  holidayAllowanceAccrualStartMonth?: number | null;
  holidayAllowancePaymentMonth?: number | null;
  leaveHoursStatutory?: Exact | null;
  leaveHoursExtra?: Exact | null;
  overtimeRule?: string | null;
  periodicIncreaseRule?: string | null;
}

/** Each term's check, in the order they are checked; `field` is its place in the request. */
const TERM_CHECKS: { [K in keyof DraftChanges]-?: (value: NonNullable<DraftChanges[K]>, field: string) => unknown } = {
  name: (value, field) => line(value, field, 'The name'),
  parties: (value, field) => value.map((p, i) => line(p, `${field}.${i}`, 'A party')),
  fullTimeHoursPerWeek: (value, field) => bounded(value, field, 'Full-time hours a week', 1, 60),
  weeksPerYear: (value, field) => bounded(value, field, 'Weeks a year', 52, 53, 4),
  holidayAllowancePercent: (value, field) =>
    bounded(value, field, 'The holiday allowance (at least 8 % by law)', 8, 100),
  holidayAllowanceAccrualStartMonth: month,
  holidayAllowancePaymentMonth: month,
  leaveHoursStatutory: (value, field) => bounded(value, field, 'Statutory leave hours', 0, 2000),
  leaveHoursExtra: (value, field) => bounded(value, field, 'Extra leave hours', 0, 2000),
  overtimeRule: (value, field) => rule(value, field, 'The overtime rule'),
  periodicIncreaseRule: (value, field) => rule(value, field, 'The periodic-increase rule'),
};

/** The checked changes: only the terms given (not null) change. */
function checkedChanges(input: DraftChanges): Prisma.CaoVersionUpdateInput {
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(TERM_CHECKS) as (keyof DraftChanges)[]) {
    const value = input[key];
    const check = TERM_CHECKS[key] as (value: unknown, field: string) => unknown;
    if (value != null) data[key] = check(value, `input.${key}`);
  }
  return data;
}

/** Starts a draft: a copy of a version (default: the one in force today), terms and table. */
export function createDraft(
  ctx: CaoContext,
  input: { name: string; basedOnVersionId?: string | null },
  query: VersionSelection,
) {
  const name = line(input.name, 'input.name', 'The name');
  return ctx.db.$transaction(async (tx) => {
    let source: VersionWithTable | null;
    if (input.basedOnVersionId) {
      source = await findVersionWithTable(tx, input.basedOnVersionId);
    } else {
      source = versionInForce(await publishedVersionsIn(tx), todayInNetherlands())?.version ?? null;
      if (!source) throw new NotFoundError('A CAO version in force on', formatCalendarDate(todayInNetherlands()));
    }
    const { id, scales } = source;
    const draft = await tx.caoVersion.create({
      data: {
        ...termsOf(source),
        name,
        status: 'DRAFT',
        basedOnId: id,
        createdBy: actorOf(ctx.identity),
        scales: {
          create: scales.map((s) => ({
            scale: s.scale,
            steps: { create: s.steps.map((c) => ({ step: c.step, monthlyFullTime: c.monthlyFullTime })) },
          })),
        },
      },
      include: tableInclude,
    });
    await recordVersionChange(tx, ctx, 'CREATE_DRAFT', draft.id, { after: { ...snapshot(draft), basedOn: id } });
    return reread(tx, draft.id, query);
  });
}

/** Changes a draft's name, parties or terms (only those given). */
export function updateDraft(ctx: CaoContext, id: string, input: DraftChanges, query: VersionSelection) {
  const data = checkedChanges(input);
  return changeDraft(ctx, id, query, async (tx, before) => {
    const updated = await tx.caoVersion.update({ where: { id }, data, include: tableInclude });
    await recordVersionChange(tx, ctx, 'UPDATE_DRAFT', id, { before: snapshot(before), after: snapshot(updated) });
  });
}

/** Publishes a draft with its effective period; from then on it never changes. */
export function publishVersion(
  ctx: CaoContext,
  id: string,
  input: { effectiveFrom: Date; effectiveTo?: Date | null },
  query: VersionSelection,
) {
  checkDate(input.effectiveFrom, 'input.effectiveFrom', 'The effective date', DATE_WINDOWS.effective);
  const effectiveTo = checkEndDate(
    input.effectiveTo,
    input.effectiveFrom,
    'input.effectiveTo',
    'The end date',
    DATE_WINDOWS.effective,
  );
  validatePeriod(input.effectiveFrom, effectiveTo);
  const published = ctx.db.$transaction(async (tx) => {
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
      data: { status: 'PUBLISHED', ...period, publishedAt: new Date(), publishedBy: actorOf(ctx.identity) },
    });
    await recordVersionChange(tx, ctx, 'PUBLISH', id, {
      before: { status: 'DRAFT' },
      after: {
        status: 'PUBLISHED',
        effectiveFrom: formatCalendarDate(input.effectiveFrom),
        effectiveTo: effectiveTo && formatCalendarDate(effectiveTo),
      },
    });
    return reread(tx, id, query);
  });
  // Committed (or not): the shared copy of the published tables is read again either way.
  return published.finally(() => forgetPublishedVersions(ctx));
}

/** Throws a draft away, unless other drafts were made from it. Published versions stay for ever. */
export function deleteDraft(ctx: CaoContext, id: string): Promise<boolean> {
  return onDraft(
    ctx,
    id,
    async (tx, version) => {
      const basedOnThis = await tx.caoVersion.count({ where: { basedOnId: id } });
      if (basedOnThis > 0) {
        throw new ConflictError(`${basedOnThis} other draft(s) were made from this draft; delete those first.`);
      }
      await tx.caoVersion.delete({ where: { id } });
      await recordVersionChange(tx, ctx, 'DELETE_DRAFT', id, { before: snapshot(version) });
    },
    async () => true,
  );
}
