import type { Prisma } from '../generated/prisma/client';
import { builder } from '../builder';
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

type MemberFilterValue = typeof MemberFilter.$inferInput;

export function memberWhere(filter: MemberFilterValue | null | undefined): Prisma.MemberWhereInput {
  if (!filter) return {};
  return {
    ...(filter.name ? { name: { contains: filter.name.trim(), mode: 'insensitive' } } : {}),
    ...(filter.city ? { city: { equals: filter.city.trim(), mode: 'insensitive' } } : {}),
    ...(filter.keurmerkStatus ? { keurmerkStatus: filter.keurmerkStatus } : {}),
    ...(filter.membershipStatus ? { membershipStatus: filter.membershipStatus } : {}),
    ...(filter.auditDueBefore ? { nextAuditDue: { lt: filter.auditDueBefore } } : {}),
  };
}

builder.queryFields((t) => ({
  members: t.prismaConnection({
    type: 'Member',
    cursor: 'id',
    totalCount: (_connection, args, ctx) => ctx.db.member.count({ where: memberWhere(args.filter) }),
    authScopes: { signedIn: true },
    description: 'The member organisations, by name.',
    args: { filter: t.arg({ type: MemberFilter, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.member.findMany({ ...query, where: memberWhere(args.filter), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
  member: t.prismaField({
    type: MemberRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.member.findUnique({ ...query, where: { id } }),
  }),
}));
