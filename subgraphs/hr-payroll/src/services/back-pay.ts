import { parseCalendarDate } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { caoPublications, caoWages, type CaoPublication, type WageQuestion } from '../cao-client';
import { backPayFor } from '../domain/payroll/back-pay';
import { monthBounds, monthIndex, monthSlice } from '../domain/payroll/proration';
import type { BackPayInput, PayrollInput } from '../domain/payroll/types';
import { SETTLED } from '../data/payroll-runs';

/**
 * Retroactive corrections: which settled months (approved or paid) are owed back pay because,
 * AFTER the month was calculated, a CAO version or a statutory minimum wage was published with an
 * effective date inside or before it, or a yearly step increase was applied from a day inside or
 * before it. For those months only, the CAO service is asked again with the question frozen in
 * each payslip (scale, step, date, hours, age; the step as raised late, if it was), and the answer
 * is compared with what was paid (back-pay.ts has the rule). Months nothing changed for since are
 * not looked at: no question to the CAO service, no payslip read.
 */

export interface OutstandingBackPay extends BackPayInput {
  employeeId: string;
  employeeName: string;
  employmentId: string;
  correctedRunId: string;
  /** Wage for the month's days, paid then and due now; amount = due − paid − alreadyCorrected. */
  paidForDays: string;
  dueForDays: string;
  amount: string;
  /** What was published after the month was calculated that applies to it. */
  publishedSince: CaoPublication[];
  /** Step increases for the month applied after it was calculated. */
  lateStepChanges: LateStepChange[];
}

export interface LateStepChange {
  effectiveFrom: Date;
  fromStep: number;
  toStep: number;
  recordedAt: Date;
}

/** Publications that apply to a month and came after it was calculated. */
function publishedAfter(run: { year: number; month: number; calculatedAt: Date }, publications: CaoPublication[]) {
  const { first, last } = monthBounds(run.year, run.month);
  return publications.filter(
    (p) =>
      p.publishedAt > run.calculatedAt && p.effectiveFrom <= last && (p.effectiveTo === null || p.effectiveTo >= first),
  );
}

/**
 * Back pay owed to the member's employees for settled months, per employment and month. With
 * `before`, only months before that one (a run pays corrections of earlier months).
 */
export async function outstandingBackPay(
  ctx: HrContext,
  memberId: string,
  options: { before?: { year: number; month: number } } = {},
): Promise<OutstandingBackPay[]> {
  const runs = (
    await ctx.db.payrollRun.findMany({
      where: { memberId, ...SETTLED },
      select: { id: true, year: true, month: true, calculatedAt: true },
    })
  ).filter(
    (r) => !options.before || monthIndex(r.year, r.month) < monthIndex(options.before.year, options.before.month),
  );
  if (runs.length === 0) return [];
  const earliest = runs.reduce((min, r) => (r.calculatedAt < min ? r.calculatedAt : min), runs[0]!.calculatedAt);
  const [publications, stepChanges] = await Promise.all([
    caoPublications(ctx),
    ctx.db.stepChange.findMany({
      where: { memberId, recordedAt: { gt: earliest } },
      orderBy: [{ effectiveFrom: 'asc' }, { recordedAt: 'asc' }],
    }),
  ]);
  const affected = new Map<
    string,
    { run: (typeof runs)[number]; since: CaoPublication[]; steps: Map<string, LateStepChange[]> }
  >();
  for (const run of runs) {
    const since = publishedAfter(run, publications);
    const steps = new Map<string, LateStepChange[]>();
    for (const change of stepChanges) {
      if (change.recordedAt <= run.calculatedAt || change.effectiveFrom > monthBounds(run.year, run.month).last)
        continue;
      steps.set(change.employmentId, [...(steps.get(change.employmentId) ?? []), change]);
    }
    if (since.length || steps.size) affected.set(run.id, { run, since, steps });
  }
  if (affected.size === 0) return [];

  const payslips = await ctx.db.payslip.findMany({
    where: { runId: { in: [...affected.keys()] } },
    select: { id: true, runId: true, employeeId: true, employmentId: true, caoVersionName: true, inputs: true },
  });
  // Only payslips that kept the CAO question can be asked again (all since back pay exists).
  const askable = payslips.flatMap((p) => {
    const input = p.inputs as unknown as PayrollInput;
    const frozen = input.caoWage.request;
    const { since, steps } = affected.get(p.runId)!;
    const late = steps.get(p.employmentId) ?? [];
    // A former employee's payslip paid back pay only: no wage of that month to correct.
    const ended =
      input.employment.endDate !== null &&
      new Date(input.employment.endDate) < monthBounds(input.period.year, input.period.month).first;
    if (!frozen || ended || (since.length === 0 && late.length === 0)) return [];
    // The step on the day the wage was asked for: the latest late increase from that day or before.
    const on = parseCalendarDate(frozen.on)!;
    const raised = late.filter((c) => c.effectiveFrom <= on).at(-1);
    const request = raised ? { ...frozen, step: raised.toStep } : frozen;
    return [{ payslip: p, input, request, lateStepChanges: late }];
  });
  if (askable.length === 0) return [];

  // One question per distinct (scale, step, date, hours, age): employees share most of them.
  const keyOf = (r: (typeof askable)[number]['request']) => `${r.scale}|${r.step}|${r.on}|${r.hoursPerWeek}|${r.age}`;
  const distinct = new Map<string, WageQuestion>();
  for (const { request } of askable) {
    distinct.set(keyOf(request), { ...request, on: parseCalendarDate(request.on)! });
  }
  const keys = [...distinct.keys()];
  const answers = await caoWages(ctx, [...distinct.values()], 'payslips');
  const answerOf = new Map(keys.map((k, i) => [k, answers[i]!]));

  const [corrected, employees] = await Promise.all([
    ctx.db.payrollCorrection.groupBy({
      by: ['employmentId', 'periodYear', 'periodMonth'],
      where: {
        memberId,
        employmentId: { in: [...new Set(askable.map((a) => a.payslip.employmentId))] },
        payslip: { run: SETTLED },
      },
      _sum: { amount: true },
    }),
    ctx.db.employee.findMany({
      where: { id: { in: [...new Set(askable.map((a) => a.payslip.employeeId))] }, memberId },
      select: { id: true, firstName: true, lastName: true },
    }),
  ]);
  const correctedBefore = new Map(
    corrected.map((c) => [`${c.employmentId}|${c.periodYear}|${c.periodMonth}`, c._sum.amount?.toFixed(2) ?? '0.00']),
  );
  const nameOf = new Map(employees.map((e) => [e.id, `${e.firstName} ${e.lastName}`]));

  const outstanding: OutstandingBackPay[] = [];
  for (const { payslip, input, request, lateStepChanges } of askable) {
    const { run, since } = affected.get(payslip.runId)!;
    const due = answerOf.get(keyOf(request))!;
    // The month's pro rata as it was paid, from the frozen employment dates.
    const slice = monthSlice(run.year, run.month, {
      startDate: new Date(input.employment.startDate),
      endDate: input.employment.endDate === null ? null : new Date(input.employment.endDate),
    });
    const period: BackPayInput = {
      year: run.year,
      month: run.month,
      correctedPayslipId: payslip.id,
      paidCaoVersionName: payslip.caoVersionName,
      paidMonthly: input.caoWage.monthly,
      dueMonthly: due.monthly,
      dueCaoVersionId: due.version.id,
      dueCaoVersionName: due.version.name,
      daysEmployed: slice.daysEmployed,
      daysInMonth: slice.daysInMonth,
      alreadyCorrected: correctedBefore.get(`${payslip.employmentId}|${run.year}|${run.month}`) ?? '0.00',
    };
    const owed = backPayFor(period);
    if (!owed) continue;
    outstanding.push({
      ...period,
      employeeId: payslip.employeeId,
      employeeName: nameOf.get(payslip.employeeId) ?? '',
      employmentId: payslip.employmentId,
      correctedRunId: run.id,
      paidForDays: owed.paidForDays,
      dueForDays: owed.dueForDays,
      amount: owed.amount,
      publishedSince: since,
      lateStepChanges,
    });
  }
  return outstanding.sort(
    (a, b) =>
      a.employeeName.localeCompare(b.employeeName, 'nl') ||
      a.employmentId.localeCompare(b.employmentId) ||
      monthIndex(a.year, a.month) - monthIndex(b.year, b.month),
  );
}

/** The back pay a run pays per employment: the outstanding months, as calculation inputs. */
export function backPayByEmployment(outstanding: OutstandingBackPay[]): Map<string, BackPayInput[]> {
  const byEmployment = new Map<string, BackPayInput[]>();
  for (const o of outstanding) {
    const list = byEmployment.get(o.employmentId) ?? [];
    list.push({
      year: o.year,
      month: o.month,
      correctedPayslipId: o.correctedPayslipId,
      paidCaoVersionName: o.paidCaoVersionName,
      paidMonthly: o.paidMonthly,
      dueMonthly: o.dueMonthly,
      dueCaoVersionId: o.dueCaoVersionId,
      dueCaoVersionName: o.dueCaoVersionName,
      daysEmployed: o.daysEmployed,
      daysInMonth: o.daysInMonth,
      alreadyCorrected: o.alreadyCorrected,
    });
    byEmployment.set(o.employmentId, list);
  }
  return byEmployment;
}
