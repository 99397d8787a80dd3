import { tokenOf } from './testkit/actors';
import { addDays } from './testkit/calendar';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { M1 } from './testkit/ids';
import {
  codes,
  fulfilmentDriver,
  LABELS,
  lineOf,
  PEPPOL,
  PINS,
  ROLL,
  TAG_GUN,
  type Order,
} from './testkit/procurement-fulfilment';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Fulfilment of a member's order through the real gateway, the happy path: sent to the supplier,
// received in partial deliveries, invoiced, matched three ways (ordered, received, invoiced) and
// closed; nothing received or invoiced before it is sent; and the order as a Peppol BIS Order 3
// document, only once approved. An order that does not match, refusals and other members:
// procurement-fulfilment-refusals.test.ts. The demo catalogue: testkit/procurement-fulfilment.ts.
const tp = usePlatform();

const tokens = useTokens({
  buyer1: () => tokenOf('member-purchaser', M1, 'fulfilment-buyer-1'),
  approver1: () => tokenOf('member-approver', M1, 'fulfilment-approver-1'),
});
const { db, today, submit, markOrdered, deliver, invoice, close } = fulfilmentDriver(tp, () => ({
  buyer: tokens.buyer1,
  approver: tokens.approver1,
}));

describe('an order that matches: ordered, two partial deliveries, invoiced, closed', () => {
  let order: Order;

  beforeAll(async () => {
    // 10 rolls €49.50 + 2 tag guns €49.90 + 3 boxes of pins €29.40 = €128.80: approved at once.
    order = await submit([
      { itemId: ROLL, quantity: 10 },
      { itemId: TAG_GUN, quantity: 2 },
      { itemId: PINS, quantity: 3 },
    ]);
  });

  test('approved within the threshold; nothing received or invoiced yet: the match is pending', () => {
    expect(order).toMatchObject({ status: 'APPROVED', total: '128.80', vatTotal: '27.05', orderedAt: null });
    for (const line of nonEmpty(order.lines)) expect(line).toMatchObject({ received: 0, invoiced: 0 });
    expect(order.match.status).toBe('PENDING');
    expect(order.deliveries).toEqual([]);
    expect(order.invoices).toEqual([]);
  });

  test('nothing is received or invoiced before the order is sent to the supplier', async () => {
    const roll = lineOf(order, ROLL);
    await expectRefusedWithoutWrites(
      db(),
      () => deliver({ orderId: order.id, receivedOn: today, lines: [{ lineId: roll.id, quantity: 1 }] }),
      'CONFLICT',
    );
    await expectRefusedWithoutWrites(
      db(),
      () =>
        invoice({
          orderId: order.id,
          number: 'LM-EARLY',
          invoicedOn: today,
          total: '4.95',
          vatTotal: '1.04',
          lines: [{ lineId: roll.id, quantity: 1, unitPrice: '4.95' }],
        }),
      'CONFLICT',
    );
  });

  test('a promised delivery date in the past or more than a year ahead is refused', async () => {
    await expectRefusedWithoutWrites(
      db(),
      () => markOrdered(order.id, addDays(today, -1)),
      'BAD_USER_INPUT',
      'expectedOn',
    );
    await expectRefusedWithoutWrites(
      db(),
      () => markOrdered(order.id, addDays(today, 400)),
      'BAD_USER_INPUT',
      'expectedOn',
    );
  });

  test('sent to the supplier: ORDERED, by whom and when, with the promised date; not twice', async () => {
    const ordered = expectOk(await markOrdered(order.id)).markOrderOrdered;
    expect(ordered).toMatchObject({
      status: 'ORDERED',
      orderedBy: 'fulfilment-buyer-1',
      expectedOn: addDays(today, 7),
      deliveredOn: null,
    });
    expect(ordered.orderedAt).not.toBeNull();
    await expectRefusedWithoutWrites(db(), () => markOrdered(order.id), 'CONFLICT');
  });

  test('a first partial delivery: received per line, still ORDERED, the match says what is still to come', async () => {
    const after = expectOk(
      await deliver({
        orderId: order.id,
        receivedOn: today,
        lines: [
          { lineId: lineOf(order, ROLL).id, quantity: 4 },
          { lineId: lineOf(order, TAG_GUN).id, quantity: 2 },
        ],
      }),
    ).recordDelivery;
    expect(after.status).toBe('ORDERED');
    expect(lineOf(after, ROLL)).toMatchObject({ quantity: 10, received: 4 });
    expect(lineOf(after, TAG_GUN)).toMatchObject({ quantity: 2, received: 2 });
    expect(lineOf(after, PINS)).toMatchObject({ quantity: 3, received: 0 });
    expect(after.match.status).toBe('PENDING');
    expect(codes(after)).toEqual(['NOT_RECEIVED', 'NOT_RECEIVED']);
    expect(after.match.discrepancies.map((d) => d.lineId).sort()).toEqual(
      [lineOf(order, ROLL).id, lineOf(order, PINS).id].sort(),
    );
    expect(after.deliveries).toHaveLength(2);
  });

  test('the rest: every line in full, so DELIVERED on the day of receipt', async () => {
    const after = expectOk(
      await deliver({
        orderId: order.id,
        receivedOn: today,
        lines: [
          { lineId: lineOf(order, ROLL).id, quantity: 6 },
          { lineId: lineOf(order, PINS).id, quantity: 3 },
        ],
      }),
    ).recordDelivery;
    expect(after).toMatchObject({ status: 'DELIVERED', deliveredOn: today });
    for (const line of nonEmpty(after.lines)) expect(line.received).toBe(line.quantity);
    expect(after.deliveries).toHaveLength(4);
    expect(after.match.status).toBe('PENDING');
    expect(after.match.discrepancies).toEqual([]);
    // Delivered: no more deliveries, and not closed before it is invoiced.
    await expectRefusedWithoutWrites(
      db(),
      () => deliver({ orderId: order.id, receivedOn: today, lines: [{ lineId: lineOf(order, ROLL).id, quantity: 1 }] }),
      'CONFLICT',
    );
    await expectRefusedWithoutWrites(db(), () => close(order.id), 'CONFLICT');
  });

  test("the supplier's invoice at the order prices: INVOICED, and the match is MATCHED", async () => {
    const after = expectOk(
      await invoice({
        orderId: order.id,
        number: 'LM-2026-0001',
        invoicedOn: today,
        total: '128.80',
        vatTotal: '27.05',
        lines: [
          { lineId: lineOf(order, ROLL).id, quantity: 10, unitPrice: '4.95' },
          { lineId: lineOf(order, TAG_GUN).id, quantity: 2, unitPrice: '24.95' },
          { lineId: lineOf(order, PINS).id, quantity: 3, unitPrice: '9.80' },
        ],
      }),
    ).recordSupplierInvoice;
    expect(after.status).toBe('INVOICED');
    expect(after.match).toEqual({ status: 'MATCHED', discrepancies: [] });
    for (const line of nonEmpty(after.lines)) expect(line.invoiced).toBe(line.quantity);
    expect(after.invoices).toHaveLength(1);
    expect(after.invoices[0]).toMatchObject({ number: 'LM-2026-0001', total: '128.80', vatTotal: '27.05' });
    expect(after.invoices[0]!.lines.find((l) => l.lineId === lineOf(order, ROLL).id)).toMatchObject({
      unitPrice: '4.95',
      amount: '49.50',
    });
  });

  test('the same invoice number again for this order is a conflict', async () => {
    await expectRefusedWithoutWrites(
      db(),
      () =>
        invoice({
          orderId: order.id,
          number: 'LM-2026-0001',
          invoicedOn: today,
          total: '4.95',
          vatTotal: '1.04',
          lines: [{ lineId: lineOf(order, ROLL).id, quantity: 1, unitPrice: '4.95' }],
        }),
      'CONFLICT',
    );
  });

  test('closed by an approver of the member; closing again is a conflict', async () => {
    const closed = expectOk(await close(order.id)).closeOrder;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).not.toBeNull();
    await expectRefusedWithoutWrites(db(), () => close(order.id), 'CONFLICT');
  });

  test('the Peppol BIS Order 3 document: the customization, the buyer and seller by KvK number, every line', async () => {
    const MEMBER = `query($id: ID!) { member(id: $id) { name kvkNumber } }`;
    const buyer = expectOk(
      await tp.query<{ member: { name: string; kvkNumber: string } }>(MEMBER, {
        token: tokens.buyer1,
        variables: { id: M1 },
      }),
    ).member;
    const CONTRACT = `query($id: ID!) { procurementContract(id: $id) { supplier { name kvkNumber vatNumber } items(first: 10) { edges { node { id sku } } } } }`;
    const contract = expectOk(
      await tp.query<{
        procurementContract: {
          supplier: { kvkNumber: string; vatNumber: string };
          items: { edges: { node: { id: string; sku: string } }[] };
        };
      }>(CONTRACT, { token: tokens.buyer1, variables: { id: LABELS } }),
    ).procurementContract;
    const xml = expectOk(
      await tp.query<{ orderPeppolXml: string }>(PEPPOL, { token: tokens.buyer1, variables: { id: order.id } }),
    ).orderPeppolXml;
    expect(xml).toContain('<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>');
    expect(xml).toContain(`<cbc:ID>${order.id}</cbc:ID>`);
    const buyerPart = xml.slice(xml.indexOf('<cac:BuyerCustomerParty>'), xml.indexOf('</cac:BuyerCustomerParty>'));
    const sellerPart = xml.slice(xml.indexOf('<cac:SellerSupplierParty>'), xml.indexOf('</cac:SellerSupplierParty>'));
    expect(buyerPart).toContain(`<cbc:EndpointID schemeID="0106">${buyer.kvkNumber}</cbc:EndpointID>`);
    expect(buyerPart).toContain(`<cbc:CompanyID schemeID="0106">${buyer.kvkNumber}</cbc:CompanyID>`);
    expect(sellerPart).toContain(`<cbc:CompanyID schemeID="0106">${contract.supplier.kvkNumber}</cbc:CompanyID>`);
    expect(sellerPart).toContain(`<cbc:CompanyID>${contract.supplier.vatNumber}</cbc:CompanyID>`);
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">155.85</cbc:PayableAmount>');
    const skus = new Map(contract.items.edges.map((e) => [e.node.id, e.node.sku]));
    const units = new Map([
      [ROLL, 'XRO'],
      [TAG_GUN, 'C62'],
      [PINS, 'XBX'],
    ]);
    const lineItems = xml.split('<cac:LineItem>').slice(1);
    expect(lineItems).toHaveLength(order.lines.length);
    for (const line of nonEmpty(order.lines)) {
      const item = lineItems.find((l) => l.includes(`<cbc:ID>${skus.get(line.item.id)}</cbc:ID>`));
      expect(item).toBeDefined();
      expect(item).toContain(`<cbc:Quantity unitCode="${units.get(line.item.id)}">${line.quantity}</cbc:Quantity>`);
      expect(item).toContain(`<cbc:LineExtensionAmount currencyID="EUR">${line.amount}</cbc:LineExtensionAmount>`);
      expect(item).toContain(`<cbc:PriceAmount currencyID="EUR">${line.unitPrice}</cbc:PriceAmount>`);
    }
  });
});

test('a document only for an approved order', async () => {
  // 300 tag guns: above the threshold, waiting for an approver.
  const waiting = await submit([{ itemId: TAG_GUN, quantity: 300 }]);
  expect(waiting.status).toBe('SUBMITTED');
  expectRefused(await tp.query(PEPPOL, { token: tokens.buyer1, variables: { id: waiting.id } }), 'CONFLICT');
  await expectRefusedWithoutWrites(db(), () => markOrdered(waiting.id), 'CONFLICT');
});
