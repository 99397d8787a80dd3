import { BadUserInputError } from '@samen-sterk/subgraph-runtime';

export interface OrderInput {
  memberId: string;
  contractId: string;
  idempotencyKey: string;
  lines: { itemId: string; quantity: number }[];
}

/** Lines on one order; more is a spreadsheet, not an order. */
export const MAX_LINES = 200;
/** Units on one line. */
export const MAX_QUANTITY = 1_000_000;
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
  input.lines.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY)
      throw new BadUserInputError(
        `input.lines.${i}.quantity`,
        `A quantity is a whole number from 1 to ${MAX_QUANTITY.toLocaleString('en')}; line ${i + 1} has ${line.quantity}.`,
      );
  });
  return input;
}

/** Why an order is rejected: 3 to 500 characters. */
export function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || trimmed.length > 500)
    throw new BadUserInputError('reason', 'Give the purchaser a reason of 3 to 500 characters.');
  return trimmed;
}
