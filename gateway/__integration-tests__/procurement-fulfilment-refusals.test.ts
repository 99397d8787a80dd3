import { tokenOf } from './testkit/actors';
import { addDays } from './testkit/calendar';
import { expectOk, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { M1, M2 } from './testkit/ids';
import {
  codes,
  fulfilmentDriver,
  lineOf,
  PEPPOL,
  PINS,
  READ,
  ROLL,
  TAG_GUN,
  type Order,
} from './testkit/procurement-fulfilment';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Fulfilment of a member's order through the real gateway when things go wrong: bad deliveries and
// invoices are refused with the field at fault and write nothing; another member finds none of
// it; an order with more received than ordered and an invoice price above tolerance is a
// DISCREPANCY and cannot be closed. The happy path: procurement-fulfilment.test.ts. The demo
// catalogue: testkit/procurement-fulfilment.ts.
const tp = usePlatform();

const tokens = useTokens({
  buyer1: () => tokenOf('member-purchaser', M1, 'fulfilment-buyer-1'),
  approver1: () => tokenOf('member-approver', M1, 'fulfilment-approver-1'),
  buyer2: () => tokenOf('member-purchaser', M2, 'fulfilment-buyer-2'),
});
const { db, today, submit, markOrdered, deliver, invoice, close, read } = fulfilmentDriver(tp, () => ({
  buyer: tokens.buyer1,
  approver: tokens.approver1,
}));

describe('an order that does not match: more received than ordered, an invoice price above tolerance', () => {
  let order: Order;
  let rollLine: string;
  let gunLine: string;

  beforeAll(async () => {
    // 5 rolls €24.75 + 1 tag gun €24.95 = €49.70.
    order = await submit([
      { itemId: ROLL, quantity: 5 },
      { itemId: TAG_GUN, quantity: 1 },
    ]);
    rollLine = lineOf(order, ROLL).id;
    gunLine = lineOf(order, TAG_GUN).id;
    expectOk(await markOrdered(order.id, null, tokens.approver1));
  });

  describe('refused, and nothing written', () => {
    test.each([
      ['a day of receipt in the future', () => ({ receivedOn: addDays(today, 1) }), 'input.receivedOn'],
      ['a quantity of 0', () => ({ lines: [{ lineId: rollLine, quantity: 0 }] }), 'input.lines.0.quantity'],
      ['more than a million', () => ({ lines: [{ lineId: rollLine, quantity: 1_000_001 }] }), 'input.lines.0.quantity'],
      [
        'the same line twice',
        () => ({
          lines: [
            { lineId: rollLine, quantity: 1 },
            { lineId: rollLine, quantity: 1 },
          ],
        }),
        'input.lines.1.lineId',
      ],
      ['no lines', () => ({ lines: [] }), 'input.lines'],
    ])('a delivery with %s', async (_label, overrides, field) => {
      const input = {
        orderId: order.id,
        receivedOn: today,
        lines: [{ lineId: rollLine, quantity: 1 }],
        ...overrides(),
      };
      await expectRefusedWithoutWrites(db(), () => deliver(input), 'BAD_USER_INPUT', field);
    });

    test('a delivery naming a line of another order', async () => {
      const other = await submit([{ itemId: PINS, quantity: 1 }]);
      const input = { orderId: order.id, receivedOn: today, lines: [{ lineId: other.lines[0]!.id, quantity: 1 }] };
      await expectRefusedWithoutWrites(db(), () => deliver(input), 'BAD_USER_INPUT', 'input.lines.0.lineId');
    });

    test.each([
      ['an invoice number of 51 characters', () => ({ number: 'N'.repeat(51) }), 'input.number'],
      ['an empty invoice number', () => ({ number: '  ' }), 'input.number'],
      ['a negative total', () => ({ total: '-1.00' }), 'input.total'],
      ['VAT with three decimals', () => ({ vatTotal: '1.045' }), 'input.vatTotal'],
      [
        'a unit price with three decimals',
        () => ({ lines: [{ lineId: rollLine, quantity: 1, unitPrice: '4.955' }] }),
        'input.lines.0.unitPrice',
      ],
      ['an invoice date in the future', () => ({ invoicedOn: addDays(today, 1) }), 'input.invoicedOn'],
    ])('an invoice with %s', async (_label, overrides, field) => {
      const input = {
        orderId: order.id,
        number: 'LM-REFUSED',
        invoicedOn: today,
        total: '4.95',
        vatTotal: '1.04',
        lines: [{ lineId: rollLine, quantity: 1, unitPrice: '4.95' }],
        ...overrides(),
      };
      await expectRefusedWithoutWrites(db(), () => invoice(input), 'BAD_USER_INPUT', field);
    });
  });

  test('another member finds none of it: every change and the document are "not found", and nothing is written', async () => {
    const other = tokens.buyer2;
    const requests = [
      () => markOrdered(order.id, null, other),
      () => deliver({ orderId: order.id, receivedOn: today, lines: [{ lineId: rollLine, quantity: 1 }] }, other),
      () =>
        invoice(
          {
            orderId: order.id,
            number: 'M2-1',
            invoicedOn: today,
            total: '4.95',
            vatTotal: '1.04',
            lines: [{ lineId: rollLine, quantity: 1, unitPrice: '4.95' }],
          },
          other,
        ),
      () => close(order.id, other),
      () => tp.query(PEPPOL, { token: other, variables: { id: order.id } }),
      () => tp.query(READ, { token: other, variables: { id: order.id } }),
    ];
    for (const request of nonEmpty(requests)) await expectRefusedWithoutWrites(db(), request, 'NOT_FOUND');
  });

  test('6 rolls received of 5, the gun invoiced at €26.00 instead of €24.95: DISCREPANCY, and it cannot be closed', async () => {
    const delivered = expectOk(
      await deliver({
        orderId: order.id,
        receivedOn: today,
        lines: [
          { lineId: rollLine, quantity: 6 },
          { lineId: gunLine, quantity: 1 },
        ],
      }),
    ).recordDelivery;
    expect(delivered.status).toBe('DELIVERED');
    expect(lineOf(delivered, ROLL)).toMatchObject({ quantity: 5, received: 6 });
    expect(codes(delivered)).toEqual(['RECEIVED_MORE_THAN_ORDERED']);
    expect(delivered.match.status).toBe('DISCREPANCY');

    // 6 × €4.95 = €29.70 and 1 × €26.00: €55.70. The gun's difference, €1.05, is above the larger
    // of 1 % (€0.2495) and €0.05.
    const invoiced = expectOk(
      await invoice({
        orderId: order.id,
        number: 'LM-2026-0002',
        invoicedOn: today,
        total: '55.70',
        vatTotal: '11.70',
        lines: [
          { lineId: rollLine, quantity: 6, unitPrice: '4.95' },
          { lineId: gunLine, quantity: 1, unitPrice: '26.00' },
        ],
      }),
    ).recordSupplierInvoice;
    expect(invoiced.status).toBe('INVOICED');
    expect(invoiced.match.status).toBe('DISCREPANCY');
    expect(codes(invoiced)).toEqual(['PRICE_DIFFERS', 'RECEIVED_MORE_THAN_ORDERED']);
    const price = invoiced.match.discrepancies.find((d) => d.code === 'PRICE_DIFFERS')!;
    expect(price.lineId).toBe(gunLine);
    expect(price.message).toContain('€26.00');
    expect(invoiced.match.discrepancies.find((d) => d.code === 'RECEIVED_MORE_THAN_ORDERED')!.lineId).toBe(rollLine);

    const refused = await expectRefusedWithoutWrites(db(), () => close(order.id), 'CONFLICT');
    expect(refused.errors![0]!.message).toContain('PRICE_DIFFERS');
    expect(refused.errors![0]!.message).toContain('RECEIVED_MORE_THAN_ORDERED');
    expect((await read(order.id)).status).toBe('INVOICED');
  });
});
