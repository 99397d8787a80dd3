import { formatCalendarDate, recordChange } from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';
import { fulfilmentRows } from '../data/fulfilment';
import { fullyReceived } from '../domain/order-status';
import { actorOf, lockedOrderFor, move, readOrder, refusal, TRANSACTION } from './fulfilment';
import {
  checkedLines,
  checkLinesOfOrder,
  notBeforeOrder,
  notInFuture,
  withinLineTotals,
  type DeliveryInput,
} from './fulfilment-input';

/*
 * Deliveries: goods received for an order sent to the supplier, line by line, in one or more
 * deliveries; once every line is in, the order is DELIVERED (and INVOICED, if invoiced already).
 * More than ordered is accepted (it shows in the match), up to 1,000,000 units a line in all; the
 * received so far is read under the order's lock, so two deliveries at once count both.
 */

/** Goods received for an ORDERED order; when every line is in full, the order is DELIVERED. */
export async function recordDelivery(ctx: ProcurementContext, input: DeliveryInput, query: object = {}) {
  const lines = checkedLines(input.lines, 'A delivery');
  const receivedOn = notInFuture(input.receivedOn, 'input.receivedOn', 'The day of receipt');
  await ctx.db.$transaction(async (tx) => {
    const order = await lockedOrderFor(ctx, tx, input.orderId, 'input.orderId');
    if (order.status !== 'ORDERED')
      throw refusal(
        'CONFLICT',
        'input.orderId',
        `Deliveries are recorded for orders sent to the supplier (ORDERED); this order is ${order.status}.`,
      );
    notBeforeOrder(receivedOn, order.orderDate, 'input.receivedOn', 'The day of receipt');
    checkLinesOfOrder(lines, order.lines);
    const before = (await fulfilmentRows(tx, [order.id])).get(order.id)!;
    const receivedBefore = (lineId: string) => before.received.get(lineId) ?? 0;
    withinLineTotals(lines, receivedBefore, 'received');
    const recordedAt = new Date();
    await tx.delivery.createMany({
      data: lines.map((line) => ({
        orderId: order.id,
        memberId: order.memberId,
        lineId: line.lineId,
        quantity: line.quantity,
        receivedOn,
        recordedBy: actorOf(ctx),
        createdAt: recordedAt,
      })),
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: order.memberId,
      action: 'RECORD_DELIVERY',
      entityType: 'Order',
      entityId: order.id,
      after: { receivedOn: formatCalendarDate(receivedOn), lines },
    });
    const now = new Map(lines.map((l) => [l.lineId, l.quantity]));
    const progress = order.lines.map((l) => ({
      ordered: l.quantity,
      received: receivedBefore(l.id) + (now.get(l.id) ?? 0),
    }));
    if (!fullyReceived(progress)) return;
    const last = await tx.delivery.aggregate({ where: { orderId: order.id }, _max: { receivedOn: true } });
    const delivered = await move(ctx, tx, order, 'DELIVERED', 'input.orderId', {
      deliveredOn: last._max.receivedOn ?? receivedOn,
    });
    // Invoiced before the goods came in: now that they have, the order is invoiced.
    if (before.invoiceTotals.length > 0) await move(ctx, tx, delivered, 'INVOICED', 'input.orderId');
  }, TRANSACTION);
  return readOrder(ctx, input.orderId, query);
}
