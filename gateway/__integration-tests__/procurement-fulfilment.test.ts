import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { tokenOf } from './testkit/actors';
import { addDays, todayNl } from './testkit/calendar';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { M1, M2 } from './testkit/ids';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Fulfilment of a member's order through the real gateway: sent to the supplier, received in
// partial deliveries, invoiced, matched three ways (ordered, received, invoiced) and closed; an
// order whose invoice and receipts do not match cannot be closed; refusals write nothing; another
// member finds none of it; and the order as a Peppol BIS Order 3 document. Demo catalogue: contract
// 1 (Labelmaster) with item 1 a roll of labels at €4.95, item 2 a tag gun at €24.95, item 3 a box
// of tag pins at €9.80 (list prices: the sector is far below the first tier); every demo member
// approves itself up to €1,000.
const tp = usePlatform();
const LABELS = demoId('contract', 1);
const ROLL = demoId('item', 1);
const TAG_GUN = demoId('item', 2);
const PINS = demoId('item', 3);

const tokens = useTokens({
  buyer1: () => tokenOf('member-purchaser', M1, 'fulfilment-buyer-1'),
  approver1: () => tokenOf('member-approver', M1, 'fulfilment-approver-1'),
  buyer2: () => tokenOf('member-purchaser', M2, 'fulfilment-buyer-2'),
});
const db = () => tp.platform.subgraphs['procurement']!.database;

interface Line {
  id: string;
  item: { id: string };
  quantity: number;
  received: number;
  invoiced: number;
  unitPrice: string;
  amount: string;
}
interface Order {
  id: string;
  status: string;
  orderDate: string;
  orderedBy: string | null;
  orderedAt: string | null;
  expectedOn: string | null;
  deliveredOn: string | null;
  closedAt: string | null;
  total: string;
  vatTotal: string;
  lines: Line[];
  deliveries: { lineId: string; quantity: number; receivedOn: string }[];
  invoices: {
    number: string;
    invoicedOn: string;
    total: string;
    vatTotal: string;
    lines: { lineId: string; quantity: number; unitPrice: string; amount: string }[];
  }[];
  match: { status: string; discrepancies: { lineId: string | null; code: string; message: string }[] };
}
const ORDER = `id status orderDate orderedBy orderedAt expectedOn deliveredOn closedAt total vatTotal
  lines { id item { id } quantity received invoiced unitPrice amount }
  deliveries { lineId quantity receivedOn }
  invoices { number invoicedOn total vatTotal lines { lineId quantity unitPrice amount } }
  match { status discrepancies { lineId code message } }`;

const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { ${ORDER} } }`;
const ORDERED = `mutation($id: ID!, $expectedOn: Date) { markOrderOrdered(id: $id, expectedOn: $expectedOn) { ${ORDER} } }`;
const DELIVERY = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { ${ORDER} } }`;
const INVOICE = `mutation($input: RecordSupplierInvoiceInput!) { recordSupplierInvoice(input: $input) { ${ORDER} } }`;
const CLOSE = `mutation($id: ID!) { closeOrder(id: $id) { ${ORDER} } }`;
const READ = `query($id: ID!) { order(id: $id) { ${ORDER} } }`;
const PEPPOL = `query($id: ID!) { orderPeppolXml(id: $id) }`;

let keys = 0;
const newKey = () => `fulfilment-${Date.now()}-${++keys}`;
const today = todayNl();

async function submit(lines: { itemId: string; quantity: number }[]) {
  const input = { memberId: M1, contractId: LABELS, idempotencyKey: newKey(), lines };
  return expectOk(await tp.query<{ submitOrder: Order }>(SUBMIT, { token: tokens.buyer1, variables: { input } }))
    .submitOrder;
}
const markOrdered = (id: string, expectedOn: string | null = addDays(today, 7), token = tokens.buyer1) =>
  tp.query<{ markOrderOrdered: Order }>(ORDERED, { token, variables: { id, expectedOn } });
const deliver = (input: Record<string, unknown>, token = tokens.buyer1) =>
  tp.query<{ recordDelivery: Order }>(DELIVERY, { token, variables: { input } });
const invoice = (input: Record<string, unknown>, token = tokens.buyer1) =>
  tp.query<{ recordSupplierInvoice: Order }>(INVOICE, { token, variables: { input } });
const close = (id: string, token = tokens.approver1) =>
  tp.query<{ closeOrder: Order }>(CLOSE, { token, variables: { id } });
const read = async (id: string) =>
  expectOk(await tp.query<{ order: Order }>(READ, { token: tokens.buyer1, variables: { id } })).order;
const lineOf = (order: Order, itemId: string) => order.lines.find((l) => l.item.id === itemId)!;
const codes = (order: Order) => order.match.discrepancies.map((d) => d.code).sort();

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

test('a document only for an approved order', async () => {
  // 300 tag guns: above the threshold, waiting for an approver.
  const waiting = await submit([{ itemId: TAG_GUN, quantity: 300 }]);
  expect(waiting.status).toBe('SUBMITTED');
  expectRefused(await tp.query(PEPPOL, { token: tokens.buyer1, variables: { id: waiting.id } }), 'CONFLICT');
  await expectRefusedWithoutWrites(db(), () => markOrdered(waiting.id), 'CONFLICT');
});
