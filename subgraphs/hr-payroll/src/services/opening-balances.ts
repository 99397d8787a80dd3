import {
  BadUserInputError,
  ConflictError,
  exact,
  recordChange,
  todayInNetherlands,
  type Selection,
} from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import type { HrContext } from '../builder';
import { findManagedEmployee } from '../data/employees';
import { employmentsOverDay, firstSettledPayslips, ytdColumn } from '../data/opening-balances';
import {
  OPENING_YEAR_TO_DATE_FIELDS,
  openingBalanceProblems,
  type OpeningBalanceFigures,
  type OpeningBalanceProblem,
  type OpeningYearToDateField,
} from '../domain/payroll/opening-balances';
import { periodName } from '../domain/payroll/proration';
import type { OpeningBalance, Prisma } from '../generated/prisma/client';
import { actorOf } from './audit-log';

/*
 * Opening balances (README rule 11): entered per employee (`setOpeningBalances`) or for a whole
 * member from a CSV file (opening-balance-import.ts), changed or removed until the employee's first
 * approved or paid payslip here, every change in the audit log. The rules are in
 * domain/payroll/opening-balances.ts; payroll-runs.ts feeds them into the first month paid here.
 */

/** As the API takes them: amounts not given are not entered. */
export interface OpeningBalancesInput {
  asOf: Date;
  holidayAllowanceAccrued?: Decimal | null;
  holidayAllowanceAccruedOnWages?: Decimal | null;
  previousYearAnnualWage?: Decimal | null;
  yearToDate?: Partial<Record<OpeningYearToDateField, Decimal | null>> | null;
}

export type OpeningBalanceSelection = Selection<Prisma.OpeningBalanceInclude, Prisma.OpeningBalanceSelect>;

const orNull = (value: Decimal | null | undefined) => (value == null ? null : exact(value.toString()));

export const figuresOfInput = (input: OpeningBalancesInput): OpeningBalanceFigures => ({
  asOf: input.asOf,
  holidayAllowanceAccrued: orNull(input.holidayAllowanceAccrued),
  holidayAllowanceAccruedOnWages: orNull(input.holidayAllowanceAccruedOnWages),
  previousYearAnnualWage: orNull(input.previousYearAnnualWage),
  yearToDate: Object.fromEntries(OPENING_YEAR_TO_DATE_FIELDS.map((f) => [f, orNull(input.yearToDate?.[f])])),
});

/** The row's columns for checked figures. */
export const columnsOf = (figures: OpeningBalanceFigures) => ({
  asOf: figures.asOf,
  holidayAllowanceAccrued: figures.holidayAllowanceAccrued?.toFixed(2) ?? null,
  holidayAllowanceAccruedOnWages: figures.holidayAllowanceAccruedOnWages?.toFixed(2) ?? null,
  previousYearAnnualWage: figures.previousYearAnnualWage?.toFixed(2) ?? null,
  ...Object.fromEntries(
    OPENING_YEAR_TO_DATE_FIELDS.map((f) => [ytdColumn(f), figures.yearToDate[f]?.toFixed(2) ?? null]),
  ),
});

/** Why the employee's balances can no longer change: their first approved or paid payslip here. */
export const usedMessage = (used: { year: number; month: number; status: string }) =>
  `The opening balances have been used by the payroll of ${periodName(used.year, used.month)}, which is ${used.status.toLowerCase()}: ` +
  'they can no longer change (correct the figures through the payroll from here on).';

/**
 * What stops `figures` for these employees: their first payslip here settled, no employment over
 * `asOf`, the rules of the figures. Shared by the mutation and the import; three queries for any
 * number of employees.
 */
export async function problemsOf(
  db: Prisma.TransactionClient | HrContext['db'],
  entries: { employeeId: string; figures: OpeningBalanceFigures }[],
): Promise<OpeningBalanceProblem[][]> {
  const ids = entries.map((e) => e.employeeId);
  const asOfById = new Map(entries.map((e) => [e.employeeId, e.figures.asOf]));
  const [used, over] = await Promise.all([
    firstSettledPayslips(db, ids),
    employmentsOverDay(db, ids, (id) => asOfById.get(id)!),
  ]);
  const today = todayInNetherlands();
  return entries.map(({ employeeId, figures }) => {
    const settled = used.get(employeeId);
    if (settled) return [{ field: 'employeeId', message: usedMessage(settled) }];
    return openingBalanceProblems(figures, { today, employment: over(employeeId) });
  });
}

/** The balances as the audit log keeps them: amounts only, no personal data. */
const snapshot = (row: OpeningBalance | null) => (row === null ? undefined : row);

/**
 * Sets an employee's opening balances (all figures at once: one not given is not entered), of a
 * member the caller manages (else NOT_FOUND). Refused once the employee's first payslip here is
 * approved or paid.
 */
export function setOpeningBalances(
  ctx: HrContext,
  employeeId: string,
  input: OpeningBalancesInput,
  query: OpeningBalanceSelection,
) {
  const figures = figuresOfInput(input);
  return ctx.db.$transaction(async (tx) => {
    const employee = await findManagedEmployee(tx, ctx.identity, employeeId);
    const [problems] = await problemsOf(tx, [{ employeeId, figures }]);
    const problem = problems![0];
    if (problem?.field === 'employeeId') throw new ConflictError(problem.message);
    if (problem) throw new BadUserInputError(`input.${problem.field}`, problem.message);
    const before = await tx.openingBalance.findUnique({ where: { employeeId } });
    const data = { ...columnsOf(figures), memberId: employee.memberId, enteredBy: actorOf(ctx) };
    const after = await tx.openingBalance.upsert({
      where: { employeeId },
      create: { employeeId, ...data },
      update: data,
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: employee.memberId,
      action: before ? 'CHANGE_OPENING_BALANCES' : 'SET_OPENING_BALANCES',
      entityType: 'OpeningBalance',
      entityId: employeeId,
      before: snapshot(before),
      after,
    });
    return tx.openingBalance.findUniqueOrThrow({ ...query, where: { employeeId } });
  });
}

/** Removes an employee's opening balances (entered by mistake), until their first payslip here is approved or paid. */
export function removeOpeningBalances(ctx: HrContext, employeeId: string) {
  return ctx.db.$transaction(async (tx) => {
    const employee = await findManagedEmployee(tx, ctx.identity, employeeId);
    const before = await tx.openingBalance.findUnique({ where: { employeeId } });
    if (!before) return false;
    const used = (await firstSettledPayslips(tx, [employeeId])).get(employeeId);
    if (used) throw new ConflictError(usedMessage(used));
    await tx.openingBalance.delete({ where: { employeeId } });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: employee.memberId,
      action: 'REMOVE_OPENING_BALANCES',
      entityType: 'OpeningBalance',
      entityId: employeeId,
      before,
    });
    return true;
  });
}

/** An employee's opening balances, for whoever may see the employee (the schema checks). */
export const openingBalanceOf = (ctx: HrContext, employeeId: string, query: OpeningBalanceSelection) =>
  ctx.db.openingBalance.findUnique({ ...query, where: { employeeId } });
