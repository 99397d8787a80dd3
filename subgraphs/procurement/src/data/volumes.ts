import type { Prisma } from '../generated/prisma/client';

/**
 * The sector's volume per contract: one row per item (quantity) and one for the contract as a
 * whole (item '' : the amount at list price). Orders change it only on a transaction that holds
 * the contract's row lock (`lockContractVolume`), so two orders placed at once are priced one
 * after the other and neither update is lost.
 *
 * An order is one transaction on a lock every order of the contract waits for, so each
 * statement here counts (bench/procurement-orders.ts): once a contract's rows exist, taking the
 * lock is one statement and adding an order's volume another, whatever its number of lines.
 */
export const CONTRACT_ROW = '';

/** Creates the contract's rows if missing and locks the contract row until the transaction ends. */
export async function lockContractVolume(tx: Prisma.TransactionClient, contractId: string, itemIds: string[]) {
  const items = [...new Set(itemIds)].filter((id) => id !== CONTRACT_ROW);
  // The lock, and how many of the items have their row already (counted before the lock was
  // granted: a row created meanwhile is created again below, which does nothing).
  const lock = () => tx.$queryRaw<{ present: number }[]>`
    SELECT (SELECT count(*)::int FROM sector_volume i WHERE i.contract_id = ${contractId} AND i.item_id = ANY(${items}::text[])) AS present
      FROM sector_volume WHERE contract_id = ${contractId} AND item_id = ${CONTRACT_ROW} FOR UPDATE`;
  const [locked] = await lock();
  if (locked && locked.present === items.length) return;
  // The contract's first order, or an item's: its rows, then (again) the lock.
  await tx.sectorVolume.createMany({
    data: [CONTRACT_ROW, ...items].map((itemId) => ({ contractId, itemId })),
    skipDuplicates: true,
  });
  if (!locked) await lock();
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

/**
 * Adds (or, with sign −1, takes back) an order's quantities and amount at list price: one
 * UPDATE of the contract's row and its items' rows, which `lockContractVolume` created.
 */
export async function addToVolume(
  tx: Prisma.TransactionClient,
  contractId: string,
  change: { items: { itemId: string; quantity: number }[]; listAmount: string },
  sign: 1 | -1,
) {
  const quantities = new Map<string, number>();
  for (const { itemId, quantity } of change.items)
    quantities.set(itemId, (quantities.get(itemId) ?? 0) + sign * quantity);
  const itemIds = [CONTRACT_ROW, ...quantities.keys()];
  const amount = sign === 1 ? change.listAmount : `-${change.listAmount}`;
  const quantity = itemIds.map((id) => quantities.get(id) ?? 0);
  const amounts = itemIds.map((id) => (id === CONTRACT_ROW ? amount : '0'));
  const changed = await tx.$executeRaw`
    UPDATE sector_volume v
       SET quantity = v.quantity + d.quantity, amount = v.amount + d.amount
      FROM unnest(${itemIds}::text[], ${quantity}::int[], ${amounts}::numeric[]) AS d(item_id, quantity, amount)
     WHERE v.contract_id = ${contractId} AND v.item_id = d.item_id`;
  if (changed !== itemIds.length)
    throw new Error(
      `The sector volume of contract ${contractId} misses rows: ${changed} of ${itemIds.length} updated.`,
    );
}

/** Every item's sector quantity for many contracts at once (catalogue pages). */
export async function volumesOfContracts(db: Prisma.TransactionClient, contractIds: readonly string[]) {
  const rows = await db.sectorVolume.findMany({ where: { contractId: { in: [...contractIds] } } });
  return rows;
}
