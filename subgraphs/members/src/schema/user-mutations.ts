import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  maxItems,
  MEMBER_ROLES,
  NotFoundError,
  ROLES,
  type Identity,
} from '@samen-sterk/subgraph-runtime';
import { canAssignRole, canManageUsersOf } from '../access';
import { builder } from '../builder';
import { claimRole } from '../domain/roles';
import type { Prisma, Role } from '../generated/prisma/client';
import * as check from '../validation';
import { RoleEnum } from './enums';
import { UserRef } from './user';

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    memberId: t.id({ required: false, description: 'The member the user works for; omit for association staff.' }),
    name: t.string({ required: true }),
    email: t.string({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true, extensions: maxItems(ROLES.length) }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    name: t.string({ required: false }),
    email: t.string({ required: false }),
    roles: t.field({
      type: [RoleEnum],
      required: false,
      description: 'The complete new set of roles.',
      extensions: maxItems(ROLES.length),
    }),
  }),
});

const refused = () => new ForbiddenError("Only the member's own admins and platform admins manage its users.");

/** A role set must fit the user: member roles need a member, association roles forbid one. */
function checkedRoles(identity: Identity | null, roles: readonly Role[], memberId: string | null): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new BadUserInputError('input.roles', 'Give the user at least one role.');
  for (const role of unique) {
    const claim = claimRole(role);
    if (!canAssignRole(identity, claim)) {
      throw new ForbiddenError(`Only platform admins can give the role ${role}.`);
    }
    const isMemberRole = MEMBER_ROLES.includes(claim);
    if (isMemberRole && !memberId) {
      throw new BadUserInputError('input.roles', `The role ${role} belongs to a member; give the user a member.`);
    }
    if (!isMemberRole && memberId) {
      throw new BadUserInputError(
        'input.roles',
        `The role ${role} is for association staff, not for a member's users.`,
      );
    }
  }
  return unique;
}

/** A member must keep at least one active admin, or nobody can manage its users any more. */
async function keepsAnAdmin(tx: Prisma.TransactionClient, memberId: string | null, leavingUserId: string) {
  if (!memberId) return;
  const others = await tx.user.count({
    where: { memberId, id: { not: leavingUserId }, deactivatedAt: null, roles: { has: 'MEMBER_ADMIN' } },
  });
  if (others === 0) {
    throw new ConflictError('This is the last active admin of the member; make someone else admin first.');
  }
}

async function emailFree(tx: Prisma.TransactionClient, email: string, exceptUserId?: string) {
  const taken = await tx.user.findFirst({
    where: { email, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new ConflictError(`A user with the e-mail address ${email} already exists.`);
}

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: UserRef,
    authScopes: { signedIn: true },
    description: "Adds a user (a member's admins for their own member; platform admins for anyone).",
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const memberId = input.memberId ?? null;
      if (!canManageUsersOf(ctx.identity, memberId)) throw refused();
      const data = {
        memberId,
        name: check.requiredText(input.name, 'input.name', 'The name'),
        email: check.email(input.email, 'input.email'),
        roles: checkedRoles(ctx.identity, input.roles, memberId),
      };
      return ctx.db.$transaction(async (tx) => {
        if (memberId && !(await tx.member.findUnique({ where: { id: memberId }, select: { id: true } }))) {
          throw new NotFoundError('Member', memberId);
        }
        await emailFree(tx, data.email);
        return tx.user.create({ ...query, data });
      });
    },
  }),
  updateUser: t.prismaField({
    type: UserRef,
    authScopes: { signedIn: true },
    description: "Changes a user's name, e-mail or roles.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => {
      // Every input check before the transaction: a refusal writes nothing.
      const name = input.name == null ? undefined : check.requiredText(input.name, 'input.name', 'The name');
      const email = input.email == null ? undefined : check.email(input.email, 'input.email');
      return ctx.db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id } });
        if (!user) throw new NotFoundError('User', id);
        if (!canManageUsersOf(ctx.identity, user.memberId)) throw refused();
        const data: Prisma.UserUpdateInput = {};
        if (name !== undefined) data.name = name;
        if (email !== undefined) {
          data.email = email;
          await emailFree(tx, email, id);
        }
        if (input.roles != null) {
          // Roles the caller may not hand out may not be taken away by them either.
          for (const role of user.roles) {
            if (!input.roles.includes(role) && !canAssignRole(ctx.identity, claimRole(role))) {
              throw new ForbiddenError(`Only platform admins can take away the role ${role}.`);
            }
          }
          const roles = checkedRoles(ctx.identity, input.roles, user.memberId);
          if (user.roles.includes('MEMBER_ADMIN') && !roles.includes('MEMBER_ADMIN') && !user.deactivatedAt) {
            await keepsAnAdmin(tx, user.memberId, user.id);
          }
          data.roles = roles;
        }
        return tx.user.update({ ...query, where: { id }, data });
      });
    },
  }),
  deactivateUser: t.prismaField({
    type: UserRef,
    authScopes: { signedIn: true },
    description: 'Stops a user from using the platform; their record stays for the audit trail.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id } });
        if (!user) throw new NotFoundError('User', id);
        if (!canManageUsersOf(ctx.identity, user.memberId)) throw refused();
        if (user.deactivatedAt) return tx.user.findUniqueOrThrow({ ...query, where: { id } });
        if (user.roles.includes('MEMBER_ADMIN')) await keepsAnAdmin(tx, user.memberId, user.id);
        return tx.user.update({ ...query, where: { id }, data: { deactivatedAt: new Date() } });
      }),
  }),
}));
