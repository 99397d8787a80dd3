import {
  addYears,
  BadUserInputError,
  formatCalendarDate,
  isDomainError,
  PlatformError,
  recordChange,
  todayInNetherlands,
  type ErrorCode,
} from '@samen-sterk/subgraph-runtime';
import { approvesFor, purchasesFor } from '../access';
import type { ProcurementContext } from '../builder';
import { fulfilmentRows, lockOrder } from '../data/fulfilment';
import { visibleOrders } from '../data/orders';
import { moveOrThrow, type OrderStatus } from '../domain/order-status';
import type { Prisma } from '../generated/prisma/client';
import { matchOfRows } from './fulfilment-match';

/*
 * Fulfilment of a member's order: sent to the supplier (ORDERED), received line by line in one or
 * more deliveries (DELIVERED once every line is in: fulfilment-deliveries.ts), the supplier's
 * invoices (INVOICED: fulfilment-invoices.ts), and closed once the three-way match of ordered,
 * received and invoiced holds (fulfilment-match.ts, domain/matching.ts). This file: what every
 * change shares (the order, locked, for its own purchasers and approvers; a status move, audited),
 * sending the order and closing it. Every change takes the order's row lock first, so two receipts
 * of one order never miss each other. The Peppol document: fulfilment-peppol.ts.
 *
 * Every refusal names the argument at fault (`extensions.field`): the order's id (`id`, or
 * `input.orderId`) when the order is not found, not the caller's to change, or not in a state for
 * the change; a line or amount of the input otherwise.
 */

export const TRANSACTION = { maxWait: 20_000, timeout: 60_000 };
export const actorOf = (ctx: ProcurementContext) => ctx.identity?.userId ?? 'unknown';

/** A refusal with its code, the argument at fault and a sentence. */
export const refusal = (code: ErrorCode, field: string, message: string, extensions: Record<string, unknown> = {}) =>
  new PlatformError(code, message, { ...extensions, field });

// ---- The order, locked, for a change by its own purchasers or approvers ----

export async function lockedOrderFor(ctx: ProcurementContext, tx: Prisma.TransactionClient, id: string, field: string) {
  await lockOrder(tx, id);
  const order = await tx.order.findFirst({
    where: { id, ...visibleOrders(ctx.identity) },
    include: { lines: { orderBy: { position: 'asc' } } },
  });
  if (!order) throw refusal('NOT_FOUND', field, `Order ${id} does not exist or is not visible to you.`, { id });
  if (!purchasesFor(ctx.identity, order.memberId) && !approvesFor(ctx.identity, order.memberId))
    throw refusal('FORBIDDEN', field, "Only the member's own purchasers and approvers record its order's fulfilment.");
  return order;
}

/** The status move, or a CONFLICT on `field` (the order's id) saying why it is not allowed. */
export function moveOrRefuse(order: { id: string; status: string }, to: OrderStatus, field: string) {
  try {
    moveOrThrow(order.status as OrderStatus, to, order.id);
  } catch (error) {
    if (isDomainError(error)) throw refusal(error.kind, field, error.message);
    throw error;
  }
}

export async function move(
  ctx: ProcurementContext,
  tx: Prisma.TransactionClient,
  order: { id: string; memberId: string; status: string },
  to: OrderStatus,
  field: string,
  data: { orderedBy?: string; orderedAt?: Date; expectedOn?: Date | null; deliveredOn?: Date; closedAt?: Date } = {},
) {
  moveOrRefuse(order, to, field);
  await tx.order.update({ where: { id: order.id }, data: { ...data, status: to } });
  await recordChange(tx, {
    actorId: actorOf(ctx),
    memberId: order.memberId,
    action: `ORDER_${to}`,
    entityType: 'Order',
    entityId: order.id,
    before: { status: order.status },
    after: { status: to, ...data },
  });
  return { ...order, status: to };
}

export const readOrder = (ctx: ProcurementContext, id: string, query: object) =>
  ctx.db.order.findUniqueOrThrow({ ...query, where: { id } });

// ---- Ordered ----

/** APPROVED → ORDERED: sent to the supplier, with the delivery date it promised (optional). */
export async function markOrderOrdered(
  ctx: ProcurementContext,
  id: string,
  expectedOn: Date | null,
  query: object = {},
) {
  if (expectedOn) {
    const today = todayInNetherlands();
    const latest = addYears(today, 1);
    if (expectedOn < today || expectedOn > latest)
      throw new BadUserInputError(
        'expectedOn',
        `The expected delivery date (${formatCalendarDate(expectedOn)}) lies from today to a year ahead (${formatCalendarDate(latest)}).`,
      );
  }
  await ctx.db.$transaction(async (tx) => {
    const order = await lockedOrderFor(ctx, tx, id, 'id');
    await move(ctx, tx, order, 'ORDERED', 'id', { orderedBy: actorOf(ctx), orderedAt: new Date(), expectedOn });
  }, TRANSACTION);
  return readOrder(ctx, id, query);
}

// ---- Closed ----

/** INVOICED → CLOSED, only when ordered, received and invoiced match. */
export async function closeOrder(ctx: ProcurementContext, id: string, query: object = {}) {
  await ctx.db.$transaction(async (tx) => {
    const order = await lockedOrderFor(ctx, tx, id, 'id');
    moveOrRefuse(order, 'CLOSED', 'id');
    const match = matchOfRows((await fulfilmentRows(tx, [order.id])).get(order.id)!);
    if (match.status !== 'MATCHED')
      throw refusal(
        'CONFLICT',
        'id',
        `The order cannot be closed: its three-way match is ${match.status}` +
          (match.discrepancies.length > 0
            ? `: ${match.discrepancies.map((d) => `${d.code} (${d.message.replace(/\.$/, '')})`).join('; ')}.`
            : '.'),
      );
    await move(ctx, tx, order, 'CLOSED', 'id', { closedAt: new Date() });
  }, TRANSACTION);
  return readOrder(ctx, id, query);
}
