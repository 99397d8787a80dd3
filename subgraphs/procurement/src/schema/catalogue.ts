import { formatAmount } from '@samen-sterk/subgraph-runtime/pure';
import { managesCatalogue } from '../access';
import { builder } from '../builder';
import { pricingOfContract, volumeOfContract } from '../data/catalogue';
import { contractTierPrice, itemTierPrice } from '../domain/pricing';
import type { Item, ItemTier } from '../generated/prisma/client';
import { money } from './references';

/*
 * The catalogue: suppliers, framework contracts and their items with the price the sector's
 * volume reaches now. Every signed-in person of the sector may read it; it holds no member's data.
 */

builder.prismaObject('Supplier', {
  description: 'A supplier the association has a framework contract with.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kvkNumber: t.exposeString('kvkNumber', { description: 'Chamber of Commerce (KvK) number.' }),
    vatNumber: t.exposeString('vatNumber'),
    peppolId: t.exposeString('peppolId', { description: 'Peppol participant id (0106 = KvK).' }),
    contactName: t.exposeString('contactName'),
    contactEmail: t.exposeString('contactEmail'),
  }),
});

const TierBasisEnum = builder.enumType('TierBasis', {
  description:
    "ITEM_QUANTITY: each item's tiers count its sector quantity; CONTRACT_AMOUNT: the contract's sector amount at list price gives a discount.",
  values: ['ITEM_QUANTITY', 'CONTRACT_AMOUNT'] as const,
});

builder.prismaObject('ContractTier', {
  fields: (t) => ({
    fromAmount: t.field({ type: 'Decimal', resolve: (tier) => money(tier.fromAmount) }),
    discountPercent: t.field({ type: 'Decimal', resolve: (tier) => tier.discountPercent.toFixed(2) }),
  }),
});

const TierRef = builder.objectRef<ItemTier>('PriceTier').implement({
  description: 'From this sector quantity of the item in the contract period on, this unit price (excl. VAT).',
  fields: (t) => ({
    fromQuantity: t.exposeInt('fromQuantity'),
    unitPrice: t.field({ type: 'Decimal', resolve: (tier) => money(tier.unitPrice) }),
  }),
});

const NextTierRef = builder
  .objectRef<{ from: string; unitPrice: string; remaining: string }>('NextPriceTier')
  .implement({
    description: 'The next tier the sector can reach: from which volume, its unit price, and how much is still to go.',
    fields: (t) => ({
      from: t.exposeString('from', {
        description: 'A quantity (ITEM_QUANTITY) or an amount in euros (CONTRACT_AMOUNT).',
      }),
      unitPrice: t.field({ type: 'Decimal', resolve: (n) => n.unitPrice }),
      remaining: t.exposeString('remaining'),
    }),
  });

/** The price of an item now: its tier (or the contract's discount) at the sector's volume so far. */
async function priceNow(item: Item & { tiers: ItemTier[] }, ctx: Parameters<typeof volumeOfContract>[0]) {
  const [pricing, volume] = await Promise.all([
    pricingOfContract(ctx, item.contractId),
    volumeOfContract(ctx, item.contractId),
  ]);
  const list = item.listPrice.toFixed(2);
  const tiers = item.tiers.map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: t.unitPrice.toFixed(2) }));
  const price =
    pricing.tierBasis === 'CONTRACT_AMOUNT'
      ? contractTierPrice(list, pricing.tiers, volume.amount)
      : itemTierPrice(list, tiers, volume.items.get(item.id) ?? 0);
  return {
    unitPrice: formatAmount(price.unitPrice),
    next: price.next && {
      from: price.next.from,
      unitPrice: formatAmount(price.next.unitPrice),
      remaining: price.next.remaining,
    },
    sectorQuantity: volume.items.get(item.id) ?? 0,
  };
}

builder.prismaObject('Item', {
  description: 'An item of a framework contract, priced by the tier the whole sector reaches.',
  include: { tiers: { orderBy: { fromQuantity: 'asc' } } },
  fields: (t) => ({
    id: t.exposeID('id'),
    sku: t.exposeString('sku'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    vatRate: t.field({
      type: 'Decimal',
      description: 'Percent: 21, 9 or 0.',
      resolve: (item) => item.vatRate.toFixed(0),
    }),
    listPrice: t.field({
      type: 'Decimal',
      description: 'Per unit, excluding VAT.',
      resolve: (item) => money(item.listPrice),
    }),
    tiers: t.field({ type: [TierRef], resolve: (item) => item.tiers }),
    sectorQuantity: t.int({
      description: 'What all members together ordered of this item under the contract in its period so far.',
      resolve: async (item, _args, ctx) => (await priceNow(item, ctx)).sectorQuantity,
    }),
    price: t.field({
      type: 'Decimal',
      description: "The unit price now (excl. VAT): the tier the sector's volume reaches.",
      resolve: async (item, _args, ctx) => (await priceNow(item, ctx)).unitPrice,
    }),
    savingPerUnit: t.field({
      type: 'Decimal',
      description: 'List price minus the price now.',
      resolve: async (item, _args, ctx) => {
        const { unitPrice } = await priceNow(item, ctx);
        return formatAmount(item.listPrice.minus(unitPrice));
      },
    }),
    nextTier: t.field({
      type: NextTierRef,
      nullable: true,
      description: 'The next tier and how far the sector still has to go; null at the best tier.',
      resolve: async (item, _args, ctx) => (await priceNow(item, ctx)).next,
    }),
  }),
});

export const ContractRef = builder.prismaObject('Contract', {
  description: 'A framework contract (raamovereenkomst) the association negotiated for all members.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    category: t.exposeString('category'),
    supplier: t.relation('supplier'),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validUntil: t.expose('validUntil', { type: 'Date' }),
    status: t.exposeString('status'),
    terms: t.exposeString('terms'),
    tierBasis: t.field({ type: TierBasisEnum, resolve: (c) => c.tierBasis }),
    contractTiers: t.relation('tiers', { query: { orderBy: { fromAmount: 'asc' } } }),
    sectorAmount: t.field({
      type: 'Decimal',
      description: 'What all members together ordered under the contract in its period so far, at list price.',
      resolve: async (c, _args, ctx) => (await volumeOfContract(ctx, c.id)).amount,
    }),
    items: t.relatedConnection('items', { cursor: 'id', totalCount: true, query: { orderBy: { sku: 'asc' } } }),
  }),
});

builder.queryFields((t) => ({
  procurementContracts: t.prismaConnection({
    type: 'Contract',
    cursor: 'id',
    description:
      "The association's framework contracts, by title: active ones for every signed-in person of the sector; drafts and ended ones too for the procurement team.",
    totalCount: (_parent, _args, ctx) => ctx.db.contract.count({ where: contractsFor(ctx.identity) }),
    resolve: (query, _root, _args, ctx) =>
      ctx.db.contract.findMany({
        ...query,
        where: contractsFor(ctx.identity),
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
      }),
  }),
  procurementContract: t.prismaField({
    type: 'Contract',
    nullable: true,
    description: 'One contract; a draft only for the procurement team (an ended one stays readable for its orders).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.contract.findFirst({
        ...query,
        where: { id, ...(managesCatalogue(ctx.identity) ? {} : { status: { not: 'DRAFT' } }) },
      }),
  }),
}));

/** What the catalogue lists: the team sees every contract, everyone else the active ones. */
const contractsFor = (identity: Parameters<typeof managesCatalogue>[0]) =>
  managesCatalogue(identity) ? {} : { status: 'ACTIVE' as const };
