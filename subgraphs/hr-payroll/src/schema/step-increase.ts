import { withInput } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { nextStepIncreaseOn, stepSinceOf } from '../domain/step-increase';
import { AppraisalOutcome } from '../generated/prisma/client';
import {
  applyStepIncreases,
  previewStepIncreases,
  recordAppraisal,
  type StepIncreaseApplication,
  type StepIncreaseItem,
} from '../services/step-increases';
import { EmployeeRef } from './employee';
import { EmploymentRef } from './employment';

/*
 * The CAO's yearly step increase (domain/step-increase.ts has the rule): appraisals recorded by
 * HR, a preview of the increases due on a date, and applying them in one transaction
 * (services/step-increases.ts).
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

export const AppraisalRef = builder.prismaObject('Appraisal', {
  description: "An appraisal of an employee in an employment; the year's latest decides the step increase.",
  // HR and the payroll service of the member; the employee their own.
  authScopes: (appraisal) => ({ seesEmployment: { id: appraisal.employmentId, memberId: appraisal.memberId } }),
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

const StepIncreaseApplicationRef = builder.objectRef<StepIncreaseApplication>('StepIncreaseApplication').implement({
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
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    resolve: (_root, { memberId, on }, ctx) => previewStepIncreases(ctx, memberId, on),
  }),
}));

builder.mutationFields((t) => ({
  recordAppraisal: t.prismaField({
    type: AppraisalRef,
    // Another member's employment is "not found" (services/step-increases.ts), not refused.
    description:
      "Records an appraisal (HR of the member, its payroll service). The latest appraisal in the year before a step increase decides it; one dated on or before the employment's stepSince belongs to a year already judged and changes nothing.",
    ...withInput(t, RecordAppraisalInput, recordAppraisal),
  }),
  applyStepIncreases: t.field({
    type: StepIncreaseApplicationRef,
    description:
      'Applies the step increases stepIncreasesDue shows, all or nothing: caoStep and stepSince (the due date) change, one audit entry per employment changed. Running it again for the same date changes nothing. Not for a date after today (HR of the member, its payroll service).',
    args: { memberId: t.arg.id({ required: true }), on: t.arg({ type: 'Date', required: true }) },
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    resolve: (_root, { memberId, on }, ctx) => applyStepIncreases(ctx, memberId, on),
  }),
}));
