import { byIdWithInput, withInput } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { addBranch, updateBranch } from '../services/branches';
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

builder.mutationFields((t) => ({
  addBranch: t.prismaField({
    type: BranchRef,
    authScopes: (_root, { input }) => ({ managesBranchesOf: input.memberId }),
    description: "Adds a shop (platform admins, or the member's own admins).",
    ...withInput(t, AddBranchInput, addBranch),
  }),
  updateBranch: t.prismaField({
    type: BranchRef,
    // Whose shop it is shows once it is loaded: the service's finder answers NOT_FOUND then.
    description: "Changes a shop (platform admins, or the member's own admins).",
    ...byIdWithInput(t, UpdateBranchInput, updateBranch),
  }),
}));
