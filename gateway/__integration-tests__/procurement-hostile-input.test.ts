import { captureLogs, type CapturedLogs } from '@samen-sterk/subgraph-runtime';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { expectOk, expectRefused, expectRefusedWithoutWrites } from './testkit/expect';
import { M1, M10, memberId } from './testkit/ids';
import {
  freshApprover,
  freshPurchaser,
  LABELS,
  newKey,
  orderInput,
  procurementDriver,
  ROLL,
  TAG_GUN,
} from './testkit/procurement-orders';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Hostile input to submitOrder and rejectOrder through the gateway: every refusal is a 4xx-class
// code naming the field, with a sentence, and writes nothing; nothing reaches the database that
// it cannot store (an amount too large for its column, a sector quantity past a whole number's
// range), which would be an internal error. Member 10 has no purchasing settings: no budget to
// stop a large order, every order waits for an approver.
const tp = usePlatform();
const orders = procurementDriver(tp);
const M3 = memberId(3);
const tokens = useTokens({
  buyer1: () => freshPurchaser(M1),
  buyer3: () => freshPurchaser(M3),
  approver3: () => freshApprover(M3),
  buyer10: () => freshPurchaser(M10),
});
/**
 * What the platform (in this process) prints and logs as warnings or errors while this file's
 * hostile requests run (a refusal is logged at info, as the caller's doing, not ours).
 */
const logged: string[] = [];
let captured: CapturedLogs;
beforeAll(() => {
  captured = captureLogs('warn');
  for (const level of ['error', 'warn', 'log', 'info'] as const)
    jest
      .spyOn(console, level)
      .mockImplementation((...parts: unknown[]) => void logged.push(parts.map(String).join(' ')));
});
afterAll(() => {
  jest.restoreAllMocks();
  captured.stop();
});
const refusedWithoutWrites = (input: ReturnType<typeof orderInput>, field: string, token = tokens.buyer1) =>
  expectRefusedWithoutWrites(orders.database(), () => orders.submit(token, input), 'BAD_USER_INPUT', field);

describe('order lines', () => {
  test('the same item on two lines is refused, naming the second line; one line per item', async () => {
    const lines = [
      { itemId: ROLL, quantity: 2 },
      { itemId: TAG_GUN, quantity: 1 },
      { itemId: ROLL, quantity: 3 },
    ];
    const res = await refusedWithoutWrites(orderInput(M1, LABELS, lines), 'input.lines.2.itemId');
    expect(res.errors![0]!.message).toMatch(/already on line 1/);
  });

  test.each([
    ['zero', 0, 'input.lines.0.quantity'],
    ['negative', -5, 'input.lines.0.quantity'],
    ['past the maximum of 1,000,000', 1_000_001, 'input.lines.0.quantity'],
  ])('a quantity %s is refused', async (_label, quantity, field) => {
    const res = await refusedWithoutWrites(orderInput(M1, LABELS, [{ itemId: ROLL, quantity }]), field);
    expect(res.errors![0]!.message).toMatch(/whole number from 1 to 1,000,000/);
  });

  test.each([
    ['past a 32-bit whole number', 2 ** 31],
    ['a fraction', 1.5],
    ['a string', '10'],
  ])('a quantity %s is no Int: refused before anything runs', async (_label, quantity) => {
    await expectRefusedWithoutWrites(
      orders.database(),
      () => orders.submit(tokens.buyer1, orderInput(M1, LABELS, [{ itemId: ROLL, quantity: quantity as number }])),
      'BAD_USER_INPUT',
    );
  });

  test('201 or 1,000 lines are refused: at most 200', async () => {
    for (const count of [201, 1000]) {
      const lines = Array.from({ length: count }, () => ({ itemId: ROLL, quantity: 1 }));
      await refusedWithoutWrites(orderInput(M1, LABELS, lines), 'input.lines');
    }
  });

  test.each([
    ['an item id as the contract', () => orderInput(M1, ROLL, [{ itemId: ROLL, quantity: 1 }]), 'input.contractId'],
    [
      'a contract id as the item',
      () => orderInput(M1, LABELS, [{ itemId: LABELS, quantity: 1 }]),
      'input.lines.0.itemId',
    ],
    [
      'an id that is no id at all',
      () => orderInput(M1, "' OR 1=1 --", [{ itemId: ROLL, quantity: 1 }]),
      'input.contractId',
    ],
    ['an empty item id', () => orderInput(M1, LABELS, [{ itemId: '', quantity: 1 }]), 'input.lines.0.itemId'],
  ])('%s is refused, naming it', async (_label, input, field) => {
    await refusedWithoutWrites(input(), field);
  });
});

describe('amounts a column cannot hold', () => {
  // An item at the catalogue's highest list price (€1,000,000.00), as the association may add one.
  const PRICEY = demoId('item', 901);
  beforeAll(async () => {
    await orders.prisma().item.create({
      data: {
        id: PRICEY,
        contractId: LABELS,
        sku: 'HOSTILE-PRICEY',
        name: 'A pricey machine',
        unit: 'piece',
        vatRate: '21',
        listPrice: '1000000.00',
      },
    });
  });

  test('an order past €100,000,000.00 is refused as too large, not an internal error', async () => {
    const res = await refusedWithoutWrites(
      orderInput(M10, LABELS, [{ itemId: PRICEY, quantity: 1_000_000 }]),
      'input.lines',
      tokens.buyer10,
    );
    expect(res.errors![0]!.message).toMatch(/at most €100,000,000\.00/);
    await refusedWithoutWrites(
      orderInput(M10, LABELS, [{ itemId: PRICEY, quantity: 101 }]),
      'input.lines',
      tokens.buyer10,
    );
  });

  test('exactly €100,000,000.00 is placed, to the cent, waiting for an approver', async () => {
    const placed = await orders.placed(tokens.buyer10, orderInput(M10, LABELS, [{ itemId: PRICEY, quantity: 100 }]));
    expect(placed).toMatchObject({ status: 'SUBMITTED', total: '100000000.00', listTotal: '100000000.00' });
  });

  test("an order that would take the sector's quantity past what it can count is refused, naming the line", async () => {
    const ALMOST = 2_147_000_000;
    await orders.prisma().sectorVolume.upsert({
      where: { contractId_itemId: { contractId: LABELS, itemId: TAG_GUN } },
      create: { contractId: LABELS, itemId: TAG_GUN, quantity: ALMOST },
      update: { quantity: ALMOST },
    });
    try {
      await refusedWithoutWrites(
        orderInput(M10, LABELS, [{ itemId: TAG_GUN, quantity: 1_000_000 }]),
        'input.lines.0.quantity',
        tokens.buyer10,
      );
    } finally {
      await orders.prisma().sectorVolume.update({
        where: { contractId_itemId: { contractId: LABELS, itemId: TAG_GUN } },
        data: { quantity: 0 },
      });
    }
  });
});

describe('idempotency keys', () => {
  test.each([
    ['empty', ''],
    ['too short', 'abc'],
    ['101 characters', 'k'.repeat(101)],
    ['10 kB', 'k'.repeat(10_000)],
    ['with a space', 'order 12345678'],
    ['with a NUL', 'order-1234\u0000'],
    ['with a line break', 'order-1234\n5678'],
    ['with letters outside ASCII', 'bestelling-ĳzer-1'],
    ['with a right-to-left override', 'order-1234\u202e5678'],
  ])('%s: refused, naming the key', async (_label, key) => {
    const res = await refusedWithoutWrites(
      orderInput(M1, LABELS, [{ itemId: ROLL, quantity: 1 }], key),
      'input.idempotencyKey',
    );
    expect(res.errors![0]!.message.length).toBeLessThan(300);
  });
});

describe("a rejection's reason", () => {
  let waiting: string;
  beforeAll(async () => {
    // 300 rolls at €4.95 = €1,485.00: above member 3's threshold, waiting for an approver.
    waiting = (await orders.placed(tokens.buyer3, orderInput(M3, LABELS, [{ itemId: ROLL, quantity: 300 }], newKey())))
      .id;
  });

  test.each([
    ['missing (blank)', '   ', 'reason'],
    ['too short', 'no', 'reason'],
    ['501 characters', 'x'.repeat(501), 'reason'],
    ['10 kB', 'x'.repeat(10_000), 'reason'],
    ['with a NUL', 'Not\u0000 now', 'reason'],
  ])('%s: refused, nothing written', async (_label, reason, field) => {
    await expectRefusedWithoutWrites(
      orders.database(),
      () => orders.reject(tokens.approver3, waiting, reason),
      'BAD_USER_INPUT',
      field,
    );
  });

  test('500 characters counted as a person counts them (emoji too), trimmed, on several lines: stored as given', async () => {
    const reason = `${'🙂'.repeat(250)}\n${'a'.repeat(249)}`;
    const res = expectOk(
      await tp.query<{ rejectOrder: { rejectReason: string } }>(
        'mutation($id: ID!, $r: String!) { rejectOrder(id: $id, reason: $r) { rejectReason } }',
        { token: tokens.approver3, variables: { id: waiting, r: `  ${reason}  ` } },
      ),
    );
    expect(res.rejectOrder.rejectReason).toBe(reason);
    expectRefused(await orders.reject(tokens.approver3, waiting, 'Again, no.'), 'CONFLICT');
  });
});

test('nothing of it reached the log: a refusal is no error, and no key, reason or body is written there', () => {
  expect([...logged, ...captured.lines]).toEqual([]);
});
