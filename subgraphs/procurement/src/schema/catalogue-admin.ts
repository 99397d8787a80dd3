import { maxItems } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { MAX_CONTRACT_ITEMS, MAX_CONTRACT_TIERS, MAX_ITEM_TIERS } from '../domain/catalogue';
import { createContract, setContractStatus, setContractTiers, updateContract } from '../services/contracts-admin';
import { addContractItem, setItemTiers, updateContractItem } from '../services/items-admin';
import { createSupplier, updateSupplier } from '../services/suppliers';

/*
 * The catalogue's upkeep: suppliers, framework contracts, their items and tiers, and a contract's
 * status. Only the association's procurement team (and platform admins); services/suppliers.ts,
 * contracts-admin.ts and items-admin.ts.
 */

const ContractStatusEnum = builder.enumType('ContractStatus', {
  description: 'DRAFT (being prepared, not orderable), ACTIVE (orderable in its period), ENDED (for good).',
  values: ['DRAFT', 'ACTIVE', 'ENDED'] as const,
});

// The enum `TierBasis` is catalogue.ts's; named here, as Pothos resolves a type by its name.
// (Exporting `TierBasisEnum` from catalogue.ts would let this use the ref itself.)
const TierBasisByName = 'TierBasis' as unknown as 'String';

const text = (description?: string) => ({ required: true, ...(description ? { description } : {}) }) as const;

const CreateSupplierInput = builder.inputType('CreateSupplierInput', {
  fields: (t) => ({
    name: t.string(text()),
    kvkNumber: t.string(text('Chamber of Commerce (KvK) number: eight digits.')),
    vatNumber: t.string(text('Dutch VAT number: NL, nine digits, B, two digits (NL861234501B01).')),
    peppolId: t.string(text('0106:<KvK number> or 9944:<VAT number> of this supplier.')),
    contactName: t.string(text()),
    contactEmail: t.string(text()),
  }),
});

const UpdateSupplierInput = builder.inputType('UpdateSupplierInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    name: t.string(),
    kvkNumber: t.string(),
    vatNumber: t.string(),
    peppolId: t.string(),
    contactName: t.string(),
    contactEmail: t.string(),
  }),
});

const PriceTierInput = builder.inputType('PriceTierInput', {
  description: 'From this sector quantity of the item on (at least 1), this unit price excl. VAT.',
  fields: (t) => ({
    fromQuantity: t.int({ required: true }),
    unitPrice: t.field({ type: 'Decimal', required: true, description: 'Euros and cents; not above list price.' }),
  }),
});

const ContractTierInput = builder.inputType('ContractTierInput', {
  description: 'From this sector amount at list price on, this percentage off every list price.',
  fields: (t) => ({
    fromAmount: t.field({ type: 'Decimal', required: true }),
    discountPercent: t.field({ type: 'Decimal', required: true }),
  }),
});

const ContractItemInput = builder.inputType('ContractItemInput', {
  fields: (t) => ({
    sku: t.string(text('Unique in the contract.')),
    name: t.string(text()),
    unit: t.string(text('What one unit is: stuk, rol, doos…')),
    vatRate: t.field({ type: 'Decimal', required: true, description: '21, 9 or 0.' }),
    listPrice: t.field({ type: 'Decimal', required: true, description: 'Per unit, excl. VAT, in euros and cents.' }),
    tiers: t.field({
      type: [PriceTierInput],
      description: `ITEM_QUANTITY contracts: ascending, each price not above the one before; at most ${MAX_ITEM_TIERS}.`,
      extensions: maxItems(MAX_ITEM_TIERS),
    }),
  }),
});

const CreateContractInput = builder.inputType('CreateContractInput', {
  fields: (t) => ({
    supplierId: t.id({ required: true }),
    title: t.string(text()),
    category: t.string(text('A code such as LABELS.')),
    validFrom: t.field({ type: 'Date', required: true }),
    validUntil: t.field({ type: 'Date', required: true, description: 'After validFrom, at most five years on.' }),
    terms: t.string(text()),
    tierBasis: t.field({ type: TierBasisByName, required: true }),
    contractTiers: t.field({
      type: [ContractTierInput],
      description: `CONTRACT_AMOUNT contracts: ascending; at most ${MAX_CONTRACT_TIERS}.`,
      extensions: maxItems(MAX_CONTRACT_TIERS),
    }),
    items: t.field({
      type: [ContractItemInput],
      required: true,
      description: `One to ${MAX_CONTRACT_ITEMS} items.`,
      extensions: maxItems(MAX_CONTRACT_ITEMS),
    }),
  }),
});

const UpdateContractInput = builder.inputType('UpdateContractInput', {
  description:
    'Only the fields given change. The period must keep every order placed under the contract and cannot change once settled; the category is fixed once ordered from.',
  fields: (t) => ({
    title: t.string(),
    category: t.string(),
    terms: t.string(),
    validFrom: t.field({ type: 'Date' }),
    validUntil: t.field({ type: 'Date' }),
  }),
});

const UpdateContractItemInput = builder.inputType('UpdateContractItemInput', {
  description:
    'Only the fields given change. Orders already placed keep their prices and VAT; a list price never falls below one of the item’s tiers.',
  fields: (t) => ({
    name: t.string(),
    unit: t.string(),
    vatRate: t.field({ type: 'Decimal', description: '21, 9 or 0.' }),
    listPrice: t.field({ type: 'Decimal', description: 'Per unit, excl. VAT, in euros and cents.' }),
  }),
});

const team = { managesCatalogue: true } as const;

builder.mutationFields((t) => ({
  createSupplier: t.prismaField({
    type: 'Supplier',
    description: 'A new supplier; a KvK number already in use is a conflict.',
    authScopes: team,
    args: { input: t.arg({ type: CreateSupplierInput, required: true }) },
    resolve: (query, _root, { input }, ctx) => createSupplier(ctx, input, query),
  }),
  updateSupplier: t.prismaField({
    type: 'Supplier',
    authScopes: team,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateSupplierInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => updateSupplier(ctx, id, input, query),
  }),
  createContract: t.prismaField({
    type: 'Contract',
    description: 'A framework contract with its items and tiers, all or nothing; it starts as a DRAFT.',
    authScopes: team,
    args: { input: t.arg({ type: CreateContractInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      createContract(ctx, { ...input, tierBasis: input.tierBasis as 'ITEM_QUANTITY' | 'CONTRACT_AMOUNT' }, query),
  }),
  updateContract: t.prismaField({
    type: 'Contract',
    description: "Changes a contract's title, terms, category or period; refused (CONFLICT) once it has ended.",
    authScopes: team,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateContractInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => updateContract(ctx, id, input, query),
  }),
  setContractStatus: t.prismaField({
    type: 'Contract',
    description: 'DRAFT → ACTIVE (members may order) → ENDED (for good).',
    authScopes: team,
    args: { id: t.arg.id({ required: true }), status: t.arg({ type: ContractStatusEnum, required: true }) },
    resolve: (query, _root, { id, status }, ctx) => setContractStatus(ctx, id, status, query),
  }),
  addContractItem: t.prismaField({
    type: 'Item',
    description: 'A new item on a contract that has not ended.',
    authScopes: team,
    args: { contractId: t.arg.id({ required: true }), input: t.arg({ type: ContractItemInput, required: true }) },
    resolve: (query, _root, { contractId, input }, ctx) => addContractItem(ctx, contractId, input, query),
  }),
  updateContractItem: t.prismaField({
    type: 'Item',
    description: "Changes an item's name, unit, VAT rate or list price; orders already placed keep theirs.",
    authScopes: team,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateContractItemInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx) => updateContractItem(ctx, id, input, query),
  }),
  setItemTiers: t.prismaField({
    type: 'Item',
    description: "Replaces an item's tiers; refused (CONFLICT) once members ordered under the contract in its period.",
    authScopes: team,
    args: {
      itemId: t.arg.id({ required: true }),
      tiers: t.arg({ type: [PriceTierInput], required: true, extensions: maxItems(MAX_ITEM_TIERS) }),
    },
    resolve: (query, _root, { itemId, tiers }, ctx) => setItemTiers(ctx, itemId, tiers, query),
  }),
  setContractTiers: t.prismaField({
    type: 'Contract',
    description:
      "Replaces a CONTRACT_AMOUNT contract's tiers; refused (CONFLICT) once members ordered under it in its period.",
    authScopes: team,
    args: {
      contractId: t.arg.id({ required: true }),
      tiers: t.arg({ type: [ContractTierInput], required: true, extensions: maxItems(MAX_CONTRACT_TIERS) }),
    },
    resolve: (query, _root, { contractId, tiers }, ctx) => setContractTiers(ctx, contractId, tiers, query),
  }),
}));
