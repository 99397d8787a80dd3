import { builder } from '../builder';
import { payrollSettingsOf, setPayrollSettings } from '../services/payroll-settings';
import { MemberRef } from './references';

// A member's payroll settings (services/payroll-settings.ts): its pension premiums, its Whk rate
// and whether it is a small employer for the Aof. Runs use them as they are when calculated.

const PayrollSettingsRef = builder.prismaObject('MemberPayrollSettings', {
  name: 'PayrollSettings',
  description: "A member's payroll settings.",
  authScopes: (s) => ({ managesEmployeesOf: s.memberId }),
  fields: (t) => ({
    employer: t.field({ type: MemberRef, nullable: true, resolve: (s) => ({ id: s.memberId }) }),
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
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    resolve: (query, _root, { memberId }, ctx) => payrollSettingsOf(ctx, memberId, query),
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
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    resolve: (query, _root, { memberId, input }, ctx) => setPayrollSettings(ctx, memberId, input, query),
  }),
}));
