import { byId, ofMember, onMember, readable, thenRead } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { findRun, readRun, runsOf } from '../data/payroll-runs';
import { PAYSLIPS_NEWEST_FIRST, visiblePayslipsOf } from '../data/payslips';
import type { PayrollCalculation } from '../domain/payroll/types';
import { periodName } from '../domain/payroll/proration';
import { PayrollRunStatus } from '../generated/prisma/client';
import { explanationOf } from '../services/explanation';
import { calculatePayrollRun } from '../services/payroll-runs';
import { approvePayrollRun, markPayrollRunPaid } from '../services/run-status';
import { MemberRef } from './references';
import { EmployeeRef } from './employee';
import { employeeOfMember } from '../data/employment-loaders';
import { RUN_SIGNAL_CODES, type RunSignalCode, type RunSignalTotal } from '../domain/run-signals';
import { signalTotalsOf } from '../data/run-signals';
import { managedMember } from '../access';

const PayrollRunStatusEnum = builder.enumType(PayrollRunStatus, {
  name: 'PayrollRunStatus',
  description: 'CALCULATED (may be recalculated), APPROVED (by a second person), PAID (frozen).',
});

const calc = (payslip: { calculation: unknown }) => payslip.calculation as PayrollCalculation;

const PayslipLineRef = builder.objectRef<PayrollCalculation['lines'][number]>('PayslipLine').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    kind: t.exposeString('kind', { description: 'EARNING, DEDUCTION, EMPLOYER_COST or INFORMATION.' }),
    description: t.exposeString('description'),
    base: t.field({ type: 'Decimal', nullable: true, resolve: (l) => l.base }),
    rate: t.exposeString('rate', { nullable: true }),
    rateUnit: t.exposeString('rateUnit', { nullable: true }),
    amount: t.field({ type: 'Decimal', resolve: (l) => l.amount }),
  }),
});

const ComplianceRef = builder.objectRef<PayrollCalculation['compliance'][number]>('ComplianceCheck').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    ok: t.exposeBoolean('ok'),
    message: t.exposeString('message'),
  }),
});

export const PayslipRef = builder.prismaObject('Payslip', {
  description: "One employee's pay for a month, with every line and the inputs it came from.",
  authScopes: (p) => ({ seesEmployee: { id: p.employeeId, memberId: p.memberId } }),
  fields: (t) => ({
    id: t.exposeID('id'),
    run: t.relation('run', {
      description: 'The run (for HR and the payroll service; employees see `period` and `runStatus`).',
    }),
    period: t.string({
      description: 'YYYY-MM',
      select: { run: { select: { year: true, month: true } } },
      resolve: (p) => periodName(p.run.year, p.run.month),
    }),
    runStatus: t.field({
      type: PayrollRunStatusEnum,
      select: { run: { select: { status: true } } },
      resolve: (p) => p.run.status,
    }),
    employeeId: t.exposeID('employeeId'),
    employmentId: t.exposeID('employmentId'),
    caoVersionId: t.exposeID('caoVersionId', { description: 'The CAO version the wage came from.' }),
    caoVersionName: t.exposeString('caoVersionName'),
    gross: t.field({ type: 'Decimal', resolve: (p) => calc(p).grossWage }),
    taxableWage: t.field({ type: 'Decimal', resolve: (p) => calc(p).taxableWage.total }),
    wageTax: t.field({ type: 'Decimal', resolve: (p) => calc(p).wageTax.total }),
    withTaxCredit: t.boolean({ resolve: (p) => calc(p).wageTax.withTaxCredit }),
    pensionEmployee: t.field({ type: 'Decimal', resolve: (p) => calc(p).pension.employee }),
    holidayAllowanceReserved: t.field({ type: 'Decimal', resolve: (p) => calc(p).holidayAllowance.reserved }),
    holidayAllowancePaid: t.field({ type: 'Decimal', resolve: (p) => calc(p).holidayAllowance.paid }),
    net: t.field({ type: 'Decimal', resolve: (p) => calc(p).netPay }),
    employerCosts: t.field({ type: 'Decimal', resolve: (p) => calc(p).employerCostsTotal }),
    lkvExpected: t.field({ type: 'Decimal', nullable: true, resolve: (p) => calc(p).lkv?.expected ?? null }),
    paidHours: t.field({ type: 'Decimal', resolve: (p) => calc(p).paidHours }),
    lines: t.field({ type: [PayslipLineRef], resolve: (p) => calc(p).lines }),
    compliance: t.field({ type: [ComplianceRef], resolve: (p) => calc(p).compliance }),
    compliant: t.exposeBoolean('compliant'),
    warnings: t.stringList({ resolve: (p) => calc(p).warnings }),
    explanation: t.stringList({
      description: 'Why these figures, step by step (recalculated from the frozen inputs).',
      select: { inputs: true, calculation: true },
      resolve: (p) => explanationOf(p),
    }),
    yearToDate: t.string({
      description: 'Year-to-date totals after this month, as JSON.',
      resolve: (p) => JSON.stringify(calc(p).yearToDateAfter),
    }),
    inputs: t.string({
      description: 'The frozen inputs of the calculation, as JSON.',
      resolve: (p) => JSON.stringify(p.inputs),
    }),
  }),
});

const SignalCodeEnum = builder.enumType('PayrollRunSignalCode', {
  description:
    'STEP_INCREASE_OVERDUE (yearly step increases due and not applied), LKV_APPLICATION_MISSED (the target-group statement was not applied for within three months: no LKV), LKV_APPLICATION_OPEN (not applied for yet, the deadline ahead).',
  values: RUN_SIGNAL_CODES,
});

export const SignalRef = builder.prismaObject('PayrollRunSignal', {
  description: 'Something HR should act on, found when the run was calculated; it does not block approval.',
  authScopes: (signal) => ({ managesEmployeesOf: signal.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.field({ type: SignalCodeEnum, resolve: (s) => s.code as RunSignalCode }),
    employee: t.field({
      type: EmployeeRef,
      nullable: true,
      resolve: (s, _args, ctx) => employeeOfMember(ctx, s.memberId, s.employeeId),
    }),
    employmentId: t.exposeID('employmentId'),
    amount: t.field({
      type: 'Decimal',
      description: 'Per month: the wage due on top, the LKV forgone, or the LKV that depends on the application.',
      resolve: (s) => s.amount,
    }),
    message: t.exposeString('message'),
  }),
});

const SignalTotalRef = builder.objectRef<RunSignalTotal>('PayrollRunSignalTotal').implement({
  fields: (t) => ({
    code: t.field({ type: SignalCodeEnum, resolve: (s) => s.code }),
    count: t.exposeInt('count'),
    amount: t.field({ type: 'Decimal', description: 'The monthly amounts added up.', resolve: (s) => s.amount }),
  }),
});

export const PayrollRunRef = builder.prismaObject('PayrollRun', {
  description: "A member's payroll for one month.",
  authScopes: (run) => ({ managesEmployeesOf: run.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    employer: t.field({ type: MemberRef, nullable: true, resolve: (r) => ({ id: r.memberId }) }),
    year: t.exposeInt('year'),
    month: t.exposeInt('month'),
    period: t.string({ description: 'YYYY-MM', resolve: (r) => periodName(r.year, r.month) }),
    status: t.expose('status', { type: PayrollRunStatusEnum }),
    calculatedBy: t.exposeID('calculatedBy'),
    calculatedAt: t.expose('calculatedAt', { type: 'DateTime' }),
    approvedBy: t.exposeID('approvedBy', { nullable: true }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
    payslips: t.relatedConnection('payslips', { cursor: 'id', totalCount: true }),
    signals: t.relatedConnection('signals', {
      cursor: 'id',
      totalCount: true,
      description:
        'What HR should act on (overdue step increases, LKV applications), found when the run was calculated.',
      args: { code: t.arg({ type: SignalCodeEnum, required: false }) },
      query: ({ code }) => ({ where: code ? { code } : {}, orderBy: { position: 'asc' } }),
    }),
    signalTotals: t.field({
      type: [SignalTotalRef],
      description: 'The signals per code: how many, and their monthly amounts added up.',
      resolve: (r, _args, ctx) => signalTotalsOf(ctx.db, r.id),
    }),
    compliant: t.boolean({
      description: 'Every payslip passes its compliance checks (a condition for approval).',
      resolve: async (r, _args, ctx) =>
        (await ctx.db.payslip.count({ where: { runId: r.id, compliant: false } })) === 0,
    }),
  }),
});

builder.queryFields((t) => ({
  payrollRuns: t.prismaConnection({
    type: 'PayrollRun',
    cursor: 'id',
    description: "A member's payroll runs, newest first.",
    ...ofMember(t, managedMember, runsOf),
  }),
  payrollRun: t.prismaField({
    type: PayrollRunRef,
    ...byId(t, readable(findRun)),
  }),
  payslips: t.prismaConnection({
    type: 'Payslip',
    cursor: 'id',
    description: "An employee's payslips, newest first (the employee, HR, the payroll service).",
    args: { employeeId: t.arg.id({ required: true }) },
    resolve: async (query, _root, { employeeId }, ctx) => {
      const where = await visiblePayslipsOf(ctx, employeeId);
      return ctx.db.payslip.findMany({ ...query, where, orderBy: PAYSLIPS_NEWEST_FIRST });
    },
  }),
}));

// Member (from the members subgraph) gains its payroll runs here, so that a member's overview
// asks for them on the member: when this subgraph is down, only this field is null.
builder.objectFields(MemberRef, (t) => ({
  payrollRuns: t.prismaConnection({
    nullable: true,
    type: 'PayrollRun',
    cursor: 'id',
    description: "This member's payroll runs, newest first (its HR staff and payroll service).",
    ...onMember(managedMember, runsOf),
  }),
}));

builder.mutationFields((t) => ({
  calculatePayrollRun: t.prismaField({
    type: PayrollRunRef,
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    description:
      "Calculates (or recalculates, while not approved) a member's payroll for a month: every employment active in it, with the CAO wage of that month. All or nothing.",
    args: {
      memberId: t.arg.id({ required: true }),
      year: t.arg.int({ required: true }),
      month: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, { memberId, year, month }, ctx) => {
      const run = await calculatePayrollRun(ctx, memberId, year, month);
      return ctx.db.payrollRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
    },
  }),
  approvePayrollRun: t.prismaField({
    type: PayrollRunRef,
    description:
      'Approves a calculated run. Four eyes: not by the person who calculated it; and only when every payslip is compliant.',
    ...byId(t, thenRead(approvePayrollRun, readRun)),
  }),
  markPayrollRunPaid: t.prismaField({
    type: PayrollRunRef,
    description: 'Records that an approved run was paid. From then on it is frozen with its inputs.',
    ...byId(t, thenRead(markPayrollRunPaid, readRun)),
  }),
}));
