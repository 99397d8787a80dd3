import { byIdWithInput, withInput } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { hireEmployee, updateEmployee } from '../services/employees';
import { addEmployment, updateEmployment } from '../services/employments';
import { EmployeeRef } from './employee';
import { ContractTypeEnum, EmploymentRef, LkvKindEnum } from './employment';

type InputFields = PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>;

const AddressInput = builder.inputType('EmployeeAddressInput', {
  fields: (t) => ({
    street: t.string({ required: true }),
    houseNumber: t.string({ required: true }),
    postcode: t.string({ required: true }),
    city: t.string({ required: true }),
  }),
});

/**
 * An employment's fields after its start date, as entered for a new one (`isNew`: the ones it
 * must have are required, and the defaults are named) or changed in one (all optional).
 */
const employmentFields = <New extends boolean>(t: InputFields, isNew: New) => ({
  endDate: t.field({ type: 'Date', required: false }),
  contractType: t.field({ type: ContractTypeEnum, required: isNew }),
  writtenContract: t.boolean({ required: false, ...(isNew ? { description: 'Default true.' } : {}) }),
  functionTitle: t.string({ required: isNew }),
  branchId: t.id({ required: false }),
  caoScale: t.int({ required: isNew }),
  caoStep: t.int({ required: isNew }),
  hoursPerWeek: t.field({ type: 'Decimal', required: isNew }),
  applyTaxCredit: t.boolean({
    required: false,
    ...(isNew ? { description: 'Apply the loonheffingskorting here (default false).' } : {}),
  }),
  jobAgreementRegister: t.boolean({ required: false }),
  shelteredWork: t.boolean({ required: false }),
  wageValuePercent: t.field({ type: 'Decimal', required: false }),
  subsidyMunicipality: t.string({ required: false }),
  lkv: t.field({ type: LkvKindEnum, required: false }),
  lkvStatementRequestedOn: t.field({
    type: 'Date',
    required: false,
    description:
      'The day the target-group statement (doelgroepverklaring LKV) was applied for: within three months of the start, or the LKV is lost.',
  }),
});

const EmploymentInput = builder.inputType('EmploymentInput', {
  fields: (t) => ({ startDate: t.field({ type: 'Date', required: true }), ...employmentFields(t, true) }),
});

/** An employee's personal data, as entered when hired (all required but the email) or changed. */
const personFields = <New extends boolean>(t: InputFields, isNew: New) => ({
  firstName: t.string({ required: isNew }),
  lastName: t.string({ required: isNew }),
  birthDate: t.field({ type: 'Date', required: isNew }),
  bsn: t.string({ required: isNew }),
  iban: t.string({ required: isNew }),
  address: t.field({ type: AddressInput, required: isNew }),
  email: t.string({ required: false }),
});

const HireInput = builder.inputType('HireEmployeeInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    ...personFields(t, true),
    employment: t.field({ type: EmploymentInput, required: true }),
  }),
});

const UpdateEmployeeInput = builder.inputType('UpdateEmployeeInput', {
  description: 'Only the fields given change.',
  fields: (t) => personFields(t, false),
});

const UpdateEmploymentInput = builder.inputType('UpdateEmploymentInput', {
  description: 'Only the fields given change.',
  fields: (t) => employmentFields(t, false),
});

// Changes by id keep `signedIn`: another member's employee or employment is "not found" (the
// services look them up with the tenant-scoped finders of data/), not refused.
builder.mutationFields((t) => ({
  hireEmployee: t.prismaField({
    type: EmployeeRef,
    authScopes: (_root, args) => ({ managesEmployeesOf: args.input.memberId }),
    description: 'Registers a new employee with their first employment (HR of the member, or its payroll service).',
    ...withInput(t, HireInput, hireEmployee),
  }),
  updateEmployee: t.prismaField({
    type: EmployeeRef,
    ...byIdWithInput(t, UpdateEmployeeInput, updateEmployee),
  }),
  addEmployment: t.prismaField({
    type: EmploymentRef,
    description: 'A new employment period for an employee (not overlapping another).',
    args: { employeeId: t.arg.id({ required: true }), input: t.arg({ type: EmploymentInput, required: true }) },
    resolve: (query, _root, { employeeId, input }, ctx) => addEmployment(ctx, employeeId, input, query),
  }),
  updateEmployment: t.prismaField({
    type: EmploymentRef,
    description:
      'Changes an employment: scale, step, hours, contract, end date, target-group status. Logged for payroll.',
    ...byIdWithInput(t, UpdateEmploymentInput, updateEmployment),
  }),
}));
