import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  recordChange,
  todayInNetherlands,
  type Identity,
} from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf } from '../access';
import { builder, type HrContext } from '../builder';
import { caoWage } from '../cao-client';
import { ageOn, periodsOverlap } from '../domain/employment';
import { maskBsn, maskIban } from '../domain/masking';
import { stepSinceAfterManualChange } from '../domain/step-increase';
import type { Employee, Prisma } from '../generated/prisma/client';
import { checkBranchOf } from '../members-client';
import * as check from '../validation';
import { EmployeeRef } from './employee';
import { ContractTypeEnum, describePeriod, EmploymentRef, LkvKindEnum } from './employment';

const AddressInput = builder.inputType('EmployeeAddressInput', {
  fields: (t) => ({
    street: t.string({ required: true }),
    houseNumber: t.string({ required: true }),
    postcode: t.string({ required: true }),
    city: t.string({ required: true }),
  }),
});

const EmploymentInput = builder.inputType('EmploymentInput', {
  fields: (t) => ({
    startDate: t.field({ type: 'Date', required: true }),
    endDate: t.field({ type: 'Date', required: false }),
    contractType: t.field({ type: ContractTypeEnum, required: true }),
    writtenContract: t.boolean({ required: false, description: 'Default true.' }),
    functionTitle: t.string({ required: true }),
    branchId: t.id({ required: false }),
    caoScale: t.int({ required: true }),
    caoStep: t.int({ required: true }),
    hoursPerWeek: t.field({ type: 'Decimal', required: true }),
    applyTaxCredit: t.boolean({ required: false, description: 'Apply the loonheffingskorting here (default false).' }),
    jobAgreementRegister: t.boolean({ required: false }),
    shelteredWork: t.boolean({ required: false }),
    wageValuePercent: t.field({ type: 'Decimal', required: false }),
    subsidyMunicipality: t.string({ required: false }),
    lkv: t.field({ type: LkvKindEnum, required: false }),
  }),
});

const HireInput = builder.inputType('HireEmployeeInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    birthDate: t.field({ type: 'Date', required: true }),
    bsn: t.string({ required: true }),
    iban: t.string({ required: true }),
    address: t.field({ type: AddressInput, required: true }),
    email: t.string({ required: false }),
    employment: t.field({ type: EmploymentInput, required: true }),
  }),
});

const UpdateEmployeeInput = builder.inputType('UpdateEmployeeInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    firstName: t.string({ required: false }),
    lastName: t.string({ required: false }),
    birthDate: t.field({ type: 'Date', required: false }),
    bsn: t.string({ required: false }),
    iban: t.string({ required: false }),
    address: t.field({ type: AddressInput, required: false }),
    email: t.string({ required: false }),
  }),
});

const UpdateEmploymentInput = builder.inputType('UpdateEmploymentInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    endDate: t.field({ type: 'Date', required: false }),
    contractType: t.field({ type: ContractTypeEnum, required: false }),
    writtenContract: t.boolean({ required: false }),
    functionTitle: t.string({ required: false }),
    branchId: t.id({ required: false }),
    caoScale: t.int({ required: false }),
    caoStep: t.int({ required: false }),
    hoursPerWeek: t.field({ type: 'Decimal', required: false }),
    applyTaxCredit: t.boolean({ required: false }),
    jobAgreementRegister: t.boolean({ required: false }),
    shelteredWork: t.boolean({ required: false }),
    wageValuePercent: t.field({ type: 'Decimal', required: false }),
    subsidyMunicipality: t.string({ required: false }),
    lkv: t.field({ type: LkvKindEnum, required: false }),
  }),
});

const refused = () => new ForbiddenError("Only the member's HR staff and its payroll service manage its employees.");

/** An employee's address, each part by the shared rules. */
const checkedAddress = (address: typeof AddressInput.$inferInput) => ({
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
const actor = (identity: Identity | null) => identity!.userId;

/** What the audit log keeps of an employee: identifiers masked, as everywhere outside the record. */
const employeeSnapshot = (e: Employee) => ({ ...e, bsn: maskBsn(e.bsn), iban: maskIban(e.iban) });

type EmploymentFields = Omit<Prisma.EmploymentUncheckedCreateInput, 'employeeId' | 'memberId'>;

const checkDate = (startDate: Date, endDate: Date | null, today: Date) =>
  today < startDate ? startDate : endDate && endDate < today ? endDate : today;

/**
 * Checks an employment's fields, all before anything is written: dates, hours, texts; a shop
 * (`branchId`) must be one of the employee's member in the members directory (asked only when
 * `checkBranch`: a shop already stored was checked then); the CAO service confirms scale, step
 * and hours.
 */
async function checkedEmployment(
  ctx: HrContext,
  input: typeof EmploymentInput.$inferInput,
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
  if (input.branchId != null && checkBranch)
    await checkBranchOf(ctx, employer.memberId, input.branchId, `${field}.branchId`);
  // The CAO confirms scale, step and hours on the day that matters now: today while the
  // employment runs, its first day if it has not begun, its last day if it has ended. (An
  // employment that began before the first CAO version in the platform is checked today.)
  const checkDay = checkDate(input.startDate, endDate, todayInNetherlands());
  await caoWage(
    ctx,
    {
      scale: input.caoScale,
      step: input.caoStep,
      on: checkDay,
      hoursPerWeek: input.hoursPerWeek.toString(),
      age: ageOn(birthDate, checkDay),
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
  };
}

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

builder.mutationFields((t) => ({
  hireEmployee: t.prismaField({
    type: EmployeeRef,
    authScopes: { signedIn: true },
    description: 'Registers a new employee with their first employment (HR of the member, or its payroll service).',
    args: { input: t.arg({ type: HireInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!canManageEmployeesOf(ctx.identity, input.memberId)) throw refused();
      // Every check first (the shop and the CAO asked too); then one transaction writes.
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
          actorId: actor(ctx.identity),
          memberId: employee.memberId,
          action: 'HIRE',
          entityType: 'Employee',
          entityId: employee.id,
          after: { ...employeeSnapshot(employee), employments: employee.employments },
        });
        return tx.employee.findUniqueOrThrow({ ...query, where: { id: employee.id } });
      });
    },
  }),
  updateEmployee: t.prismaField({
    type: EmployeeRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateEmployeeInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => {
      const data: Prisma.EmployeeUpdateInput = {};
      if (input.firstName != null) data.firstName = check.text(input.firstName, 'input.firstName', 'The first name');
      if (input.lastName != null) data.lastName = check.text(input.lastName, 'input.lastName', 'The last name');
      if (input.birthDate != null) data.birthDate = check.birthDate(input.birthDate, 'input.birthDate');
      if (input.bsn != null) data.bsn = check.bsn(input.bsn, 'input.bsn');
      if (input.iban != null) data.iban = check.iban(input.iban, 'input.iban');
      if (input.address != null) Object.assign(data, checkedAddress(input.address));
      if (input.email !== undefined) data.email = check.optionalEmail(input.email, 'input.email');
      return ctx.db.$transaction(async (tx) => {
        const before = await tx.employee.findUnique({ where: { id } });
        if (!before || !canManageEmployeesOf(ctx.identity, before.memberId)) throw new NotFoundError('Employee', id);
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
          actorId: actor(ctx.identity),
          memberId: before.memberId,
          action: 'UPDATE_EMPLOYEE',
          entityType: 'Employee',
          entityId: id,
          before: employeeSnapshot(before),
          after: employeeSnapshot(after),
        });
        return tx.employee.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
  addEmployment: t.prismaField({
    type: EmploymentRef,
    authScopes: { signedIn: true },
    description: 'A new employment period for an employee (not overlapping another).',
    args: { employeeId: t.arg.id({ required: true }), input: t.arg({ type: EmploymentInput, required: true }) },
    resolve: async (query, _root, { employeeId, input }, ctx) => {
      const employee = await ctx.db.employee.findUnique({ where: { id: employeeId } });
      if (!employee || !canManageEmployeesOf(ctx.identity, employee.memberId))
        throw new NotFoundError('Employee', employeeId);
      const fields = await checkedEmployment(ctx, input, employee, 'input');
      return ctx.db.$transaction(async (tx) => {
        await noOverlap(tx, employeeId, {
          startDate: fields.startDate as Date,
          endDate: (fields.endDate as Date | null) ?? null,
        });
        const employment = await tx.employment.create({
          data: { ...fields, employeeId, memberId: employee.memberId, stepSince: fields.startDate },
        });
        await recordChange(tx, {
          actorId: actor(ctx.identity),
          memberId: employment.memberId,
          action: 'ADD_EMPLOYMENT',
          entityType: 'Employment',
          entityId: employment.id,
          after: employment,
        });
        return tx.employment.findUniqueOrThrow({ ...query, where: { id: employment.id } });
      });
    },
  }),
  updateEmployment: t.prismaField({
    type: EmploymentRef,
    authScopes: { signedIn: true },
    description:
      'Changes an employment: scale, step, hours, contract, end date, target-group status. Logged for payroll.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateEmploymentInput, required: true }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const current = await ctx.db.employment.findUnique({ where: { id }, include: { employee: true } });
      if (!current || !canManageEmployeesOf(ctx.identity, current.memberId)) throw new NotFoundError('Employment', id);
      const merged = {
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
      };
      // The shop is asked about only when it changes: one stored earlier was checked then.
      const fields = await checkedEmployment(
        ctx,
        merged as typeof EmploymentInput.$inferInput,
        current.employee,
        'input',
        input.branchId != null && input.branchId !== current.branchId,
      );
      return ctx.db.$transaction(async (tx) => {
        await noOverlap(
          tx,
          current.employeeId,
          { startDate: current.startDate, endDate: (fields.endDate as Date | null) ?? null },
          id,
        );
        const { employee: _employee, ...before } = current;
        // A scale or step set by hand restarts the year towards the next step increase.
        const after = await tx.employment.update({
          where: { id },
          data: { ...fields, ...stepSinceAfterManualChange(current, merged, todayInNetherlands()) },
        });
        await recordChange(tx, {
          actorId: actor(ctx.identity),
          memberId: current.memberId,
          action: 'UPDATE_EMPLOYMENT',
          entityType: 'Employment',
          entityId: id,
          before,
          after,
        });
        return tx.employment.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
}));
