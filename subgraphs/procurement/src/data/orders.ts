import { NotFoundError, type Identity } from '@samen-sterk/subgraph-runtime';
import { managesCatalogue, seesOrdersOf } from '../access';
import type { Prisma } from '../generated/prisma/client';

/**
 * Tenant-scoped finders: an order of a member the caller may not see is simply not found, the
 * same answer as an id that does not exist.
 */
export function visibleOrders(identity: Identity | null): Prisma.OrderWhereInput {
  if (managesCatalogue(identity)) return {};
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
