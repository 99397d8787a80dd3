import { byId, byIdWithInput, maxItems, ROLES, withInput } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { createUser, deactivateUser, updateUser } from '../services/users';
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

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: UserRef,
    authScopes: (_root, { input }) => ({ managesUsersOf: input.memberId ?? null }),
    description: "Adds a user (a member's admins for their own member; platform admins for anyone).",
    ...withInput(t, CreateUserInput, createUser),
  }),
  // Whose user it is shows once it is loaded: the service's finder answers NOT_FOUND then.
  updateUser: t.prismaField({
    type: UserRef,
    description: "Changes a user's name, e-mail or roles.",
    ...byIdWithInput(t, UpdateUserInput, updateUser),
  }),
  deactivateUser: t.prismaField({
    type: UserRef,
    description: 'Stops a user from using the platform; their record stays for the audit trail.',
    ...byId(t, deactivateUser),
  }),
}));
