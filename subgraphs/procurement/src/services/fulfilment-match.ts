import { exact, sum, type Exact } from '@samen-sterk/subgraph-runtime';
import type { ProcurementContext } from '../builder';
import { fulfilmentOf, type FulfilmentRows } from '../data/fulfilment';
import { threeWayMatch, type MatchLineInput, type MatchResult } from '../domain/matching';

/*
 * The three-way match of an order as stored (ordered, received, invoiced: domain/matching.ts), and
 * what of each order line was received and invoiced so far; both batched per request.
 */

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
