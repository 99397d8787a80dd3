import { BadUserInputError, formatCalendarDate, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { type CaoWage } from '../cao-client';
import { annualWageForSpecialPayments } from '../domain/payroll/annual-wage';
import { annualWageFigures, withOpeningBalance } from './annual-wage-figures';
import type { CalculatedPage, CalculationKept, PageToCalculate } from './calculate-all';
import { calculatePayslips } from './calculation-threads';
import { timedPhase } from './phases';
import {
  emptyYearToDate,
  type HolidayAllowanceAccrual,
  type PayrollInput,
  type YearToDate,
} from '../domain/payroll/types';
import { lkvApplicationOf } from '../domain/employment';
import type { Appraisal } from '../generated/prisma/client';
import { appraisalsByEmployment } from '../data/employments';
import { employeeIdIn, payslipsAndEmploymentsIn, type EmployeeRange } from '../data/employee-range';
import type { OpeningBalanceOfRun } from '../data/opening-balances';
import {
  answerOf,
  employmentPages,
  questionsOf,
  type EmploymentPage,
  type MonthPlan,
  type Reads,
} from './payroll-month';
import { openingYearToDate } from '../domain/payroll/opening-balances';

/**
 * One page of a run's second pass: what its employees carry over (history, annual-wage figures,
 * appraisals) read, every employment's input built from the month's plan, the payslips
 * calculated. Pure but for the reading, which `readPage` does apart so that a run can read the
 * next page while it calculates this one.
 */

export interface PayslipDraft {
  employeeId: string;
  employmentId: string;
  /** What the run's signals need of the input (run-signals.ts): the CAO question asked and its wage, the LKV application. */
  facts: SignalFacts;
  /** What the run needs of the calculation besides the stored rows: back pay paid, LKV. */
  calculation: CalculationKept;
}

/**
 * Of a payslip's input, what the run still needs once the page went to be calculated. Not the
 * input itself: held until the page is stored, a page's inputs outlived two collections of the
 * service's young generation, were copied into its old one and cost it major collections.
 */
export interface SignalFacts {
  caoWage: Pick<PayrollInput['caoWage'], 'request' | 'monthly'>;
  employment: Pick<PayrollInput['employment'], 'lkvApplication'>;
}

const signalFactsOf = (input: PayrollInput): SignalFacts => ({
  caoWage: { request: input.caoWage.request, monthly: input.caoWage.monthly },
  employment: { lkvApplication: input.employment.lkvApplication },
});

/** A page calculated: its payslips' drafts and new ids in the page's order, and the rows to store. */
export interface CalculatedRunPage {
  page: ReadPage;
  drafts: PayslipDraft[];
  ids: string[];
  rows: NonNullable<CalculatedPage['rows']>;
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

/** What a page's employees carry over from the latest settled run (`latest`), one query. */
async function history(db: Reads, latest: { id: string; year: number } | null, year: number, range: EmployeeRange) {
  const slips = new Map<string, CarriedOver>();
  if (latest) {
    // Only what carries over (payslip-rows.ts), not the whole payslip.
    const rows = await db.$queryRaw<{ employeeId: string; yearToDate: string; accrual: string }[]>`
      SELECT p.employee_id AS "employeeId",
             (p.carry_over -> 'yearToDateAfter')::text AS "yearToDate",
             (p.carry_over -> 'accrualAfter')::text AS "accrual"
      FROM payslip p JOIN employment e ON e.id = p.employment_id
      WHERE p.run_id = ${latest.id} AND ${payslipsAndEmploymentsIn(range)}
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

/** A page of employments with what the run reads for its employees. */
export interface ReadPage extends EmploymentPage {
  /** What each employee carries over from the latest settled run. */
  past: Awaited<ReturnType<typeof history>>;
  annualFigures: Awaited<ReturnType<typeof annualWageFigures>>;
  /** The page's appraisals by employment (for the step-increase signals). */
  appraisals: Map<string, Appraisal[]>;
}

/**
 * What a page's employees carry over: history, annual-wage figures and appraisals, for the
 * page's range of employees. One query after the other: on PGlite they share the run's
 * transaction.
 */
export async function readPage(db: Reads, plan: MonthPlan, page: EmploymentPage): Promise<ReadPage> {
  const { memberId, year } = plan;
  return timedPhase('reading', page.employments.length, async () => ({
    ...page,
    past: await history(db, plan.latest, year, page.range),
    annualFigures: await annualWageFigures(db, plan.annualWageRuns, page.range),
    appraisals: await appraisalsByEmployment(db, memberId, employeeIdIn(page.range)),
  }));
}

/**
 * The second pass's pages, each read with what its employees carry over (`readPage`). With
 * `ahead`, the next page is read while the caller works on this one (on PostgreSQL, where reads
 * go to the pool); without, one after the other (PGlite's one connection).
 */
export async function* readPages(db: Reads, plan: MonthPlan, ahead: boolean): AsyncGenerator<ReadPage> {
  const pages = employmentPages(db, plan, ahead);
  const next = async () => {
    const found = await pages.next();
    return found.done ? null : readPage(db, plan, found.value);
  };
  let coming = next();
  for (;;) {
    const page = await coming;
    if (!page) return;
    if (ahead) {
      coming = next();
      // Awaited with the next page; should the caller stop first, a failure is no unhandled rejection.
      coming.catch(() => {});
    }
    yield page;
    if (!ahead) coming = next();
  }
}

/**
 * A page's payslips: every employment's input built from the plan and what `readPage` read,
 * calculated and written as rows for `storage` (in a worker thread when the page is large).
 * Throws BAD_USER_INPUT naming the employee when one cannot be calculated.
 */
export async function calculatePage(
  plan: MonthPlan,
  page: ReadPage,
  run: { id: string; storage: PageToCalculate['storage'] },
): Promise<CalculatedRunPage> {
  const { employments, past, annualFigures } = page;
  const { year, month } = plan;
  const today = todayInNetherlands();
  let inputs: PayrollInput[] | null = employments.map((employment) => {
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
  const facts = inputs.map(signalFactsOf);
  const calculating = timedPhase('calculation', facts.length, () =>
    calculatePayslips({
      runId: run.id,
      memberId: plan.memberId,
      storage: run.storage,
      employments: employments.map(({ id, employeeId, startDate }) => ({ id, employeeId, startDate })),
      inputs: inputs!,
    }),
  );
  // The calculation has its own copy (a thread's) or is done with them (this thread's): let the
  // inputs die young (see SignalFacts).
  inputs = null;
  const calculated = await calculating;
  const drafts = calculated.outcomes.map((outcome, i): PayslipDraft => {
    const employment = employments[i]!;
    if ('error' in outcome) {
      const who = `${employment.employee.firstName} ${employment.employee.lastName}`;
      const field = outcome.error.field === null ? '' : `.${outcome.error.field}`;
      throw new BadUserInputError(`employment ${employment.id}${field}`, `${who}: ${outcome.error.message}`);
    }
    return {
      employeeId: employment.employeeId,
      employmentId: employment.id,
      facts: facts[i]!,
      calculation: outcome.calculation,
    };
  });
  return { page, drafts, ids: calculated.ids, rows: calculated.rows! };
}

/** Whether the CAO's answer from a birthday on changes the month's wage or its minimum. */
const wageDiffers = (a: CaoWage, b: CaoWage) =>
  a.monthly !== b.monthly || a.hourly !== b.hourly || a.minimumWage.hourly !== b.minimumWage.hourly;
