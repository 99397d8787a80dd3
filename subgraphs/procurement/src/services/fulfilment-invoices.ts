import {
  checkMoney,
  checkText,
  ConflictError,
  formatCalendarDate,
  quoted,
  recordChange,
} from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';
import { actorOf, lockedOrderFor, move, readOrder, TRANSACTION } from './fulfilment';
import {
  checkedLines,
  checkLinesOfOrder,
  MAX_INVOICE_AMOUNT,
  MAX_INVOICE_NUMBER,
  MAX_UNIT_PRICE,
  notBeforeOrder,
  notInFuture,
  type SupplierInvoiceInput,
} from './fulfilment-input';

/*
 * Supplier invoices: a supplier's invoice for an order sent to it, with its lines, as the member
 * received it; a DELIVERED order becomes INVOICED.
 */

const INVOICEABLE: readonly string[] = ['ORDERED', 'DELIVERED', 'INVOICED'];

/** A supplier's invoice for an order sent to it; a DELIVERED order becomes INVOICED. */
export async function recordSupplierInvoice(ctx: ProcurementContext, input: SupplierInvoiceInput, query: object = {}) {
  const number = checkText(input.number, 'input.number', 'The invoice number', MAX_INVOICE_NUMBER);
  const invoicedOn = notInFuture(input.invoicedOn, 'input.invoicedOn', 'The invoice date');
  checkMoney(input.total, 'input.total', 'The invoice total excluding VAT', { max: MAX_INVOICE_AMOUNT });
  checkMoney(input.vatTotal, 'input.vatTotal', 'The VAT on the invoice', { max: MAX_INVOICE_AMOUNT });
  const lines = checkedLines(input.lines, 'An invoice');
  lines.forEach((line, i) =>
    checkMoney(line.unitPrice, `input.lines.${i}.unitPrice`, `The unit price of line ${i + 1}`, {
      max: MAX_UNIT_PRICE,
    }),
  );
  await ctx.db.$transaction(async (tx) => {
    const order = await lockedOrderFor(ctx, tx, input.orderId);
    if (!INVOICEABLE.includes(order.status))
      throw new ConflictError(
        `Supplier invoices are recorded for orders sent to the supplier (ORDERED, DELIVERED or INVOICED); this order is ${order.status}.`,
      );
    notBeforeOrder(invoicedOn, order.orderDate, 'input.invoicedOn', 'The invoice date');
    checkLinesOfOrder(lines, order.lines);
    const twin = await tx.supplierInvoice.findUnique({ where: { orderId_number: { orderId: order.id, number } } });
    if (twin)
      throw new ConflictError(
        `Invoice ${quoted(number)} is already recorded for this order (dated ${formatCalendarDate(twin.invoicedOn)}).`,
      );
    const invoice = await tx.supplierInvoice.create({
      data: {
        orderId: order.id,
        memberId: order.memberId,
        number,
        invoicedOn,
        total: input.total.toFixed(2),
        vatTotal: input.vatTotal.toFixed(2),
        recordedBy: actorOf(ctx),
        lines: {
          create: lines.map((line) => ({
            lineId: line.lineId,
            quantity: line.quantity,
            unitPrice: line.unitPrice.toFixed(2),
          })),
        },
      },
    });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: order.memberId,
      action: 'RECORD_SUPPLIER_INVOICE',
      entityType: 'Order',
      entityId: order.id,
      after: {
        invoiceId: invoice.id,
        number,
        invoicedOn: formatCalendarDate(invoicedOn),
        total: input.total.toFixed(2),
        vatTotal: input.vatTotal.toFixed(2),
        lines: lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, unitPrice: l.unitPrice.toFixed(2) })),
      },
    });
    if (order.status === 'DELIVERED') await move(ctx, tx, order, 'INVOICED');
  }, TRANSACTION);
  return readOrder(ctx, input.orderId, query);
}
