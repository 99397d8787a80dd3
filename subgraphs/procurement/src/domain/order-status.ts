import { DomainError } from '@samen-sterk/subgraph-runtime/pure';

/**
 * An order's life cycle (README rule 8). SUBMITTED → APPROVED | REJECTED | CANCELLED;
 * APPROVED → ORDERED | CANCELLED; ORDERED → DELIVERED (once every line is fully received; a
 * partial delivery keeps it ORDERED); DELIVERED → INVOICED → CLOSED. Once ordered at the supplier
 * an order can no longer be cancelled here. REJECTED, CANCELLED and CLOSED are final.
 */

export const ORDER_STATUSES = [
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'ORDERED',
  'DELIVERED',
  'INVOICED',
  'CLOSED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  SUBMITTED: ['APPROVED', 'REJECTED', 'CANCELLED'],
  APPROVED: ['ORDERED', 'CANCELLED'],
  REJECTED: [],
  ORDERED: ['DELIVERED'],
  DELIVERED: ['INVOICED'],
  INVOICED: ['CLOSED'],
  CLOSED: [],
  CANCELLED: [],
};

const isStatus = (value: unknown): value is OrderStatus => ORDER_STATUSES.some((s) => s === value);

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return isStatus(from) && isStatus(to) && ORDER_TRANSITIONS[from].includes(to);
}

/** Whether every line is fully received: the condition for ORDERED → DELIVERED. */
export function fullyReceived(lines: readonly { ordered: number; received: number }[]): boolean {
  return lines.length > 0 && lines.every((line) => line.received >= line.ordered);
}

const list = (statuses: readonly string[]) =>
  statuses.length === 1 ? statuses[0]! : `${statuses.slice(0, -1).join(', ')} or ${statuses[statuses.length - 1]!}`;

/** Nothing when the move is allowed; otherwise a DomainError (CONFLICT) saying why, in a sentence. */
export function moveOrThrow(from: OrderStatus, to: OrderStatus, orderId?: string): void {
  if (!isStatus(from)) throw new DomainError('UNKNOWN_STATUS', 'from', `${String(from)} is not an order status.`);
  if (!isStatus(to)) throw new DomainError('UNKNOWN_STATUS', 'status', `${String(to)} is not an order status.`);
  if (canMove(from, to)) return;
  const subject = orderId === undefined ? `An order that is ${from}` : `Order ${orderId} (${from})`;
  const next = ORDER_TRANSITIONS[from];
  let message: string;
  if (from === to) {
    message = orderId === undefined ? `The order is already ${from}.` : `Order ${orderId} is already ${from}.`;
  } else if (next.length === 0) {
    message = `${subject} is final: it cannot become ${to}.`;
  } else if (to === 'CANCELLED') {
    message = `${subject} can no longer be cancelled.`;
  } else {
    message = `${subject} cannot become ${to}; it can only become ${list(next)}.`;
  }
  throw new DomainError('INVALID_STATUS_TRANSITION', 'status', message, 'CONFLICT');
}
