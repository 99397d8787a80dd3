import { BadUserInputError, ForbiddenError, NotFoundError } from '@samen-sterk/subgraph-runtime';
import { canManageBranchesOf } from '../access';
import { builder } from '../builder';
import type { Prisma } from '../generated/prisma/client';
import * as check from '../validation';
import { BranchRef } from './branch';

const AddBranchInput = builder.inputType('AddBranchInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    name: t.string({ required: true }),
    street: t.string({ required: true }),
    houseNumber: t.string({ required: true, description: 'With addition, e.g. "12a".' }),
    postcode: t.string({ required: true, description: 'Dutch postcode, e.g. "3511 AB".' }),
    city: t.string({ required: true }),
    openedOn: t.field({ type: 'Date', required: true }),
  }),
});

const UpdateBranchInput = builder.inputType('UpdateBranchInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    name: t.string({ required: false }),
    street: t.string({ required: false }),
    houseNumber: t.string({ required: false }),
    postcode: t.string({ required: false }),
    city: t.string({ required: false }),
    openedOn: t.field({ type: 'Date', required: false }),
    closedOn: t.field({ type: 'Date', required: false, description: 'The day the shop closed; null reopens it.' }),
  }),
});

const refused = () => new ForbiddenError("Only the association and the member's own admins manage its shops.");

builder.mutationFields((t) => ({
  addBranch: t.prismaField({
    type: BranchRef,
    authScopes: { signedIn: true },
    description: "Adds a shop (platform admins, or the member's own admins).",
    args: { input: t.arg({ type: AddBranchInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!canManageBranchesOf(ctx.identity, input.memberId)) throw refused();
      const data = {
        memberId: input.memberId,
        name: check.requiredText(input.name, 'input.name', 'The name'),
        street: check.requiredText(input.street, 'input.street', 'The street'),
        houseNumber: check.requiredText(
          input.houseNumber,
          'input.houseNumber',
          'The house number',
          check.HOUSE_NUMBER_MAX_LENGTH,
        ),
        postcode: check.postcode(input.postcode, 'input.postcode'),
        city: check.requiredText(input.city, 'input.city', 'The city'),
        openedOn: check.date(input.openedOn, 'input.openedOn', 'The opening day'),
      };
      return ctx.db.$transaction(async (tx) => {
        if (!(await tx.member.findUnique({ where: { id: input.memberId }, select: { id: true } }))) {
          throw new NotFoundError('Member', input.memberId);
        }
        return tx.branch.create({ ...query, data });
      });
    },
  }),
  updateBranch: t.prismaField({
    type: BranchRef,
    authScopes: { signedIn: true },
    description: "Changes a shop (platform admins, or the member's own admins).",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateBranchInput, required: true }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const data: Prisma.BranchUpdateInput = {};
      if (input.name != null) data.name = check.requiredText(input.name, 'input.name', 'The name');
      if (input.street != null) data.street = check.requiredText(input.street, 'input.street', 'The street');
      if (input.houseNumber != null)
        data.houseNumber = check.requiredText(
          input.houseNumber,
          'input.houseNumber',
          'The house number',
          check.HOUSE_NUMBER_MAX_LENGTH,
        );
      if (input.postcode != null) data.postcode = check.postcode(input.postcode, 'input.postcode');
      if (input.city != null) data.city = check.requiredText(input.city, 'input.city', 'The city');
      if (input.openedOn != null) data.openedOn = check.date(input.openedOn, 'input.openedOn', 'The opening day');
      if (input.closedOn !== undefined)
        data.closedOn = input.closedOn && check.date(input.closedOn, 'input.closedOn', 'The closing day');
      return ctx.db.$transaction(async (tx) => {
        const branch = await tx.branch.findUnique({ where: { id } });
        if (!branch) throw new NotFoundError('Shop', id);
        if (!canManageBranchesOf(ctx.identity, branch.memberId)) throw refused();
        const openedOn = input.openedOn ?? branch.openedOn;
        const closedOn = input.closedOn === undefined ? branch.closedOn : input.closedOn;
        if (closedOn && closedOn < openedOn) {
          throw new BadUserInputError('input.closedOn', 'A shop cannot close before it opened.');
        }
        return tx.branch.update({ ...query, where: { id }, data });
      });
    },
  }),
}));
