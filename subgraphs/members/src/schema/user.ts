import { builder } from '../builder';
import { countUsers, listUsers } from '../data/directory';
import { findVisibleUser } from '../data/finders';
import { RoleEnum } from './enums';

export const UserRef = builder.prismaObject('User', {
  description: 'A person who signs in to the platform. Association staff belong to no member.',
  // Personal data: the user themself, their member's admins and platform admins.
  authScopes: (user) => ({ isUser: user.id, seesUsersOf: user.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    roles: t.field({ type: [RoleEnum], resolve: (user) => user.roles }),
    member: t.relation('member', { nullable: true }),
    employeeId: t.exposeID('employeeId', { nullable: true, description: 'For employees: their record in HR/payroll.' }),
    payrollMemberIds: t.exposeIDList('payrollMemberIds', {
      description: 'For the payroll service: the members served.',
    }),
    active: t.boolean({ resolve: (user) => user.deactivatedAt === null }),
    deactivatedAt: t.expose('deactivatedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CallerRef = builder
  .objectRef<{ userId: string; roles: readonly string[]; memberId: string | null }>('Caller')
  .implement({
    description: 'Who the current token says the caller is.',
    fields: (t) => ({
      userId: t.exposeID('userId'),
      roles: t.stringList({ description: 'Roles in kebab-case, as in the token.', resolve: (c) => [...c.roles] }),
      memberId: t.exposeID('memberId', { nullable: true }),
      user: t.prismaField({
        type: UserRef,
        nullable: true,
        description: 'The directory entry of the caller, when there is one.',
        resolve: (query, caller, _args, ctx) => ctx.db.user.findUnique({ ...query, where: { id: caller.userId } }),
      }),
      member: t.prismaField({
        type: 'Member',
        nullable: true,
        resolve: (query, caller, _args, ctx) =>
          caller.memberId ? ctx.db.member.findUnique({ ...query, where: { id: caller.memberId } }) : null,
      }),
    }),
  });

builder.queryFields((t) => ({
  me: t.field({
    type: CallerRef,
    description: 'The caller: identity from the token, and their directory entry.',
    resolve: (_root, _args, ctx) => ctx.identity!,
  }),
  users: t.prismaConnection({
    type: 'User',
    cursor: 'id',
    description:
      "A member's users (its admins and platform admins), or the association's staff (memberId omitted; platform admins).",
    args: { memberId: t.arg.id({ required: false }) },
    // Checked before anything resolves: totalCount alone must not leak either.
    authScopes: (_root, { memberId }) => ({ seesUsersOf: memberId ?? null }),
    totalCount: (_connection, { memberId }, ctx) => countUsers(ctx.db, memberId ?? null),
    resolve: (query, _root, { memberId }, ctx) => listUsers(ctx.db, memberId ?? null, query),
  }),
  user: t.prismaField({
    type: UserRef,
    args: { id: t.arg.id({ required: true }) },
    // NOT_FOUND if there is none and if the caller may not see it (another member's user): the
    // same answer, so an id reveals nothing.
    resolve: (query, _root, { id }, ctx) => findVisibleUser(ctx.db, ctx.identity, id, query),
  }),
}));
