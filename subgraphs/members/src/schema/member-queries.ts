import { builder } from '../builder';
import { countMembers, listMembers } from '../data/directory';
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
    args: { filter: t.arg({ type: MemberFilter, required: false }) },
    totalCount: (_connection, { filter }, ctx) => countMembers(ctx.db, filter),
    resolve: (query, _root, { filter }, ctx) => listMembers(ctx.db, filter, query),
  }),
  member: t.prismaField({
    type: MemberRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.member.findUnique({ ...query, where: { id } }),
  }),
}));
