import { ForbiddenError, recordChange, UnauthenticatedError } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf } from '../access';
import { builder } from '../builder';
import * as check from '../validation';
import { MemberRef } from './references';

// A member's payroll settings: its pension premiums (the sector fund's rates are not public, so
// each member enters its own), its Whk rate from the tax office's decision, and whether the tax
// office counts it as a small employer for the Aof. Runs use them as they are when calculated.

const refused = () =>
  new ForbiddenError("Only the member's HR staff and its payroll service set its payroll settings.");

const PayrollSettingsRef = builder.prismaObject('MemberPayrollSettings', {
  name: 'PayrollSettings',
  description: "A member's payroll settings.",
  authScopes: (s, ctx) => canManageEmployeesOf(ctx.identity, s.memberId),
  fields: (t) => ({
    employer: t.field({ type: MemberRef, resolve: (s) => ({ id: s.memberId }) }),
    pensionEmployeePercent: t.expose('pensionEmployeePercent', {
      type: 'Decimal',
      description: "Employee's pension premium, % of the gross wage (withheld before wage tax).",
    }),
    pensionEmployerPercent: t.expose('pensionEmployerPercent', {
      type: 'Decimal',
      description: "Employer's pension premium, % of the gross wage.",
    }),
    whkPercent: t.expose('whkPercent', {
      type: 'Decimal',
      nullable: true,
      description: "The member's own Whk %, from the tax office's decision; null: the year's average rate is used.",
    }),
    aofSmallEmployer: t.exposeBoolean('aofSmallEmployer', {
      nullable: true,
      description:
        'Small employer for the Aof (low rate), as the tax office decides; null: at most 25 employees in the run.',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const PayrollSettingsInput = builder.inputType('PayrollSettingsInput', {
  fields: (t) => ({
    pensionEmployeePercent: t.field({ type: 'Decimal', required: true }),
    pensionEmployerPercent: t.field({ type: 'Decimal', required: true }),
    whkPercent: t.field({ type: 'Decimal', required: false, description: 'Leave out or null for the average rate.' }),
    aofSmallEmployer: t.boolean({ required: false, description: 'Leave out or null to judge by head count.' }),
  }),
});

builder.queryFields((t) => ({
  payrollSettings: t.prismaField({
    type: PayrollSettingsRef,
    nullable: true,
    description: "A member's payroll settings; null until they are set (payroll cannot run without them).",
    args: { memberId: t.arg.id({ required: true }) },
    authScopes: (_root, args, ctx) => canManageEmployeesOf(ctx.identity, args.memberId),
    unauthorizedError: (_r, _a, ctx) => (ctx.identity ? refused() : new UnauthenticatedError()),
    resolve: (query, _root, { memberId }, ctx) =>
      ctx.db.memberPayrollSettings.findUnique({ ...query, where: { memberId } }),
  }),
}));

builder.mutationFields((t) => ({
  setPayrollSettings: t.prismaField({
    type: PayrollSettingsRef,
    description:
      "Sets a member's payroll settings (its HR staff or its payroll service). Used from the next calculation.",
    args: {
      memberId: t.arg.id({ required: true }),
      input: t.arg({ type: PayrollSettingsInput, required: true }),
    },
    authScopes: (_root, args, ctx) => canManageEmployeesOf(ctx.identity, args.memberId),
    unauthorizedError: (_r, _a, ctx) => (ctx.identity ? refused() : new UnauthenticatedError()),
    resolve: async (query, _root, { memberId, input }, ctx) => {
      const data = {
        pensionEmployeePercent: check.ratePercent(
          input.pensionEmployeePercent,
          'input.pensionEmployeePercent',
          "The employee's pension premium",
          50,
        ),
        pensionEmployerPercent: check.ratePercent(
          input.pensionEmployerPercent,
          'input.pensionEmployerPercent',
          "The employer's pension premium",
          50,
        ),
        // The Whk rates of a decision stay well under 10 %.
        whkPercent:
          input.whkPercent == null ? null : check.ratePercent(input.whkPercent, 'input.whkPercent', 'The Whk rate', 10),
        aofSmallEmployer: input.aofSmallEmployer ?? null,
      };
      return ctx.db.$transaction(async (tx) => {
        const before = await tx.memberPayrollSettings.findUnique({ where: { memberId } });
        const after = await tx.memberPayrollSettings.upsert({
          ...query,
          where: { memberId },
          create: { memberId, ...data },
          update: data,
        });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          memberId,
          action: 'SET_PAYROLL_SETTINGS',
          entityType: 'MemberPayrollSettings',
          entityId: memberId,
          before: before ?? undefined,
          after,
        });
        return after;
      });
    },
  }),
}));
