import {
  BadUserInputError,
  checkText,
  ConflictError,
  NotFoundError,
  recordChange,
  withinField,
} from '@samen-sterk/subgraph-runtime';
import { exact } from '@samen-sterk/subgraph-runtime/pure';
import type { ProcurementContext } from '../builder';
import { findContract, skusOf } from '../data/catalogue-admin';
import { lockContractVolume } from '../data/volumes';
import { checkItemPrices, checkItemTiers, checkListPriceChange, MAX_CONTRACT_ITEMS, skuKey } from '../domain/catalogue';
import { vatRateIn } from '../domain/checks';
import type { TierBasis } from '../domain/pricing';
import {
  actorOf,
  checkedItemTexts,
  decimalText,
  itemPricesIn,
  mayManage,
  TRANSACTION,
  type ContractItemInput,
  type ItemChanges,
  type ItemTierInput,
} from './catalogue-input';
import { tiersUnlocked } from './contracts-admin';

/*
 * A contract's items, kept by the association's procurement team: a new item, changes to an
 * item's name, unit, VAT rate and list price, and an ITEM_QUANTITY item's tiers. Each change is one
 * transaction with its audit entry.
 */

/** A new item on a contract that is not ended (its prices rest on no order yet). */
export async function addContractItem(
  ctx: ProcurementContext,
  contractId: string,
  input: ContractItemInput,
  query: object = {},
) {
  mayManage(ctx);
  const texts = checkedItemTexts(input, 'input');
  const id = await ctx.db.$transaction(async (tx) => {
    const contract = await findContract(tx, contractId);
    const prices = withinField('input', () =>
      checkItemPrices(itemPricesIn(input, texts.sku), contract.tierBasis as TierBasis, ''),
    );
    if (contract.status === 'ENDED')
      throw new ConflictError(`The contract "${contract.title}" has ended; it takes no new items.`);
    const skus = await skusOf(tx, contractId);
    if (skus.some((sku) => skuKey(sku) === skuKey(texts.sku)))
      throw new BadUserInputError('input.sku', `The contract already has an item with SKU ${texts.sku}.`);
    if (skus.length >= MAX_CONTRACT_ITEMS)
      throw new ConflictError(`A contract has at most ${MAX_CONTRACT_ITEMS} items; this one is full.`);
    const item = await tx.item.create({
      data: { ...texts, ...prices, contractId, tiers: { create: prices.tiers } },
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'ADD_CONTRACT_ITEM',
      entityType: 'Item',
      entityId: item.id,
      after: { contractId, ...texts, ...prices },
    });
    return item.id;
  }, TRANSACTION);
  return ctx.db.item.findUniqueOrThrow({ ...query, where: { id } });
}

/**
 * Changes an item's name, unit, VAT rate or list price (only those given), under the contract's
 * volume lock as orders take it. Orders placed keep the prices and VAT they had (each line stores
 * them) and their settlement counts from the list price they paid against; a new list price never
 * falls below one of the item's tiers (domain rule 9).
 */
export async function updateContractItem(
  ctx: ProcurementContext,
  itemId: string,
  input: ItemChanges,
  query: object = {},
) {
  mayManage(ctx);
  const name = input.name == null ? undefined : checkText(input.name, 'input.name', 'The item name');
  const unit = input.unit == null ? undefined : checkText(input.unit, 'input.unit', 'The unit', 30);
  const vatRate =
    input.vatRate == null ? undefined : withinField('input', () => vatRateIn(decimalText(input.vatRate!), 'vatRate'));
  await ctx.db.$transaction(async (tx) => {
    const item = await tx.item.findUnique({ where: { id: itemId }, include: { contract: true, tiers: true } });
    if (!item) throw new NotFoundError('Item', itemId);
    await lockContractVolume(tx, item.contractId, []);
    if (item.contract.status === 'ENDED')
      throw new ConflictError(`The contract "${item.contract.title}" has ended; its items stay as they were.`);
    const tiers = item.tiers.map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: t.unitPrice.toFixed(2) }));
    const before = {
      name: item.name,
      unit: item.unit,
      vatRate: item.vatRate.toFixed(0),
      listPrice: item.listPrice.toFixed(2),
    };
    const after = {
      name: name ?? before.name,
      unit: unit ?? before.unit,
      vatRate: vatRate ?? before.vatRate,
      listPrice:
        input.listPrice == null
          ? before.listPrice
          : withinField('input', () => checkListPriceChange(decimalText(input.listPrice!), tiers)),
    };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((field) => before[field] !== after[field]);
    if (changed.length === 0) return;
    await tx.item.update({ where: { id: itemId }, data: after });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'UPDATE_CONTRACT_ITEM',
      entityType: 'Item',
      entityId: itemId,
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, after[field]])),
    });
  }, TRANSACTION);
  return ctx.db.item.findUniqueOrThrow({ ...query, where: { id: itemId } });
}

/** Replaces an item's tiers (ITEM_QUANTITY contracts). */
export async function setItemTiers(
  ctx: ProcurementContext,
  itemId: string,
  tiers: ItemTierInput[],
  query: object = {},
) {
  mayManage(ctx);
  await ctx.db.$transaction(async (tx) => {
    const item = await tx.item.findUnique({ where: { id: itemId }, include: { contract: true, tiers: true } });
    if (!item) throw new NotFoundError('Item', itemId);
    if (item.contract.tierBasis !== 'ITEM_QUANTITY' && tiers.length > 0)
      throw new BadUserInputError(
        'tiers',
        'This contract’s tiers count its whole amount (CONTRACT_AMOUNT): its items have no tiers of their own.',
      );
    const checked = checkItemTiers(
      exact(item.listPrice.toFixed(2)),
      tiers.map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: decimalText(t.unitPrice) })),
    );
    await tiersUnlocked(tx, item.contract);
    await tx.itemTier.deleteMany({ where: { itemId } });
    await tx.itemTier.createMany({ data: checked.map((t) => ({ ...t, itemId })) });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'SET_ITEM_TIERS',
      entityType: 'Item',
      entityId: itemId,
      before: { tiers: item.tiers.map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: t.unitPrice.toFixed(2) })) },
      after: { tiers: checked },
    });
  }, TRANSACTION);
  return ctx.db.item.findUniqueOrThrow({ ...query, where: { id: itemId } });
}
