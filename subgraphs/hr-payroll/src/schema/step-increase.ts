import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  formatCalendarDate,
  hasRole,
  NotFoundError,
  recordChange,
  todayInNetherlands,
  UnauthenticatedError,
  type Identity,
} from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf, isSelf } from '../access';
import { builder, type HrContext } from '../builder';
import { caoScaleMaxima } from '../cao-client';
import { nextStepIncreaseOn, stepIncreasesDue, stepSinceOf, type StepIncreaseDecision } from '../domain/step-increase';
import {
  AppraisalOutcome,
  type Appraisal,
  type Employee,
  type Employment,
  type Prisma,
} from '../generated/prisma/client';
import * as check from '../validation';
import { EmployeeRef } from './employee';
import { EmploymentRef } from './employment';

/*
 * The CAO's yearly step increase (domain/step-increase.ts has the rule): appraisals recorded by
 * HR, a preview of the increases due on a date, and applying them in one transaction.
 */

const AppraisalOutcomeEnum = builder.enumType(AppraisalOutcome, {
  name: 'AppraisalOutcome',
  description: 'GOOD: one step up at the next step increase. INSUFFICIENT: no step that year.',
});

const StepIncreaseOutcomeEnum = builder.enumType('StepIncreaseOutcome', {
  description:
    'RAISED: one step up (good appraisal, or automatic without one). WITHHELD: insufficient appraisal, the step stays this year. AT_MAXIMUM: already at the top step of the scale, nothing changes.',
  values: ['RAISED', 'WITHHELD', 'AT_MAXIMUM'] as const,
});

/** Which employee an employment belongs to, batched per request (for the employee's own appraisals). */
const employeeOfEmployment = (ctx: HrContext, employmentId: string) =>
  ctx.loaders
    .get<string, string>('employment-employee', async (ids) => {
      const rows = await ctx.db.employment.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, employeeId: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r.employeeId]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(employmentId);

export const AppraisalRef = builder.prismaObject('Appraisal', {
  description: "An appraisal of an employee in an employment; the year's latest decides the step increase.",
  // HR and the payroll service of the member; the employee their own.
  authScopes: async (appraisal, ctx) => {
    if (canManageEmployeesOf(ctx.identity, appraisal.memberId)) return true;
    if (!hasRole(ctx.identity, 'employee') || ctx.identity?.memberId !== appraisal.memberId) return false;
    const employeeId = await employeeOfEmployment(ctx, appraisal.employmentId);
    return !!employeeId && isSelf(ctx.identity, { id: employeeId, memberId: appraisal.memberId });
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    employment: t.relation('employment'),
    appraisedOn: t.expose('appraisedOn', { type: 'Date' }),
    outcome: t.expose('outcome', { type: AppraisalOutcomeEnum }),
    note: t.exposeString('note', { nullable: true }),
    recordedBy: t.exposeID('recordedBy', { description: 'The user who recorded it.' }),
  }),
});

builder.prismaObjectFields(EmploymentRef, (t) => ({
  appraisals: t.relation('appraisals', {
    description: 'Appraisals in this employment, newest first.',
    query: { orderBy: [{ appraisedOn: 'desc' }, { createdAt: 'desc' }] },
  }),
  stepSince: t.field({
    type: 'Date',
    description: 'The day the current CAO step took effect: the start date, a step increase, or a change by hand.',
    select: { stepSince: true, startDate: true },
    resolve: (e) => stepSinceOf(e),
  }),
  nextStepIncreaseOn: t.field({
    type: 'Date',
    nullable: true,
    description:
      'One year after stepSince: when the next step increase is judged (a step follows unless the appraisal of that year is insufficient or the scale is at its top). Null when the employment ends before.',
    select: { stepSince: true, startDate: true, endDate: true },
    resolve: (e) => {
      const due = nextStepIncreaseOn(e);
      return e.endDate && e.endDate < due ? null : due;
    },
  }),
}));

type EmploymentWithEmployee = Employment & { employee: Employee; appraisals: Appraisal[] };

interface StepIncreaseItem {
  employment: Employment & { employee: Employee };
  decision: StepIncreaseDecision<Appraisal>;
}

const StepIncreaseRef = builder.objectRef<StepIncreaseItem>('StepIncrease').implement({
  description:
    'One year’s step increase of one employment, per the CAO: "one step a year after a good appraisal; automatic where the employer does not appraise; up to the scale maximum". An employment more than a year behind has one per elapsed year.',
  fields: (t) => ({
    employee: t.field({ type: EmployeeRef, resolve: (i) => i.employment.employee }),
    employment: t.field({ type: EmploymentRef, resolve: (i) => i.employment }),
    dueOn: t.field({
      type: 'Date',
      description: 'One year after the step took effect.',
      resolve: (i) => i.decision.dueOn,
    }),
    outcome: t.field({ type: StepIncreaseOutcomeEnum, resolve: (i) => i.decision.outcome }),
    scale: t.int({ resolve: (i) => i.employment.caoScale }),
    fromStep: t.int({ resolve: (i) => i.decision.fromStep }),
    toStep: t.int({ resolve: (i) => i.decision.toStep }),
    appraisal: t.field({
      type: AppraisalRef,
      nullable: true,
      description: 'The latest appraisal in the year before the due date; null when there was none (automatic).',
      resolve: (i) => i.decision.appraisal,
    }),
    reason: t.string({ resolve: (i) => i.decision.reason }),
  }),
});

const StepIncreaseApplicationRef = builder
  .objectRef<{ memberId: string; on: Date; increases: StepIncreaseItem[]; employmentsChanged: number }>(
    'StepIncreaseApplication',
  )
  .implement({
    description: 'What applyStepIncreases did.',
    fields: (t) => ({
      memberId: t.exposeID('memberId'),
      on: t.field({ type: 'Date', resolve: (a) => a.on }),
      increases: t.field({
        type: [StepIncreaseRef],
        description: 'Every year judged, as in the preview; `employment` shows the state after.',
        resolve: (a) => a.increases,
      }),
      employmentsChanged: t.int({
        description: 'Employments whose step or stepSince changed (each has an audit entry).',
        resolve: (a) => a.employmentsChanged,
      }),
    }),
  });

/** A member's whole staff in one transaction: more time than Prisma's five-second default. */
const APPLY_TRANSACTION = { maxWait: 30_000, timeout: 5 * 60_000 };

const refused = () =>
  new ForbiddenError("Only the member's HR staff and its payroll service manage its employees' step increases.");
const unauthorized = (identity: Identity | null) => (identity ? refused() : new UnauthenticatedError());

/**
 * The step increases due on or before `on` for the member's employments active on `on`, by
 * employee name and due date. The scale maxima come from the CAO version in force on `on`.
 */
async function dueOn(
  db: Prisma.TransactionClient | HrContext['db'],
  memberId: string,
  on: Date,
  maxima: Map<number, number>,
): Promise<{ employment: EmploymentWithEmployee; decisions: StepIncreaseDecision<Appraisal>[] }[]> {
  const employments = await db.employment.findMany({
    where: { memberId, startDate: { lte: on }, OR: [{ endDate: null }, { endDate: { gte: on } }] },
    include: { employee: true, appraisals: { orderBy: [{ appraisedOn: 'asc' }, { createdAt: 'asc' }] } },
    orderBy: [
      { employee: { lastName: 'asc' } },
      { employee: { firstName: 'asc' } },
      { startDate: 'asc' },
      { id: 'asc' },
    ],
  });
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

const itemsOf = (rows: Awaited<ReturnType<typeof dueOn>>): StepIncreaseItem[] =>
  rows.flatMap(({ employment, decisions }) => decisions.map((decision) => ({ employment, decision })));

const RecordAppraisalInput = builder.inputType('RecordAppraisalInput', {
  fields: (t) => ({
    employmentId: t.id({ required: true }),
    appraisedOn: t.field({ type: 'Date', required: true }),
    outcome: t.field({ type: AppraisalOutcomeEnum, required: true }),
    note: t.string({ required: false }),
  }),
});

builder.queryFields((t) => ({
  stepIncreasesDue: t.field({
    type: [StepIncreaseRef],
    description:
      "Preview: for each of a member's employments active on `on`, the step increases due on or before `on` (one per elapsed year), with outcome, steps, the appraisal and the reason. Changes nothing (HR of the member, its payroll service).",
    args: { memberId: t.arg.id({ required: true }), on: t.arg({ type: 'Date', required: true }) },
    authScopes: (_root, args, ctx) => canManageEmployeesOf(ctx.identity, String(args.memberId)),
    unauthorizedError: (_r, _a, ctx) => unauthorized(ctx.identity),
    resolve: async (_root, { memberId, on }, ctx) =>
      itemsOf(await dueOn(ctx.db, String(memberId), on, await caoScaleMaxima(ctx, on))),
  }),
}));

builder.mutationFields((t) => ({
  recordAppraisal: t.prismaField({
    type: AppraisalRef,
    authScopes: { signedIn: true },
    description:
      "Records an appraisal (HR of the member, its payroll service). The latest appraisal in the year before a step increase decides it; one dated on or before the employment's stepSince belongs to a year already judged and changes nothing.",
    args: { input: t.arg({ type: RecordAppraisalInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const employmentId = String(input.employmentId);
      // A note may run over several lines; it is kept as written (line breaks as \n).
      const note = check.optionalText(input.note, 'input.note', 'The note', {
        multiline: true,
        maxLength: check.MAX_LENGTH.appraisalNote,
      });
      const employment = await ctx.db.employment.findUnique({ where: { id: employmentId } });
      // Someone else's employment is "not found": its existence is not the caller's business.
      if (!employment || !canManageEmployeesOf(ctx.identity, employment.memberId))
        throw new NotFoundError('Employment', employmentId);
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
            employmentId,
            memberId: employment.memberId,
            appraisedOn: input.appraisedOn,
            outcome: input.outcome,
            note,
            recordedBy: ctx.identity!.userId,
          },
        });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          memberId: employment.memberId,
          action: 'RECORD_APPRAISAL',
          entityType: 'Appraisal',
          entityId: appraisal.id,
          after: appraisal,
        });
        return tx.appraisal.findUniqueOrThrow({ ...query, where: { id: appraisal.id } });
      });
    },
  }),
  applyStepIncreases: t.field({
    type: StepIncreaseApplicationRef,
    description:
      'Applies the step increases stepIncreasesDue shows, all or nothing: caoStep and stepSince (the due date) change, one audit entry per employment changed. Running it again for the same date changes nothing. Not for a date after today (HR of the member, its payroll service).',
    args: { memberId: t.arg.id({ required: true }), on: t.arg({ type: 'Date', required: true }) },
    authScopes: (_root, args, ctx) => canManageEmployeesOf(ctx.identity, String(args.memberId)),
    unauthorizedError: (_r, _a, ctx) => unauthorized(ctx.identity),
    resolve: async (_root, args, ctx) => {
      const memberId = String(args.memberId);
      const on = check.date(args.on, 'on', 'The date', check.DATE_WINDOWS.effective);
      // A step takes effect on its due date; applying ahead would pay it before then.
      if (on > todayInNetherlands()) {
        throw new BadUserInputError(
          'on',
          'Step increases are applied once they are due: pick today or an earlier date (stepIncreasesDue previews later ones).',
        );
      }
      const maxima = await caoScaleMaxima(ctx, on);
      return ctx.db.$transaction(async (tx) => {
        const rows = await dueOn(tx, memberId, on, maxima);
        const increases: StepIncreaseItem[] = [];
        let employmentsChanged = 0;
        for (const { employment, decisions } of rows) {
          const { employee, appraisals: _appraisals, ...before } = employment;
          const changes = decisions.filter((d) => d.outcome !== 'AT_MAXIMUM');
          const last = changes.at(-1);
          let after: Employment = before;
          if (last) {
            // Only if nobody changed the step meanwhile: otherwise the judgement is stale.
            const updated = await tx.employment.updateMany({
              where: { id: employment.id, caoStep: employment.caoStep, stepSince: employment.stepSince },
              data: { caoStep: last.toStep, stepSince: last.stepSinceAfter },
            });
            if (updated.count !== 1)
              throw new ConflictError('An employment changed while step increases were applied; try again.');
            after = await tx.employment.findUniqueOrThrow({ where: { id: employment.id } });
            // The step history: a step applied for a month already settled gives back pay for it.
            await tx.stepChange.createMany({
              data: changes
                .filter((d) => d.outcome === 'RAISED')
                .map((d) => ({
                  employmentId: employment.id,
                  memberId,
                  effectiveFrom: d.dueOn,
                  caoScale: employment.caoScale,
                  fromStep: d.fromStep,
                  toStep: d.toStep,
                  recordedBy: ctx.identity!.userId,
                })),
            });
            await recordChange(tx, {
              actorId: ctx.identity!.userId,
              memberId,
              action: 'STEP_INCREASE',
              entityType: 'Employment',
              entityId: employment.id,
              before: {
                caoScale: before.caoScale,
                caoStep: before.caoStep,
                stepSince: formatCalendarDate(stepSinceOf(before)),
              },
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
            employmentsChanged++;
          }
          for (const decision of decisions) increases.push({ employment: { ...after, employee }, decision });
        }
        return { memberId, on, increases, employmentsChanged };
      }, APPLY_TRANSACTION);
    },
  }),
}));
