import { builder } from '../builder';
import { byId, withFilter } from '@samen-sterk/subgraph-runtime';
import { memberOrNull, membersListed } from '../data/directory';
import { KeurmerkStatusEnum, MembershipStatusEnum } from './enums';
import { MemberRef } from './member';

const MemberFilter = builder.inputType('MemberFilter', {
  fields: (t) => ({
    name: t.string({ required: false, description: 'Part of the name, any case.' }),
    city: t.string({ required: false, description: 'The city, any case.' }),
    keurmerkStatus: t.field({ type: KeurmerkStatusEnum, required: false }),
    membershipStatus: t.field({ type: MembershipStatusEnum, required: false }),
    auditDueBefore: t.field({
      type: 'Date',
      required: false,
      description: 'Members whose next Keurmerk audit falls before this date.',
    }),
  }),
});

builder.queryFields((t) => ({
  members: t.prismaConnection({
    type: 'Member',
    cursor: 'id',
    description: 'The member organisations, by name.',
    ...withFilter(t, MemberFilter, membersListed),
  }),
  member: t.prismaField({
    type: MemberRef,
    nullable: true,
    ...byId(t, memberOrNull),
  }),
}));
