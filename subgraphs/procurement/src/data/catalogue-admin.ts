import { NotFoundError } from '@samen-sterk/subgraph-runtime';
import type { Prisma } from '../generated/prisma/client';

/** Finders of the catalogue's upkeep (the association's procurement team sees every supplier and contract). */

export async function findSupplier(db: Prisma.TransactionClient, id: string) {
  const supplier = await db.supplier.findUnique({ where: { id } });
  if (!supplier) throw new NotFoundError('Supplier', id);
  return supplier;
}

export async function findContract(db: Prisma.TransactionClient, id: string) {
  const contract = await db.contract.findUnique({ where: { id } });
  if (!contract) throw new NotFoundError('Contract', id);
  return contract;
}

/** The supplier that has this KvK number, if any. */
export const supplierWithKvk = (db: Prisma.TransactionClient, kvkNumber: string) =>
  db.supplier.findUnique({ where: { kvkNumber } });

/**
 * Orders placed under a contract in its period, whatever their status: the prices they were
 * charged (and the settlement of the period) rest on its tiers.
 */
export const ordersInPeriod = (
  db: Prisma.TransactionClient,
  contract: { id: string; validFrom: Date; validUntil: Date },
) =>
  db.order.count({
    where: { contractId: contract.id, orderDate: { gte: contract.validFrom, lte: contract.validUntil } },
  });

export const itemCount = (db: Prisma.TransactionClient, contractId: string) => db.item.count({ where: { contractId } });

export const skusOf = async (db: Prisma.TransactionClient, contractId: string) =>
  (await db.item.findMany({ where: { contractId }, select: { sku: true } })).map((i) => i.sku);

/** What rests on a contract's period: its orders (any status) with their first and last dates, and settlements. */
export async function periodFacts(db: Prisma.TransactionClient, contractId: string) {
  const [orders, settlements] = await Promise.all([
    db.order.aggregate({
      where: { contractId },
      _count: { _all: true },
      _min: { orderDate: true },
      _max: { orderDate: true },
    }),
    db.settlement.count({ where: { contractId } }),
  ]);
  return {
    orders: orders._count._all,
    firstOrderOn: orders._min.orderDate,
    lastOrderOn: orders._max.orderDate,
    settlements,
  };
}
