import { todayInNetherlands, type Selection } from '@samen-sterk/subgraph-runtime';
import type { KeurmerkStatus, MembershipStatus, Prisma, PrismaClient } from '../generated/prisma/client';

/**
 * The directory's lists: which members and shops a filter selects, in the order they are
 * listed (by name, then id, so that pages never overlap).
 */
export const BY_NAME = [{ name: 'asc' as const }, { id: 'asc' as const }];
/** Keurmerk audits: the latest first. */
export const LATEST_AUDIT_FIRST = [{ auditedOn: 'desc' as const }, { id: 'asc' as const }];

/** A page as the GraphQL layer asks for it (Pothos' `query`: what to load with it, where to start). */
type Page<FindMany> = Omit<FindMany, 'where' | 'orderBy'>;

export interface MemberFilter {
  name?: string | null;
  city?: string | null;
  keurmerkStatus?: KeurmerkStatus | null;
  membershipStatus?: MembershipStatus | null;
  auditDueBefore?: Date | null;
}

export function memberWhere(filter: MemberFilter | null | undefined): Prisma.MemberWhereInput {
  if (!filter) return {};
  return {
    ...(filter.name ? { name: { contains: filter.name.trim(), mode: 'insensitive' } } : {}),
    ...(filter.city ? { city: { equals: filter.city.trim(), mode: 'insensitive' } } : {}),
    ...(filter.keurmerkStatus ? { keurmerkStatus: filter.keurmerkStatus } : {}),
    ...(filter.membershipStatus ? { membershipStatus: filter.membershipStatus } : {}),
    ...(filter.auditDueBefore ? { nextAuditDue: { lt: filter.auditDueBefore } } : {}),
  };
}

export const countMembers = (db: PrismaClient, filter: MemberFilter | null | undefined) =>
  db.member.count({ where: memberWhere(filter) });

export const listMembers = (
  db: PrismaClient,
  filter: MemberFilter | null | undefined,
  page: Page<Prisma.MemberFindManyArgs>,
) => db.member.findMany({ ...page, where: memberWhere(filter), orderBy: BY_NAME });

export interface BranchFilter {
  memberId?: string | null;
  name?: string | null;
  city?: string | null;
  /** true: only shops open `today`; false: only closed ones. */
  open?: boolean | null;
}

export function branchWhere(filter: BranchFilter | null | undefined, today: Date): Prisma.BranchWhereInput {
  if (!filter) return {};
  const open: Prisma.BranchWhereInput = { OR: [{ closedOn: null }, { closedOn: { gt: today } }] };
  const closed: Prisma.BranchWhereInput = { closedOn: { lte: today } };
  return {
    ...(filter.memberId ? { memberId: filter.memberId } : {}),
    ...(filter.name ? { name: { contains: filter.name.trim(), mode: 'insensitive' } } : {}),
    ...(filter.city ? { city: { equals: filter.city.trim(), mode: 'insensitive' } } : {}),
    ...(filter.open === true ? open : filter.open === false ? closed : {}),
  };
}

export const countBranches = (db: PrismaClient, filter: BranchFilter | null | undefined) =>
  db.branch.count({ where: branchWhere(filter, todayInNetherlands()) });

export const listBranches = (
  db: PrismaClient,
  filter: BranchFilter | null | undefined,
  page: Page<Prisma.BranchFindManyArgs>,
) => db.branch.findMany({ ...page, where: branchWhere(filter, todayInNetherlands()), orderBy: BY_NAME });

/** A member's users, or the association's staff (no member). */
export const countUsers = (db: PrismaClient, memberId: string | null) => db.user.count({ where: { memberId } });

export const listUsers = (db: PrismaClient, memberId: string | null, page: Page<Prisma.UserFindManyArgs>) =>
  db.user.findMany({ ...page, where: { memberId }, orderBy: BY_NAME });

/** The directory's rows for the schema: how many a filter selects, and a page of them. */
export const membersListed = { count: countMembers, list: listMembers };
export const branchesListed = { count: countBranches, list: listBranches };

/** One member or shop by id, with what the caller selected; null when there is none. */
export const memberOrNull = (
  ctx: { db: PrismaClient },
  id: string,
  query: Selection<Prisma.MemberInclude, Prisma.MemberSelect>,
) => ctx.db.member.findUnique({ ...query, where: { id } });
export const branchOrNull = (
  ctx: { db: PrismaClient },
  id: string,
  query: Selection<Prisma.BranchInclude, Prisma.BranchSelect>,
) => ctx.db.branch.findUnique({ ...query, where: { id } });
