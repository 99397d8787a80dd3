import { byId, maxItems, withInput } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import type { Discrepancy, MatchResult } from '../domain/matching';
import { closeOrder, markOrderOrdered } from '../services/fulfilment';
import { recordDelivery } from '../services/fulfilment-deliveries';
import { recordSupplierInvoice } from '../services/fulfilment-invoices';
import { lineProgress, orderMatch } from '../services/fulfilment-match';
import { orderPeppolXml } from '../services/fulfilment-peppol';
import { MAX_LINES } from '../services/input';
import { money } from './references';

/*
 * Fulfilment of an order: sent to the supplier, received line by line, invoiced by the supplier,
 * matched three ways and closed; and the order as a Peppol BIS Order 3 document.
 */

const MatchStatusEnum = builder.enumType('OrderMatchStatus', {
  description:
    'MATCHED: everything ordered was received and invoiced at the order price (within tolerance); PENDING: nothing wrong, but goods or invoices are still to come; DISCREPANCY: something is wrong or missing after delivery and invoicing (see the discrepancies).',
  values: ['MATCHED', 'PENDING', 'DISCREPANCY'] as const,
});

const DiscrepancyCodeEnum = builder.enumType('DiscrepancyCode', {
  values: [
    'RECEIVED_MORE_THAN_ORDERED',
    'INVOICED_MORE_THAN_RECEIVED',
    'PRICE_DIFFERS',
    'TOTAL_DIFFERS',
    'NOT_INVOICED',
    'NOT_RECEIVED',
  ] as const,
});

const DiscrepancyRef = builder.objectRef<Discrepancy>('OrderDiscrepancy').implement({
  description: 'One difference between what was ordered, received and invoiced.',
  fields: (t) => ({
    lineId: t.exposeID('lineId', { nullable: true, description: 'The order line; null for the invoice total.' }),
    code: t.field({ type: DiscrepancyCodeEnum, resolve: (d) => d.code }),
    message: t.exposeString('message'),
  }),
});

const OrderMatchRef = builder.objectRef<MatchResult>('OrderMatch').implement({
  description:
    'The three-way match of what was ordered, received and invoiced. A unit price may differ by 1 % or €0.05 (the larger); the invoice total from its lines by €0.01 a line.',
  fields: (t) => ({
    status: t.field({ type: MatchStatusEnum, resolve: (m) => m.status }),
    discrepancies: t.field({ type: [DiscrepancyRef], resolve: (m) => m.discrepancies }),
  }),
});

builder.prismaObject('Delivery', {
  description: 'Goods received for one order line (a delivery of three lines is three of these, on the same day).',
  fields: (t) => ({
    id: t.exposeID('id'),
    lineId: t.exposeID('lineId'),
    line: t.relation('line'),
    quantity: t.exposeInt('quantity'),
    receivedOn: t.expose('receivedOn', { type: 'Date' }),
    recordedBy: t.exposeID('recordedBy'),
    recordedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('SupplierInvoiceLine', {
  fields: (t) => ({
    id: t.exposeID('id'),
    lineId: t.exposeID('lineId', { description: 'The order line invoiced.' }),
    line: t.relation('line'),
    quantity: t.exposeInt('quantity'),
    unitPrice: t.field({ type: 'Decimal', description: 'Excluding VAT.', resolve: (l) => money(l.unitPrice) }),
    amount: t.field({
      type: 'Decimal',
      description: 'Quantity × unit price, excluding VAT.',
      resolve: (l) => money(l.unitPrice.times(l.quantity)),
    }),
  }),
});

builder.prismaObject('SupplierInvoice', {
  description: "A supplier's invoice for an order, as the member received it.",
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number', { description: "The supplier's invoice number." }),
    invoicedOn: t.expose('invoicedOn', { type: 'Date' }),
    total: t.field({ type: 'Decimal', description: 'Excluding VAT, as printed.', resolve: (i) => money(i.total) }),
    vatTotal: t.field({ type: 'Decimal', resolve: (i) => money(i.vatTotal) }),
    lines: t.relation('lines', { query: { orderBy: { id: 'asc' } } }),
    recordedBy: t.exposeID('recordedBy'),
    recordedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields('OrderLine', (t) => ({
  received: t.int({
    description: 'Units received so far, all deliveries together (may exceed the quantity ordered).',
    resolve: async (line, _args, ctx) => (await lineProgress(ctx, line)).received,
  }),
  invoiced: t.int({
    description: "Units on the supplier's invoices so far.",
    resolve: async (line, _args, ctx) => (await lineProgress(ctx, line)).invoiced,
  }),
}));

builder.prismaObjectFields('Order', (t) => ({
  orderedBy: t.exposeID('orderedBy', { nullable: true, description: 'Who sent it to the supplier.' }),
  orderedAt: t.expose('orderedAt', { type: 'DateTime', nullable: true }),
  expectedOn: t.expose('expectedOn', {
    type: 'Date',
    nullable: true,
    description: 'The delivery date the supplier promised.',
  }),
  deliveredOn: t.expose('deliveredOn', {
    type: 'Date',
    nullable: true,
    description: 'The day the last line was received in full.',
  }),
  closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
  deliveries: t.relation('deliveries', {
    description: 'Goods received, per line, oldest first.',
    query: { orderBy: [{ receivedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
  }),
  invoices: t.relation('invoices', {
    description: "The supplier's invoices, oldest first.",
    query: { orderBy: [{ invoicedOn: 'asc' }, { createdAt: 'asc' }] },
  }),
  match: t.field({
    type: OrderMatchRef,
    description: 'The three-way match of what was ordered, received and invoiced.',
    resolve: (order, _args, ctx) => orderMatch(ctx, order.id),
  }),
}));

const DeliveryLineInput = builder.inputType('DeliveryLineInput', {
  fields: (t) => ({
    lineId: t.id({ required: true, description: 'A line of the order.' }),
    quantity: t.int({
      required: true,
      description:
        'Units received now: a whole number from 1 to 1,000,000, and at most 1,000,000 on the line in all. More than ordered (in total) is accepted, and shows in the match as RECEIVED_MORE_THAN_ORDERED.',
    }),
  }),
});

const RecordDeliveryInput = builder.inputType('RecordDeliveryInput', {
  fields: (t) => ({
    orderId: t.id({ required: true }),
    receivedOn: t.field({
      type: 'Date',
      required: true,
      description: 'Not in the future, not before the order date.',
    }),
    lines: t.field({
      type: [DeliveryLineInput],
      required: true,
      description: `At most ${MAX_LINES} lines, each line of the order at most once.`,
      extensions: maxItems(MAX_LINES),
    }),
  }),
});

const SupplierInvoiceLineInput = builder.inputType('SupplierInvoiceLineInput', {
  fields: (t) => ({
    lineId: t.id({ required: true, description: 'A line of the order.' }),
    quantity: t.int({
      required: true,
      description: 'Units invoiced: a whole number from 1 to 1,000,000, and at most 1,000,000 on the line in all.',
    }),
    unitPrice: t.field({
      type: 'Decimal',
      required: true,
      description: 'Excluding VAT, in euros: not negative, at most two decimals.',
    }),
  }),
});

const RecordSupplierInvoiceInput = builder.inputType('RecordSupplierInvoiceInput', {
  fields: (t) => ({
    orderId: t.id({ required: true }),
    number: t.string({
      required: true,
      description:
        "The supplier's invoice number: 1 to 50 characters; recorded once per member and supplier, in any case.",
    }),
    invoicedOn: t.field({
      type: 'Date',
      required: true,
      description: 'Not in the future, not before the order date.',
    }),
    total: t.field({
      type: 'Decimal',
      required: true,
      description: 'Excluding VAT, as printed: not negative, at most two decimals.',
    }),
    vatTotal: t.field({ type: 'Decimal', required: true, description: 'Not negative, at most two decimals.' }),
    lines: t.field({
      type: [SupplierInvoiceLineInput],
      required: true,
      description: `At most ${MAX_LINES} lines, each line of the order at most once.`,
      extensions: maxItems(MAX_LINES),
    }),
  }),
});

builder.queryFields((t) => ({
  orderPeppolXml: t.string({
    description:
      "The order as a Peppol BIS Order 3 document (UBL 2.1 XML) for its supplier: an approved order the caller may see. The buyer's name and KvK number come from the members directory.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => orderPeppolXml(ctx, id),
  }),
}));

builder.mutationFields((t) => ({
  markOrderOrdered: t.prismaField({
    type: 'Order',
    description:
      "APPROVED → ORDERED: sent to the supplier (the member's purchasers or approvers), with the delivery date it promised: from today to a year ahead.",
    args: { id: t.arg.id({ required: true }), expectedOn: t.arg({ type: 'Date', required: false }) },
    resolve: (query, _root, { id, expectedOn }, ctx) => markOrderOrdered(ctx, id, expectedOn ?? null, query),
  }),
  recordDelivery: t.prismaField({
    type: 'Order',
    description:
      'Goods received for an ORDERED order, per line (partial deliveries are fine). More than ordered is accepted and shows in the match as RECEIVED_MORE_THAN_ORDERED. Once every line is received in full the order is DELIVERED (and INVOICED, if invoiced already).',
    ...withInput(t, RecordDeliveryInput, recordDelivery),
  }),
  recordSupplierInvoice: t.prismaField({
    type: 'Order',
    description:
      "A supplier's invoice for an ORDERED, DELIVERED or INVOICED order; a DELIVERED order becomes INVOICED. The same invoice number twice for one order is a conflict.",
    ...withInput(t, RecordSupplierInvoiceInput, recordSupplierInvoice),
  }),
  closeOrder: t.prismaField({
    type: 'Order',
    description:
      'INVOICED → CLOSED, only when the three-way match is MATCHED; otherwise a conflict naming the discrepancies.',
    ...byId(t, closeOrder),
  }),
}));
