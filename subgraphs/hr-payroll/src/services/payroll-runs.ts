import { randomUUID } from 'node:crypto';
import {
  BadUserInputError,
  ConflictError,
  formatCalendarDate,
  recordChange,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { caoWages, type CaoWage } from '../cao-client';
import { annualWageForSpecialPayments } from '../domain/payroll/annual-wage';
import { annualWageFigures, withOpeningBalance } from './annual-wage-figures';
import { backPayByEmployment, outstandingBackPay } from './back-pay';
import { calculateAll, type CalculationOutcome } from './calculate-all';
import type { StoredCalculation } from './explanation';
import { timedPhase } from './phases';
import { runSignals } from './run-signals';
import type { RunSignal } from '../domain/run-signals';
import { insertPayslips, storeBackPay, storeSignals } from './payslip-storage';
import {
  emptyYearToDate,
  type HolidayAllowanceAccrual,
  type PayrollInput,
  type YearToDate,
} from '../domain/payroll/types';
import { ageOn, birthdayWithin, lkvApplicationOf } from '../domain/employment';
import { monthBounds, periodName } from '../domain/payroll/proration';
import type { Employment, Prisma } from '../generated/prisma/client';
import { SETTLED } from '../data/payroll-runs';
import { openingBalancesOfRun, type OpeningBalanceOfRun } from '../data/opening-balances';
import { timedPayrollRun } from './payroll-run-metrics';
import { openingYearToDate, paidBeforePlatform } from '../domain/payroll/opening-balances';

/**
 * Payroll runs: gather each employment's inputs (the CAO service's wage, settings, year to
 * date), calculate, and store the run with its payslips in one transaction, so that a run is
 * there whole or not at all. The CAO is asked before the transaction starts: no network call
 * holds database locks.
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

async function history(db: HrContext['db'], memberId: string, year: number, month: number) {
  const runBefore = (where: Prisma.PayrollRunWhereInput) =>
    db.payrollRun.findFirst({
      where: { memberId, ...SETTLED, ...where },
      orderBy: [{ year: 'desc' }, { month: 'desc' }],
    });
  const latest = await runBefore({ OR: [{ year: { lt: year } }, { year, month: { lt: month } }] });
  // Only the two parts of each calculation that carry over, not the whole payslip (a sector's
  // run is 20,000 of them).
  const slipsOf = async (run: { id: string } | null) => {
    if (!run) return new Map<string, CarriedOver>();
    const rows = await db.$queryRaw<{ employeeId: string; yearToDate: string; accrual: string }[]>`
      SELECT p.employee_id AS "employeeId",
             (p.calculation -> 'yearToDateAfter')::text AS "yearToDate",
             (p.calculation -> 'holidayAllowance' -> 'accrualAfter')::text AS "accrual"
      FROM payslip p JOIN employment e ON e.id = p.employment_id
      WHERE p.run_id = ${run.id}
      -- An employee's later employment carries the earlier one's totals: it comes last and counts.
      ORDER BY e.start_date, p.id`;
    return new Map(
      rows.map((r): [string, CarriedOver] => [
        r.employeeId,
        {
          yearToDateAfter: JSON.parse(r.yearToDate) as YearToDate,
          accrualAfter: JSON.parse(r.accrual) as HolidayAllowanceAccrual,
        },
      ]),
    );
  };
  const latestSlips = await slipsOf(latest);
  return (employeeId: string) => {
    const last = latestSlips.get(employeeId);
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

/**
 * Calculates (or recalculates, while not approved) a member's payroll for a month and stores it
 * as the month's run. The CAO service is asked first, outside the run's transaction.
 */
export async function calculatePayrollRun(ctx: HrContext, memberId: string, year: number, month: number) {
  return timedPayrollRun(async () => {
    const { drafts, employments } = await calculateMonth(ctx, memberId, year, month);
    const signals = await runSignals(ctx, memberId, checkedPeriod(year, month), employments, drafts);
    return storeRun(ctx, memberId, year, month, drafts, signals);
  });
}

/**
 * Every active employment's payslip for the month (and the employments), throws BAD_USER_INPUT
 * naming the employee when one cannot be calculated.
 */
export async function calculateMonth(
  ctx: HrContext,
  memberId: string,
  year: number,
  month: number,
): Promise<{ drafts: PayslipDraft[]; employments: Employment[] }> {
  const { first, last } = checkedPeriod(year, month);
  const settings = await ctx.db.memberPayrollSettings.findUnique({ where: { memberId } });
  if (!settings) {
    throw new ConflictError('Set the pension premium percentages of this member first (payroll settings).');
  }
  // Back pay owed for earlier months (nothing to read unless the CAO published something since):
  // first, because a former employee owed some gets a payslip this month too.
  const backPay = backPayByEmployment(await outstandingBackPay(ctx, memberId, { before: { year, month } }));
  const openings = await openingBalancesOfRun(ctx.db, memberId, year, month);
  const found = await ctx.db.employment.findMany({
    where: {
      memberId,
      OR: [
        { startDate: { lte: last }, OR: [{ endDate: null }, { endDate: { gte: first } }] },
        { id: { in: [...backPay.keys()] } },
      ],
    },
    include: { employee: true },
    orderBy: { id: 'asc' },
  });
  // A month the former payroll system paid (up to the opening balances' day) is not paid here again.
  const employments = found.filter((e) => {
    const opening = openings.get(e.employeeId);
    return !opening || !paidBeforePlatform(opening.figures.asOf, year, month) || backPay.has(e.id);
  });
  const active = employments.filter((e) => e.endDate === null || e.endDate >= first).length;
  // The tax office's decision when the member entered it; otherwise judged by head count.
  const smallEmployer = settings.aofSmallEmployer ?? active <= SMALL_EMPLOYER_MAX_EMPLOYEES;
  // The CAO wage of the month's first day employed (a former employee's: their last day).
  const days = employments.map((e) =>
    e.endDate !== null && e.endDate < first ? e.endDate : e.startDate > first ? e.startDate : first,
  );
  const questions = employments.map((e, i) => ({
    scale: e.caoScale,
    step: e.caoStep,
    on: days[i]!,
    hoursPerWeek: e.hoursPerWeek.toString(),
    age: ageOn(e.employee.birthDate, days[i]!),
  }));
  // A birthday after the first day employed and up to the last: the wage of the new age is due from
  // that day on, so the CAO is asked for it too (README rule 2a); the month is split only if the
  // answer differs.
  const birthdays = employments.map((e, i) => {
    const lastDay = e.endDate !== null && e.endDate < last ? e.endDate : last;
    return days[i]! < first ? null : birthdayWithin(e.employee.birthDate, days[i]!, lastDay);
  });
  const birthdayQuestions = birthdays.flatMap((b, i) => (b ? [{ ...questions[i]!, on: b.on, age: b.age }] : []));
  // One question to the CAO service for the whole month, and the history in three queries.
  const [answers, past, annualFigures] = await Promise.all([
    caoWages(ctx, [...questions, ...birthdayQuestions]),
    history(ctx.db, memberId, year, month),
    annualWageFigures(ctx.db, memberId, year, month),
  ]);
  let nextBirthdayAnswer = questions.length;
  const today = todayInNetherlands();
  const inputs: PayrollInput[] = employments.map((employment, i) => {
    const cao = answers[i]!;
    const opening = openings.get(employment.employeeId);
    const before = startingPoint(past(employment.employeeId), opening, year);
    const birthday = birthdays[i];
    const fromBirthday = birthday ? answers[nextBirthdayAnswer++]! : null;
    const settingsOf = {
      pensionEmployeePercent: settings.pensionEmployeePercent.toString(),
      pensionEmployerPercent: settings.pensionEmployerPercent.toString(),
      smallEmployer,
      whkPercent: settings.whkPercent?.toString() ?? null,
    };
    // The annual wage for the special-payments table (README rule 3a), an opening balance first (rule 11).
    const figures = withOpeningBalance(annualFigures(employment.employeeId), opening, year);
    const annual = annualWageForSpecialPayments({
      openingBalance: figures.openingBalance,
      previousYear: figures.previousYear,
      firstPeriod: figures.firstPeriod ?? {
        monthly: cao.monthly,
        pensionEmployeePercent: settingsOf.pensionEmployeePercent,
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
        request: { ...questions[i]!, on: formatCalendarDate(questions[i]!.on) },
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
                request: { ...questions[i]!, on: formatCalendarDate(birthday.on), age: birthday.age },
              }
            : null,
      },
      settings: settingsOf,
      yearToDate: before.yearToDate,
      holidayAllowanceAccrual: before.accrual,
      previousYearAnnualWage: annual.annualWage,
      previousYearAnnualWageBasis: annual.basis,
      backPay: backPay.get(employment.id) ?? [],
      ...(opening?.first ? { openingBalanceAsOf: formatCalendarDate(opening.figures.asOf) } : {}),
    };
  });
  const outcomes = await calculateInOrder(employments, inputs);
  const drafts = outcomes.map((outcome, i) => {
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
  return { drafts, employments };
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

/** Stores a calculation as the member's run for the month (new, or replacing a calculated one). */
export async function storeRun(
  ctx: HrContext,
  memberId: string,
  year: number,
  month: number,
  drafts: PayslipDraft[],
  signals: RunSignal[] = [],
) {
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
    const payslipIds = drafts.map(() => randomUUID());
    await timedPhase('storage', drafts.length, () => insertPayslips(tx, run.id, memberId, drafts, payslipIds));
    await storeBackPay(tx, run.id, memberId, drafts, payslipIds);
    await storeSignals(tx, run.id, memberId, signals);
    await recordChange(tx, {
      actorId: actor,
      memberId,
      action: existing ? 'RECALCULATE_PAYROLL_RUN' : 'CALCULATE_PAYROLL_RUN',
      entityType: 'PayrollRun',
      entityId: run.id,
      before: existing ?? undefined,
      after: { ...run, signals: signals.length, payslips: drafts.length, period: `${year}-${month}` },
    });
    return run;
  }, RUN_TRANSACTION);
}
