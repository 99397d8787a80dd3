import { checkMoney, checkText, formatCalendarDate, quoted, recordChange } from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';
import { fulfilmentRows, invoiceNumbered, lockInvoiceNumbers } from '../data/fulfilment';
import { actorOf, lockedOrderFor, move, readOrder, refusal, TRANSACTION } from './fulfilment';
import {
  checkedLines,
  checkLinesOfOrder,
  MAX_INVOICE_AMOUNT,
  MAX_INVOICE_NUMBER,
  MAX_UNIT_PRICE,
  notBeforeOrder,
  notInFuture,
  withinLineTotals,
  type SupplierInvoiceInput,
} from './fulfilment-input';

/*
 * Supplier invoices: a supplier's invoice for an order sent to it, with its lines, as the member
 * received it; a DELIVERED order becomes INVOICED. A supplier numbers its invoices once: the same
 * number (in any case) from the same supplier on any of the member's orders is a conflict, checked
 * under a lock of the member's invoices from that supplier, so two at once cannot both pass. A line
 * holds at most 1,000,000 units invoiced in all.
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
    const order = await lockedOrderFor(ctx, tx, input.orderId, 'input.orderId');
    if (!INVOICEABLE.includes(order.status))
      throw refusal(
        'CONFLICT',
        'input.orderId',
        `Supplier invoices are recorded for orders sent to the supplier (ORDERED, DELIVERED or INVOICED); this order is ${order.status}.`,
      );
    notBeforeOrder(invoicedOn, order.orderDate, 'input.invoicedOn', 'The invoice date');
    checkLinesOfOrder(lines, order.lines);
    const rows = (await fulfilmentRows(tx, [order.id])).get(order.id)!;
    withinLineTotals(
      lines,
      (lineId) => rows.invoiceLines.filter((l) => l.lineId === lineId).reduce((n, l) => n + l.quantity, 0),
      'invoiced',
    );
    const { supplierId, supplier } = await tx.contract.findUniqueOrThrow({
      where: { id: order.contractId },
      select: { supplierId: true, supplier: { select: { name: true } } },
    });
    await lockInvoiceNumbers(tx, order.memberId, supplierId);
    const twin = await invoiceNumbered(tx, order.memberId, supplierId, number);
    if (twin)
      throw refusal(
        'CONFLICT',
        'input.number',
        twin.orderId === order.id
          ? `Invoice ${quoted(twin.number)} is already recorded for this order (dated ${formatCalendarDate(twin.invoicedOn)}).`
          : `Invoice ${quoted(twin.number)} of ${supplier.name} is already recorded for your order ${twin.orderId} (dated ${formatCalendarDate(twin.invoicedOn)}); a supplier numbers each invoice once.`,
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
    if (order.status === 'DELIVERED') await move(ctx, tx, order, 'INVOICED', 'input.orderId');
  }, TRANSACTION);
  return readOrder(ctx, input.orderId, query);
}
