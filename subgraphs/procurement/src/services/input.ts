import { BadUserInputError, characterCount, checkText } from '@samen-sterk/subgraph-runtime';
import { exact, formatEuro } from '@samen-sterk/subgraph-runtime/pure';

export interface OrderInput {
  memberId: string;
  contractId: string;
  idempotencyKey: string;
  lines: { itemId: string; quantity: number }[];
  /** The member's shop the goods go to (members directory); none: the member's address. */
  deliveryBranchId?: string | null;
}

/** Lines on one order; more is a spreadsheet, not an order. */
export const MAX_LINES = 200;
/** Units on one line. */
export const MAX_QUANTITY = 1_000_000;
/**
 * One order at list price, excluding VAT: €100,000,000.00, more than any member buys in a year
 * (and the most a member's budget can be). The order's amounts are stored with 12 digits before
 * the point; 200 lines of a million units at a catalogue price of up to €1,000,000.00 would not fit.
 */
export const MAX_ORDER_TOTAL = '100000000.00';
/** What the sector's quantity of an item is counted in: a 32-bit whole number. */
export const MAX_SECTOR_QUANTITY = 2_147_483_647;
const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** The order's shape, all checked before anything is read or written. */
export function checkedOrderInput(input: OrderInput): OrderInput {
  if (!KEY.test(input.idempotencyKey))
    throw new BadUserInputError(
      'input.idempotencyKey',
      'The idempotency key is 8 to 100 letters, digits, dots, colons, dashes or underscores (a UUID will do).',
    );
  if (input.lines.length === 0) throw new BadUserInputError('input.lines', 'An order has at least one line.');
  if (input.lines.length > MAX_LINES)
    throw new BadUserInputError('input.lines', `An order has at most ${MAX_LINES} lines; split it.`);
  const lineOf = new Map<string, number>();
  input.lines.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY)
      throw new BadUserInputError(
        `input.lines.${i}.quantity`,
        `A quantity is a whole number from 1 to ${MAX_QUANTITY.toLocaleString('en')}; line ${i + 1} has ${line.quantity}.`,
      );
    // One line per item: two lines of one item would be priced, approved and delivered as one
    // anyway, and a line's quantity is what its maximum is about.
    const first = lineOf.get(line.itemId);
    if (first !== undefined)
      throw new BadUserInputError(
        `input.lines.${i}.itemId`,
        `Item ${line.itemId} is already on line ${first + 1}; give each item one line with the whole quantity.`,
      );
    lineOf.set(line.itemId, i);
  });
  return input;
}

/**
 * What the priced order may not pass: its total at list price (which is at least what is paid)
 * and, per line, the sector's quantity of the item after it.
 */
export function checkedOrderSize(listTotal: string, lines: { quantity: number; sectorBefore: number }[]): void {
  if (exact(listTotal).greaterThan(MAX_ORDER_TOTAL))
    throw new BadUserInputError(
      'input.lines',
      `An order is at most ${formatEuro(exact(MAX_ORDER_TOTAL), { grouping: true })} at list price; this one is ${formatEuro(exact(listTotal), { grouping: true })}. Split it.`,
    );
  lines.forEach((line, i) => {
    if (line.sectorBefore + line.quantity > MAX_SECTOR_QUANTITY)
      throw new BadUserInputError(
        `input.lines.${i}.quantity`,
        `The sector has ordered ${line.sectorBefore.toLocaleString('en')} of this item; ${line.quantity.toLocaleString('en')} more is past what the contract counts (${MAX_SECTOR_QUANTITY.toLocaleString('en')}). Ask the association.`,
      );
  });
}

/** Why an order is rejected: 3 to 500 characters, on one or more lines, trimmed. */
export function checkedReason(reason: string): string {
  const text = checkText(reason, 'reason', 'The reason', { multiline: true, maxLength: 500 });
  if (characterCount(text) < 3)
    throw new BadUserInputError('reason', 'Give the purchaser a reason of 3 to 500 characters.');
  return text;
}
