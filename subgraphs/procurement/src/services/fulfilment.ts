import type Decimal from 'decimal.js';
import {
  addYears,
  BadUserInputError,
  checkDate,
  checkInteger,
  checkMoney,
  checkText,
  ConflictError,
  exact,
  ForbiddenError,
  formatCalendarDate,
  isDomainError,
  NotFoundError,
  quoted,
  recordChange,
  sum,
  todayInNetherlands,
  type Exact,
} from '@samen-sterk/subgraph-runtime';
import { approvesFor, purchasesFor } from '../access';
import type { ProcurementContext } from '../builder';
import { fulfilmentOf, fulfilmentRows, lockOrder, type FulfilmentRows } from '../data/fulfilment';
import { visibleOrders } from '../data/orders';
import { threeWayMatch, type MatchLineInput, type MatchResult } from '../domain/matching';
import { fullyReceived, moveOrThrow, type OrderStatus } from '../domain/order-status';
import { peppolOrderXml, unitCodeOf } from '../domain/peppol/order-xml';
import type { Prisma } from '../generated/prisma/client';
import { MAX_LINES, MAX_QUANTITY } from './input';
import { buyerOf } from './members-directory';

/*
 * Fulfilment of a member's order: sent to the supplier (ORDERED), received line by line in one or
 * more deliveries (DELIVERED once every line is in), the supplier's invoices (INVOICED), and
 * closed once the three-way match of ordered, received and invoiced holds (domain/matching.ts).
 * Every change takes the order's row lock first, so two receipts of one order never miss each
 * other. The order can be written out as a Peppol BIS Order 3 document for the supplier.
 */

const TRANSACTION = { maxWait: 20_000, timeout: 60_000 };
const actorOf = (ctx: ProcurementContext) => ctx.identity?.userId ?? 'unknown';
/** The most an invoice may total, and a unit may cost, in euros: above is a typing error. */
const MAX_INVOICE_AMOUNT = '100000000';
const MAX_UNIT_PRICE = '10000000';
const MAX_INVOICE_NUMBER = 50;

export interface DeliveryInput {
  orderId: string;
  receivedOn: Date;
  lines: { lineId: string; quantity: number }[];
}

export interface SupplierInvoiceInput {
  orderId: string;
  number: string;
  invoicedOn: Date;
  total: Decimal;
  vatTotal: Decimal;
  lines: { lineId: string; quantity: number; unitPrice: Decimal }[];
}

// ---- Input checks: all before anything is read or written ----

function checkedLines<Line extends { lineId: string; quantity: number }>(lines: Line[], what: string): Line[] {
  if (lines.length === 0) throw new BadUserInputError('input.lines', `${what} has at least one line.`);
  if (lines.length > MAX_LINES)
    throw new BadUserInputError('input.lines', `${what} has at most ${MAX_LINES} lines; split it.`);
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.lineId))
      throw new BadUserInputError(
        `input.lines.${i}.lineId`,
        `Order line ${quoted(line.lineId)} appears twice; give each line once with its whole quantity.`,
      );
    seen.add(line.lineId);
    checkInteger(line.quantity, `input.lines.${i}.quantity`, `The quantity of line ${i + 1}`, 1, MAX_QUANTITY);
  });
  return lines;
}

function notInFuture(date: Date, field: string, label: string): Date {
  checkDate(date, field, label);
  if (date > todayInNetherlands())
    throw new BadUserInputError(field, `${label} (${formatCalendarDate(date)}) lies in the future.`);
  return date;
}

function notBeforeOrder(date: Date, orderDate: Date, field: string, label: string) {
  if (date < orderDate)
    throw new BadUserInputError(
      field,
      `${label} (${formatCalendarDate(date)}) lies before the order date (${formatCalendarDate(orderDate)}).`,
    );
}

/** Every line of the input must be a line of this order (a line of another order is refused alike). */
function checkLinesOfOrder(lines: { lineId: string }[], orderLines: { id: string }[]) {
  const own = new Set(orderLines.map((l) => l.id));
  lines.forEach((line, i) => {
    if (!own.has(line.lineId))
      throw new BadUserInputError(`input.lines.${i}.lineId`, `${quoted(line.lineId)} is not a line of this order.`);
  });
}

// ---- The order, locked, for a change by its own purchasers or approvers ----

async function lockedOrderFor(ctx: ProcurementContext, tx: Prisma.TransactionClient, id: string) {
  await lockOrder(tx, id);
  const order = await tx.order.findFirst({
    where: { id, ...visibleOrders(ctx.identity) },
    include: { lines: { orderBy: { position: 'asc' } } },
  });
  if (!order) throw new NotFoundError('Order', id);
  if (!purchasesFor(ctx.identity, order.memberId) && !approvesFor(ctx.identity, order.memberId))
    throw new ForbiddenError("Only the member's own purchasers and approvers record its order's fulfilment.");
  return order;
}

async function move(
  ctx: ProcurementContext,
  tx: Prisma.TransactionClient,
  order: { id: string; memberId: string; status: string },
  to: OrderStatus,
  data: { orderedBy?: string; orderedAt?: Date; expectedOn?: Date | null; deliveredOn?: Date; closedAt?: Date } = {},
) {
  moveOrThrow(order.status as OrderStatus, to, order.id);
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

const readOrder = (ctx: ProcurementContext, id: string, query: object) =>
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
    const order = await lockedOrderFor(ctx, tx, id);
    await move(ctx, tx, order, 'ORDERED', { orderedBy: actorOf(ctx), orderedAt: new Date(), expectedOn });
  }, TRANSACTION);
  return readOrder(ctx, id, query);
}

// ---- Deliveries ----

/** Goods received for an ORDERED order; when every line is in full, the order is DELIVERED. */
export async function recordDelivery(ctx: ProcurementContext, input: DeliveryInput, query: object = {}) {
  const lines = checkedLines(input.lines, 'A delivery');
  const receivedOn = notInFuture(input.receivedOn, 'input.receivedOn', 'The day of receipt');
  await ctx.db.$transaction(async (tx) => {
    const order = await lockedOrderFor(ctx, tx, input.orderId);
    if (order.status !== 'ORDERED')
      throw new ConflictError(
        `Deliveries are recorded for orders sent to the supplier (ORDERED); this order is ${order.status}.`,
      );
    notBeforeOrder(receivedOn, order.orderDate, 'input.receivedOn', 'The day of receipt');
    checkLinesOfOrder(lines, order.lines);
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
    const rows = (await fulfilmentRows(tx, [order.id])).get(order.id)!;
    const progress = rows.lines.map((l) => ({ ordered: l.quantity, received: rows.received.get(l.id) ?? 0 }));
    if (!fullyReceived(progress)) return;
    const last = await tx.delivery.aggregate({ where: { orderId: order.id }, _max: { receivedOn: true } });
    const delivered = await move(ctx, tx, order, 'DELIVERED', { deliveredOn: last._max.receivedOn ?? receivedOn });
    // Invoiced before the goods came in: now that they have, the order is invoiced.
    if (rows.invoiceTotals.length > 0) await move(ctx, tx, delivered, 'INVOICED');
  }, TRANSACTION);
  return readOrder(ctx, input.orderId, query);
}

// ---- Supplier invoices ----

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

// ---- Three-way match ----

/**
 * The match of ordered, received and invoiced. A line invoiced at several prices (two invoices)
 * is judged at the price furthest from the order's; the invoices' total is then moved by the same
 * amount, so the total check still compares the invoices with their own lines.
 */
export function matchOfRows(rows: FulfilmentRows): MatchResult {
  if (rows.lines.length === 0) return { status: 'PENDING', discrepancies: [] };
  let actual: Exact[] = [];
  let judged: Exact[] = [];
  const lines: MatchLineInput[] = rows.lines.map((line) => {
    const invoiced = rows.invoiceLines.filter((l) => l.lineId === line.id);
    const quantity = invoiced.reduce((n, l) => n + l.quantity, 0);
    const ordered = exact(line.unitPrice);
    const worst = invoiced
      .map((l) => exact(l.unitPrice))
      .reduce<Exact | null>(
        (w, p) => (w === null || p.minus(ordered).abs().greaterThan(w.minus(ordered).abs()) ? p : w),
        null,
      );
    actual = [...actual, ...invoiced.map((l) => exact(l.unitPrice).times(l.quantity))];
    if (worst) judged = [...judged, worst.times(quantity)];
    return {
      lineId: line.id,
      ordered: line.quantity,
      unitPrice: line.unitPrice,
      received: rows.received.get(line.id) ?? 0,
      invoicedQuantity: quantity,
      invoicedUnitPrice: worst ? worst.toFixed() : null,
    };
  });
  let invoicedTotal: string | null = null;
  if (rows.invoiceTotals.length > 0) {
    const printed = sum(rows.invoiceTotals.map((t) => exact(t)));
    const moved = printed.minus(sum(actual)).plus(sum(judged));
    invoicedTotal = (moved.isNegative() ? printed : moved).toFixed(2);
  }
  return threeWayMatch({ lines, invoicedTotal });
}

/** The order's match now (batched per request). */
export const orderMatch = async (ctx: ProcurementContext, orderId: string) =>
  matchOfRows(await fulfilmentOf(ctx, orderId));

/** What of an order line was received and invoiced so far (batched per request). */
export async function lineProgress(ctx: ProcurementContext, line: { id: string; orderId: string }) {
  const rows = await fulfilmentOf(ctx, line.orderId);
  return {
    received: rows.received.get(line.id) ?? 0,
    invoiced: rows.invoiceLines.filter((l) => l.lineId === line.id).reduce((n, l) => n + l.quantity, 0),
  };
}

// ---- Closed ----

/** INVOICED → CLOSED, only when ordered, received and invoiced match. */
export async function closeOrder(ctx: ProcurementContext, id: string, query: object = {}) {
  await ctx.db.$transaction(async (tx) => {
    const order = await lockedOrderFor(ctx, tx, id);
    moveOrThrow(order.status as OrderStatus, 'CLOSED', order.id);
    const match = matchOfRows((await fulfilmentRows(tx, [order.id])).get(order.id)!);
    if (match.status !== 'MATCHED')
      throw new ConflictError(
        `The order cannot be closed: its three-way match is ${match.status}` +
          (match.discrepancies.length > 0
            ? `: ${match.discrepancies.map((d) => `${d.code} (${d.message})`).join('; ')}`
            : '.'),
      );
    await move(ctx, tx, order, 'CLOSED', { closedAt: new Date() });
  }, TRANSACTION);
  return readOrder(ctx, id, query);
}

// ---- Peppol ----

const NOT_SENDABLE: readonly string[] = ['SUBMITTED', 'REJECTED', 'CANCELLED'];

/** The order as a Peppol BIS Order 3 document (UBL 2.1 XML), for an approved order the caller may see. */
export async function orderPeppolXml(ctx: ProcurementContext, id: string): Promise<string> {
  const order = await ctx.db.order.findFirst({
    where: { id, ...visibleOrders(ctx.identity) },
    include: {
      lines: { orderBy: { position: 'asc' }, include: { item: true } },
      contract: { include: { supplier: true } },
    },
  });
  if (!order) throw new NotFoundError('Order', id);
  if (NOT_SENDABLE.includes(order.status))
    throw new ConflictError(`Only an approved order goes to the supplier; this order is ${order.status}.`);
  const buyer = await buyerOf(ctx, order.memberId);
  const supplier = order.contract.supplier;
  try {
    return peppolOrderXml({
      id: order.id,
      issueDate: formatCalendarDate(order.orderDate),
      contractId: order.contractId,
      buyer: {
        name: buyer.name,
        kvkNumber: buyer.kvkNumber,
        endpointId: `0106:${buyer.kvkNumber}`,
        city: buyer.city,
        country: 'NL',
      },
      seller: {
        name: supplier.name,
        kvkNumber: supplier.kvkNumber,
        vatNumber: supplier.vatNumber,
        endpointId: supplier.peppolId,
        country: 'NL',
      },
      lines: order.lines.map((line) => ({
        lineNumber: line.position + 1,
        sku: line.item.sku,
        name: line.item.name,
        quantity: line.quantity,
        unitCode: unitCodeOf(line.item.unit),
        unitPrice: line.unitPrice.toFixed(2),
        amount: line.amount.toFixed(2),
        vatRate: line.vatRate.toFixed(0),
      })),
      lineExtensionTotal: order.total.toFixed(2),
      vatTotal: order.vatTotal.toFixed(2),
      payableTotal: order.total.plus(order.vatTotal).toFixed(2),
    });
  } catch (error) {
    // The order's own data would make an invalid document: not the caller's input, so no field.
    if (isDomainError(error))
      throw new ConflictError(`The order cannot be written as a Peppol document: ${error.message}`);
    throw error;
  }
}
