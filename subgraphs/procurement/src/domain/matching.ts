import {
  DomainError,
  exact,
  formatEuro,
  max,
  percentOf,
  sum,
  ZERO,
  type Exact,
} from '@samen-sterk/subgraph-runtime/pure';
import { amountIn, decimalIn, idIn, wholeIn } from './checks';

/**
 * The three-way match of an order (README rule 6): what was ordered, what was received and what
 * the supplier invoiced. Every figure is compared exactly; tolerances are computed exactly and
 * never rounded (an amount shown in a message is only formatted).
 */

export type MatchStatus = 'PENDING' | 'MATCHED' | 'DISCREPANCY';
export type DiscrepancyCode =
  | 'RECEIVED_MORE_THAN_ORDERED'
  | 'INVOICED_MORE_THAN_RECEIVED'
  | 'PRICE_DIFFERS'
  | 'TOTAL_DIFFERS'
  | 'NOT_INVOICED'
  | 'NOT_RECEIVED';

export interface MatchLineInput {
  lineId: string;
  ordered: number;
  /** The unit price on the order, excl. VAT. */
  unitPrice: string;
  received: number;
  invoicedQuantity: number;
  /** The unit price on the invoice, excl. VAT; null while the line is not invoiced. */
  invoicedUnitPrice: string | null;
}

export interface MatchInput {
  lines: readonly MatchLineInput[];
  /** The sum of the supplier's invoices excl. VAT; null when there is none. */
  invoicedTotal: string | null;
  tolerance?: { pricePercent: string; priceAmount: string };
}

export interface Discrepancy {
  lineId: string | null;
  code: DiscrepancyCode;
  message: string;
}

export interface MatchResult {
  status: MatchStatus;
  discrepancies: Discrepancy[];
}

export const DEFAULT_PRICE_TOLERANCE = { pricePercent: '1', priceAmount: '0.05' } as const;
/** The invoice total may differ from the sum of the invoiced lines by this much per order line. */
export const TOTAL_TOLERANCE_PER_LINE = '0.01';

/** Codes that are wrong whatever comes later; the others only say what is still outstanding. */
const WRONG: readonly DiscrepancyCode[] = [
  'RECEIVED_MORE_THAN_ORDERED',
  'INVOICED_MORE_THAN_RECEIVED',
  'PRICE_DIFFERS',
  'TOTAL_DIFFERS',
];

/** "€1,234.50"; an amount with more than two decimals (a tolerance of 1 %) keeps them all. */
const euros = (x: Exact) => formatEuro(x, { grouping: true, places: Math.max(2, x.decimalPlaces()) });
const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;

export function threeWayMatch(input: MatchInput): MatchResult {
  if (input.lines.length === 0)
    throw new DomainError('NO_LINES', 'lines', 'An order to match needs at least one line.');
  const tolerance = input.tolerance ?? DEFAULT_PRICE_TOLERANCE;
  const pricePercent = decimalIn(tolerance.pricePercent, 'tolerance.pricePercent', 'The price tolerance');
  const priceAmount = amountIn(tolerance.priceAmount, 'tolerance.priceAmount', 'The price tolerance per unit');
  if (pricePercent.isNegative()) {
    throw new DomainError('NEGATIVE_AMOUNT', 'tolerance.pricePercent', 'The price tolerance cannot be negative.');
  }
  const invoicedTotal =
    input.invoicedTotal === null
      ? null
      : amountIn(input.invoicedTotal, 'invoicedTotal', 'The invoiced total', { cents: true });

  const found: Discrepancy[] = [];
  const invoicedAmounts: Exact[] = [];
  let allReceived = true;
  let anyInvoicedLine = false;
  const lines = input.lines.map((line, i) => {
    const at = `lines[${i}]`;
    const lineId = idIn(line.lineId, `${at}.lineId`, 'The line');
    const ordered = wholeIn(line.ordered, `${at}.ordered`, 'The quantity ordered', 1);
    const received = wholeIn(line.received, `${at}.received`, 'The quantity received', 0);
    const invoiced = wholeIn(line.invoicedQuantity, `${at}.invoicedQuantity`, 'The quantity invoiced', 0);
    const price = amountIn(line.unitPrice, `${at}.unitPrice`, 'The unit price ordered', { cents: true });
    const invoicedPrice =
      line.invoicedUnitPrice === null
        ? null
        : amountIn(line.invoicedUnitPrice, `${at}.invoicedUnitPrice`, 'The unit price invoiced');
    if (invoiced > 0 && invoicedPrice === null) {
      throw new DomainError(
        'MISSING_INVOICED_PRICE',
        `${at}.invoicedUnitPrice`,
        `Line ${lineId} is invoiced (${units(invoiced)}) without a unit price.`,
      );
    }
    if (invoiced > 0) anyInvoicedLine = true;
    if (received < ordered) allReceived = false;
    invoicedAmounts.push(invoicedPrice === null ? ZERO : invoicedPrice.times(invoiced));
    return { lineId, ordered, received, invoiced, price, invoicedPrice };
  });
  if (anyInvoicedLine && invoicedTotal === null) {
    throw new DomainError(
      'MISSING_INVOICED_TOTAL',
      'invoicedTotal',
      'Lines are invoiced, but no invoice total was given.',
    );
  }
  const anythingInvoiced = anyInvoicedLine || invoicedTotal !== null;

  for (const { lineId, ordered, received, invoiced, price, invoicedPrice } of lines) {
    const add = (code: DiscrepancyCode, message: string) => found.push({ lineId, code, message });
    if (received > ordered) {
      add('RECEIVED_MORE_THAN_ORDERED', `Line ${lineId}: ${units(received)} received, but only ${ordered} ordered.`);
    } else if (received < ordered) {
      add(
        'NOT_RECEIVED',
        `Line ${lineId}: ${received} of ${units(ordered)} received; ${ordered - received} still to come.`,
      );
    }
    if (invoiced > received) {
      add('INVOICED_MORE_THAN_RECEIVED', `Line ${lineId}: ${units(invoiced)} invoiced, but only ${received} received.`);
    } else if (anythingInvoiced && invoiced < received) {
      add('NOT_INVOICED', `Line ${lineId}: ${invoiced} of the ${units(received)} received are invoiced.`);
    }
    if (invoicedPrice !== null) {
      // Within tolerance: a difference up to the larger of the percentage of the order price and
      // the amount per unit, both exact (no rounding).
      const allowed = max(percentOf(price, pricePercent), priceAmount);
      const difference = invoicedPrice.minus(price).abs();
      if (difference.greaterThan(allowed)) {
        add(
          'PRICE_DIFFERS',
          `Line ${lineId}: invoiced at ${euros(invoicedPrice)} a unit, ordered at ${euros(price)}; ` +
            `the difference of ${euros(difference)} is more than the ${euros(allowed)} allowed.`,
        );
      }
    }
  }

  if (invoicedTotal !== null) {
    const linesTotal = sum(invoicedAmounts);
    const allowed = exact(TOTAL_TOLERANCE_PER_LINE).times(lines.length);
    const difference = invoicedTotal.minus(linesTotal).abs();
    if (difference.greaterThan(allowed)) {
      found.push({
        lineId: null,
        code: 'TOTAL_DIFFERS',
        message:
          `The invoices total ${euros(invoicedTotal)}, but the invoiced lines add up to ${euros(linesTotal)}; ` +
          `the difference of ${euros(difference)} is more than the ${euros(allowed)} allowed (€0.01 a line).`,
      });
    }
  }

  const wrong = found.some((d) => WRONG.includes(d.code));
  const status: MatchStatus = wrong
    ? 'DISCREPANCY'
    : !anythingInvoiced || !allReceived
      ? 'PENDING'
      : found.length === 0
        ? 'MATCHED'
        : 'DISCREPANCY';
  return { status, discrepancies: found };
}
