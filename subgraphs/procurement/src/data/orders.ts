import { NotFoundError, type Identity } from '@samen-sterk/subgraph-runtime';
import { seesOrdersOf, servesEveryMember } from '../access';
import type { Prisma } from '../generated/prisma/client';

/**
 * Tenant-scoped finders: an order of a member the caller may not see is simply not found, the
 * same answer as an id that does not exist.
 */
export function visibleOrders(identity: Identity | null): Prisma.OrderWhereInput {
  if (servesEveryMember(identity)) return {};
  const memberId = identity?.memberId;
  if (!memberId || !seesOrdersOf(identity, memberId)) return { id: { in: [] } };
  return { memberId };
}

export async function findOrder<Query extends object>(
  db: Prisma.TransactionClient,
  identity: Identity | null,
  id: string,
  query: Query = {} as Query,
) {
  const order = await db.order.findFirst({ ...query, where: { id, ...visibleOrders(identity) } });
  if (!order) throw new NotFoundError('Order', id);
  return order;
}

/** The key space of members' order locks: 'PRCM' read as a number. */
const MEMBER_ORDERS_LOCK = 0x5052434d;

/**
 * Serialises everything that checks a member's budget: held until the transaction ends. Two
 * orders of one member on different contracts lock different contract rows, so without this both
 * would read the spend before the other and together pass the budget; and two submissions of one
 * idempotency key on different contracts would both insert. Always taken BEFORE a contract's
 * volume lock (`lockContractVolume`), so the lock order is fixed and cannot deadlock. An advisory
 * lock in its own key space (two int4 keys; Prisma's migration lock is a single bigint key), the
 * same on PGlite and PostgreSQL.
 */
export async function lockMemberOrders(tx: Prisma.TransactionClient, memberId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${MEMBER_ORDERS_LOCK}::int4, hashtext(${memberId}))`;
}

/** A member's orders, newest first. */
export const ordersOf = {
  count: (db: Prisma.TransactionClient, memberId: string) => db.order.count({ where: { memberId } }),
  list: (db: Prisma.TransactionClient, memberId: string, query: object) =>
    db.order.findMany({ ...query, where: { memberId }, orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }] }),
};

/**
 * What a member committed in a year: its orders not rejected or cancelled, excluding VAT; with
 * `category`, only orders under contracts of that category.
 */
export async function spentInYear(db: Prisma.TransactionClient, memberId: string, year: number, category?: string) {
  const total = await db.order.aggregate({
    where: {
      memberId,
      ...(category ? { contract: { category } } : {}),
      status: { notIn: ['REJECTED', 'CANCELLED'] },
      orderDate: { gte: new Date(Date.UTC(year, 0, 1)), lte: new Date(Date.UTC(year, 11, 31)) },
    },
    _sum: { total: true },
  });
  return total._sum.total?.toFixed(2) ?? '0.00';
}

/** Whether a settlement of the contract covers this order date (settled periods stay as they are). */
export const settledOn = async (db: Prisma.TransactionClient, contractId: string, orderDate: Date) =>
  (await db.settlement.count({
    where: { contractId, periodFrom: { lte: orderDate }, periodUntil: { gte: orderDate } },
  })) > 0;
