import { maxItems, ofMember } from '@samen-sterk/subgraph-runtime';
import { MAX_LINES } from '../services/input';
import { builder } from '../builder';
import { findOrder, ordersOf } from '../data/orders';
import { approveOrder, cancelOrder, rejectOrder, submitOrder } from '../services/orders';
import { MemberRef, money } from './references';

const OrderStatusEnum = builder.enumType('OrderStatus', {
  description:
    'SUBMITTED (waiting for an approver), APPROVED, REJECTED, ORDERED (sent to the supplier), DELIVERED, INVOICED, CLOSED, CANCELLED.',
  values: ['SUBMITTED', 'APPROVED', 'REJECTED', 'ORDERED', 'DELIVERED', 'INVOICED', 'CLOSED', 'CANCELLED'] as const,
});

builder.prismaObject('OrderLine', {
  fields: (t) => ({
    id: t.exposeID('id'),
    item: t.relation('item'),
    quantity: t.exposeInt('quantity'),
    unitPrice: t.field({
      type: 'Decimal',
      description: 'The tier price the sector reached including this order.',
      resolve: (l) => money(l.unitPrice),
    }),
    listPrice: t.field({ type: 'Decimal', resolve: (l) => money(l.listPrice) }),
    vatRate: t.field({ type: 'Decimal', resolve: (l) => l.vatRate.toFixed(0) }),
    amount: t.field({
      type: 'Decimal',
      description: 'Quantity × unit price, excluding VAT.',
      resolve: (l) => money(l.amount),
    }),
  }),
});

builder.prismaObject('Order', {
  description: "A member's order against one framework contract.",
  authScopes: (order) => ({ seesOrdersOf: order.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    member: t.field({ type: MemberRef, nullable: true, resolve: (o) => ({ id: o.memberId }) }),
    contract: t.relation('contract'),
    status: t.field({ type: OrderStatusEnum, resolve: (o) => o.status }),
    orderDate: t.expose('orderDate', { type: 'Date' }),
    idempotencyKey: t.exposeString('idempotencyKey'),
    deliveryBranchId: t.exposeID('deliveryBranchId', {
      nullable: true,
      description: "The member's shop the goods go to (a branch in the members directory); null: the member's address.",
    }),
    total: t.field({ type: 'Decimal', description: 'Excluding VAT.', resolve: (o) => money(o.total) }),
    vatTotal: t.field({ type: 'Decimal', resolve: (o) => money(o.vatTotal) }),
    listTotal: t.field({
      type: 'Decimal',
      description: 'What the lines cost at list price.',
      resolve: (o) => money(o.listTotal),
    }),
    savings: t.field({
      type: 'Decimal',
      description: 'List price minus what the member pays, excluding VAT.',
      resolve: (o) => money(o.listTotal.minus(o.total)),
    }),
    lines: t.relation('lines', { query: { orderBy: { position: 'asc' } } }),
    submittedBy: t.exposeID('submittedBy'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    decidedBy: t.exposeID('decidedBy', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    approvalReason: t.exposeString('approvalReason', {
      nullable: true,
      description: 'Why it needed an approver, or did not.',
    }),
    rejectReason: t.exposeString('rejectReason', { nullable: true }),
  }),
});

const OrderLineInput = builder.inputType('OrderLineInput', {
  fields: (t) => ({
    itemId: t.id({ required: true }),
    quantity: t.int({ required: true, description: 'A whole number from 1 to 1,000,000.' }),
  }),
});

const SubmitOrderInput = builder.inputType('SubmitOrderInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    contractId: t.id({ required: true }),
    idempotencyKey: t.string({
      required: true,
      description:
        'Chosen by the purchaser (a UUID will do): sending the same order again with it returns the first one.',
    }),
    lines: t.field({
      type: [OrderLineInput],
      required: true,
      description: `At most ${MAX_LINES} lines.`,
      extensions: maxItems(MAX_LINES),
    }),
    deliveryBranchId: t.id({
      description:
        "The member's shop the goods go to (an open branch in the members directory); without it, the member's address.",
    }),
  }),
});

MemberRef.implement({
  externalFields: () => ({}),
  fields: (t) => ({
    id: t.exposeID('id'),
    orders: t.prismaConnection({
      nullable: true,
      type: 'Order',
      cursor: 'id',
      description:
        "This member's orders, newest first (its purchasers and approvers, and the association's procurement team).",
      authScopes: (member) => ({ seesOrdersOf: member.id }),
      totalCount: (member, _args, ctx) => ordersOf.count(ctx.db, member.id),
      resolve: (query, member, _args, ctx) => ordersOf.list(ctx.db, member.id, query),
    }),
  }),
});

builder.queryFields((t) => ({
  order: t.prismaField({
    type: 'Order',
    description: 'One order; another member\'s is "not found".',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => findOrder(ctx.db, ctx.identity, id, query),
  }),
  orders: t.prismaConnection({
    type: 'Order',
    cursor: 'id',
    description: "A member's orders, newest first.",
    ...ofMember(t, (memberId) => ({ seesOrdersOf: memberId }), ordersOf),
  }),
}));

builder.mutationFields((t) => ({
  submitOrder: t.prismaField({
    type: 'Order',
    description:
      "Places an order at the tier price the sector reaches including it. Above the member's threshold (or over budget, when the member chose approval) it waits for an approver. The same idempotency key returns the first order.",
    args: { input: t.arg({ type: SubmitOrderInput, required: true }) },
    authScopes: (_root, { input }) => ({ purchasesFor: input.memberId }),
    resolve: (query, _root, { input }, ctx) => submitOrder(ctx, input, query),
  }),
  approveOrder: t.prismaField({
    type: 'Order',
    description: 'An approver of the member approves a submitted order (not one they submitted themself).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      await approveOrder(ctx, id);
      return ctx.db.order.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  rejectOrder: t.prismaField({
    type: 'Order',
    description: 'An approver of the member rejects a submitted order, with a reason for the purchaser.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id, reason }, ctx) => {
      await rejectOrder(ctx, id, reason);
      return ctx.db.order.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  cancelOrder: t.prismaField({
    type: 'Order',
    description: 'Cancels an order before it is sent to the supplier.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      await cancelOrder(ctx, id);
      return ctx.db.order.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
