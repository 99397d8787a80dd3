import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  recordChange,
  UnauthenticatedError,
  type Identity,
} from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf, isSelf } from '../access';
import { builder, type HrContext } from '../builder';
import type { PayrollCalculation } from '../domain/payroll/types';
import { PayrollRunStatus } from '../generated/prisma/client';
import { explanationOf } from '../payroll/explanation';
import { periodName } from '../domain/payroll/proration';
import { calculateMonth, storeRun } from '../payroll/run-service';
import { MemberRef } from './references';

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
  authScopes: (p, ctx) =>
    canManageEmployeesOf(ctx.identity, p.memberId) || isSelf(ctx.identity, { id: p.employeeId, memberId: p.memberId }),
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

export const PayrollRunRef = builder.prismaObject('PayrollRun', {
  description: "A member's payroll for one month.",
  authScopes: (run, ctx) => canManageEmployeesOf(ctx.identity, run.memberId),
  fields: (t) => ({
    id: t.exposeID('id'),
    employer: t.field({ type: MemberRef, resolve: (r) => ({ id: r.memberId }) }),
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
    compliant: t.boolean({
      description: 'Every payslip passes its compliance checks (a condition for approval).',
      resolve: async (r, _args, ctx) =>
        (await ctx.db.payslip.count({ where: { runId: r.id, compliant: false } })) === 0,
    }),
  }),
});

const refused = () => new ForbiddenError("Only the member's HR staff and its payroll service run its payroll.");

/** A run the caller may act on; someone else's is "not found". */
async function visibleRun(db: Pick<HrContext['db'], 'payrollRun'>, identity: Identity | null, id: string) {
  const run = await db.payrollRun.findUnique({ where: { id } });
  if (!run || !canManageEmployeesOf(identity, run.memberId)) throw new NotFoundError('Payroll run', id);
  return run;
}

builder.queryFields((t) => ({
  payrollRuns: t.prismaConnection({
    type: 'PayrollRun',
    cursor: 'id',
    description: "A member's payroll runs, newest first.",
    args: { memberId: t.arg.id({ required: true }) },
    authScopes: (_root, args, ctx) => canManageEmployeesOf(ctx.identity, args.memberId),
    unauthorizedError: (_r, _a, ctx) => (ctx.identity ? refused() : new UnauthenticatedError()),
    totalCount: (_c, args, ctx) => ctx.db.payrollRun.count({ where: { memberId: args.memberId } }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.payrollRun.findMany({
        ...query,
        where: { memberId: args.memberId },
        orderBy: [{ year: 'desc' }, { month: 'desc' }, { id: 'asc' }],
      }),
  }),
  payrollRun: t.prismaField({
    type: PayrollRunRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      await visibleRun(ctx.db, ctx.identity, id);
      return ctx.db.payrollRun.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  payslips: t.prismaConnection({
    type: 'Payslip',
    cursor: 'id',
    description: "An employee's payslips, newest first (the employee, HR, the payroll service).",
    args: { employeeId: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, { employeeId }, ctx) => {
      const employee = await ctx.db.employee.findUnique({ where: { id: employeeId } });
      const allowed =
        employee && (canManageEmployeesOf(ctx.identity, employee.memberId) || isSelf(ctx.identity, employee));
      if (!allowed) throw new NotFoundError('Employee', employeeId);
      return ctx.db.payslip.findMany({
        ...query,
        where: { employeeId, run: { status: isSelf(ctx.identity, employee) ? 'PAID' : undefined } },
        orderBy: [{ run: { year: 'desc' } }, { run: { month: 'desc' } }, { id: 'asc' }],
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  calculatePayrollRun: t.prismaField({
    type: PayrollRunRef,
    authScopes: { signedIn: true },
    description:
      "Calculates (or recalculates, while not approved) a member's payroll for a month: every employment active in it, with the CAO wage of that month. All or nothing.",
    args: {
      memberId: t.arg.id({ required: true }),
      year: t.arg.int({ required: true }),
      month: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, { memberId, year, month }, ctx) => {
      if (!canManageEmployeesOf(ctx.identity, memberId)) throw refused();
      const drafts = await calculateMonth(ctx, memberId, year, month);
      const run = await storeRun(ctx, memberId, year, month, drafts);
      return ctx.db.payrollRun.findUniqueOrThrow({ ...query, where: { id: run.id } });
    },
  }),
  approvePayrollRun: t.prismaField({
    type: PayrollRunRef,
    authScopes: { signedIn: true },
    description:
      'Approves a calculated run. Four eyes: not by the person who calculated it; and only when every payslip is compliant.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM payroll_run WHERE id = ${id} FOR UPDATE`;
        const run = await visibleRun(tx, ctx.identity, id);
        if (run.status !== 'CALCULATED') throw new ConflictError(`This run is ${run.status.toLowerCase()} already.`);
        if (run.calculatedBy === ctx.identity!.userId) {
          throw new ForbiddenError('You calculated this run; a second person must approve it (four eyes).');
        }
        const failing = await tx.payslip.findMany({ where: { runId: id, compliant: false } });
        if (failing.length > 0) {
          const problems = failing.flatMap((p) =>
            calc(p)
              .compliance.filter((c) => !c.ok)
              .map((c) => c.message),
          );
          throw new ConflictError(`This run cannot be approved: ${problems.join(' ')}`);
        }
        const approved = await tx.payrollRun.update({
          where: { id },
          data: { status: 'APPROVED', approvedBy: ctx.identity!.userId, approvedAt: new Date() },
        });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          memberId: run.memberId,
          action: 'APPROVE_PAYROLL_RUN',
          entityType: 'PayrollRun',
          entityId: id,
          before: run,
          after: approved,
        });
        return tx.payrollRun.findUniqueOrThrow({ ...query, where: { id } });
      }),
  }),
  markPayrollRunPaid: t.prismaField({
    type: PayrollRunRef,
    authScopes: { signedIn: true },
    description: 'Records that an approved run was paid. From then on it is frozen with its inputs.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM payroll_run WHERE id = ${id} FOR UPDATE`;
        const run = await visibleRun(tx, ctx.identity, id);
        if (run.status !== 'APPROVED')
          throw new ConflictError(`Only an approved run can be paid; this one is ${run.status.toLowerCase()}.`);
        const paid = await tx.payrollRun.update({
          where: { id },
          data: { status: 'PAID', paidBy: ctx.identity!.userId, paidAt: new Date() },
        });
        await recordChange(tx, {
          actorId: ctx.identity!.userId,
          memberId: run.memberId,
          action: 'PAY_PAYROLL_RUN',
          entityType: 'PayrollRun',
          entityId: id,
          before: run,
          after: paid,
        });
        return tx.payrollRun.findUniqueOrThrow({ ...query, where: { id } });
      }),
  }),
}));
