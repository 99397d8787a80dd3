import type { ProcurementContext } from '../builder';
import type { Prisma } from '../generated/prisma/client';

/**
 * What an order's fulfilment stands at, as stored: its lines (ordered quantity and price), what
 * was received of each, and the supplier's invoices with their lines. The three-way match and the
 * lines' received and invoiced quantities are computed from it (services/fulfilment-match.ts).
 */
export interface FulfilmentRows {
  lines: { id: string; quantity: number; unitPrice: string }[];
  /** Units received per order line (all deliveries together). */
  received: Map<string, number>;
  invoiceLines: { lineId: string; quantity: number; unitPrice: string }[];
  /** Each invoice's total excluding VAT, as printed on it. */
  invoiceTotals: string[];
}

const empty = (): FulfilmentRows => ({ lines: [], received: new Map(), invoiceLines: [], invoiceTotals: [] });

/** The fulfilment of several orders in three queries (also inside a transaction). */
export async function fulfilmentRows(
  db: Prisma.TransactionClient,
  orderIds: readonly string[],
): Promise<Map<string, FulfilmentRows>> {
  const ids = [...new Set(orderIds)];
  const result = new Map(ids.map((id) => [id, empty()]));
  const lines = await db.orderLine.findMany({
    where: { orderId: { in: ids } },
    orderBy: [{ orderId: 'asc' }, { position: 'asc' }],
    select: { id: true, orderId: true, quantity: true, unitPrice: true },
  });
  const received = await db.delivery.groupBy({
    by: ['orderId', 'lineId'],
    where: { orderId: { in: ids } },
    _sum: { quantity: true },
  });
  const invoices = await db.supplierInvoice.findMany({
    where: { orderId: { in: ids } },
    orderBy: [{ invoicedOn: 'asc' }, { createdAt: 'asc' }],
    select: { orderId: true, total: true, lines: { select: { lineId: true, quantity: true, unitPrice: true } } },
  });
  for (const line of lines) {
    result
      .get(line.orderId)
      ?.lines.push({ id: line.id, quantity: line.quantity, unitPrice: line.unitPrice.toFixed(2) });
  }
  for (const row of received) result.get(row.orderId)?.received.set(row.lineId, row._sum.quantity ?? 0);
  for (const invoice of invoices) {
    const rows = result.get(invoice.orderId);
    if (!rows) continue;
    rows.invoiceTotals.push(invoice.total.toFixed(2));
    for (const l of invoice.lines)
      rows.invoiceLines.push({ lineId: l.lineId, quantity: l.quantity, unitPrice: l.unitPrice.toFixed(2) });
  }
  return result;
}

/** An order's fulfilment, batched per request: a page of orders with their match costs three queries. */
export const fulfilmentOf = (ctx: Pick<ProcurementContext, 'db' | 'loaders'>, orderId: string) =>
  ctx.loaders
    .get<string, FulfilmentRows>('order-fulfilment', async (ids) => {
      const rows = await fulfilmentRows(ctx.db, ids);
      return ids.map((id) => rows.get(id) ?? empty());
    })
    .load(orderId) as Promise<FulfilmentRows>;

/** Takes the order's row lock until the transaction ends: fulfilment changes of one order run one at a time. */
export async function lockOrder(tx: Prisma.TransactionClient, orderId: string) {
  await tx.$queryRaw`SELECT 1 FROM "order" WHERE id = ${orderId} FOR UPDATE`;
}

/** The key space of supplier invoice numbers' locks: 'PINV' read as a number. */
const INVOICE_NUMBERS_LOCK = 0x50494e56;

/**
 * Serialises the recording of one member's invoices from one supplier until the transaction ends:
 * two invoices of one number on two orders, recorded at once, each under its own order's lock,
 * would otherwise both find no twin. Taken after the order's lock, never before it.
 */
export async function lockInvoiceNumbers(tx: Prisma.TransactionClient, memberId: string, supplierId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INVOICE_NUMBERS_LOCK}::int4, hashtext(${`${memberId}:${supplierId}`}))`;
}

/**
 * An invoice of this member from this supplier with this number, written in any case ("lm-1" is
 * "LM-1"), on any of the member's orders: the supplier's numbers are unique per invoice.
 */
export async function invoiceNumbered(
  tx: Prisma.TransactionClient,
  memberId: string,
  supplierId: string,
  number: string,
): Promise<{ orderId: string; number: string; invoicedOn: Date } | null> {
  const rows = await tx.$queryRaw<{ order_id: string; number: string; invoiced_on: Date }[]>`
    SELECT i.order_id, i.number, i.invoiced_on
      FROM supplier_invoice i
      JOIN "order" o ON o.id = i.order_id
      JOIN contract c ON c.id = o.contract_id
     WHERE i.member_id = ${memberId} AND c.supplier_id = ${supplierId} AND lower(i.number) = lower(${number})
     LIMIT 1`;
  const row = rows[0];
  return row ? { orderId: row.order_id, number: row.number, invoicedOn: row.invoiced_on } : null;
}
