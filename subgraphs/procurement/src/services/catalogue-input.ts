import { BadUserInputError, checkText, ForbiddenError } from '@samen-sterk/subgraph-runtime';
import { managesCatalogue } from '../access';
import type { ProcurementContext } from '../builder';
import type { TierBasis } from '../domain/pricing';

/*
 * What the catalogue's upkeep (suppliers.ts, contracts-admin.ts, items-admin.ts) shares: who may
 * do it, the input shapes as the API hands them over, and the checks of SKUs, categories and item
 * texts; prices and tiers are the domain's (domain/catalogue.ts).
 */

/** A decimal as the API hands it over (decimal.js), or as text. */
export type DecimalIn = { toFixed(): string } | string;
export const decimalText = (value: DecimalIn) => (typeof value === 'string' ? value : value.toFixed());

export interface ItemTierInput {
  fromQuantity: number;
  unitPrice: DecimalIn;
}
export interface ContractTierInput {
  fromAmount: DecimalIn;
  discountPercent: DecimalIn;
}
export interface ContractItemInput {
  sku: string;
  name: string;
  unit: string;
  vatRate: DecimalIn;
  listPrice: DecimalIn;
  tiers?: ItemTierInput[] | null;
}
export interface NewContract {
  supplierId: string;
  title: string;
  category: string;
  validFrom: Date;
  validUntil: Date;
  terms: string;
  tierBasis: TierBasis;
  contractTiers?: ContractTierInput[] | null;
  items: ContractItemInput[];
}

/** A contract's own fields that may change after it is made; only those given change. */
export interface ContractChanges {
  title?: string | null;
  category?: string | null;
  terms?: string | null;
  validFrom?: Date | null;
  validUntil?: Date | null;
}

/** An item's fields that may change; only those given change. */
export interface ItemChanges {
  name?: string | null;
  unit?: string | null;
  vatRate?: DecimalIn | null;
  listPrice?: DecimalIn | null;
}

export const TRANSACTION = { maxWait: 20_000, timeout: 60_000 };
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const CATEGORY = /^[A-Z][A-Z0-9_]{1,39}$/;

export const actorOf = (ctx: ProcurementContext) => ctx.identity?.userId ?? 'unknown';

export function mayManage(ctx: ProcurementContext) {
  if (!managesCatalogue(ctx.identity))
    throw new ForbiddenError("Only the association's procurement team maintains suppliers and contracts.");
}

// --- Input shapes --------------------------------------------------------------------------------

function checkedSku(value: string, field: string) {
  const sku = checkText(value, field, 'The SKU', 64);
  if (!SKU.test(sku))
    throw new BadUserInputError(
      field,
      'A SKU is 1 to 64 letters, digits, dots, dashes, slashes or underscores, starting with a letter or digit.',
    );
  return sku;
}

export function checkedCategory(value: string, field: string) {
  const category = checkText(value, field, 'The category', 40)
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (!CATEGORY.test(category))
    throw new BadUserInputError(
      field,
      'A category is a code of 2 to 40 letters, digits or underscores, such as LABELS.',
    );
  return category;
}

/** An item's texts; its prices and tiers are the domain's (they depend on the contract's basis). */
export function checkedItemTexts(item: ContractItemInput, field: string) {
  return {
    sku: checkedSku(item.sku, `${field}.sku`),
    name: checkText(item.name, `${field}.name`, 'The item name'),
    unit: checkText(item.unit, `${field}.unit`, 'The unit', 30),
  };
}

export const itemPricesIn = (item: ContractItemInput, sku: string) => ({
  sku,
  vatRate: decimalText(item.vatRate),
  listPrice: decimalText(item.listPrice),
  tiers: (item.tiers ?? []).map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: decimalText(t.unitPrice) })),
});

export const contractTiersIn = (tiers: ContractTierInput[] | null | undefined) =>
  (tiers ?? []).map((t) => ({
    fromAmount: decimalText(t.fromAmount),
    discountPercent: decimalText(t.discountPercent),
  }));
