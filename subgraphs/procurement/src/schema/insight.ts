import { builder } from '../builder';
import {
  contractUtilisation,
  memberSpendInYear,
  procurementSpend,
  supplierPerformance,
  type SpendRow,
  type SupplierPerformance,
} from '../services/insight';
import { MemberRef } from './references';

// Insight (services/insight.ts): spend and savings, a contract's utilisation, suppliers'
// performance. The association sees every member; a member's people only their own.

const SpendGroupingEnum = builder.enumType('SpendGrouping', {
  values: ['MEMBER', 'CONTRACT', 'CATEGORY', 'MONTH'] as const,
});

const SpendRowRef = builder.objectRef<SpendRow>('SpendRow').implement({
  description: 'Spend of one group (a member, contract, category or month), excluding VAT.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The member or contract id, the category, or the month (YYYY-MM).' }),
    label: t.exposeString('label', { description: "The contract's title; otherwise the key." }),
    orders: t.exposeInt('orders'),
    lines: t.exposeInt('lines'),
    spend: t.field({ type: 'Decimal', description: 'What was paid.', resolve: (r) => r.spend }),
    listSpend: t.field({ type: 'Decimal', description: 'The same at list price.', resolve: (r) => r.listSpend }),
    savings: t.field({ type: 'Decimal', description: 'List price minus what was paid.', resolve: (r) => r.savings }),
  }),
});

const MemberSpendRef = builder
  .objectRef<{ year: number; orders: number; spend: string; savings: string }>('MemberProcurementSpend')
  .implement({
    description: "A member's orders in a calendar year (not rejected or cancelled), excluding VAT.",
    fields: (t) => ({
      year: t.exposeInt('year'),
      orders: t.exposeInt('orders'),
      spend: t.field({ type: 'Decimal', resolve: (s) => s.spend }),
      savings: t.field({ type: 'Decimal', resolve: (s) => s.savings }),
    }),
  });

type Utilisation = Awaited<ReturnType<typeof contractUtilisation>>;
const ItemUtilisationRef = builder.objectRef<Utilisation['items'][number]>('ItemUtilisation').implement({
  fields: (t) => ({
    item: t.prismaField({
      type: 'Item',
      resolve: (query, u, _args, ctx) => ctx.db.item.findUniqueOrThrow({ ...query, where: { id: u.item.id } }),
    }),
    sectorQuantity: t.exposeInt('sectorQuantity'),
    unitPrice: t.field({ type: 'Decimal', description: 'The price the sector reached.', resolve: (u) => u.unitPrice }),
    nextTierFrom: t.string({ nullable: true, resolve: (u) => u.next?.from ?? null }),
    nextTierUnitPrice: t.field({ type: 'Decimal', nullable: true, resolve: (u) => u.next?.unitPrice ?? null }),
    nextTierRemaining: t.string({
      nullable: true,
      description: 'A quantity (ITEM_QUANTITY) or an amount (CONTRACT_AMOUNT) still to go.',
      resolve: (u) => u.next?.remaining ?? null,
    }),
  }),
});

const ContractUtilisationRef = builder.objectRef<Utilisation>('ContractUtilisation').implement({
  description: "The sector's progress with a contract in its period: counts only, no member named.",
  fields: (t) => ({
    contract: t.prismaField({
      type: 'Contract',
      resolve: (query, u, _args, ctx) => ctx.db.contract.findUniqueOrThrow({ ...query, where: { id: u.contract.id } }),
    }),
    sectorAmount: t.field({ type: 'Decimal', description: 'At list price.', resolve: (u) => u.sectorAmount }),
    orders: t.exposeInt('orders', { description: 'Orders in the period, not rejected or cancelled.' }),
    members: t.exposeInt('members', { description: 'How many members ordered.' }),
    items: t.field({ type: [ItemUtilisationRef], resolve: (u) => u.items }),
  }),
});

const SupplierPerformanceRef = builder.objectRef<SupplierPerformance>('SupplierPerformance').implement({
  description: "A supplier's orders in a period: delivered, on time, and with a discrepancy in the three-way match.",
  fields: (t) => ({
    supplier: t.prismaField({
      type: 'Supplier',
      resolve: (query, p, _args, ctx) => ctx.db.supplier.findUniqueOrThrow({ ...query, where: { id: p.supplierId } }),
    }),
    orders: t.exposeInt('orders'),
    delivered: t.exposeInt('delivered'),
    onTime: t.exposeInt('onTime', { description: 'Delivered on or before the day the supplier promised.' }),
    onTimePercent: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'On time of delivered, in percent; null when nothing was delivered.',
      resolve: (p) => p.onTimePercent,
    }),
    withDiscrepancies: t.exposeInt('withDiscrepancies', {
      description: 'Orders whose deliveries or invoices do not match the order.',
    }),
  }),
});

builder.objectFields(MemberRef, (t) => ({
  procurementSpend: t.field({
    type: MemberSpendRef,
    nullable: true,
    description: "This member's spend and savings in a calendar year (its purchasers and approvers).",
    args: { year: t.arg.int({ required: true }) },
    resolve: (member, { year }, ctx) => memberSpendInYear(ctx, member.id, year),
  }),
}));

builder.queryFields((t) => ({
  procurementSpend: t.field({
    type: [SpendRowRef],
    description:
      'Spend, list price and savings of the orders in a period (at most five years), grouped, largest spend first. The association: every member, or `memberId`; a member: its own.',
    args: {
      memberId: t.arg.id({ required: false }),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      groupBy: t.arg({ type: SpendGroupingEnum, required: true }),
    },
    resolve: (_root, args, ctx) => procurementSpend(ctx, args),
  }),
  contractUtilisation: t.field({
    type: ContractUtilisationRef,
    description: "The sector's progress with a contract: per item its quantity and the next tier; counts only.",
    args: { contractId: t.arg.id({ required: true }) },
    resolve: (_root, { contractId }, ctx) => contractUtilisation(ctx, contractId),
  }),
  supplierPerformance: t.field({
    type: [SupplierPerformanceRef],
    description: "Per supplier, by name: the period's orders delivered, on time, and with discrepancies.",
    args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
    authScopes: { managesCatalogue: true },
    resolve: (_root, { from, to }, ctx) => supplierPerformance(ctx, from, to),
  }),
}));
