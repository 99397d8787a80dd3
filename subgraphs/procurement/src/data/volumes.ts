import type { Prisma } from '../generated/prisma/client';

/**
 * The sector's volume per contract: one row per item (quantity) and one for the contract as a
 * whole (item '' : the amount at list price). Orders change it only on a transaction that holds
 * the contract's row lock (`lockContractVolume`), so two orders placed at once are priced one
 * after the other and neither update is lost.
 */
export const CONTRACT_ROW = '';

/** Creates the contract's rows if missing and locks the contract row until the transaction ends. */
export async function lockContractVolume(tx: Prisma.TransactionClient, contractId: string, itemIds: string[]) {
  await tx.sectorVolume.createMany({
    data: [CONTRACT_ROW, ...new Set(itemIds)].map((itemId) => ({ contractId, itemId })),
    skipDuplicates: true,
  });
  await tx.$queryRaw`SELECT 1 FROM sector_volume WHERE contract_id = ${contractId} AND item_id = ${CONTRACT_ROW} FOR UPDATE`;
}

/** The contract's volume so far: the amount at list price, and each item's quantity. */
export async function volumeOf(db: Prisma.TransactionClient, contractId: string) {
  const rows = await db.sectorVolume.findMany({ where: { contractId } });
  const contract = rows.find((r) => r.itemId === CONTRACT_ROW);
  return {
    amount: contract?.amount.toFixed(2) ?? '0.00',
    items: new Map(rows.filter((r) => r.itemId !== CONTRACT_ROW).map((r) => [r.itemId, r.quantity])),
  };
}

/** Adds (or, with sign −1, takes back) an order's quantities and amount at list price. */
export async function addToVolume(
  tx: Prisma.TransactionClient,
  contractId: string,
  change: { items: { itemId: string; quantity: number }[]; listAmount: string },
  sign: 1 | -1,
) {
  for (const { itemId, quantity } of change.items) {
    await tx.sectorVolume.update({
      where: { contractId_itemId: { contractId, itemId } },
      data: { quantity: { increment: sign * quantity } },
    });
  }
  const amount = sign === 1 ? change.listAmount : `-${change.listAmount}`;
  await tx.sectorVolume.update({
    where: { contractId_itemId: { contractId, itemId: CONTRACT_ROW } },
    data: { amount: { increment: amount } },
  });
}

/** Every item's sector quantity for many contracts at once (catalogue pages). */
export async function volumesOfContracts(db: Prisma.TransactionClient, contractIds: readonly string[]) {
  const rows = await db.sectorVolume.findMany({ where: { contractId: { in: [...contractIds] } } });
  return rows;
}
