import {
  BadUserInputError,
  formatCalendarDate,
  PlatformError,
  recordChange,
  todayInNetherlands,
  withinField,
} from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import type { HrContext } from '../builder';
import { findVolunteer, paymentsInYear } from '../data/volunteers';
import { ageOn } from '../domain/employment';
import {
  checkVolunteerAllowance,
  VOLUNTEER_LIMIT_YEARS,
  volunteerLimitsFor,
  volunteerYearTotals,
  type VolunteerAllowanceCheck,
} from '../domain/volunteers';
import type { Prisma, Volunteer, VolunteerAllowancePayment } from '../generated/prisma/client';
import * as check from '../validation';

/**
 * Volunteers of a member and the allowances paid to them (vrijwilligersvergoeding), checked
 * against the untaxed limits of the volunteer scheme (rules in ../domain/volunteers.ts). Who may
 * see and change them: the same as for employees (the member's HR staff and its payroll
 * service). Every change goes to the audit log.
 */

/** Largest values the columns hold: DECIMAL(6,2) hours, DECIMAL(10,2) euros. */
const MAX_HOURS = '9999.99';
const MAX_AMOUNT = '99999999.99';

export interface RegisterVolunteerInput {
  memberId: string;
  firstName: string;
  lastName: string;
  birthDate: Date;
  email?: string | null;
  startDate: Date;
  endDate?: Date | null;
}

export interface AllowanceInput {
  volunteerId: string;
  paidOn: Date;
  hours: Decimal;
  amount: Decimal;
  note?: string | null;
}

export interface RecordedAllowance {
  payment: VolunteerAllowancePayment;
  check: VolunteerAllowanceCheck;
  warnings: string[];
}

const knownYears = () => VOLUNTEER_LIMIT_YEARS.join(' and ');

function limitsOfYear(year: number, field: string, what: string) {
  const limits = volunteerLimitsFor(year);
  if (!limits) {
    throw new BadUserInputError(
      field,
      `No untaxed volunteer allowance limits are known for ${year} (${what}); the platform has them for ${knownYears()}.`,
    );
  }
  return limits;
}

/** A volunteer's allowances in a calendar year per month and in all, and the room left under the untaxed limits. */
export async function volunteerTotals(db: HrContext['db'], volunteer: Volunteer, year: number) {
  const limits = limitsOfYear(year, 'year', `year ${year}`);
  const payments = await paymentsInYear(db, volunteer.id, year);
  return volunteerYearTotals(
    limits,
    volunteer.birthDate,
    payments.map((p) => ({ paidOn: p.paidOn, hours: p.hours.toString(), amount: p.amount.toString() })),
  );
}

/** Registers a volunteer at a member; checks the input (BAD_USER_INPUT naming the field). */
export function registerVolunteer(ctx: HrContext, input: RegisterVolunteerInput) {
  const today = todayInNetherlands();
  if (input.birthDate > today) throw new BadUserInputError('input.birthDate', 'The birth date lies in the future.');
  if (input.startDate < input.birthDate)
    throw new BadUserInputError('input.startDate', 'The start date lies before the birth date.');
  const { work } = check.DATE_WINDOWS;
  check.date(input.startDate, 'input.startDate', 'The start date', work);
  const endDate = check.endDate(input.endDate, input.startDate, 'input.endDate', 'The end date', work);
  check.birthDate(input.birthDate, 'input.birthDate', { on: input.startDate, onLabel: 'on the first day' });
  const data = {
    memberId: input.memberId,
    firstName: check.text(input.firstName, 'input.firstName', 'The first name'),
    lastName: check.text(input.lastName, 'input.lastName', 'The last name'),
    birthDate: input.birthDate,
    email: check.optionalEmail(input.email, 'input.email'),
    startDate: input.startDate,
    endDate,
  };
  return ctx.db.$transaction(async (tx) => {
    const volunteer = await tx.volunteer.create({ data });
    await recordChange(tx, {
      actorId: ctx.identity!.userId,
      memberId: volunteer.memberId,
      action: 'REGISTER_VOLUNTEER',
      entityType: 'Volunteer',
      entityId: volunteer.id,
      after: volunteer,
    });
    return volunteer;
  });
}

type Db = Pick<Prisma.TransactionClient, 'volunteer' | 'volunteerAllowancePayment'>;

/** Checks a payment's input and the limits it would meet; throws BAD_USER_INPUT naming the field. */
async function checkedPayment(db: Db, ctx: HrContext, input: AllowanceInput) {
  const volunteer = await findVolunteer(db, ctx.identity, input.volunteerId);
  // More than 0, at most what the columns hold, two decimals.
  const hours = check
    .decimal(input.hours, 'input.hours', 'The hours', { min: 0, minExclusive: true, max: MAX_HOURS })
    .toFixed(2);
  const amount = check
    .money(input.amount, 'input.amount', 'The amount', { positive: true, max: MAX_AMOUNT })
    .toFixed(2);
  const note = check.optionalText(input.note, 'input.note', 'The note', {
    multiline: true,
    maxLength: check.MAX_LENGTH.allowanceNote,
  });
  const paidOn = input.paidOn;
  if (paidOn < volunteer.startDate) {
    throw new BadUserInputError(
      'input.paidOn',
      `${formatCalendarDate(paidOn)} lies before the volunteer started (${formatCalendarDate(volunteer.startDate)}).`,
    );
  }
  const year = paidOn.getUTCFullYear();
  const limits = limitsOfYear(year, 'input.paidOn', `payment date ${formatCalendarDate(paidOn)}`);
  const earlier = await paymentsInYear(db, volunteer.id, year);
  const result = withinField('input', () =>
    checkVolunteerAllowance(
      limits,
      ageOn(volunteer.birthDate, paidOn),
      earlier.map((p) => ({ paidOn: p.paidOn, amount: p.amount.toString() })),
      { paidOn, hours, amount },
    ),
  );
  return { volunteer, paidOn, hours, amount, note, check: result };
}

/** An allowance payment checked against the untaxed limits, without recording it. */
export const checkAllowance = async (ctx: HrContext, input: AllowanceInput) =>
  (await checkedPayment(ctx.db, ctx, input)).check;

const breachesForClients = (c: VolunteerAllowanceCheck) =>
  c.limitBreaches.map(({ limit, allowed, actual, over }) => ({ limit, allowed, actual, over }));

const snapshotOfCheck = (c: VolunteerAllowanceCheck) => ({
  ok: c.ok,
  age: c.age,
  hourlyMaximum: c.hourlyMaximum,
  monthTotal: c.monthTotal,
  yearTotal: c.yearTotal,
  limitBreaches: breachesForClients(c),
});

/**
 * Records an allowance paid to a volunteer. A payment that would break an untaxed limit is
 * refused (BAD_USER_INPUT on `input.amount`, with the breaches), unless `acceptTaxable`: then it
 * is recorded as taxable, with a warning.
 */
export function recordVolunteerAllowance(
  ctx: HrContext,
  input: AllowanceInput,
  acceptTaxable: boolean,
): Promise<RecordedAllowance> {
  const actor = ctx.identity!.userId;
  return ctx.db.$transaction(async (tx) => {
    // One payment at a time per volunteer: the sums the check reads stay true until it is written.
    await tx.$executeRaw`SELECT 1 FROM volunteer WHERE id = ${input.volunteerId} FOR UPDATE`;
    const checked = await checkedPayment(tx, ctx, input);
    const { check: result } = checked;
    if (!result.ok && !acceptTaxable) {
      throw new PlatformError(
        'BAD_USER_INPUT',
        `${result.message} Nothing was recorded; to record it anyway, as taxable, send acceptTaxable: true.`,
        { field: 'input.amount', limitBreaches: breachesForClients(result) },
      );
    }
    const payment = await tx.volunteerAllowancePayment.create({
      data: {
        volunteerId: checked.volunteer.id,
        memberId: checked.volunteer.memberId,
        paidOn: checked.paidOn,
        hours: checked.hours,
        amount: checked.amount,
        taxable: !result.ok,
        note: checked.note,
        createdBy: actor,
      },
    });
    await recordChange(tx, {
      actorId: actor,
      memberId: payment.memberId,
      action: result.ok ? 'RECORD_VOLUNTEER_ALLOWANCE' : 'RECORD_TAXABLE_VOLUNTEER_ALLOWANCE',
      entityType: 'VolunteerAllowancePayment',
      entityId: payment.id,
      after: { ...payment, check: snapshotOfCheck(result) },
    });
    return { payment, check: result, warnings: result.ok ? [] : [`Recorded as TAXABLE. ${result.message}`] };
  });
}
