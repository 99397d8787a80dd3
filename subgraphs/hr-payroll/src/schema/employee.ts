import { byId } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { countEmployees, findVisibleEmployee, listEmployees } from '../data/employees';
import { employeeById } from '../data/employment-loaders';
import { ageOn } from '../domain/employment';
import { maskBsn, maskIban } from '../domain/masking';
import { MemberRef } from './references';

const AddressRef = builder
  .objectRef<{ street: string; houseNumber: string; postcode: string; city: string }>('EmployeeAddress')
  .implement({
    fields: (t) => ({
      street: t.exposeString('street'),
      houseNumber: t.exposeString('houseNumber'),
      postcode: t.exposeString('postcode'),
      city: t.exposeString('city'),
    }),
  });

export const EmployeeRef = builder.prismaObject('Employee', {
  description: 'An employee of a member. BSN and IBAN are masked; the full numbers only for those who need them.',
  authScopes: (employee) => ({ seesEmployee: employee }),
  fields: (t) => ({
    id: t.exposeID('id'),
    employer: t.field({ type: MemberRef, nullable: true, resolve: (e) => ({ id: e.memberId }) }),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    name: t.string({ resolve: (e) => `${e.firstName} ${e.lastName}` }),
    birthDate: t.expose('birthDate', { type: 'Date' }),
    age: t.int({
      args: { on: t.arg({ type: 'Date', required: true }) },
      resolve: (e, { on }) => ageOn(e.birthDate, on),
    }),
    bsn: t.string({ description: 'Citizen service number, masked: `*****6782`.', resolve: (e) => maskBsn(e.bsn) }),
    bsnFull: t.string({
      description: 'The whole BSN; HR, the payroll service and the employee only.',
      authScopes: (e) => ({ seesFullIdentifiersOf: e }),
      resolve: (e) => e.bsn,
    }),
    iban: t.string({ description: 'Bank account, masked: `NL91**********4300`.', resolve: (e) => maskIban(e.iban) }),
    ibanFull: t.string({
      description: 'The whole IBAN; HR, the payroll service and the employee only.',
      authScopes: (e) => ({ seesFullIdentifiersOf: e }),
      resolve: (e) => e.iban,
    }),
    address: t.field({ type: AddressRef, resolve: (e) => e }),
    email: t.exposeString('email', { nullable: true }),
    employments: t.relation('employments', { query: { orderBy: [{ startDate: 'desc' }, { id: 'asc' }] } }),
  }),
});

const EmployeeFilter = builder.inputType('EmployeeFilter', {
  fields: (t) => ({
    name: t.string({ required: false, description: 'Part of the first or last name, any case.' }),
    activeOn: t.field({
      type: 'Date',
      required: false,
      description: 'Only employees with an employment on this date.',
    }),
  }),
});

builder.queryFields((t) => ({
  employees: t.prismaConnection({
    type: 'Employee',
    cursor: 'id',
    description: "A member's employees, by last name (its HR staff and payroll service).",
    args: { memberId: t.arg.id({ required: true }), filter: t.arg({ type: EmployeeFilter, required: false }) },
    // Checked before anything resolves, so totalCount alone cannot leak either.
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    totalCount: (_c, args, ctx) => countEmployees(ctx.db, args.memberId, args.filter),
    resolve: (query, _root, args, ctx) => listEmployees(ctx.db, query, args.memberId, args.filter),
  }),
  employee: t.prismaField({
    type: EmployeeRef,
    // Someone else's employee is "not found" (data/employees.ts), not refused.
    ...byId(t, findVisibleEmployee),
  }),
}));

// Member (from the members subgraph) gains its employees here.
MemberRef.implement({
  externalFields: () => ({}),
  fields: (t) => ({
    id: t.exposeID('id'),
    employees: t.prismaConnection({
      nullable: true,
      type: 'Employee',
      cursor: 'id',
      description: "This member's employees (its HR staff and payroll service).",
      args: { filter: t.arg({ type: EmployeeFilter, required: false }) },
      authScopes: (member) => ({ managesEmployeesOf: member.id }),
      totalCount: (member, args, ctx) => countEmployees(ctx.db, member.id, args.filter),
      resolve: (query, member, args, ctx) => listEmployees(ctx.db, query, member.id, args.filter),
    }),
  }),
});

// The Academy extends employees with enrolments, certificates and skills; the gateway resolves
// references to them by id, many at once. Every field keeps the type's access rule.
builder.asEntity(EmployeeRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => employeeById(ctx, id),
});
