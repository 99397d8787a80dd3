import { builder } from '../builder';
import { findEnrolment, visibleEnrolments } from '../data/enrolments';
import { ENROLMENT_STATUSES } from '../domain/enrolment';
import { enrol, moveEnrolment } from '../services/enrolment';
import { resultIn } from '../services/input';
import { EmployeeRef, MemberRef, money } from './references';

/*
 * Enrolments (OOAPI: associations): an employee in a session. Seen by the employee, their
 * member's HR, the session's trainer and the Academy's administrators; anyone else is told
 * there is no such enrolment.
 */

export const EnrolmentStatusEnum = builder.enumType('EnrolmentStatus', {
  description: "REQUESTED (awaits the member's approval), ENROLLED, WAITLISTED, COMPLETED, NO_SHOW, CANCELLED.",
  values: ENROLMENT_STATUSES,
});
const FundingEnum = builder.enumType('EnrolmentFunding', {
  description: "FUND: reserved on the member's training budget; MEMBER: the member pays; FREE: nothing to pay.",
  values: ['FUND', 'MEMBER', 'FREE'] as const,
});

builder.prismaObject('Enrolment', {
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: EnrolmentStatusEnum, resolve: (e) => e.status }),
    session: t.relation('session'),
    member: t.field({ type: MemberRef, nullable: true, resolve: (e) => ({ id: e.memberId }) }),
    employee: t.field({ type: EmployeeRef, nullable: true, resolve: (e) => ({ id: e.employeeId }) }),
    employeeId: t.exposeID('employeeId'),
    waitlistPosition: t.exposeInt('waitlistPosition', {
      nullable: true,
      description: 'Its number in the order of arrival on the waitlist (lower came first).',
    }),
    funding: t.field({ type: FundingEnum, resolve: (e) => e.funding }),
    reservedAmount: t.field({ type: 'Decimal', resolve: (e) => money(e.reservedAmount) }),
    prerequisitesOverridden: t.exposeBoolean('prerequisitesOverridden'),
    result: t.exposeString('result', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime' }),
  }),
});

const readBack = (query: object, id: string, ctx: Parameters<typeof enrol>[0]) =>
  ctx.db.enrolment.findUniqueOrThrow({ ...query, where: { id } });

builder.queryFields((t) => ({
  enrolment: t.prismaField({
    type: 'Enrolment',
    description: 'One enrolment; one the caller may not see is "not found".',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => findEnrolment(ctx.db, ctx.identity, id, query),
  }),
  sessionEnrolments: t.prismaConnection({
    type: 'Enrolment',
    cursor: 'id',
    maxSize: 500,
    description:
      "A session's enrolments the caller may see (the trainer and the Academy's administrators: all), waitlist in arrival order.",
    args: { sessionId: t.arg.id({ required: true }) },
    totalCount: (_p, { sessionId }, ctx) =>
      ctx.db.enrolment.count({ where: { sessionId, ...visibleEnrolments(ctx.identity) } }),
    resolve: (query, _root, { sessionId }, ctx) =>
      ctx.db.enrolment.findMany({
        ...query,
        where: { sessionId, ...visibleEnrolments(ctx.identity) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  enrol: t.prismaField({
    type: 'Enrolment',
    description:
      "Enrols an employee in a session: the employee themself, their member's HR (approved at once) or an Academy admin (naming the member). ENROLLED when a seat is free and nobody waits, else WAITLISTED; REQUESTED when the member approves its employees' own enrolments. A fundable course reserves its price on the member's training budget; when that does not cover it, memberPays: true lets the member pay.",
    args: {
      sessionId: t.arg.id({ required: true }),
      employeeId: t.arg.id({ required: true }),
      memberId: t.arg.id({ description: "An Academy admin's enrolment: the employee's member organisation." }),
      memberPays: t.arg.boolean({ description: 'The member pays itself when the budget does not cover the course.' }),
      overridePrerequisites: t.arg.boolean({
        description: 'An Academy admin enrols without the prerequisites (logged with what was missing).',
      }),
    },
    resolve: async (query, _root, args, ctx) => readBack(query, (await enrol(ctx, args)).id, ctx),
  }),
  approveEnrolment: t.prismaField({
    type: 'Enrolment',
    description: "The member's HR approves a request: ENROLLED when a seat is free and nobody waits, else WAITLISTED.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => readBack(query, (await moveEnrolment(ctx, id, 'APPROVED')).id, ctx),
  }),
  cancelEnrolment: t.prismaField({
    type: 'Enrolment',
    description: 'Cancels an enrolment; a freed seat goes to the first on the waitlist; a reservation is released.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => readBack(query, (await moveEnrolment(ctx, id, 'CANCELLED')).id, ctx),
  }),
  recordCompletion: t.prismaField({
    type: 'Enrolment',
    description:
      "The session's trainer or an Academy admin records that an enrolled employee completed the course (from the session's start on): its certificate is issued, and the budget's reservation spent.",
    args: {
      id: t.arg.id({ required: true }),
      result: t.arg.string({ description: 'A remark on the result (at most 500 characters; no grades).' }),
    },
    resolve: async (query, _root, { id, result }, ctx) =>
      readBack(query, (await moveEnrolment(ctx, id, 'COMPLETED', { result: resultIn(result) })).id, ctx),
  }),
  recordNoShow: t.prismaField({
    type: 'Enrolment',
    description: "The session's trainer or an Academy admin records that an enrolled employee did not attend.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => readBack(query, (await moveEnrolment(ctx, id, 'NO_SHOW')).id, ctx),
  }),
}));
