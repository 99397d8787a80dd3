import {
  addYears,
  BadUserInputError,
  ConflictError,
  formatCalendarDate,
  recordChange,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import type { HrContext } from '../builder';
import { caoWage, caoWageBatched } from '../cao-client';
import { findManagedEmployee } from '../data/employees';
import { findManagedEmploymentWithEmployee, type EmploymentQuery } from '../data/employments';
import { ageOn, effectiveDay, periodsOverlap } from '../domain/employment';
import { stepSinceAfterManualChange } from '../domain/step-increase';
import type { ContractType, Employment, LkvKind, Prisma } from '../generated/prisma/client';
import { checkBranchOf } from '../members-client';
import * as check from '../validation';
import { actorOf } from './audit-log';

/** An employment as HR enters it (hiring, or a new period for an employee). */
export interface EmploymentInput {
  startDate: Date;
  endDate?: Date | null;
  contractType: ContractType;
  /** Default true. */
  writtenContract?: boolean | null;
  functionTitle: string;
  branchId?: string | null;
  caoScale: number;
  caoStep: number;
  hoursPerWeek: Decimal;
  /** Apply the loonheffingskorting here (default false). */
  applyTaxCredit?: boolean | null;
  jobAgreementRegister?: boolean | null;
  shelteredWork?: boolean | null;
  wageValuePercent?: Decimal | null;
  subsidyMunicipality?: string | null;
  lkv?: LkvKind | null;
  /** The day the target-group statement for the LKV was applied for (only with `lkv`). */
  lkvStatementRequestedOn?: Date | null;
}

/** A change to an employment: only the fields given change (`null` clears an optional one). */
export type EmploymentChanges = { [K in Exclude<keyof EmploymentInput, 'startDate'>]?: EmploymentInput[K] | null };

export type EmploymentFields = Omit<Prisma.EmploymentUncheckedCreateInput, 'employeeId' | 'memberId'> & {
  startDate: Date;
  endDate: Date | null;
};

/** An employment's period, for people: "1 March 2026 – open". */
export const describePeriod = (e: { startDate: Date; endDate: Date | null }) =>
  `${formatCalendarDate(e.startDate)} – ${e.endDate ? formatCalendarDate(e.endDate) : 'open'}`;

/**
 * The day the CAO confirms scale, step and hours on: the day that matters now: today while the
 * employment runs, its first day if it has not begun, its last day if it has ended. (An
 * employment that began before the first CAO version in the platform is checked today.)
 */
/**
 * Checks an employment's fields, all before anything is written: dates, hours, texts; a shop
 * (`branchId`) must be one of the employee's member in the members directory (asked only when
 * `checkBranch`: a shop already stored was checked then); the CAO service confirms scale, step
 * and hours.
 */
export async function checkedEmployment(
  ctx: HrContext,
  input: EmploymentInput,
  employer: { memberId: string; birthDate: Date },
  field: string,
  checkBranch = true,
): Promise<EmploymentFields> {
  const { birthDate } = employer;
  check.date(input.startDate, `${field}.startDate`, 'The start date', check.DATE_WINDOWS.work);
  const endDate = check.endDate(
    input.endDate,
    input.startDate,
    `${field}.endDate`,
    'The end date',
    check.DATE_WINDOWS.work,
  );
  if (ageOn(birthDate, input.startDate) < 15)
    throw new BadUserInputError(`${field}.startDate`, 'Employees must be at least 15 on their first day.');
  check.hoursPerWeek(input.hoursPerWeek, `${field}.hoursPerWeek`);
  const wageValuePercent =
    input.wageValuePercent == null
      ? null
      : check.percent(input.wageValuePercent, `${field}.wageValuePercent`, 'The wage value');
  const functionTitle = check.text(input.functionTitle, `${field}.functionTitle`, 'The function title');
  const subsidyMunicipality = check.optionalText(
    input.subsidyMunicipality,
    `${field}.subsidyMunicipality`,
    'The subsidising municipality',
    check.MAX_LENGTH.municipality,
  );
  const lkvStatementRequestedOn = checkedLkvRequest(input, `${field}.lkvStatementRequestedOn`);
  if (input.branchId != null && checkBranch)
    await checkBranchOf(ctx, employer.memberId, input.branchId, `${field}.branchId`);
  const on = effectiveDay({ startDate: input.startDate, endDate }, todayInNetherlands());
  await caoWage(
    ctx,
    {
      scale: input.caoScale,
      step: input.caoStep,
      on,
      hoursPerWeek: input.hoursPerWeek.toString(),
      age: ageOn(birthDate, on),
    },
    field,
  );
  return {
    startDate: input.startDate,
    endDate,
    contractType: input.contractType,
    writtenContract: input.writtenContract ?? true,
    functionTitle,
    branchId: input.branchId ?? null,
    caoScale: input.caoScale,
    caoStep: input.caoStep,
    hoursPerWeek: input.hoursPerWeek.toString(),
    applyTaxCredit: input.applyTaxCredit ?? false,
    jobAgreementRegister: input.jobAgreementRegister ?? false,
    shelteredWork: input.shelteredWork ?? false,
    wageValuePercent,
    subsidyMunicipality,
    lkv: input.lkv ?? null,
    lkvStatementRequestedOn,
  };
}

/**
 * The day the LKV's target-group statement was applied for: only with an LKV, not in the future,
 * and not more than a year before the start (a statement is asked for a job that is agreed).
 * A day after the deadline is accepted as a fact: the status then says MISSED.
 */
function checkedLkvRequest(input: EmploymentInput, field: string): Date | null {
  const on = input.lkvStatementRequestedOn ?? null;
  if (on === null) return null;
  check.date(on, field, 'The day the target-group statement was applied for', check.DATE_WINDOWS.work);
  if (!input.lkv)
    throw new BadUserInputError(
      field,
      'A target-group statement is recorded only for an employment with an LKV (set lkv too).',
    );
  if (on > todayInNetherlands())
    throw new BadUserInputError(
      field,
      'The target-group statement can only be recorded once it has been applied for: not a day in the future.',
    );
  if (on < addYears(input.startDate, -1))
    throw new BadUserInputError(
      field,
      `The target-group statement is applied for when the job is agreed: ${formatCalendarDate(on)} is more than a year before the start date.`,
    );
  return on;
}

/** An employee's employments may not overlap (`exceptId`: the one being changed). */
async function noOverlap(
  tx: Prisma.TransactionClient,
  employeeId: string,
  period: { startDate: Date; endDate: Date | null },
  exceptId?: string,
) {
  const others = await tx.employment.findMany({
    where: { employeeId, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  const clash = others.find((other) => periodsOverlap(other, period));
  if (clash) throw new ConflictError(`This overlaps the employment of ${describePeriod(clash)}; end that one first.`);
}

/** A new employment period for an employee of a member the caller manages (else NOT_FOUND). */
export async function addEmployment(
  ctx: HrContext,
  employeeId: string,
  input: EmploymentInput,
  query: EmploymentQuery,
) {
  const employee = await findManagedEmployee(ctx.db, ctx.identity, employeeId);
  const fields = await checkedEmployment(ctx, input, employee, 'input');
  return ctx.db.$transaction(async (tx) => {
    await noOverlap(tx, employeeId, fields);
    const employment = await tx.employment.create({
      data: { ...fields, employeeId, memberId: employee.memberId, stepSince: fields.startDate },
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: employment.memberId,
      action: 'ADD_EMPLOYMENT',
      entityType: 'Employment',
      entityId: employment.id,
      after: employment,
    });
    return tx.employment.findUniqueOrThrow({ ...query, where: { id: employment.id } });
  });
}

/** The stored employment with the given changes over it: what the changed employment would be. */
const merge = (current: Employment, input: EmploymentChanges) => ({
  startDate: current.startDate,
  endDate: input.endDate === undefined ? current.endDate : input.endDate,
  contractType: input.contractType ?? current.contractType,
  writtenContract: input.writtenContract ?? current.writtenContract,
  functionTitle: input.functionTitle ?? current.functionTitle,
  branchId: input.branchId === undefined ? current.branchId : input.branchId,
  caoScale: input.caoScale ?? current.caoScale,
  caoStep: input.caoStep ?? current.caoStep,
  hoursPerWeek: input.hoursPerWeek ?? current.hoursPerWeek,
  applyTaxCredit: input.applyTaxCredit ?? current.applyTaxCredit,
  jobAgreementRegister: input.jobAgreementRegister ?? current.jobAgreementRegister,
  shelteredWork: input.shelteredWork ?? current.shelteredWork,
  wageValuePercent: input.wageValuePercent === undefined ? current.wageValuePercent : input.wageValuePercent,
  subsidyMunicipality:
    input.subsidyMunicipality === undefined ? current.subsidyMunicipality : input.subsidyMunicipality,
  lkv: input.lkv === undefined ? current.lkv : input.lkv,
  // Without an LKV there is no statement to keep: clearing the LKV clears its request day.
  lkvStatementRequestedOn:
    input.lkvStatementRequestedOn !== undefined
      ? input.lkvStatementRequestedOn
      : input.lkv === null
        ? null
        : current.lkvStatementRequestedOn,
});

/**
 * Changes an employment of a member the caller manages (else NOT_FOUND), checked whole as if
 * new, and logged for payroll. A scale or step set by hand restarts the year towards the next
 * step increase.
 */
export async function updateEmployment(ctx: HrContext, id: string, input: EmploymentChanges, query: EmploymentQuery) {
  const current = await findManagedEmploymentWithEmployee(ctx.db, ctx.identity, id);
  const { employee, ...before } = current;
  const merged = merge(before, input);
  // The shop is asked about only when it changes: one stored earlier was checked then.
  const fields = await checkedEmployment(
    ctx,
    merged as EmploymentInput,
    employee,
    'input',
    input.branchId != null && input.branchId !== current.branchId,
  );
  return ctx.db.$transaction(async (tx) => {
    await noOverlap(tx, current.employeeId, { startDate: current.startDate, endDate: fields.endDate }, id);
    const after = await tx.employment.update({
      where: { id },
      data: { ...fields, ...stepSinceAfterManualChange(current, merged, todayInNetherlands()) },
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: current.memberId,
      action: 'UPDATE_EMPLOYMENT',
      entityType: 'Employment',
      entityId: id,
      before,
      after,
    });
    return tx.employment.findUniqueOrThrow({ ...query, where: { id } });
  });
}

/**
 * The CAO wage of an employment on a date (default today), for the employee's age then, as the
 * CAO service computes it (batched per request). `field` names the field asking, for errors.
 */
export async function employmentWage(
  ctx: HrContext,
  employment: Pick<Employment, 'caoScale' | 'caoStep' | 'hoursPerWeek'> & { employee: { birthDate: Date } },
  on: Date | null | undefined,
  field: string,
) {
  const day = on ?? todayInNetherlands();
  const age = ageOn(employment.employee.birthDate, day);
  const wage = await caoWageBatched(
    ctx,
    {
      scale: employment.caoScale,
      step: employment.caoStep,
      on: day,
      hoursPerWeek: employment.hoursPerWeek.toString(),
      age,
    },
    field,
  );
  return { ...wage, on: day, age };
}
