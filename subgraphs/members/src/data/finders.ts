import { NotFoundError, visibleFinder, type Identity, type Selection } from '@samen-sterk/subgraph-runtime';
import { canManageBranchesOf, canManageUsersOf, canSeeUser } from '../access';
import type { Prisma } from '../generated/prisma/client';

/**
 * Rows by id, for the services and fields. Members are the open directory: NOT_FOUND only when
 * there is none. A user or a shop read or changed by id goes through a tenant-scoped finder
 * (`visibleFinder`): one the caller may not see or manage is NOT_FOUND, worded exactly as for an
 * id that does not exist, so that an id of another member's user or shop reveals nothing
 * (docs/architecture.md: "another member's row is NOT_FOUND").
 */
type Db = Prisma.TransactionClient;

export type { Selection };
type UserSelection = Selection<Prisma.UserInclude, Prisma.UserSelect>;

async function found<Row>(what: string, id: string, row: Promise<Row | null>): Promise<Row> {
  const existing = await row;
  if (!existing) throw new NotFoundError(what, id);
  return existing;
}

export const findMember = (db: Db, id: string) => found('Member', id, db.member.findUnique({ where: { id } }));

const loadUser = (db: Db, id: string, query?: UserSelection) => db.user.findUnique({ ...query, where: { id } });

/** A user the caller may see (themself; their member's admins; platform admins), with the field's selection. */
export const findVisibleUser = visibleFinder('User', loadUser, (caller: Identity | null, user: UserRow) =>
  canSeeUser(caller, user),
);

/** A user the caller may change (their member's admins; platform admins); NOT_FOUND for anyone else. */
export const findManagedUser = visibleFinder('User', loadUser, (caller: Identity | null, user: UserRow) =>
  canManageUsersOf(caller, user.memberId),
);

/** A shop the caller may change (the member's admins; platform admins); NOT_FOUND for anyone else. */
export const findManagedBranch = visibleFinder(
  'Shop',
  (db: Db, id: string) => db.branch.findUnique({ where: { id } }),
  (caller: Identity | null, branch: { memberId: string }) => canManageBranchesOf(caller, branch.memberId),
);

/** What the access rules read of a user. */
interface UserRow {
  id: string;
  memberId: string | null;
}

/** Only that the member exists (before a shop or a user is added to it). */
export const ensureMemberExists = (db: Db, id: string) =>
  found('Member', id, db.member.findUnique({ where: { id }, select: { id: true } }));
