import { exact, formatAmount, formatCalendarDate, sum } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import type { BackPayPeriod, PayrollCalculation } from '../domain/payroll/types';
import { periodName } from '../domain/payroll/proration';
import { outstandingBackPay, type OutstandingBackPay } from '../services/back-pay';

// Retroactive corrections: what settled months are owed after a CAO version or minimum wage was
// published with an earlier effective date, and the back pay a payslip paid for them.

const RetroactiveCorrectionRef = builder.objectRef<OutstandingBackPay>('RetroactiveCorrection').implement({
  description:
    'Back pay owed for one employee and one settled month: the wage due now for that month minus what was paid ' +
    '(and corrected) then. The next payroll run pays it as a correction line.',
  fields: (t) => ({
    employeeId: t.exposeID('employeeId'),
    employeeName: t.exposeString('employeeName'),
    employmentId: t.exposeID('employmentId'),
    period: t.string({ description: 'The month corrected, YYYY-MM.', resolve: (c) => periodName(c.year, c.month) }),
    year: t.exposeInt('year'),
    month: t.exposeInt('month'),
    correctedRunId: t.exposeID('correctedRunId'),
    correctedPayslipId: t.exposeID('correctedPayslipId'),
    paidCaoVersionName: t.exposeString('paidCaoVersionName'),
    dueCaoVersionName: t.exposeString('dueCaoVersionName'),
    paidMonthly: t.field({ type: 'Decimal', description: 'Monthly wage paid then.', resolve: (c) => c.paidMonthly }),
    dueMonthly: t.field({ type: 'Decimal', description: 'Monthly wage due now.', resolve: (c) => c.dueMonthly }),
    daysEmployed: t.exposeInt('daysEmployed'),
    daysInMonth: t.exposeInt('daysInMonth'),
    paidForDays: t.field({ type: 'Decimal', resolve: (c) => c.paidForDays }),
    dueForDays: t.field({ type: 'Decimal', resolve: (c) => c.dueForDays }),
    alreadyCorrected: t.field({ type: 'Decimal', resolve: (c) => c.alreadyCorrected }),
    amount: t.field({ type: 'Decimal', description: 'Gross back pay owed.', resolve: (c) => c.amount }),
    reason: t.string({
      description: 'What changed after the month was calculated: publications and step increases applied late.',
      resolve: (c) =>
        [
          ...c.publishedSince.map(
            (p) =>
              `${p.name} (from ${formatCalendarDate(p.effectiveFrom)}) published ${p.publishedAt.toISOString().slice(0, 10)}`,
          ),
          ...c.lateStepChanges.map(
            (s) =>
              `step increase ${s.fromStep} → ${s.toStep} from ${formatCalendarDate(s.effectiveFrom)} applied ${s.recordedAt.toISOString().slice(0, 10)}`,
          ),
        ].join('; '),
    }),
  }),
});

interface CorrectionsReport {
  corrections: OutstandingBackPay[];
}

const RetroactiveCorrectionsRef = builder.objectRef<CorrectionsReport>('RetroactiveCorrections').implement({
  description: "A member's back pay owed for settled months, per employee and month.",
  fields: (t) => ({
    totalAmount: t.field({
      type: 'Decimal',
      resolve: (r) => formatAmount(sum(r.corrections.map((c) => exact(c.amount)))),
    }),
    employeeCount: t.int({ resolve: (r) => new Set(r.corrections.map((c) => c.employeeId)).size }),
    corrections: t.field({ type: [RetroactiveCorrectionRef], resolve: (r) => r.corrections }),
  }),
});

const PayslipBackPayRef = builder.objectRef<BackPayPeriod>('PayslipBackPay').implement({
  description: 'Back pay for an earlier month paid with this payslip.',
  fields: (t) => ({
    period: t.string({ description: 'The month corrected, YYYY-MM.', resolve: (p) => periodName(p.year, p.month) }),
    correctedPayslipId: t.exposeID('correctedPayslipId'),
    paidMonthly: t.field({ type: 'Decimal', resolve: (p) => p.paidMonthly }),
    dueMonthly: t.field({ type: 'Decimal', resolve: (p) => p.dueMonthly }),
    dueCaoVersionName: t.exposeString('dueCaoVersionName'),
    daysEmployed: t.exposeInt('daysEmployed'),
    daysInMonth: t.exposeInt('daysInMonth'),
    alreadyCorrected: t.field({ type: 'Decimal', resolve: (p) => p.alreadyCorrected }),
    amount: t.field({ type: 'Decimal', resolve: (p) => p.amount }),
    holidayAllowanceAlreadyPaidOut: t.exposeBoolean('holidayAllowanceAlreadyPaidOut', {
      description: "The month's holiday allowance was paid out already: the allowance over this back pay is paid now.",
    }),
  }),
});

builder.prismaObjectField('Payslip', 'backPay', (t) =>
  t.field({
    type: [PayslipBackPayRef],
    description: 'Back pay for earlier months paid with this payslip (retroactive corrections).',
    resolve: (p) => (p.calculation as unknown as PayrollCalculation).backPay?.periods ?? [],
  }),
);

builder.queryFields((t) => ({
  retroactiveCorrections: t.field({
    type: RetroactiveCorrectionsRef,
    description:
      "Back pay owed to a member's employees for approved or paid months, after a CAO version or statutory minimum " +
      'wage was published, or a yearly step increase applied, with an effective date in or before them. The next ' +
      'payroll run pays it.',
    args: { memberId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    resolve: async (_root, { memberId }, ctx) => ({ corrections: await outstandingBackPay(ctx, memberId) }),
  }),
}));
