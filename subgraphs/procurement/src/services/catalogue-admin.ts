import {
  BadUserInputError,
  checkDate,
  checkEmail,
  checkKvkNumber,
  checkText,
  ConflictError,
  DATE_WINDOWS,
  ForbiddenError,
  NOTE_MAX_LENGTH,
  NotFoundError,
  recordChange,
  withinField,
} from '@samen-sterk/subgraph-runtime';
import { exact } from '@samen-sterk/subgraph-runtime/pure';
import { managesCatalogue } from '../access';
import type { ProcurementContext } from '../builder';
import {
  findContract,
  findSupplier,
  itemCount,
  ordersInPeriod,
  skusOf,
  supplierWithKvk,
} from '../data/catalogue-admin';
import { lockContractVolume } from '../data/volumes';
import {
  checkCatalogue,
  checkContractPeriod,
  checkContractTiers,
  checkItemPrices,
  checkItemTiers,
  checkStatusChange,
  MAX_CONTRACT_ITEMS,
  peppolIdIn,
  skuKey,
  vatNumberIn,
  type ContractStatus,
} from '../domain/catalogue';
import type { TierBasis } from '../domain/pricing';
import type { Prisma } from '../generated/prisma/client';

/*
 * The catalogue's upkeep by the association's procurement team: suppliers, framework contracts
 * with their items and tiers, and a contract's status. Every input is checked before anything is
 * written; each change is one transaction with its audit entry. Tiers that orders were priced by
 * do not change (the contract's volume lock is held while that is checked, as orders hold it).
 */

/** A decimal as the API hands it over (decimal.js), or as text. */
type DecimalIn = { toFixed(): string } | string;
const decimalText = (value: DecimalIn) => (typeof value === 'string' ? value : value.toFixed());

export interface SupplierInput {
  name: string;
  kvkNumber: string;
  vatNumber: string;
  peppolId: string;
  contactName: string;
  contactEmail: string;
}
export type SupplierChanges = { [Field in keyof SupplierInput]?: string | null };

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

const TRANSACTION = { maxWait: 20_000, timeout: 60_000 };
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const CATEGORY = /^[A-Z][A-Z0-9_]{1,39}$/;

const actorOf = (ctx: ProcurementContext) => ctx.identity?.userId ?? 'unknown';

function mayManage(ctx: ProcurementContext) {
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

function checkedCategory(value: string, field: string) {
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
function checkedItemTexts(item: ContractItemInput, field: string) {
  return {
    sku: checkedSku(item.sku, `${field}.sku`),
    name: checkText(item.name, `${field}.name`, 'The item name'),
    unit: checkText(item.unit, `${field}.unit`, 'The unit', 30),
  };
}

const itemPricesIn = (item: ContractItemInput, sku: string) => ({
  sku,
  vatRate: decimalText(item.vatRate),
  listPrice: decimalText(item.listPrice),
  tiers: (item.tiers ?? []).map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: decimalText(t.unitPrice) })),
});

const contractTiersIn = (tiers: ContractTierInput[] | null | undefined) =>
  (tiers ?? []).map((t) => ({
    fromAmount: decimalText(t.fromAmount),
    discountPercent: decimalText(t.discountPercent),
  }));

// --- Suppliers -----------------------------------------------------------------------------------

function checkedSupplier(input: SupplierInput) {
  const kvkNumber = checkKvkNumber(input.kvkNumber, 'input.kvkNumber');
  const vatNumber = withinField('input', () => vatNumberIn(input.vatNumber));
  return {
    name: checkText(input.name, 'input.name', 'The name'),
    kvkNumber,
    vatNumber,
    peppolId: withinField('input', () => peppolIdIn(input.peppolId, { kvkNumber, vatNumber })),
    contactName: checkText(input.contactName, 'input.contactName', 'The contact name'),
    contactEmail: checkEmail(input.contactEmail, 'input.contactEmail', 'The contact e-mail address'),
  };
}

async function kvkFree(tx: Prisma.TransactionClient, kvkNumber: string, supplierId?: string) {
  const holder = await supplierWithKvk(tx, kvkNumber);
  if (holder && holder.id !== supplierId)
    throw new ConflictError(`KvK number ${kvkNumber} is already the supplier "${holder.name}"; update that supplier.`);
}

export async function createSupplier(ctx: ProcurementContext, input: SupplierInput, query: object = {}) {
  mayManage(ctx);
  const data = checkedSupplier(input);
  const id = await ctx.db.$transaction(async (tx) => {
    await kvkFree(tx, data.kvkNumber);
    const supplier = await tx.supplier.create({ data });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'CREATE_SUPPLIER',
      entityType: 'Supplier',
      entityId: supplier.id,
      after: data,
    });
    return supplier.id;
  }, TRANSACTION);
  return ctx.db.supplier.findUniqueOrThrow({ ...query, where: { id } });
}

/** Only the fields given change; the Peppol id must still be this supplier's KvK or VAT number. */
export async function updateSupplier(ctx: ProcurementContext, id: string, input: SupplierChanges, query: object = {}) {
  mayManage(ctx);
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value != null)) as SupplierChanges;
  // What can be checked alone is checked before anything is read.
  if (given.name) checkText(given.name, 'input.name', 'The name');
  if (given.kvkNumber) checkKvkNumber(given.kvkNumber, 'input.kvkNumber');
  if (given.vatNumber) withinField('input', () => vatNumberIn(given.vatNumber!));
  if (given.contactName) checkText(given.contactName, 'input.contactName', 'The contact name');
  if (given.contactEmail) checkEmail(given.contactEmail, 'input.contactEmail', 'The contact e-mail address');
  await ctx.db.$transaction(async (tx) => {
    const before = await findSupplier(tx, id);
    const { createdAt: _createdAt, id: _id, ...current } = before;
    const data = checkedSupplier({ ...current, ...given } as SupplierInput);
    if (data.kvkNumber !== before.kvkNumber) await kvkFree(tx, data.kvkNumber, id);
    await tx.supplier.update({ where: { id }, data });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'UPDATE_SUPPLIER',
      entityType: 'Supplier',
      entityId: id,
      before: current,
      after: data,
    });
  }, TRANSACTION);
  return ctx.db.supplier.findUniqueOrThrow({ ...query, where: { id } });
}

// --- Contracts -----------------------------------------------------------------------------------

/** Every check of a new contract, before anything is read or written. */
function checkedContract(input: NewContract) {
  const validFrom = checkDate(input.validFrom, 'input.validFrom', 'The start', DATE_WINDOWS.effective);
  const validUntil = checkDate(input.validUntil, 'input.validUntil', 'The end', DATE_WINDOWS.effective);
  withinField('input', () => checkContractPeriod(validFrom, validUntil));
  const texts = input.items.map((item, i) => checkedItemTexts(item, `input.items.${i}`));
  const catalogue = withinField('input', () =>
    checkCatalogue({
      tierBasis: input.tierBasis,
      contractTiers: contractTiersIn(input.contractTiers),
      items: input.items.map((item, i) => itemPricesIn(item, texts[i]!.sku)),
    }),
  );
  return {
    contract: {
      title: checkText(input.title, 'input.title', 'The title'),
      category: checkedCategory(input.category, 'input.category'),
      validFrom,
      validUntil,
      terms: checkText(input.terms, 'input.terms', 'The terms', { multiline: true, maxLength: NOTE_MAX_LENGTH }),
      tierBasis: input.tierBasis,
    },
    contractTiers: catalogue.contractTiers,
    items: catalogue.items.map((prices, i) => ({ ...texts[i]!, ...prices })),
  };
}

/** A new contract starts as a DRAFT: members order from it once the team activates it. */
export async function createContract(ctx: ProcurementContext, input: NewContract, query: object = {}) {
  mayManage(ctx);
  const checked = checkedContract(input);
  const id = await ctx.db.$transaction(async (tx) => {
    const supplier = await tx.supplier.findUnique({ where: { id: input.supplierId } });
    if (!supplier) throw new BadUserInputError('input.supplierId', `There is no supplier ${input.supplierId}.`);
    const contract = await tx.contract.create({
      data: {
        ...checked.contract,
        supplierId: supplier.id,
        status: 'DRAFT',
        tiers: { create: checked.contractTiers },
      },
    });
    for (const item of checked.items)
      await tx.item.create({ data: { ...item, contractId: contract.id, tiers: { create: item.tiers } } });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'CREATE_CONTRACT',
      entityType: 'Contract',
      entityId: contract.id,
      after: {
        ...checked.contract,
        supplierId: supplier.id,
        status: 'DRAFT',
        contractTiers: checked.contractTiers,
        items: checked.items,
      },
    });
    return contract.id;
  }, TRANSACTION);
  return ctx.db.contract.findUniqueOrThrow({ ...query, where: { id } });
}

/** DRAFT → ACTIVE → ENDED (domain/catalogue.ts), under the contract's volume lock. */
export async function setContractStatus(
  ctx: ProcurementContext,
  id: string,
  status: ContractStatus,
  query: object = {},
) {
  mayManage(ctx);
  await ctx.db.$transaction(async (tx) => {
    const contract = await findContract(tx, id);
    await lockContractVolume(tx, id, []);
    const from = contract.status as ContractStatus;
    const facts = { orders: await ordersInPeriod(tx, contract), items: await itemCount(tx, id) };
    checkStatusChange(from, status, facts);
    if (from === status) return;
    await tx.contract.update({ where: { id }, data: { status } });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'SET_CONTRACT_STATUS',
      entityType: 'Contract',
      entityId: id,
      before: { status: from },
      after: { status },
    });
  }, TRANSACTION);
  return ctx.db.contract.findUniqueOrThrow({ ...query, where: { id } });
}

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
 * Tiers change only while no order rests on them: under the contract's volume lock (which every
 * order takes), no order of the contract in its period may exist.
 */
async function tiersUnlocked(
  tx: Prisma.TransactionClient,
  contract: { id: string; title: string; status: string; validFrom: Date; validUntil: Date },
) {
  if (contract.status === 'ENDED')
    throw new ConflictError(`The contract "${contract.title}" has ended; its tiers stay as they were.`);
  await lockContractVolume(tx, contract.id, []);
  const orders = await ordersInPeriod(tx, contract);
  if (orders > 0)
    throw new ConflictError(
      `Members already ordered under "${contract.title}" in its period (${orders} orders), at prices these tiers gave; its tiers cannot change now.`,
    );
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

/** Replaces a contract's tiers (CONTRACT_AMOUNT contracts). */
export async function setContractTiers(
  ctx: ProcurementContext,
  contractId: string,
  tiers: ContractTierInput[],
  query: object = {},
) {
  mayManage(ctx);
  await ctx.db.$transaction(async (tx) => {
    const contract = await tx.contract.findUnique({ where: { id: contractId }, include: { tiers: true } });
    if (!contract) throw new NotFoundError('Contract', contractId);
    if (contract.tierBasis !== 'CONTRACT_AMOUNT')
      throw new BadUserInputError(
        'tiers',
        'This contract’s tiers are per item (ITEM_QUANTITY): set them on its items.',
      );
    const checked = checkContractTiers(contractTiersIn(tiers), 'tiers');
    await tiersUnlocked(tx, contract);
    await tx.contractTier.deleteMany({ where: { contractId } });
    await tx.contractTier.createMany({ data: checked.map((t) => ({ ...t, contractId })) });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'SET_CONTRACT_TIERS',
      entityType: 'Contract',
      entityId: contractId,
      before: {
        tiers: contract.tiers.map((t) => ({
          fromAmount: t.fromAmount.toFixed(2),
          discountPercent: t.discountPercent.toFixed(2),
        })),
      },
      after: { tiers: checked },
    });
  }, TRANSACTION);
  return ctx.db.contract.findUniqueOrThrow({ ...query, where: { id: contractId } });
}
