import { addMonths, formatCalendarDate } from '@samen-sterk/subgraph-runtime/pure';
import { awfClass, type AwfClass } from './payroll/premiums';
import type { ContractType, LkvApplicationStatus } from './payroll/types';

export type { LkvApplicationStatus };

/** Unemployment premium (AWf) class: one rule, in the payroll calculation (domain/payroll/premiums.ts). */
export type UnemploymentPremiumClass = AwfClass;
export const unemploymentPremiumClass = (employment: { contractType: ContractType; writtenContract: boolean }) =>
  awfClass(employment.contractType, employment.writtenContract).awfClass;

/** Age in whole years on a date (a birthday on 29 February counts on 28 February). */
export function ageOn(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const birthday = addMonths(birthDate, age * 12);
  if (birthday > on) age--;
  return age;
}

/**
 * The birthday after `from` up to and including `to`, with the age reached on it; null when there
 * is none. On that day a youth's higher minimum wage is due (Wet minimumloon en
 * minimumvakantiebijslag: the claim is for the work of an employee who has reached the age), so a
 * month is split there (domain/payroll/README.md, rule 2a). A birthday on `from` itself is not
 * "after": the age on `from` already counts it. Same calendar as `ageOn` (29 February → 28 February).
 */
export function birthdayWithin(birthDate: Date, from: Date, to: Date): { on: Date; age: number } | null {
  const age = ageOn(birthDate, from) + 1;
  const on = addMonths(birthDate, age * 12);
  return on > from && on <= to ? { on, age } : null;
}

/**
 * Wage-cost benefit (LKV): the employer needs the employee's target-group statement
 * (doelgroepverklaring LKV, from UWV, or the municipality for someone aged 56 or over on its
 * benefit), applied for within three months of the first day of work. Without it, or applied
 * for later, there is no LKV for that employment (Wet tegemoetkomingen loondomein, chapter 2; the
 * statement is needed for the job-agreement LKV too, even when the employee is in the
 * doelgroepregister). The deadline is counted in calendar months, end-of-month clamped.
 *
 * - REQUESTED: applied for on or before the deadline (a request made before the start counts).
 * - OPEN / DUE_SOON: not applied for yet, the deadline still ahead (DUE_SOON: two weeks or less).
 * - MISSED: not applied for and the deadline passed, or applied for after it.
 */
export const LKV_APPLICATION_MONTHS = 3;
export const LKV_WARNING_DAYS = 14;

export const lkvApplicationDeadline = (startDate: Date) => addMonths(startDate, LKV_APPLICATION_MONTHS);

export function lkvApplicationStatus(
  startDate: Date,
  today: Date,
  requestedOn: Date | null = null,
): LkvApplicationStatus {
  const deadline = lkvApplicationDeadline(startDate);
  if (requestedOn) return requestedOn <= deadline ? 'REQUESTED' : 'MISSED';
  if (today > deadline) return 'MISSED';
  const warnFrom = new Date(deadline.getTime() - LKV_WARNING_DAYS * 86_400_000);
  return today >= warnFrom ? 'DUE_SOON' : 'OPEN';
}

/** The status and deadline as a payroll run freezes them in its inputs (judged on `today`). */
export const lkvApplicationOf = (
  employment: { startDate: Date; lkvStatementRequestedOn: Date | null },
  today: Date,
) => ({
  status: lkvApplicationStatus(employment.startDate, today, employment.lkvStatementRequestedOn),
  deadline: formatCalendarDate(lkvApplicationDeadline(employment.startDate)),
});

/** Whether two employment periods share a day (an open end runs for ever). */
export function periodsOverlap(
  a: { startDate: Date; endDate: Date | null },
  b: { startDate: Date; endDate: Date | null },
) {
  return (a.endDate === null || a.endDate >= b.startDate) && (b.endDate === null || b.endDate >= a.startDate);
}

/**
 * The day on which an employment's present terms are judged: today while it runs; its first day
 * when it has not started yet; its last day when it has ended. (Used for the CAO check of a
 * scale and step, and for the date a manually changed step counts from.)
 */
export const effectiveDay = (employment: { startDate: Date; endDate: Date | null }, today: Date): Date =>
  today < employment.startDate
    ? employment.startDate
    : employment.endDate && employment.endDate < today
      ? employment.endDate
      : today;
