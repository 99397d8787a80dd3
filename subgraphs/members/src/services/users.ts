import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  MEMBER_ROLES,
  type Identity,
} from '@samen-sterk/subgraph-runtime';
import { canAssignRole, claimRole } from '../access';
import type { MembersContext } from '../builder';
import { ensureMemberExists, findManagedUser, type Selection } from '../data/finders';
import type { Prisma, Role } from '../generated/prisma/client';
import * as check from './input';

/**
 * The platform's users, kept by their member's admins (member roles only) and by platform
 * admins. A member never loses its last active admin: nobody could manage its users any more.
 */

type UserSelection = Selection<Prisma.UserInclude, Prisma.UserSelect>;

/** A role set must fit the user: member roles need a member, association roles forbid one. */
function checkedRoles(identity: Identity | null, roles: readonly Role[], memberId: string | null): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new BadUserInputError('input.roles', 'Give the user at least one role.');
  for (const role of unique) {
    if (!canAssignRole(identity, role)) {
      throw new ForbiddenError(`Only platform admins can give the role ${role}.`);
    }
    const isMemberRole = MEMBER_ROLES.includes(claimRole(role));
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

export interface NewUser {
  /** The member the user works for; none for association staff. */
  memberId?: string | null;
  name: string;
  email: string;
  roles: readonly Role[];
}

/** Adds a user; the caller's right to (`managesUsersOf`) is the field's scope. */
export function createUser(ctx: MembersContext, input: NewUser, query: UserSelection) {
  const memberId = input.memberId ?? null;
  const data = {
    memberId,
    name: check.requiredText(input.name, 'input.name', 'The name'),
    email: check.email(input.email, 'input.email'),
    roles: checkedRoles(ctx.identity, input.roles, memberId),
  };
  return ctx.db.$transaction(async (tx) => {
    if (memberId) await ensureMemberExists(tx, memberId);
    await emailFree(tx, data.email);
    return tx.user.create({ ...query, data });
  });
}

/** Only the fields given change; `roles` is the complete new set. */
export interface UserChanges {
  name?: string | null;
  email?: string | null;
  roles?: readonly Role[] | null;
}

/** Changes a user: NOT_FOUND if there is none or it is not the caller's to manage (another member's). */
export function updateUser(ctx: MembersContext, id: string, input: UserChanges, query: UserSelection) {
  // Every input check before the transaction: a refusal writes nothing.
  const name = input.name == null ? undefined : check.requiredText(input.name, 'input.name', 'The name');
  const email = input.email == null ? undefined : check.email(input.email, 'input.email');
  return ctx.db.$transaction(async (tx) => {
    const user = await findManagedUser(tx, ctx.identity, id);
    const data: Prisma.UserUpdateInput = {};
    if (name !== undefined) data.name = name;
    if (email !== undefined) {
      data.email = email;
      await emailFree(tx, email, id);
    }
    if (input.roles != null) {
      // Roles the caller may not hand out may not be taken away by them either.
      for (const role of user.roles) {
        if (!input.roles.includes(role) && !canAssignRole(ctx.identity, role)) {
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
}

/** Stops a user from using the platform; their record stays for the audit trail. Twice is once. */
export const deactivateUser = (ctx: MembersContext, id: string, query: UserSelection) =>
  ctx.db.$transaction(async (tx) => {
    const user = await findManagedUser(tx, ctx.identity, id);
    if (user.deactivatedAt) return tx.user.findUniqueOrThrow({ ...query, where: { id } });
    if (user.roles.includes('MEMBER_ADMIN')) await keepsAnAdmin(tx, user.memberId, user.id);
    return tx.user.update({ ...query, where: { id }, data: { deactivatedAt: new Date() } });
  });
