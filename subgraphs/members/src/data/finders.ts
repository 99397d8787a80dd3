import { NotFoundError, type Selection } from '@samen-sterk/subgraph-runtime';
import type { Prisma } from '../generated/prisma/client';

/**
 * Rows by id, for the services: NOT_FOUND when there is none. The directory (members, shops) is
 * open to every signed-in caller, and whether the caller may change a shop or a user is a
 * scope (`access.ts`): another member's row is refused as FORBIDDEN, the way this subgraph has
 * always answered, after it has been found.
 */
type Db = Prisma.TransactionClient;

export type { Selection };

async function found<Row>(what: string, id: string, row: Promise<Row | null>): Promise<Row> {
  const existing = await row;
  if (!existing) throw new NotFoundError(what, id);
  return existing;
}

export const findMember = (db: Db, id: string) => found('Member', id, db.member.findUnique({ where: { id } }));

export const findBranch = (db: Db, id: string) => found('Shop', id, db.branch.findUnique({ where: { id } }));

export const findUser = (db: Db, id: string, query?: Selection<Prisma.UserInclude, Prisma.UserSelect>) =>
  found('User', id, db.user.findUnique({ ...query, where: { id } }));

/** Only that the member exists (before a shop or a user is added to it). */
export const ensureMemberExists = (db: Db, id: string) =>
  found('Member', id, db.member.findUnique({ where: { id }, select: { id: true } }));
