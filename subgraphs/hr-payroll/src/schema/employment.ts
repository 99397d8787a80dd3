import { todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import type { CaoWage } from '../cao-client';
import { lkvApplicationDeadline, lkvApplicationStatus, unemploymentPremiumClass } from '../domain/employment';
import { ContractType, LkvKind, type Employment } from '../generated/prisma/client';
import { employmentWage } from '../services/employments';
import { MemberRef, WageScaleRef } from './references';

export const ContractTypeEnum = builder.enumType(ContractType, {
  name: 'ContractType',
  description: 'PERMANENT (vast), FIXED_TERM (bepaalde tijd), ON_CALL (oproepcontract).',
});
export const LkvKindEnum = builder.enumType(LkvKind, {
  name: 'LkvKind',
  description: 'Wage-cost benefit (loonkostenvoordeel) the employer may claim.',
});
const PremiumClassEnum = builder.enumType('UnemploymentPremiumClass', {
  description: 'AWf premium: LOW for a written permanent contract, HIGH otherwise.',
  values: ['LOW', 'HIGH'] as const,
});
const LkvStatusEnum = builder.enumType('LkvApplicationStatus', {
  description:
    'The target-group statement (doelgroepverklaring LKV) must be applied for within three months of the start: REQUESTED (in time), OPEN, DUE_SOON (two weeks or less left), MISSED (not applied for in time: no LKV).',
  values: ['REQUESTED', 'OPEN', 'DUE_SOON', 'MISSED'] as const,
});
const WageBasisEnum = builder.enumType('EmploymentWageBasis', {
  values: ['CAO_TABLE', 'MINIMUM_WAGE_SCALE', 'LIFTED_TO_MINIMUM_WAGE'] as const,
});

const TargetGroupRef = builder.objectRef<Employment>('TargetGroupStatus').implement({
  description: 'Target-group status: job-agreement register (banenafspraak), sheltered work, wage-cost subsidy, LKV.',
  fields: (t) => ({
    jobAgreementRegister: t.boolean({ resolve: (e) => e.jobAgreementRegister }),
    shelteredWork: t.boolean({ resolve: (e) => e.shelteredWork }),
    wageValuePercent: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Wage value (loonwaarde) for wage-cost subsidy, in percent.',
      resolve: (e) => e.wageValuePercent,
    }),
    subsidyMunicipality: t.string({ nullable: true, resolve: (e) => e.subsidyMunicipality }),
    lkv: t.field({ type: LkvKindEnum, nullable: true, resolve: (e) => e.lkv }),
    lkvApplicationDeadline: t.field({
      type: 'Date',
      nullable: true,
      description: 'Three months after the start date.',
      resolve: (e) => (e.lkv ? lkvApplicationDeadline(e.startDate) : null),
    }),
    lkvApplicationStatus: t.field({
      type: LkvStatusEnum,
      nullable: true,
      resolve: (e) =>
        e.lkv ? lkvApplicationStatus(e.startDate, todayInNetherlands(), e.lkvStatementRequestedOn) : null,
    }),
    lkvStatementRequestedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day the target-group statement was applied for, as HR recorded it.',
      resolve: (e) => e.lkvStatementRequestedOn,
    }),
  }),
});

const EmploymentWageRef = builder.objectRef<CaoWage & { on: Date; age: number }>('EmploymentWage').implement({
  description: 'The wage for an employment on a date, as the CAO service computes it (the CAO version used is named).',
  fields: (t) => ({
    on: t.field({ type: 'Date', resolve: (w) => w.on }),
    age: t.int({ resolve: (w) => w.age }),
    monthly: t.field({ type: 'Decimal', resolve: (w) => w.monthly }),
    hourly: t.field({ type: 'Decimal', resolve: (w) => w.hourly }),
    monthlyFullTime: t.field({ type: 'Decimal', resolve: (w) => w.monthlyFullTime }),
    basis: t.field({ type: WageBasisEnum, resolve: (w) => w.basis }),
    liftedToMinimumWage: t.boolean({ resolve: (w) => w.liftedToMinimumWage }),
    caoVersionId: t.id({ resolve: (w) => w.version.id }),
    caoVersionName: t.string({ resolve: (w) => w.version.name }),
    caoAfterEffect: t.boolean({ resolve: (w) => w.afterEffect }),
    minimumWageHourly: t.field({ type: 'Decimal', resolve: (w) => w.minimumWage.hourly }),
    explanation: t.stringList({ resolve: (w) => w.explanation }),
  }),
});

export const EmploymentRef = builder.prismaObject('Employment', {
  description: 'A period of employment of an employee at a member, on a CAO scale and step.',
  authScopes: (employment) => ({ seesEmployee: { id: employment.employeeId, memberId: employment.memberId } }),
  fields: (t) => ({
    id: t.exposeID('id'),
    employee: t.relation('employee'),
    employer: t.field({ type: MemberRef, nullable: true, resolve: (e) => ({ id: e.memberId }) }),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    contractType: t.expose('contractType', { type: ContractTypeEnum }),
    writtenContract: t.exposeBoolean('writtenContract'),
    unemploymentPremiumClass: t.field({ type: PremiumClassEnum, resolve: (e) => unemploymentPremiumClass(e) }),
    functionTitle: t.exposeString('functionTitle'),
    branchId: t.exposeID('branchId', { nullable: true, description: 'The shop, in the members directory.' }),
    caoScale: t.exposeInt('caoScale'),
    caoStep: t.exposeInt('caoStep'),
    hoursPerWeek: t.expose('hoursPerWeek', { type: 'Decimal' }),
    applyTaxCredit: t.exposeBoolean('applyTaxCredit', { description: 'Loonheffingskorting applied at this employer.' }),
    targetGroup: t.field({ type: TargetGroupRef, resolve: (e) => e }),
    wage: t.field({
      nullable: true,
      type: EmploymentWageRef,
      description: 'The CAO wage for this scale, step, hours and the employee’s age on a date (default today).',
      args: { on: t.arg({ type: 'Date', required: false }) },
      select: { employee: { select: { birthDate: true } } },
      resolve: (e, args, ctx) => employmentWage(ctx, e, args.on, 'wage'),
    }),
    wageScale: t.field({
      nullable: true,
      type: WageScaleRef,
      description: 'The CAO scale this employment is on, in the CAO version in force on a date (default today).',
      args: { on: t.arg({ type: 'Date', required: false }) },
      select: { employee: { select: { birthDate: true } } },
      resolve: async (e, args, ctx) => ({
        versionId: (await employmentWage(ctx, e, args.on, 'wageScale')).version.id,
        scale: e.caoScale,
      }),
    }),
    activeOn: t.boolean({
      args: { on: t.arg({ type: 'Date', required: true }) },
      resolve: (e, { on }) => e.startDate <= on && (!e.endDate || e.endDate >= on),
    }),
  }),
});
