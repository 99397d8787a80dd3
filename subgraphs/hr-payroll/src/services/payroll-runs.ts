import { randomUUID } from 'node:crypto';
import {
  BadUserInputError,
  ConflictError,
  formatCalendarDate,
  recordChange,
  todayInNetherlands,
  transactionConnection,
} from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { caoScaleMaxima, WageBook, type CaoWage, type WageQuestion } from '../cao-client';
import { annualWageForSpecialPayments } from '../domain/payroll/annual-wage';
import { annualWageFigures, withOpeningBalance } from './annual-wage-figures';
import { backPayByEmployment, outstandingBackPay } from './back-pay';
import { calculateAll, type CalculationOutcome } from './calculate-all';
import type { StoredCalculation } from './explanation';
import { timedPhase } from './phases';
import { pageSignals, stepQuestion } from './run-signals';
import {
  copyPayslips,
  insertPayslips,
  orderSignals,
  storeBackPay,
  storeSignals,
  useFastCompression,
} from './payslip-storage';
import {
  emptyYearToDate,
  type BackPayInput,
  type HolidayAllowanceAccrual,
  type PayrollInput,
  type YearToDate,
} from '../domain/payroll/types';
import { ageOn, birthdayWithin, lkvApplicationOf } from '../domain/employment';
import { monthBounds, periodName } from '../domain/payroll/proration';
import { Prisma } from '../generated/prisma/client';
import { runEmploymentsAfter, type RunEmployment } from '../data/run-employments';
import { SETTLED } from '../data/payroll-runs';
import { appraisalsByEmployment } from '../data/employments';
import { employeeIdIn, inEmployeeRange, type EmployeeRange } from '../data/employee-range';
import { openingBalancesOfRun, type OpeningBalanceOfRun } from '../data/opening-balances';
import { timedPayrollRun } from './payroll-run-metrics';
import { openingYearToDate, paidBeforePlatform } from '../domain/payroll/opening-balances';

/**
 * Payroll runs: gather each employment's inputs (the CAO service's wage, settings, year to
 * date), calculate, and store the run with its payslips in one transaction, so that a run is
 * there whole or not at all. The CAO is asked before the transaction starts: no network call
 * holds database locks. Employments are read, calculated and stored a page at a time: a run holds
 * at most two pages of payslips, whatever its size (a sector's is 200,000).
 */

/** Small employer for the Aof rate: at most 25 employees (an approximation of the premium-wage test). */
const SMALL_EMPLOYER_MAX_EMPLOYEES = 25;

/**
 * A whole sector's run is stored in one transaction (all or nothing), which takes longer than
 * Prisma's default 5 s: allow minutes.
 */
const RUN_TRANSACTION = { maxWait: 30_000, timeout: 10 * 60_000 };

export interface PayslipDraft {
  employeeId: string;
  employmentId: string;
  input: PayrollInput;
  /** Without the explanation, which is recalculated on read (explanation.ts). */
  calculation: StoredCalculation;
}

export function checkedPeriod(year: number, month: number) {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new BadUserInputError('month', 'A month is a number from 1 to 12.');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new BadUserInputError('year', `${year} is not a year payroll can run for.`);
  return monthBounds(year, month);
}

/**
 * History for the month: each employee's latest settled payslip before it (year to date,
 * holiday allowance still reserved), from the member's latest settled run before this month.
 * (The annual wage for the special-payments table comes from annual-wage-figures.ts.)
 */
interface CarriedOver {
  yearToDateAfter: YearToDate;
  accrualAfter: HolidayAllowanceAccrual;
}

/** The member's latest settled run before the month, whose payslips carry over into it. */
const latestSettledRunBefore = (db: HrContext['db'], memberId: string, year: number, month: number) =>
  db.payrollRun.findFirst({
    where: { memberId, ...SETTLED, OR: [{ year: { lt: year } }, { year, month: { lt: month } }] },
    orderBy: [{ year: 'desc' }, { month: 'desc' }],
    select: { id: true, year: true },
  });

/** What a page's employees carry over from the latest settled run (`latest`), one query. */
async function history(db: Reads, latest: { id: string; year: number } | null, year: number, range: EmployeeRange) {
  const slips = new Map<string, CarriedOver>();
  if (latest) {
    // Only the two parts of each calculation that carry over, not the whole payslip.
    const rows = await db.$queryRaw<{ employeeId: string; yearToDate: string; accrual: string }[]>`
      SELECT p.employee_id AS "employeeId",
             (p.calculation -> 'yearToDateAfter')::text AS "yearToDate",
             (p.calculation -> 'holidayAllowance' -> 'accrualAfter')::text AS "accrual"
      FROM payslip p JOIN employment e ON e.id = p.employment_id
      WHERE p.run_id = ${latest.id} AND ${inEmployeeRange(Prisma.sql`p.employee_id`, range)}
      -- An employee's later employment carries the earlier one's totals: it comes last and counts.
      ORDER BY e.start_date, p.id`;
    for (const r of rows) {
      slips.set(r.employeeId, {
        yearToDateAfter: JSON.parse(r.yearToDate) as YearToDate,
        accrualAfter: JSON.parse(r.accrual) as HolidayAllowanceAccrual,
      });
    }
  }
  return (employeeId: string) => {
    const last = slips.get(employeeId);
    return {
      yearToDate: latest?.year === year && last ? last.yearToDateAfter : emptyYearToDate(),
      accrual: last?.accrualAfter ?? { reserved: '0.00', base: '0.00' },
    };
  };
}

/**
 * Where the employee's first month paid here starts (README rule 11): the opening balances the
 * member entered, instead of zero: the year to date of the year of `asOf`, and the holiday
 * allowance reserved (kept apart in the accrual, so the payout can say so).
 */
function startingPoint(
  history: { yearToDate: YearToDate; accrual: HolidayAllowanceAccrual },
  opening: OpeningBalanceOfRun | undefined,
  year: number,
) {
  if (!opening?.first) return history;
  const { asOf, holidayAllowanceAccrued: accrued, holidayAllowanceAccruedOnWages: onWages } = opening.figures;
  return {
    yearToDate: openingYearToDate(opening.figures, year),
    accrual:
      accrued === null || accrued.isZero()
        ? { reserved: '0.00', base: '0.00' }
        : {
            reserved: accrued.toFixed(2),
            base: '0.00',
            opening: {
              reserved: accrued.toFixed(2),
              base: onWages?.toFixed(2) ?? null,
              asOf: formatCalendarDate(asOf),
            },
          },
  };
}

/** Employments read, calculated and stored at a time: memory stays flat, whatever the run's size. */
const PAGE_SIZE = 2000;

/** Where a run reads employments and history: the pool on PostgreSQL, the run's transaction on PGlite (one connection). */
type Reads = HrContext['db'] | Prisma.TransactionClient;

/**
 * Calculates (or recalculates, while not approved) a member's payroll for a month and stores it
 * as the month's run. A first pass over the employments collects the CAO questions, asked before
 * the run's transaction; the second, in it, calculates and stores a page at a time.
 */
export async function calculatePayrollRun(ctx: HrContext, memberId: string, year: number, month: number) {
  return timedPayrollRun(async () => storeRun(ctx, await planMonth(ctx, memberId, year, month)));
}

/** What a month's run needs before its transaction: settings, back pay, opening balances, the CAO's answers. */
interface MonthPlan {
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
}

interface EmploymentPage {
  employments: RunEmployment[];
  /** Whose employments these are: what else the page reads is read for this range (two parameters, not a list). */
  range: EmployeeRange;
}

/**
 * A member's employments to pay this month (and former ones owed back pay), a page at a time by
 * employee (keyset, not offset), an employee's employments in one page in order of start. A month
 * the former payroll system paid (up to the opening balances' day) is not paid here again.
 */
async function* employmentPages(
  db: Reads,
  plan: Pick<MonthPlan, 'memberId' | 'year' | 'month' | 'period' | 'backPay' | 'openings'>,
): AsyncGenerator<EmploymentPage> {
  const backPayIds = [...plan.backPay.keys()];
  let after: string | null = null;
  for (;;) {
    const found = await timedPhase('reading', PAGE_SIZE, () =>
      runEmploymentsAfter(db, plan.memberId, plan.period, backPayIds, after, PAGE_SIZE),
    );
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
    const employments = page.filter((e) => {
      const opening = plan.openings.get(e.employeeId);
      return !opening || !paidBeforePlatform(opening.figures.asOf, plan.year, plan.month) || plan.backPay.has(e.id);
    });
    yield { employments, range };
    if (found.length < PAGE_SIZE) return;
  }
}

/** The CAO wage questions of an employment's month, and its birthday within the month if the age changes the wage. */
function questionsOf(e: RunEmployment, period: { first: Date; last: Date }) {
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
async function planMonth(ctx: HrContext, memberId: string, year: number, month: number): Promise<MonthPlan> {
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
  for await (const { employments: page, range } of employmentPages(ctx.db, plan)) {
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
  };
}

/** The CAO's answer to a question of the first pass; the employments changed since if there is none. */
function answerOf(plan: MonthPlan, question: WageQuestion): CaoWage {
  const answer = plan.wages.answer(question);
  if (!answer) throw new ConflictError('Employments changed while the payroll was calculated: calculate it again.');
  return answer;
}

/**
 * A page's payslips: its employees' history and annual-wage figures read, every employment's
 * input built from the plan, calculated. Throws BAD_USER_INPUT naming the employee when one
 * cannot be calculated.
 */
async function calculatePage(db: Reads, plan: MonthPlan, employments: RunEmployment[], range: EmployeeRange) {
  const { memberId, year, month } = plan;
  // One query after the other: on PGlite they share the run's transaction.
  const { past, annualFigures } = await timedPhase('reading', employments.length, async () => ({
    past: await history(db, plan.latest, year, range),
    annualFigures: await annualWageFigures(db, memberId, year, month, range),
  }));
  const today = todayInNetherlands();
  const inputs: PayrollInput[] = employments.map((employment) => {
    const { question, birthday, birthdayQuestion } = questionsOf(employment, plan.period);
    const cao = answerOf(plan, question);
    const fromBirthday = birthdayQuestion ? answerOf(plan, birthdayQuestion) : null;
    const opening = plan.openings.get(employment.employeeId);
    const before = startingPoint(past(employment.employeeId), opening, year);
    // The annual wage for the special-payments table (README rule 3a), an opening balance first (rule 11).
    const figures = withOpeningBalance(annualFigures(employment.employeeId), opening, year);
    const annual = annualWageForSpecialPayments({
      openingBalance: figures.openingBalance,
      previousYear: figures.previousYear,
      firstPeriod: figures.firstPeriod ?? {
        monthly: cao.monthly,
        pensionEmployeePercent: plan.settings.pensionEmployeePercent,
        holidayAllowancePercent: cao.version.holidayAllowance.percent,
      },
    });
    return {
      period: { year, month },
      employment: {
        startDate: employment.startDate,
        endDate: employment.endDate,
        hoursPerWeek: employment.hoursPerWeek.toString(),
        contractType: employment.contractType,
        writtenContract: employment.writtenContract,
        applyTaxCredit: employment.applyTaxCredit,
        lkv: employment.lkv,
        ...(employment.lkv ? { lkvApplication: lkvApplicationOf(employment, today) } : {}),
      },
      caoWage: {
        monthly: cao.monthly,
        hourly: cao.hourly,
        caoVersionId: cao.version.id,
        caoVersionName: cao.version.name,
        minimumWageHourly: cao.minimumWage.hourly,
        holidayAllowancePercent: cao.version.holidayAllowance.percent,
        fullTimeHoursPerWeek: cao.version.fullTimeHoursPerWeek,
        holidayAllowancePaymentMonth: cao.version.holidayAllowance.paymentMonth,
        holidayAllowanceAccrualStartMonth: cao.version.holidayAllowance.accrualStartMonth,
        request: { ...question, on: formatCalendarDate(question.on) },
        fromBirthday:
          birthday && fromBirthday && wageDiffers(cao, fromBirthday)
            ? {
                on: birthday.on,
                age: birthday.age,
                monthly: fromBirthday.monthly,
                hourly: fromBirthday.hourly,
                minimumWageHourly: fromBirthday.minimumWage.hourly,
                caoVersionId: fromBirthday.version.id,
                caoVersionName: fromBirthday.version.name,
                request: { ...question, on: formatCalendarDate(birthday.on), age: birthday.age },
              }
            : null,
      },
      settings: { ...plan.settings },
      yearToDate: before.yearToDate,
      holidayAllowanceAccrual: before.accrual,
      previousYearAnnualWage: annual.annualWage,
      previousYearAnnualWageBasis: annual.basis,
      backPay: plan.backPay.get(employment.id) ?? [],
      ...(opening?.first ? { openingBalanceAsOf: formatCalendarDate(opening.figures.asOf) } : {}),
    };
  });
  const outcomes = await calculateInOrder(employments, inputs);
  return outcomes.map((outcome, i): PayslipDraft => {
    const employment = employments[i]!;
    if ('error' in outcome) {
      const who = `${employment.employee.firstName} ${employment.employee.lastName}`;
      const field = outcome.error.field === null ? '' : `.${outcome.error.field}`;
      throw new BadUserInputError(`employment ${employment.id}${field}`, `${who}: ${outcome.error.message}`);
    }
    return {
      employeeId: employment.employeeId,
      employmentId: employment.id,
      input: inputs[i]!,
      calculation: outcome.calculation,
    };
  });
}

/**
 * Calculates the month's payslips. An employee with two employments in one month (a contract
 * that ends and a new one that starts) has them calculated one after the other, in order of
 * start: the later one carries on from the earlier one's year to date and holiday allowance
 * reserved, as one employee at one employer. Everyone else in one go.
 */
async function calculateInOrder(
  employments: { id: string; employeeId: string; startDate: Date }[],
  inputs: PayrollInput[],
): Promise<CalculationOutcome[]> {
  const byEmployee = new Map<string, number[]>();
  employments.forEach((e, i) => byEmployee.set(e.employeeId, [...(byEmployee.get(e.employeeId) ?? []), i]));
  const chains = [...byEmployee.values()].map((chain) =>
    chain.sort((a, b) => employments[a]!.startDate.getTime() - employments[b]!.startDate.getTime()),
  );
  const outcomes: CalculationOutcome[] = new Array(inputs.length);
  for (let position = 0; chains.some((chain) => chain.length > position); position++) {
    const pass = chains.filter((chain) => chain.length > position);
    const indexes = pass.map((chain) => chain[position]!);
    pass.forEach((chain, k) => {
      const earlier = position > 0 ? outcomes[chain[position - 1]!] : undefined;
      if (earlier && 'calculation' in earlier) {
        const input = inputs[indexes[k]!]!;
        input.yearToDate = earlier.calculation.yearToDateAfter;
        input.holidayAllowanceAccrual = earlier.calculation.holidayAllowance.accrualAfter;
      }
    });
    const results = await calculateAll(indexes.map((i) => inputs[i]!));
    indexes.forEach((i, k) => (outcomes[i] = results[k]!));
  }
  return outcomes;
}

/** Whether the CAO's answer from a birthday on changes the month's wage or its minimum. */
const wageDiffers = (a: CaoWage, b: CaoWage) =>
  a.monthly !== b.monthly || a.hourly !== b.hourly || a.minimumWage.hourly !== b.minimumWage.hourly;

/**
 * Payslips are stored with COPY on PostgreSQL and a multi-row INSERT on PGlite;
 * `HR_PAYROLL_PAYSLIP_STORAGE=insert` takes the INSERT on PostgreSQL too (to measure one against
 * the other: `pnpm bench:payroll`).
 */
const copyWanted = () => process.env.HR_PAYROLL_PAYSLIP_STORAGE !== 'insert';

/**
 * Calculates and stores the month's run (new, or replacing a calculated one) in one transaction,
 * a page of employments at a time: a run is there whole or not at all, and holds no more than two
 * pages of payslips in memory. On PostgreSQL the next page is read (from the pool) and calculated
 * while the last is stored; one statement at a time on the transaction's connection.
 */
async function storeRun(ctx: HrContext, plan: MonthPlan) {
  const { memberId, year, month } = plan;
  const actor = ctx.identity!.userId;
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.payrollRun.findUnique({ where: { memberId_year_month: { memberId, year, month } } });
    if (existing && existing.status !== 'CALCULATED') {
      throw new ConflictError(
        `The payroll of ${periodName(year, month)} is ${existing.status.toLowerCase()} and can no longer be recalculated.`,
      );
    }
    const run = existing
      ? await tx.payrollRun.update({
          where: { id: existing.id },
          data: { calculatedBy: actor, calculatedAt: new Date() },
        })
      : // A second calculation of the same month at the same time fails here on the unique key: CONFLICT.
        await tx.payrollRun.create({
          data: { memberId, year, month, calculatedBy: actor, calculatedAt: new Date() },
        });
    if (existing) {
      await tx.payslip.deleteMany({ where: { runId: run.id } });
      await tx.payrollRunSignal.deleteMany({ where: { runId: run.id } });
    }
    await useFastCompression(tx);
    const connection = await transactionConnection(ctx.db, tx);
    const copy = connection !== null && copyWanted() ? connection : null;
    // PGlite has one connection, which the transaction holds: everything goes through it, in turn.
    const reads: Reads = connection ? ctx.db : tx;
    const counts = { payslips: 0, signals: 0 };
    let storing: Promise<void> = Promise.resolve();
    try {
      for await (const { employments, range } of employmentPages(reads, plan)) {
        const drafts = await calculatePage(reads, plan, employments, range);
        const byId = new Map(employments.map((e) => [e.id, e]));
        const signals = pageSignals(
          drafts.map((draft) => ({ draft, employment: byId.get(draft.employmentId)! })),
          {
            month: plan.period,
            maxima: plan.maxima,
            appraisals: await timedPhase('reading', employments.length, () =>
              appraisalsByEmployment(reads, memberId, employeeIdIn(range)),
            ),
          },
          (question) => answerOf(plan, question),
        );
        const position = counts.signals;
        counts.payslips += drafts.length;
        counts.signals += signals.length;
        await timedPhase('storage-wait', 0, () => storing);
        storing = timedPhase('storage', drafts.length, async () => {
          const ids = drafts.map(() => randomUUID());
          if (copy) await copyPayslips(copy, run.id, memberId, drafts, ids);
          else await insertPayslips(tx, run.id, memberId, drafts, ids);
          await storeBackPay(tx, run.id, memberId, drafts, ids);
          await storeSignals(tx, run.id, memberId, signals, position);
        });
        // Awaited with the next page; until then a failure must not count as an unhandled rejection.
        storing.catch(() => {});
        if (!connection) await timedPhase('storage-wait', 0, () => storing);
      }
      await timedPhase('storage-wait', 0, () => storing);
    } finally {
      // Nothing may still be sent on the connection when the transaction ends (a failure rolls back).
      await storing.catch(() => {});
    }
    await orderSignals(tx, run.id);
    await recordChange(tx, {
      actorId: actor,
      memberId,
      action: existing ? 'RECALCULATE_PAYROLL_RUN' : 'CALCULATE_PAYROLL_RUN',
      entityType: 'PayrollRun',
      entityId: run.id,
      before: existing ?? undefined,
      after: { ...run, signals: counts.signals, payslips: counts.payslips, period: `${year}-${month}` },
    });
    return run;
  }, RUN_TRANSACTION);
}
