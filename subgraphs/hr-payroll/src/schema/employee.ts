import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@samen-sterk/subgraph-runtime';
import { canManageEmployeesOf, canSeeEmployee, canSeeFullIdentifiers } from '../access';
import { builder } from '../builder';
import { ageOn } from '../domain/employment';
import { maskBsn, maskIban } from '../domain/masking';
import type { Prisma } from '../generated/prisma/client';
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

const fullIdentifierRefused = () =>
  new ForbiddenError('Only HR, the payroll service for this member and the employee may see the full number.');

export const EmployeeRef = builder.prismaObject('Employee', {
  description: 'An employee of a member. BSN and IBAN are masked; the full numbers only for those who need them.',
  authScopes: (employee, ctx) => canSeeEmployee(ctx.identity, employee),
  fields: (t) => ({
    id: t.exposeID('id'),
    employer: t.field({ type: MemberRef, resolve: (e) => ({ id: e.memberId }) }),
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
      authScopes: (e, _args, ctx) => canSeeFullIdentifiers(ctx.identity, e),
      unauthorizedError: fullIdentifierRefused,
      resolve: (e) => e.bsn,
    }),
    iban: t.string({ description: 'Bank account, masked: `NL91**********4300`.', resolve: (e) => maskIban(e.iban) }),
    ibanFull: t.string({
      description: 'The whole IBAN; HR, the payroll service and the employee only.',
      authScopes: (e, _args, ctx) => canSeeFullIdentifiers(ctx.identity, e),
      unauthorizedError: fullIdentifierRefused,
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

function employeeWhere(
  memberId: string,
  filter: typeof EmployeeFilter.$inferInput | null | undefined,
): Prisma.EmployeeWhereInput {
  const name = filter?.name?.trim();
  return {
    memberId,
    ...(name
      ? {
          OR: [
            { firstName: { contains: name, mode: 'insensitive' } },
            { lastName: { contains: name, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(filter?.activeOn
      ? {
          employments: {
            some: {
              startDate: { lte: filter.activeOn },
              OR: [{ endDate: null }, { endDate: { gte: filter.activeOn } }],
            },
          },
        }
      : {}),
  };
}

const refusedList = () => new ForbiddenError("Only the member's HR staff and its payroll service see its employees.");

builder.queryFields((t) => ({
  employees: t.prismaConnection({
    type: 'Employee',
    cursor: 'id',
    description: "A member's employees, by last name (its HR staff and payroll service).",
    args: { memberId: t.arg.id({ required: true }), filter: t.arg({ type: EmployeeFilter, required: false }) },
    // Checked before anything resolves, so totalCount alone cannot leak either.
    authScopes: (_root, args, ctx) => canManageEmployeesOf(ctx.identity, args.memberId),
    unauthorizedError: (_root, _args, ctx) => (ctx.identity ? refusedList() : new UnauthenticatedError()),
    totalCount: (_c, args, ctx) => ctx.db.employee.count({ where: employeeWhere(args.memberId, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.employee.findMany({
        ...query,
        where: employeeWhere(args.memberId, args.filter),
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
      }),
  }),
  employee: t.prismaField({
    type: EmployeeRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const employee = await ctx.db.employee.findUnique({ ...query, where: { id } });
      // Someone else's employee is "not found": its existence is not the caller's business.
      if (!employee || !canSeeEmployee(ctx.identity, employee)) throw new NotFoundError('Employee', id);
      return employee;
    },
  }),
}));

// Member (from the members subgraph) gains its employees here.
MemberRef.implement({
  externalFields: () => ({}),
  fields: (t) => ({
    id: t.exposeID('id'),
    employees: t.prismaConnection({
      type: 'Employee',
      cursor: 'id',
      description: "This member's employees (its HR staff and payroll service).",
      args: { filter: t.arg({ type: EmployeeFilter, required: false }) },
      authScopes: (member, _args, ctx) => canManageEmployeesOf(ctx.identity, member.id),
      unauthorizedError: (_m, _args, ctx) => (ctx.identity ? refusedList() : new UnauthenticatedError()),
      totalCount: (member, args, ctx) => ctx.db.employee.count({ where: employeeWhere(member.id, args.filter) }),
      resolve: (query, member, args, ctx) =>
        ctx.db.employee.findMany({
          ...query,
          where: employeeWhere(member.id, args.filter),
          orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
        }),
    }),
  }),
});
