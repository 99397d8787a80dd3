// What concurrency could break, verified from the stored data after the orders:
//   1. no lost update: for every contract and item the sector volume equals the sum of the
//      order lines not rejected or cancelled (and the contract's amount at list price likewise);
//   2. every line's unit price is the price its tier rule gives for the sector volume reached by
//      its order, replaying each contract's orders in the order they took the contract's lock.
//      That order is `lock_sequence` when the column exists; otherwise `submitted_at`, which the
//      order takes while it holds the lock (so it never decreases from one lock holder to the
//      next) but only to the millisecond: orders of the same millisecond are replayed in every
//      order until one fits.
import { exact, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import { contractTierPrice, itemTierPrice } from '../../subgraphs/procurement/src/domain/pricing';
import type { CatalogueContract, Sql } from './common';

const COUNTED = `o.status NOT IN ('REJECTED', 'CANCELLED') AND o.order_date BETWEEN c.valid_from AND c.valid_until`;

/** The sector volume against the order lines it should be the sum of. */
export async function verifyVolumes(sql: Sql) {
  const volumes = await sql.query<{ contract_id: string; item_id: string; quantity: number; amount: string }>(
    `SELECT contract_id, item_id, quantity, amount::text AS amount FROM sector_volume`,
  );
  const perItem = await sql.query<{ contract_id: string; item_id: string; quantity: string }>(
    `SELECT o.contract_id, l.item_id, sum(l.quantity)::text AS quantity
       FROM order_line l JOIN "order" o ON o.id = l.order_id JOIN contract c ON c.id = o.contract_id
      WHERE ${COUNTED} GROUP BY o.contract_id, l.item_id`,
  );
  const perContract = await sql.query<{ contract_id: string; amount: string }>(
    `SELECT o.contract_id, sum(l.list_price * l.quantity)::text AS amount
       FROM order_line l JOIN "order" o ON o.id = l.order_id JOIN contract c ON c.id = o.contract_id
      WHERE ${COUNTED} GROUP BY o.contract_id`,
  );
  const stored = new Map(volumes.map((v) => [`${v.contract_id}/${v.item_id}`, v]));
  const mismatches: string[] = [];
  let checked = 0;
  const compare = (key: string, expected: Exact, actual: Exact) => {
    checked++;
    if (!expected.equals(actual)) mismatches.push(`${key}: volume ${actual.toFixed()} but lines ${expected.toFixed()}`);
  };
  const seen = new Set<string>();
  for (const row of perItem) {
    const key = `${row.contract_id}/${row.item_id}`;
    seen.add(key);
    compare(key, exact(row.quantity), exact(stored.get(key)?.quantity ?? 0));
  }
  for (const row of perContract) {
    const key = `${row.contract_id}/`;
    seen.add(key);
    compare(`${key}(amount)`, exact(row.amount), exact(stored.get(key)?.amount ?? 0));
  }
  for (const [key, row] of stored)
    if (!seen.has(key) && (Number(row.quantity) !== 0 || !exact(row.amount).isZero()))
      mismatches.push(`${key}: volume ${row.quantity}/${row.amount} without any order line`);
  return { checked, mismatches };
}

interface StoredOrder {
  id: string;
  ms: number;
  sequence: number | null;
  status: string;
  lines: { itemId: string; quantity: number; unitPrice: string; listPrice: string }[];
}

interface Volume {
  items: Map<string, number>;
  amount: Exact;
}

/** Whether every line of `order` has the price its rule gives at the volume reached including it. */
function pricedRightly(contract: CatalogueContract, order: StoredOrder, volume: Volume) {
  const items = new Map(contract.items.map((i) => [i.id, i]));
  const ordered = new Map<string, number>();
  let listTotal = exact(0);
  for (const line of order.lines) {
    ordered.set(line.itemId, (ordered.get(line.itemId) ?? 0) + line.quantity);
    listTotal = listTotal.plus(exact(line.listPrice).times(line.quantity));
  }
  return order.lines.every((line) => {
    const item = items.get(line.itemId)!;
    const price =
      contract.tierBasis === 'CONTRACT_AMOUNT'
        ? contractTierPrice(line.listPrice, contract.contractTiers, volume.amount.plus(listTotal))
        : itemTierPrice(line.listPrice, item.tiers, (volume.items.get(line.itemId) ?? 0) + ordered.get(line.itemId)!);
    return price.unitPrice.equals(line.unitPrice);
  });
}

function add(volume: Volume, order: StoredOrder): Volume {
  const items = new Map(volume.items);
  let amount = volume.amount;
  for (const line of order.lines) {
    items.set(line.itemId, (items.get(line.itemId) ?? 0) + line.quantity);
    amount = amount.plus(exact(line.listPrice).times(line.quantity));
  }
  return { items, amount };
}

/** Some order of `group` in which every order is priced rightly, from `volume` on; null if none. */
function fitting(contract: CatalogueContract, group: StoredOrder[], volume: Volume, budget: { steps: number }) {
  const walk = (rest: StoredOrder[], at: Volume): Volume | null => {
    if (rest.length === 0) return at;
    for (let i = 0; i < rest.length; i++) {
      if (--budget.steps < 0) return null;
      if (!pricedRightly(contract, rest[i]!, at)) continue;
      const found = walk([...rest.slice(0, i), ...rest.slice(i + 1)], add(at, rest[i]!));
      if (found) return found;
    }
    return null;
  };
  return walk(group, volume);
}

export async function verifyPrices(sql: Sql, contracts: CatalogueContract[]) {
  const hasSequence =
    (
      await sql.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'order' AND column_name = 'lock_sequence'`,
      )
    ).length > 0;
  const report = { orders: 0, lines: 0, ties: 0, largestTie: 1, skipped: [] as string[], failures: [] as string[] };
  for (const contract of contracts) {
    const rows = await sql.query<{
      id: string;
      ms: string;
      sequence: string | null;
      status: string;
      item_id: string;
      quantity: number;
      unit_price: string;
      list_price: string;
    }>(
      `SELECT o.id, floor(extract(epoch FROM o.submitted_at) * 1000)::bigint::text AS ms,
              ${hasSequence ? 'o.lock_sequence::text' : 'NULL'} AS sequence, o.status,
              l.item_id, l.quantity, l.unit_price::text AS unit_price, l.list_price::text AS list_price
         FROM "order" o JOIN order_line l ON l.order_id = o.id JOIN contract c ON c.id = o.contract_id
        WHERE o.contract_id = $1 AND o.order_date BETWEEN c.valid_from AND c.valid_until
        ORDER BY o.id, l.position`,
      [contract.id],
    );
    const orders = new Map<string, StoredOrder>();
    for (const row of rows) {
      const order = orders.get(row.id) ?? {
        id: row.id,
        ms: Number(row.ms),
        sequence: row.sequence === null ? null : Number(row.sequence),
        status: row.status,
        lines: [],
      };
      order.lines.push({
        itemId: row.item_id,
        quantity: Number(row.quantity),
        unitPrice: row.unit_price,
        listPrice: row.list_price,
      });
      orders.set(row.id, order);
    }
    const all = [...orders.values()];
    // A rejected or cancelled order gave its volume back at a moment no column records: the
    // orders after it cannot be replayed from the stored data alone.
    if (all.some((o) => o.status === 'REJECTED' || o.status === 'CANCELLED')) {
      report.skipped.push(`${contract.title} (has rejected or cancelled orders)`);
      continue;
    }
    all.sort((a, b) => (hasSequence ? a.sequence! - b.sequence! : a.ms - b.ms));
    // Groups whose order among themselves is unknown: one order each with the sequence, or the
    // orders of one millisecond.
    const groups: StoredOrder[][] = [];
    for (const order of all) {
      const last = groups.at(-1);
      if (!hasSequence && last && last[0]!.ms === order.ms) last.push(order);
      else groups.push([order]);
    }
    let volume: Volume = { items: new Map(), amount: exact(0) };
    for (const group of groups) {
      if (group.length > 1) report.ties++;
      report.largestTie = Math.max(report.largestTie, group.length);
      const budget = { steps: 200_000 };
      const after = fitting(contract, group, volume, budget);
      if (!after) {
        report.failures.push(
          `${contract.title}: ${budget.steps < 0 ? 'could not decide' : 'no order fits'} for ${group.length} order(s) at ${new Date(group[0]!.ms).toISOString()} (${group.map((o) => o.id).join(', ')})`,
        );
        // Carry on from the volume the group adds up to, whatever its order.
        volume = group.reduce(add, volume);
      } else volume = after;
      report.orders += group.length;
      report.lines += group.reduce((n, o) => n + o.lines.length, 0);
    }
  }
  return { hasSequence, ...report };
}
