import type Decimal from 'decimal.js';
import {
  BadUserInputError,
  checkDate,
  checkInteger,
  formatCalendarDate,
  quoted,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import { MAX_LINES, MAX_QUANTITY } from './input';

/*
 * The input of fulfilment's changes (a delivery, a supplier's invoice) and the checks made on it
 * before anything is read or written, or once the order is read: dates not in the future and not
 * before the order, each line of the order at most once with a whole quantity.
 */

/** The most an invoice may total, and a unit may cost, in euros: above is a typing error. */
export const MAX_INVOICE_AMOUNT = '100000000';
export const MAX_UNIT_PRICE = '10000000';
export const MAX_INVOICE_NUMBER = 50;

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

export function checkedLines<Line extends { lineId: string; quantity: number }>(lines: Line[], what: string): Line[] {
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

export function notInFuture(date: Date, field: string, label: string): Date {
  checkDate(date, field, label);
  if (date > todayInNetherlands())
    throw new BadUserInputError(field, `${label} (${formatCalendarDate(date)}) lies in the future.`);
  return date;
}

export function notBeforeOrder(date: Date, orderDate: Date, field: string, label: string) {
  if (date < orderDate)
    throw new BadUserInputError(
      field,
      `${label} (${formatCalendarDate(date)}) lies before the order date (${formatCalendarDate(orderDate)}).`,
    );
}

/** Every line of the input must be a line of this order (a line of another order is refused alike). */
export function checkLinesOfOrder(lines: { lineId: string }[], orderLines: { id: string }[]) {
  const own = new Set(orderLines.map((l) => l.id));
  lines.forEach((line, i) => {
    if (!own.has(line.lineId))
      throw new BadUserInputError(`input.lines.${i}.lineId`, `${quoted(line.lineId)} is not a line of this order.`);
  });
}

/**
 * What a line holds in all (received, or invoiced) stays a quantity: at most 1,000,000 units, as
 * one entry may be; more is a typing error, and past 32 bits the line's count could not be told.
 */
export function withinLineTotals(
  lines: { lineId: string; quantity: number }[],
  sofar: (lineId: string) => number,
  what: 'received' | 'invoiced',
) {
  lines.forEach((line, i) => {
    const total = sofar(line.lineId) + line.quantity;
    if (total > MAX_QUANTITY)
      throw new BadUserInputError(
        `input.lines.${i}.quantity`,
        `Line ${i + 1} would have ${total.toLocaleString('en')} units ${what} in all; a line holds at most ${MAX_QUANTITY.toLocaleString('en')}.`,
      );
  });
}
