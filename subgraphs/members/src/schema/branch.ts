import { builder } from '../builder';
import { byId, withFilter } from '@samen-sterk/subgraph-runtime';
import { branchesListed, branchOrNull } from '../data/directory';

export const BranchRef = builder.prismaObject('Branch', {
  description: 'A shop of a member organisation.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    address: t.field({ type: AddressRef, resolve: (branch) => branch }),
    openedOn: t.expose('openedOn', { type: 'Date' }),
    closedOn: t.expose('closedOn', { type: 'Date', nullable: true }),
    member: t.relation('member'),
  }),
});

interface AddressShape {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

export const AddressRef = builder.objectRef<AddressShape>('Address').implement({
  description: 'A Dutch street address.',
  fields: (t) => ({
    street: t.exposeString('street'),
    houseNumber: t.exposeString('houseNumber'),
    postcode: t.exposeString('postcode', { description: 'Dutch postcode, `1234 AB`.' }),
    city: t.exposeString('city'),
  }),
});

const BranchFilter = builder.inputType('BranchFilter', {
  fields: (t) => ({
    memberId: t.id({ required: false }),
    name: t.string({ required: false, description: 'Part of the name, any case.' }),
    city: t.string({ required: false, description: 'The city, any case.' }),
    open: t.boolean({ required: false, description: 'true: only shops open today; false: only closed ones.' }),
  }),
});

builder.queryFields((t) => ({
  branches: t.prismaConnection({
    type: 'Branch',
    cursor: 'id',
    description: 'Shops of all members, by name.',
    ...withFilter(t, BranchFilter, branchesListed),
  }),
  branch: t.prismaField({
    type: BranchRef,
    nullable: true,
    ...byId(t, branchOrNull),
  }),
}));
