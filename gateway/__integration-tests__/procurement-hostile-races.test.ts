import { expectOk, expectRefused } from './testkit/expect';
import { M2, memberId } from './testkit/ids';
import { cents, compareDecimals, formatCents } from './testkit/money';
import {
  BAGS,
  COTTON_BAG,
  freshApprover,
  freshPurchaser,
  INSURANCE,
  LABELS,
  LIABILITY,
  newKey,
  orderInput,
  outcomes,
  procurementDriver,
  ROLL,
  SHOES,
  TEST_VISIT,
  TESTING,
  WORKWEAR,
} from './testkit/procurement-orders';
import { usePlatform } from './testkit/use-platform';

// Hostile review of ordering, requests sent at once (on PostgreSQL they really run side by side;
// PGlite serialises transactions, so there these are regressions of the same rules). A member's
// budget holds across contracts, one idempotency key is one order whatever the contracts, and a
// decision raced by another leaves one consistent state with the sector's volume right.
const tp = usePlatform();
const orders = procurementDriver(tp);
const M3 = memberId(3);
const M4 = memberId(4);
const M5 = memberId(5);
const M6 = memberId(6);
const BUDGET = '25000.00';

const totalOf = (rows: { total: { toFixed(n: number): string } }[]) =>
  formatCents(rows.reduce((sum, row) => sum + cents(row.total.toFixed(2)), 0n));

describe("a member's yearly budget, with orders on different contracts sent at once", () => {
  test('never more is committed than the budget: one of four orders that together pass it is refused', async () => {
    // €7,140.00 + €7,040.00 + €6,540.00 + €6,800.00 = €27,520.00 > €25,000.00; any three fit.
    const lines = [
      [INSURANCE, LIABILITY, 17],
      [WORKWEAR, SHOES, 110],
      [BAGS, COTTON_BAG, 60],
      [TESTING, TEST_VISIT, 100],
    ] as const;
    const tokens = await Promise.all(lines.map(() => freshPurchaser(M5)));
    const answers = await Promise.all(
      lines.map(([contract, item, quantity], i) =>
        orders.submit(tokens[i]!, orderInput(M5, contract, [{ itemId: item, quantity }])),
      ),
    );
    expect(outcomes(answers).sort()).toEqual(['BAD_USER_INPUT', null, null, null].sort());
    const refused = answers.find((a) => a.errors)!;
    expectRefused(refused, 'BAD_USER_INPUT', 'input.lines');
    expect(refused.errors![0]!.message).toMatch(/budget of €25,000\.00/);
    const counted = await orders.counted(M5);
    expect(counted).toHaveLength(3);
    expect(compareDecimals(totalOf(counted), BUDGET)).toBeLessThanOrEqual(0);
  });

  test('a cancelled or rejected order gives its budget back; an order over it then fits', async () => {
    const buyer = await freshPurchaser(M6);
    const approver = await freshApprover(M6);
    // 48 × €420.00 = €20,160.00, waiting for an approver (above €1,000.00).
    const big = await orders.placed(buyer, orderInput(M6, INSURANCE, [{ itemId: LIABILITY, quantity: 48 }]));
    expect(big).toMatchObject({ status: 'SUBMITTED', total: '20160.00' });
    // 110 × €64.00 = €7,040.00 does not fit in the €4,840.00 left.
    const shoes = [{ itemId: SHOES, quantity: 110 }];
    expectRefused(await orders.submit(buyer, orderInput(M6, WORKWEAR, shoes)), 'BAD_USER_INPUT', 'input.lines');
    expect(expectOk(await orders.cancel(buyer, big.id)).cancelOrder!.status).toBe('CANCELLED');
    const fits = await orders.placed(buyer, orderInput(M6, WORKWEAR, shoes));
    expect(fits.status).toBe('SUBMITTED');
    // €7,040.00 + €20,160.00 = €27,200.00 would pass the budget, until the approver rejects the shoes.
    const insurance = () => orderInput(M6, INSURANCE, [{ itemId: LIABILITY, quantity: 48 }]);
    expectRefused(await orders.submit(buyer, insurance()), 'BAD_USER_INPUT', 'input.lines');
    const rejected = expectOk(await orders.reject(approver, fits.id, 'The shoes come from the other supplier.'));
    expect(rejected.rejectOrder!.status).toBe('REJECTED');
    expect((await orders.placed(buyer, insurance())).status).toBe('SUBMITTED');
    expect(compareDecimals(totalOf(await orders.counted(M6)), BUDGET)).toBeLessThanOrEqual(0);
  });

  test('an order over budget that went to an approver (member 2) is approved without being checked again', async () => {
    const buyer = await freshPurchaser(M2);
    const approver = await freshApprover(M2);
    // 70 × €420.00 (or €385.00, €360.00 once the sector passed 100, 200) is over the €25,000.00;
    // member 2 sends that to an approver.
    const over = await orders.placed(buyer, orderInput(M2, INSURANCE, [{ itemId: LIABILITY, quantity: 70 }]));
    expect(compareDecimals(over.total, BUDGET)).toBe(1);
    expect(over.status).toBe('SUBMITTED');
    expect(expectOk(await orders.approve(approver, over.id)).approveOrder!.status).toBe('APPROVED');
    const next = await orders.placed(buyer, orderInput(M2, LABELS, [{ itemId: ROLL, quantity: 1 }]));
    expect(next.status).toBe('SUBMITTED');
  });
});

describe('one idempotency key sent at once with different contracts', () => {
  test.each([1, 2, 3])('attempt %i: one order, the other request a CONFLICT (never an internal error)', async () => {
    const key = newKey();
    const [a, b] = await Promise.all([freshPurchaser(M3), freshPurchaser(M3)]);
    const rollsBefore = await orders.sectorQuantity(LABELS, ROLL);
    const bagsBefore = await orders.sectorQuantity(BAGS, COTTON_BAG);
    const answers = await Promise.all([
      orders.submit(a, orderInput(M3, LABELS, [{ itemId: ROLL, quantity: 2 }], key)),
      orders.submit(b, orderInput(M3, BAGS, [{ itemId: COTTON_BAG, quantity: 1 }], key)),
    ]);
    expect(outcomes(answers).sort()).toEqual(['CONFLICT', null].sort());
    // The sentence says what to do, not a database constraint's columns.
    expect(answers.find((a) => a.errors)!.errors![0]!.message).toMatch(/idempotency key was already used/);
    const stored = await orders.prisma().order.findMany({ where: { memberId: M3, idempotencyKey: key } });
    expect(stored).toHaveLength(1);
    const grown =
      (await orders.sectorQuantity(LABELS, ROLL)) -
      rollsBefore +
      (await orders.sectorQuantity(BAGS, COTTON_BAG)) -
      bagsBefore;
    // Two rolls or one bag: only the order that was placed counts.
    expect(grown).toBe(stored[0]!.contractId === LABELS ? 2 : 1);
  });

  test("the same key of another member is another member's own order", async () => {
    const key = newKey();
    const [a, b] = await Promise.all([freshPurchaser(M3), freshPurchaser(M4)]);
    const answers = await Promise.all([
      orders.submit(a, orderInput(M3, LABELS, [{ itemId: ROLL, quantity: 1 }], key)),
      orders.submit(b, orderInput(M4, LABELS, [{ itemId: ROLL, quantity: 1 }], key)),
    ]);
    const ids = answers.map((answer) => expectOk(answer).submitOrder.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('decisions raced by another', () => {
  test('approve and cancel at once: each succeeds or is a CONFLICT, the end is consistent', async () => {
    const buyer = await freshPurchaser(M4);
    const before = await orders.sectorQuantity(LABELS, ROLL);
    const placed = await orders.placed(buyer, orderInput(M4, LABELS, [{ itemId: ROLL, quantity: 250 }]));
    expect(placed.status).toBe('SUBMITTED');
    const answers = await Promise.all([
      orders.approve(await freshApprover(M4), placed.id),
      orders.cancel(await freshPurchaser(M4), placed.id),
    ]);
    // An approved order may still be cancelled before it is ordered, so both may succeed (approved,
    // then cancelled); or the one that read the order before the other changed it is a CONFLICT.
    const [approval, cancellation] = outcomes(answers);
    expect([approval, cancellation].filter((o) => o !== null).every((o) => o === 'CONFLICT')).toBe(true);
    expect([approval, cancellation]).toContain(null);
    const final = await orders.prisma().order.findUniqueOrThrow({ where: { id: placed.id } });
    expect(final.status).toBe(cancellation === null ? 'CANCELLED' : 'APPROVED');
    expect(await orders.sectorQuantity(LABELS, ROLL)).toBe(final.status === 'CANCELLED' ? before : before + 250);
  });

  test.each([
    ['cancel and reject', 'cancel', 'reject'],
    ['cancel twice', 'cancel', 'cancel'],
  ] as const)('%s at once: one wins, the other is a CONFLICT, the volume is right', async (_label, first, second) => {
    const buyer = await freshPurchaser(M4);
    const before = await orders.sectorQuantity(LABELS, ROLL);
    // 250 rolls: above €1,000.00, waiting for an approver.
    const placed = await orders.placed(buyer, orderInput(M4, LABELS, [{ itemId: ROLL, quantity: 250 }]));
    expect(placed.status).toBe('SUBMITTED');
    const act = async (what: 'approve' | 'cancel' | 'reject') =>
      what === 'approve'
        ? orders.approve(await freshApprover(M4), placed.id)
        : what === 'reject'
          ? orders.reject(await freshApprover(M4), placed.id, 'Two people decided at once.')
          : orders.cancel(await freshPurchaser(M4), placed.id);
    const answers = await Promise.all([act(first), act(second)]);
    expect(outcomes(answers).sort()).toEqual(['CONFLICT', null].sort());
    const final = await orders.prisma().order.findUniqueOrThrow({ where: { id: placed.id } });
    const released = final.status === 'CANCELLED' || final.status === 'REJECTED';
    expect(await orders.sectorQuantity(LABELS, ROLL)).toBe(released ? before : before + 250);
    const winner = answers.find((a) => !a.errors)!.data!;
    expect(Object.values(winner)[0]!.status).toBe(final.status);
  });
});
