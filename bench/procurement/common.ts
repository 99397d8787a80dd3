// Shared by the procurement benchmark's parts (bench/procurement-orders.ts is the entry).
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import type { ContractTierRule, ItemTierRule } from '../../subgraphs/procurement/src/domain/pricing';

export const MEMBERS = 60;
export const IN_FLIGHT = 50;

/** The members whose purchasers place the orders (and the synthetic lines' members). */
export const benchMembers = () => Array.from({ length: MEMBERS }, (_, i) => demoId('member', i + 1));

export type Sql = { query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]> };

/** A small deterministic generator (mulberry32): the same orders every run. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`;
export const count = (n: number) => n.toLocaleString('en');

export interface CatalogueContract {
  id: string;
  title: string;
  tierBasis: 'ITEM_QUANTITY' | 'CONTRACT_AMOUNT';
  contractTiers: ContractTierRule[];
  items: { id: string; listPrice: string; tiers: ItemTierRule[] }[];
}

/** The active contracts with their items and tier rules, read from the database. */
export async function catalogue(sql: Sql): Promise<CatalogueContract[]> {
  const contracts = await sql.query<{ id: string; title: string; tier_basis: string }>(
    `SELECT id, title, tier_basis FROM contract WHERE status = 'ACTIVE' AND valid_from <= current_date AND valid_until >= current_date ORDER BY id`,
  );
  const items = await sql.query<{ id: string; contract_id: string; list_price: string }>(
    `SELECT id, contract_id, list_price::text AS list_price FROM item ORDER BY id`,
  );
  const itemTiers = await sql.query<{ item_id: string; from_quantity: number; unit_price: string }>(
    `SELECT item_id, from_quantity, unit_price::text AS unit_price FROM item_tier`,
  );
  const contractTiers = await sql.query<{ contract_id: string; from_amount: string; discount_percent: string }>(
    `SELECT contract_id, from_amount::text AS from_amount, discount_percent::text AS discount_percent FROM contract_tier`,
  );
  return contracts.map((c) => ({
    id: c.id,
    title: c.title,
    tierBasis: c.tier_basis as CatalogueContract['tierBasis'],
    contractTiers: contractTiers
      .filter((t) => t.contract_id === c.id)
      .map((t) => ({ fromAmount: t.from_amount, discountPercent: t.discount_percent })),
    items: items
      .filter((i) => i.contract_id === c.id)
      .map((i) => ({
        id: i.id,
        listPrice: i.list_price,
        tiers: itemTiers
          .filter((t) => t.item_id === i.id)
          .map((t) => ({ fromQuantity: Number(t.from_quantity), unitPrice: t.unit_price })),
      })),
  }));
}
