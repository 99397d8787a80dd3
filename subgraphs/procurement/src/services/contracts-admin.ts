import {
  BadUserInputError,
  checkDate,
  checkText,
  ConflictError,
  DATE_WINDOWS,
  NOTE_MAX_LENGTH,
  NotFoundError,
  recordChange,
  withinField,
} from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';
import { findContract, itemCount, ordersInPeriod, periodFacts } from '../data/catalogue-admin';
import { lockContractVolume } from '../data/volumes';
import {
  checkCatalogue,
  checkCategoryChange,
  checkContractPeriod,
  checkContractTiers,
  checkPeriodChange,
  checkStatusChange,
  type ContractStatus,
} from '../domain/catalogue';
import type { Prisma } from '../generated/prisma/client';
import {
  actorOf,
  checkedCategory,
  checkedItemTexts,
  contractTiersIn,
  itemPricesIn,
  mayManage,
  TRANSACTION,
  type ContractChanges,
  type ContractTierInput,
  type NewContract,
} from './catalogue-input';

/*
 * Framework contracts, kept by the association's procurement team: a new contract with its items
 * and tiers (all or nothing, as a DRAFT), changes to its title, terms, category and period, its
 * status, and a CONTRACT_AMOUNT contract's tiers. Every input is checked before anything is
 * written; each change is one transaction with its audit entry, under the contract's volume lock
 * that every order takes, so no order is priced while a contract changes under it.
 */

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

/**
 * Changes a contract's title, terms, category or period (only the fields given), under the
 * contract's volume lock as orders take it: the period must keep every order placed under it and
 * no settlement may rest on it; the category is fixed once ordered from (domain rule 9).
 */
export async function updateContract(ctx: ProcurementContext, id: string, input: ContractChanges, query: object = {}) {
  mayManage(ctx);
  const given = {
    title: input.title == null ? undefined : checkText(input.title, 'input.title', 'The title'),
    category: input.category == null ? undefined : checkedCategory(input.category, 'input.category'),
    terms:
      input.terms == null
        ? undefined
        : checkText(input.terms, 'input.terms', 'The terms', { multiline: true, maxLength: NOTE_MAX_LENGTH }),
    validFrom:
      input.validFrom == null
        ? undefined
        : checkDate(input.validFrom, 'input.validFrom', 'The start', DATE_WINDOWS.effective),
    validUntil:
      input.validUntil == null
        ? undefined
        : checkDate(input.validUntil, 'input.validUntil', 'The end', DATE_WINDOWS.effective),
  };
  await ctx.db.$transaction(async (tx) => {
    const contract = await findContract(tx, id);
    await lockContractVolume(tx, id, []);
    if (contract.status === 'ENDED')
      throw new ConflictError(`The contract "${contract.title}" has ended; it stays as it was.`);
    const before = {
      title: contract.title,
      category: contract.category,
      terms: contract.terms,
      validFrom: contract.validFrom,
      validUntil: contract.validUntil,
    };
    const after = {
      title: given.title ?? before.title,
      category: given.category ?? before.category,
      terms: given.terms ?? before.terms,
      validFrom: given.validFrom ?? before.validFrom,
      validUntil: given.validUntil ?? before.validUntil,
    };
    const periodChanged =
      after.validFrom.getTime() !== before.validFrom.getTime() ||
      after.validUntil.getTime() !== before.validUntil.getTime();
    if (periodChanged || after.category !== before.category) {
      const facts = await periodFacts(tx, id);
      if (periodChanged) withinField('input', () => checkPeriodChange(after.validFrom, after.validUntil, facts));
      if (after.category !== before.category) withinField('input', () => checkCategoryChange(facts));
    }
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter(
      (field) => String(before[field]) !== String(after[field]),
    );
    if (changed.length === 0) return;
    await tx.contract.update({ where: { id }, data: after });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      action: 'UPDATE_CONTRACT',
      entityType: 'Contract',
      entityId: id,
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, after[field]])),
    });
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

/**
 * Tiers change only while no order rests on them: under the contract's volume lock (which every
 * order takes), no order of the contract in its period may exist.
 */
export async function tiersUnlocked(
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
