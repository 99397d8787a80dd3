import { checkedOrderInput, checkedOrderSize, checkedReason, MAX_ORDER_TOTAL, MAX_SECTOR_QUANTITY } from '../input';

// The order's own checks, before anything is read: each refusal names the field at fault.
const order = (lines: { itemId: string; quantity: number }[]) => ({
  memberId: 'm',
  contractId: 'c',
  idempotencyKey: 'key-12345678',
  lines,
});
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { code: string; field: string } }).extensions;
  }
  return null;
};

test('one line per item: the second line of an item is refused, naming it', () => {
  const lines = [
    { itemId: 'a', quantity: 1 },
    { itemId: 'b', quantity: 1 },
    { itemId: 'a', quantity: 2 },
  ];
  expect(fieldOf(() => checkedOrderInput(order(lines)))).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'input.lines.2.itemId',
  });
  expect(checkedOrderInput(order(lines.slice(0, 2))).lines).toHaveLength(2);
});

test('the order at list price up to €100,000,000.00; a cent more is refused', () => {
  expect(MAX_ORDER_TOTAL).toBe('100000000.00');
  expect(fieldOf(() => checkedOrderSize('100000000.00', []))).toBeNull();
  expect(fieldOf(() => checkedOrderSize('100000000.01', []))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.lines' });
});

test("the sector's quantity after the order stays a 32-bit whole number", () => {
  const line = (sectorBefore: number, quantity: number) => [
    { quantity: 1, sectorBefore: 0 },
    { quantity, sectorBefore },
  ];
  expect(fieldOf(() => checkedOrderSize('1.00', line(MAX_SECTOR_QUANTITY - 5, 5)))).toBeNull();
  expect(fieldOf(() => checkedOrderSize('1.00', line(MAX_SECTOR_QUANTITY - 5, 6)))).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'input.lines.1.quantity',
  });
});

test('a reason: trimmed, 3 to 500 characters as people count them, line breaks kept', () => {
  expect(checkedReason('  Not now.\nNext month.  ')).toBe('Not now.\nNext month.');
  expect(checkedReason('🙂'.repeat(500))).toHaveLength(1000);
  expect(fieldOf(() => checkedReason('🙂'.repeat(501)))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  expect(fieldOf(() => checkedReason(' ab '))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  expect(fieldOf(() => checkedReason('\t\n'))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
});
