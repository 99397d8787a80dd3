import { BadUserInputError, ConflictError, recordChange } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import { findManagedEmployee, type EmployeeQuery } from '../data/employees';
import { ageOn } from '../domain/employment';
import type { Prisma } from '../generated/prisma/client';
import * as check from '../validation';
import { actorOf, employeeSnapshot } from './audit-log';
import { checkedEmployment, type EmploymentInput } from './employments';

export interface AddressInput {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

/** Who is hired: the person, and the member hiring them with their first employment. */
export interface HireInput {
  memberId: string;
  firstName: string;
  lastName: string;
  birthDate: Date;
  bsn: string;
  iban: string;
  address: AddressInput;
  email?: string | null;
  employment: EmploymentInput;
}

/** A change to an employee's personal data: only the fields given change. */
export type EmployeeChanges = { [K in Exclude<keyof HireInput, 'memberId' | 'employment'>]?: HireInput[K] | null };

/** An employee's address, each part by the shared rules. */
const checkedAddress = (address: AddressInput) => ({
  street: check.text(address.street, 'input.address.street', 'The street'),
  houseNumber: check.text(
    address.houseNumber,
    'input.address.houseNumber',
    'The house number',
    check.MAX_LENGTH.houseNumber,
  ),
  postcode: check.postcode(address.postcode, 'input.address.postcode'),
  city: check.text(address.city, 'input.address.city', 'The city'),
});

/**
 * Registers a new employee with their first employment. Every check first (the shop and the
 * CAO asked too); then one transaction writes, with its audit entry. The caller's right to
 * manage the member's employees is the field's scope.
 */
export async function hireEmployee(ctx: HrContext, input: HireInput, query: EmployeeQuery) {
  const person = {
    memberId: input.memberId,
    firstName: check.text(input.firstName, 'input.firstName', 'The first name'),
    lastName: check.text(input.lastName, 'input.lastName', 'The last name'),
    birthDate: input.birthDate,
    bsn: check.bsn(input.bsn, 'input.bsn'),
    iban: check.iban(input.iban, 'input.iban'),
    ...checkedAddress(input.address),
    email: check.optionalEmail(input.email, 'input.email'),
  };
  // The first day must be plausible before the age on it can be.
  check.date(input.employment.startDate, 'input.employment.startDate', 'The start date', check.DATE_WINDOWS.work);
  check.birthDate(input.birthDate, 'input.birthDate', {
    on: input.employment.startDate,
    onLabel: 'on the first day of work',
  });
  const employment = await checkedEmployment(ctx, input.employment, person, 'input.employment');
  return ctx.db.$transaction(async (tx) => {
    if (
      await tx.employee.findUnique({
        where: { memberId_bsn: { memberId: input.memberId, bsn: person.bsn } },
        select: { id: true },
      })
    ) {
      throw new ConflictError('An employee with this BSN is already registered at this member.');
    }
    const employee = await tx.employee.create({
      data: {
        ...person,
        employments: { create: { ...employment, memberId: input.memberId, stepSince: employment.startDate } },
      },
      include: { employments: true },
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: employee.memberId,
      action: 'HIRE',
      entityType: 'Employee',
      entityId: employee.id,
      after: { ...employeeSnapshot(employee), employments: employee.employments },
    });
    return tx.employee.findUniqueOrThrow({ ...query, where: { id: employee.id } });
  });
}

/** The checked changes, before anything is read: each field by the shared rules. */
function checkedChanges(input: EmployeeChanges): Prisma.EmployeeUpdateInput {
  const data: Prisma.EmployeeUpdateInput = {};
  if (input.firstName != null) data.firstName = check.text(input.firstName, 'input.firstName', 'The first name');
  if (input.lastName != null) data.lastName = check.text(input.lastName, 'input.lastName', 'The last name');
  if (input.birthDate != null) data.birthDate = check.birthDate(input.birthDate, 'input.birthDate');
  if (input.bsn != null) data.bsn = check.bsn(input.bsn, 'input.bsn');
  if (input.iban != null) data.iban = check.iban(input.iban, 'input.iban');
  if (input.address != null) Object.assign(data, checkedAddress(input.address));
  if (input.email !== undefined) data.email = check.optionalEmail(input.email, 'input.email');
  return data;
}

/**
 * Changes an employee's personal data (of a member the caller manages; else NOT_FOUND), with
 * before and after in the audit log, identifiers masked.
 */
export function updateEmployee(ctx: HrContext, id: string, input: EmployeeChanges, query: EmployeeQuery) {
  const data = checkedChanges(input);
  return ctx.db.$transaction(async (tx) => {
    const before = await findManagedEmployee(tx, ctx.identity, id);
    if (input.birthDate != null) {
      // The legal age to start work holds for every employment already recorded.
      const first = await tx.employment.findFirst({ where: { employeeId: id }, orderBy: { startDate: 'asc' } });
      if (first && ageOn(input.birthDate, first.startDate) < 15) {
        throw new BadUserInputError(
          'input.birthDate',
          'With this birth date the employee would have been younger than 15 on their first day of work.',
        );
      }
    }
    const after = await tx.employee.update({ where: { id }, data });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: before.memberId,
      action: 'UPDATE_EMPLOYEE',
      entityType: 'Employee',
      entityId: id,
      before: employeeSnapshot(before),
      after: employeeSnapshot(after),
    });
    return tx.employee.findUniqueOrThrow({ ...query, where: { id } });
  });
}
