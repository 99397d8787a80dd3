import fc from 'fast-check';
import {
  canMove,
  fullyReceived,
  moveOrThrow,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderStatus,
} from '../order-status';

describe('the order life cycle', () => {
  test.each([
    ['SUBMITTED', 'APPROVED'],
    ['SUBMITTED', 'REJECTED'],
    ['SUBMITTED', 'CANCELLED'],
    ['APPROVED', 'ORDERED'],
    ['APPROVED', 'CANCELLED'],
    ['ORDERED', 'DELIVERED'],
    ['DELIVERED', 'INVOICED'],
    ['INVOICED', 'CLOSED'],
  ] as const)('%s → %s is allowed', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(() => moveOrThrow(from, to)).not.toThrow();
  });

  test('once ordered, an order can no longer be cancelled', () => {
    expect(canMove('ORDERED', 'CANCELLED')).toBe(false);
    expect(() => moveOrThrow('ORDERED', 'CANCELLED')).toThrow('An order that is ORDERED can no longer be cancelled.');
    expect(() => moveOrThrow('DELIVERED', 'CANCELLED', 'ord-7')).toThrow(
      expect.objectContaining({
        message: 'Order ord-7 (DELIVERED) can no longer be cancelled.',
        reason: 'INVALID_STATUS_TRANSITION',
        kind: 'CONFLICT',
        field: 'status',
      }),
    );
  });

  test('other refusals say what is possible', () => {
    expect(() => moveOrThrow('SUBMITTED', 'ORDERED')).toThrow(
      'An order that is SUBMITTED cannot become ORDERED; it can only become APPROVED, REJECTED or CANCELLED.',
    );
    expect(() => moveOrThrow('CLOSED', 'INVOICED')).toThrow(
      'An order that is CLOSED is final: it cannot become INVOICED.',
    );
    expect(() => moveOrThrow('APPROVED', 'APPROVED', 'ord-1')).toThrow('Order ord-1 is already APPROVED.');
    expect(() => moveOrThrow('NOPE' as OrderStatus, 'APPROVED')).toThrow(
      expect.objectContaining({ reason: 'UNKNOWN_STATUS' }),
    );
  });

  test('final statuses lead nowhere; nothing leads back to SUBMITTED', () => {
    expect(ORDER_TRANSITIONS.REJECTED).toEqual([]);
    expect(ORDER_TRANSITIONS.CANCELLED).toEqual([]);
    expect(ORDER_TRANSITIONS.CLOSED).toEqual([]);
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), fc.constantFrom(...ORDER_STATUSES), (from, to) => {
        expect(canMove(from, to)).toBe(ORDER_TRANSITIONS[from].includes(to));
        if (to === 'SUBMITTED' || from === to) expect(canMove(from, to)).toBe(false);
        if (canMove(from, to)) expect(() => moveOrThrow(from, to)).not.toThrow();
        else expect(() => moveOrThrow(from, to)).toThrow();
      }),
    );
  });

  test('delivered only once every line is fully received', () => {
    expect(
      fullyReceived([
        { ordered: 5, received: 5 },
        { ordered: 2, received: 2 },
      ]),
    ).toBe(true);
    expect(
      fullyReceived([
        { ordered: 5, received: 5 },
        { ordered: 2, received: 1 },
      ]),
    ).toBe(false);
    expect(fullyReceived([])).toBe(false);
  });
});
