import { BadUserInputError, ConflictError } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { caoScaleMaxima, WageBook, type CaoWage, type WageQuestion } from '../cao-client';
import { backPayByEmployment, outstandingBackPay } from './back-pay';
import { timedPhase } from './phases';
import { stepQuestion } from './run-signals';
import { warmCalculationThreads } from './calculation-threads';
import type { BackPayInput, PayrollInput } from '../domain/payroll/types';
import { ageOn, birthdayWithin } from '../domain/employment';
import { monthBounds } from '../domain/payroll/proration';
import { Prisma } from '../generated/prisma/client';
import { runEmploymentsAfter, type RunEmployment } from '../data/run-employments';
import { SETTLED } from '../data/payroll-runs';
import { appraisalsByEmployment } from '../data/employments';
import { employeeIdIn, type EmployeeRange } from '../data/employee-range';
import { openingBalancesOfRun, type OpeningBalanceOfRun } from '../data/opening-balances';
import { annualWageRuns, type AnnualWageRuns } from './annual-wage-figures';
import { paidBeforePlatform } from '../domain/payroll/opening-balances';

/**
 * A month's first pass over a member's employments, before the run's transaction: what the run
 * needs (settings, back pay owed, opening balances, head count) and the CAO's answers to every
 * wage question of the month, asked at once. The second pass (payroll-page.ts, payroll-runs.ts)
 * reads the employments again a page at a time and answers from this plan.
 */

/** Small employer for the Aof rate: at most 25 employees (an approximation of the premium-wage test). */
const SMALL_EMPLOYER_MAX_EMPLOYEES = 25;

export function checkedPeriod(year: number, month: number) {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new BadUserInputError('month', 'A month is a number from 1 to 12.');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new BadUserInputError('year', `${year} is not a year payroll can run for.`);
  return monthBounds(year, month);
}

/** The member's latest settled run before the month, whose payslips carry over into it. */
const latestSettledRunBefore = (db: HrContext['db'], memberId: string, year: number, month: number) =>
  db.payrollRun.findFirst({
    where: { memberId, ...SETTLED, OR: [{ year: { lt: year } }, { year, month: { lt: month } }] },
    orderBy: [{ year: 'desc' }, { month: 'desc' }],
    select: { id: true, year: true },
  });

/** Employments read, calculated and stored at a time: memory stays flat, whatever the run's size. */
const PAGE_SIZE = 2000;

/** Where a run reads employments and history: the pool on PostgreSQL, the run's transaction on PGlite (one connection). */
export type Reads = HrContext['db'] | Prisma.TransactionClient;

/** What a month's run needs before its transaction: settings, back pay, opening balances, the CAO's answers. */
export interface MonthPlan {
  memberId: string;
  year: number;
  month: number;
  period: { first: Date; last: Date };
  settings: PayrollInput['settings'];
  backPay: Map<string, BackPayInput[]>;
  openings: Map<string, OpeningBalanceOfRun>;
  wages: WageBook;
  maxima: Map<number, number>;
  latest: { id: string; year: number } | null;
  /** The settled runs the annual wage for special payments is found from (annual-wage-figures.ts). */
  annualWageRuns: AnnualWageRuns;
}

export interface EmploymentPage {
  employments: RunEmployment[];
  /** Whose employments these are: what else the page reads is read for this range (two parameters, not a list). */
  range: EmployeeRange;
}

/**
 * A member's employments to pay this month (and former ones owed back pay), a page at a time by
 * employee (keyset, not offset), an employee's employments in one page in order of start. A month
 * the former payroll system paid (up to the opening balances' day) is not paid here again.
 * With `ahead`, the next page is asked for as soon as this one is in, so that the database finds
 * it while the caller works on this one (not on a PGlite transaction, whose one connection takes
 * one statement at a time).
 */
export async function* employmentPages(
  db: Reads,
  plan: Pick<MonthPlan, 'memberId' | 'year' | 'month' | 'period' | 'backPay' | 'openings'>,
  ahead = false,
): AsyncGenerator<EmploymentPage> {
  const backPayIds = [...plan.backPay.keys()];
  const read = (after: string | null) =>
    timedPhase('reading', PAGE_SIZE, () =>
      runEmploymentsAfter(db, plan.memberId, plan.period, backPayIds, after, PAGE_SIZE),
    );
  let after: string | null = null;
  let coming = read(after);
  for (;;) {
    const found = await coming;
    if (found.length === 0) return;
    let page = found;
    if (found.length === PAGE_SIZE) {
      // The last employee may have employments on the next page: they start the next page instead.
      const lastEmployee = found.at(-1)!.employeeId;
      const cut = found.findIndex((e) => e.employeeId === lastEmployee);
      if (cut > 0) page = found.slice(0, cut);
    }
    const range: EmployeeRange = { after, last: page.at(-1)!.employeeId };
    after = range.last;
    const more = found.length === PAGE_SIZE;
    if (more && ahead) {
      coming = read(after);
      // Awaited on the next turn; should the caller stop first, a failure is no unhandled rejection.
      coming.catch(() => {});
    }
    const employments = page.filter((e) => {
      const opening = plan.openings.get(e.employeeId);
      return !opening || !paidBeforePlatform(opening.figures.asOf, plan.year, plan.month) || plan.backPay.has(e.id);
    });
    yield { employments, range };
    if (!more) return;
    if (!ahead) coming = read(after);
  }
}

/** The CAO wage questions of an employment's month, and its birthday within the month if the age changes the wage. */
export function questionsOf(e: RunEmployment, period: { first: Date; last: Date }) {
  const { first, last } = period;
  // The CAO wage of the month's first day employed (a former employee's: their last day).
  const day = e.endDate !== null && e.endDate < first ? e.endDate : e.startDate > first ? e.startDate : first;
  const question: WageQuestion = {
    scale: e.caoScale,
    step: e.caoStep,
    on: day,
    hoursPerWeek: e.hoursPerWeek.toString(),
    age: ageOn(e.employee.birthDate, day),
  };
  // A birthday after the first day employed and up to the last: the wage of the new age is due from
  // that day on, so the CAO is asked for it too (README rule 2a); the month is split only if the
  // answer differs.
  const lastDay = e.endDate !== null && e.endDate < last ? e.endDate : last;
  const birthday = day < first ? null : birthdayWithin(e.employee.birthDate, day, lastDay);
  return {
    question,
    birthday,
    birthdayQuestion: birthday ? { ...question, on: birthday.on, age: birthday.age } : null,
  };
}

/**
 * Before the run's transaction: the member's settings, back pay owed, opening balances, and one
 * pass over the employments for the CAO questions (the month's wages, the birthdays', the steps
 * overdue increases lead to) and the head count, then the CAO asked once. Throws CONFLICT without
 * settings, BAD_USER_INPUT when the CAO refuses a question.
 */
export async function planMonth(ctx: HrContext, memberId: string, year: number, month: number): Promise<MonthPlan> {
  const period = checkedPeriod(year, month);
  const settings = await ctx.db.memberPayrollSettings.findUnique({ where: { memberId } });
  if (!settings) {
    throw new ConflictError('Set the pension premium percentages of this member first (payroll settings).');
  }
  // Back pay owed for earlier months (nothing to read unless the CAO published something since):
  // first, because a former employee owed some gets a payslip this month too.
  const backPay = backPayByEmployment(await outstandingBackPay(ctx, memberId, { before: { year, month } }));
  const openings = await openingBalancesOfRun(ctx.db, memberId, year, month);
  const wages = new WageBook();
  let maxima: Map<number, number> | null = null;
  let active = 0;
  const plan = { memberId, year, month, period, backPay, openings };
  // Outside a transaction: on PostgreSQL the next page comes from the pool while this one is worked on.
  for await (const { employments: page, range } of employmentPages(ctx.db, plan, true)) {
    // The second pass calculates pages this size: its threads start while this pass reads.
    warmCalculationThreads(page.length);
    const current = page.filter((e) => e.endDate === null || e.endDate >= period.first);
    active += current.length;
    // The CAO's scales are asked once there is someone to raise a step.
    if (current.length > 0 && maxima === null) maxima = await caoScaleMaxima(ctx, period.first);
    const appraisals =
      current.length > 0
        ? await timedPhase('reading', current.length, () =>
            appraisalsByEmployment(ctx.db, memberId, employeeIdIn(range)),
          )
        : new Map();
    for (const e of page) {
      const { question, birthdayQuestion } = questionsOf(e, period);
      wages.add(question);
      if (birthdayQuestion) wages.add(birthdayQuestion);
      const atStep = maxima && stepQuestion(e, question, { month: period, maxima, appraisals });
      if (atStep) wages.add(atStep);
    }
  }
  await wages.ask(ctx);
  // The tax office's decision when the member entered it; otherwise judged by head count.
  const smallEmployer = settings.aofSmallEmployer ?? active <= SMALL_EMPLOYER_MAX_EMPLOYEES;
  return {
    ...plan,
    settings: {
      pensionEmployeePercent: settings.pensionEmployeePercent.toString(),
      pensionEmployerPercent: settings.pensionEmployerPercent.toString(),
      smallEmployer,
      whkPercent: settings.whkPercent?.toString() ?? null,
    },
    wages,
    maxima: maxima ?? new Map(),
    latest: await latestSettledRunBefore(ctx.db, memberId, year, month),
    annualWageRuns: await annualWageRuns(ctx.db, memberId, year, month),
  };
}

/** The CAO's answer to a question of the first pass; the employments changed since if there is none. */
export function answerOf(plan: MonthPlan, question: WageQuestion): CaoWage {
  const answer = plan.wages.answer(question);
  if (!answer) throw new ConflictError('Employments changed while the payroll was calculated: calculate it again.');
  return answer;
}
