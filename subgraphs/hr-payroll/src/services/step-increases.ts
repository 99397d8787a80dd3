import {
  BadUserInputError,
  ConflictError,
  formatCalendarDate,
  recordChange,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { caoScaleMaxima } from '../cao-client';
import { employmentsActiveOn, findManagedEmployment } from '../data/employments';
import { stepIncreasesDue, stepSinceOf, type StepIncreaseDecision } from '../domain/step-increase';
import type { Appraisal, AppraisalOutcome, Employee, Employment, Prisma } from '../generated/prisma/client';
import * as check from '../validation';
import { actorOf } from './audit-log';

/*
 * The CAO's yearly step increase (domain/step-increase.ts has the rule): appraisals recorded by
 * HR, a preview of the increases due on a date, and applying them in one transaction. The
 * caller's right to manage the member's employees is the fields' scope (access.ts).
 */

/** One year's step increase of one employment, as previewed or applied. */
export interface StepIncreaseItem {
  employment: Employment & { employee: Employee };
  decision: StepIncreaseDecision<Appraisal>;
}

/** What applyStepIncreases did. */
export interface StepIncreaseApplication {
  memberId: string;
  on: Date;
  increases: StepIncreaseItem[];
  employmentsChanged: number;
}

/** A member's whole staff in one transaction: more time than Prisma's five-second default. */
const APPLY_TRANSACTION = { maxWait: 30_000, timeout: 5 * 60_000 };

/**
 * The step increases due on or before `on` for the member's employments active on `on`, by
 * employee name and due date. The scale maxima come from the CAO version in force on `on`.
 */
async function dueOn(db: Prisma.TransactionClient, memberId: string, on: Date, maxima: Map<number, number>) {
  const employments = await employmentsActiveOn(db, memberId, on);
  return employments.map((employment) => {
    const maxStep = maxima.get(employment.caoScale);
    if (maxStep === undefined) {
      throw new ConflictError(
        `Scale ${employment.caoScale} of employment ${employment.id} is not in the CAO in force on ${formatCalendarDate(on)}; put the employment on a scale of that CAO first.`,
      );
    }
    return { employment, decisions: stepIncreasesDue(employment, employment.appraisals, maxStep, on) };
  });
}

/** Preview: every step increase due on or before `on`, one per elapsed year. Changes nothing. */
export async function previewStepIncreases(ctx: HrContext, memberId: string, on: Date): Promise<StepIncreaseItem[]> {
  const rows = await dueOn(ctx.db, memberId, on, await caoScaleMaxima(ctx, on));
  return rows.flatMap(({ employment, decisions }) => decisions.map((decision) => ({ employment, decision })));
}

/**
 * Applies the step increases the preview shows, all or nothing: caoStep and stepSince (the due
 * date) change, one audit entry per employment changed, and the step history gains each year
 * raised. Running it again for the same date changes nothing. Not for a date after today.
 */
export async function applyStepIncreases(
  ctx: HrContext,
  memberId: string,
  onDate: Date,
): Promise<StepIncreaseApplication> {
  const on = check.date(onDate, 'on', 'The date', check.DATE_WINDOWS.effective);
  // A step takes effect on its due date; applying ahead would pay it before then.
  if (on > todayInNetherlands()) {
    throw new BadUserInputError(
      'on',
      'Step increases are applied once they are due: pick today or an earlier date (stepIncreasesDue previews later ones).',
    );
  }
  const maxima = await caoScaleMaxima(ctx, on);
  return ctx.db.$transaction(async (tx) => {
    const increases: StepIncreaseItem[] = [];
    let employmentsChanged = 0;
    for (const { employment, decisions } of await dueOn(tx, memberId, on, maxima)) {
      const { employee, appraisals: _appraisals, ...before } = employment;
      const changes = decisions.filter((d) => d.outcome !== 'AT_MAXIMUM');
      let after: Employment = before;
      if (changes.length > 0) {
        after = await applyYears(ctx, tx, before, changes, on);
        employmentsChanged++;
      }
      for (const decision of decisions) increases.push({ employment: { ...after, employee }, decision });
    }
    return { memberId, on, increases, employmentsChanged };
  }, APPLY_TRANSACTION);
}

/**
 * One employment's years raised or withheld (`changes`, oldest first, not empty): its step and
 * stepSince, its step history, and one audit entry. Returns the employment after.
 */
async function applyYears(
  ctx: HrContext,
  tx: Prisma.TransactionClient,
  before: Employment,
  changes: StepIncreaseDecision<Appraisal>[],
  on: Date,
): Promise<Employment> {
  const last = changes.at(-1)!;
  // Only if nobody changed the step meanwhile: otherwise the judgement is stale.
  const updated = await tx.employment.updateMany({
    where: { id: before.id, caoStep: before.caoStep, stepSince: before.stepSince },
    data: { caoStep: last.toStep, stepSince: last.stepSinceAfter },
  });
  if (updated.count !== 1)
    throw new ConflictError('An employment changed while step increases were applied; try again.');
  const after = await tx.employment.findUniqueOrThrow({ where: { id: before.id } });
  // The step history: a step applied for a month already settled gives back pay for it.
  await tx.stepChange.createMany({
    data: changes
      .filter((d) => d.outcome === 'RAISED')
      .map((d) => ({
        employmentId: before.id,
        memberId: before.memberId,
        effectiveFrom: d.dueOn,
        caoScale: before.caoScale,
        fromStep: d.fromStep,
        toStep: d.toStep,
        recordedBy: actorOf(ctx),
      })),
  });
  await recordChange(tx, {
    actorId: actorOf(ctx),
    memberId: before.memberId,
    action: 'STEP_INCREASE',
    entityType: 'Employment',
    entityId: before.id,
    before: { caoScale: before.caoScale, caoStep: before.caoStep, stepSince: formatCalendarDate(stepSinceOf(before)) },
    after: {
      caoScale: after.caoScale,
      caoStep: after.caoStep,
      stepSince: formatCalendarDate(stepSinceOf(after)),
      on: formatCalendarDate(on),
      years: changes.map((d) => ({
        dueOn: formatCalendarDate(d.dueOn),
        outcome: d.outcome,
        fromStep: d.fromStep,
        toStep: d.toStep,
        appraisalId: d.appraisal?.id ?? null,
        reason: d.reason,
      })),
    },
  });
  return after;
}

export interface AppraisalInput {
  employmentId: string;
  appraisedOn: Date;
  outcome: AppraisalOutcome;
  note?: string | null;
}

/** What the API asks to load with an appraisal (Pothos' `query`). */
export interface AppraisalQuery {
  include?: Prisma.AppraisalInclude;
  select?: Prisma.AppraisalSelect;
}

/**
 * Records an appraisal in an employment of a member the caller manages (else NOT_FOUND), dated
 * within the employment and not in the future, with its audit entry.
 */
export async function recordAppraisal(ctx: HrContext, input: AppraisalInput, query: AppraisalQuery) {
  // A note may run over several lines; it is kept as written (line breaks as \n).
  const note = check.optionalText(input.note, 'input.note', 'The note', {
    multiline: true,
    maxLength: check.MAX_LENGTH.appraisalNote,
  });
  const employment = await findManagedEmployment(ctx.db, ctx.identity, input.employmentId);
  const day = formatCalendarDate;
  if (input.appraisedOn > todayInNetherlands())
    throw new BadUserInputError('input.appraisedOn', 'An appraisal cannot be dated in the future.');
  if (input.appraisedOn < employment.startDate) {
    throw new BadUserInputError(
      'input.appraisedOn',
      `The appraisal lies before the employment began (${day(employment.startDate)}).`,
    );
  }
  if (employment.endDate && input.appraisedOn > employment.endDate) {
    throw new BadUserInputError(
      'input.appraisedOn',
      `The appraisal lies after the employment ended (${day(employment.endDate)}).`,
    );
  }
  return ctx.db.$transaction(async (tx) => {
    const appraisal = await tx.appraisal.create({
      data: {
        employmentId: employment.id,
        memberId: employment.memberId,
        appraisedOn: input.appraisedOn,
        outcome: input.outcome,
        note,
        recordedBy: actorOf(ctx),
      },
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: employment.memberId,
      action: 'RECORD_APPRAISAL',
      entityType: 'Appraisal',
      entityId: appraisal.id,
      after: appraisal,
    });
    return tx.appraisal.findUniqueOrThrow({ ...query, where: { id: appraisal.id } });
  });
}
