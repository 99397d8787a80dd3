import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import type { SqlExecutor } from '@samen-sterk/subgraph-runtime';
import { addDays, todayNl } from './calendar';
import { expectOk, expectRefusedWithoutWrites } from './expect';
import type { GraphQLResponse } from './graphql';
import { M1 } from './ids';
import { formatCents } from './money';
import type { TestPlatform } from './platform';

/*
 * What the fulfilment tests share (procurement-fulfilment*.test.ts): the demo catalogue's ids, an
 * order with everything fulfilment adds to it (deliveries, invoices, the three-way match), the
 * fulfilment mutations, and a driver that sends them through the gateway. Demo catalogue: contract
 * 1 (Labelmaster) with item 1 a roll of labels at €4.95, item 2 a tag gun at €24.95, item 3 a box
 * of tag pins at €9.80 (list prices: the sector is far below the first tier); every demo member
 * approves itself up to €1,000.
 */

export const LABELS = demoId('contract', 1);
export const ROLL = demoId('item', 1);
export const TAG_GUN = demoId('item', 2);
export const PINS = demoId('item', 3);

export interface Line {
  id: string;
  item: { id: string };
  quantity: number;
  received: number;
  invoiced: number;
  unitPrice: string;
  amount: string;
}
export interface Order {
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
export const ORDER = `id status orderDate orderedBy orderedAt expectedOn deliveredOn closedAt total vatTotal
  lines { id item { id } quantity received invoiced unitPrice amount }
  deliveries { lineId quantity receivedOn }
  invoices { number invoicedOn total vatTotal lines { lineId quantity unitPrice amount } }
  match { status discrepancies { lineId code message } }`;

export const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { ${ORDER} } }`;
export const ORDERED = `mutation($id: ID!, $expectedOn: Date) { markOrderOrdered(id: $id, expectedOn: $expectedOn) { ${ORDER} } }`;
export const DELIVERY = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { ${ORDER} } }`;
export const INVOICE = `mutation($input: RecordSupplierInvoiceInput!) { recordSupplierInvoice(input: $input) { ${ORDER} } }`;
export const CLOSE = `mutation($id: ID!) { closeOrder(id: $id) { ${ORDER} } }`;
export const READ = `query($id: ID!) { order(id: $id) { ${ORDER} } }`;
export const PEPPOL = `query($id: ID!) { orderPeppolXml(id: $id) }`;

export const lineOf = (order: Order, itemId: string) => order.lines.find((l) => l.item.id === itemId)!;
export const codes = (order: Order) => order.match.discrepancies.map((d) => d.code).sort();

let keys = 0;
const newKey = () => `fulfilment-${process.pid}-${Date.now()}-${++keys}`;

/**
 * The fulfilment mutations on a running platform, as `defaults()` says: the purchaser who submits,
 * sends and records, and the approver who closes, unless a call names another token.
 */
export function fulfilmentDriver(
  tp: TestPlatform,
  defaults: () => { buyer: string; approver: string; memberId?: string; contractId?: string },
) {
  const today = todayNl();
  const submit = async (lines: { itemId: string; quantity: number }[], token = defaults().buyer, member?: string) => {
    const { contractId = LABELS } = defaults();
    const memberId = member ?? defaults().memberId ?? M1;
    const input = { memberId, contractId, idempotencyKey: newKey(), lines };
    return expectOk(await tp.query<{ submitOrder: Order }>(SUBMIT, { token, variables: { input } })).submitOrder;
  };
  const markOrdered = (id: string, expectedOn: string | null = addDays(today, 7), token = defaults().buyer) =>
    tp.query<{ markOrderOrdered: Order }>(ORDERED, { token, variables: { id, expectedOn } });
  return {
    db: () => tp.platform.subgraphs['procurement']!.database,
    today,
    submit,
    markOrdered,
    /** An order of `lines`, approved at once and sent to the supplier. */
    async sentToSupplier(lines: { itemId: string; quantity: number }[]) {
      const order = await submit(lines);
      expectOk(await markOrdered(order.id));
      return order;
    },
    deliver: (input: Record<string, unknown>, token = defaults().buyer) =>
      tp.query<{ recordDelivery: Order }>(DELIVERY, { token, variables: { input } }),
    invoice: (input: Record<string, unknown>, token = defaults().buyer) =>
      tp.query<{ recordSupplierInvoice: Order }>(INVOICE, { token, variables: { input } }),
    close: (id: string, token = defaults().approver) =>
      tp.query<{ closeOrder: Order }>(CLOSE, { token, variables: { id } }),
    read: async (id: string, token = defaults().buyer) =>
      expectOk(await tp.query<{ order: Order }>(READ, { token, variables: { id } })).order,
    peppol: (id: string, token = defaults().buyer) =>
      tp.query<{ orderPeppolXml: string }>(PEPPOL, { token, variables: { id } }),
  };
}

/**
 * Refused as `expectRefusedWithoutWrites` says (the code, the argument at fault, nothing written),
 * with a sentence for the person who reads it: a capital or a quoted name first, a full stop last.
 */
export async function expectRefusedInFull<Data>(
  database: { sql: SqlExecutor },
  request: () => Promise<GraphQLResponse<Data>>,
  code: string,
  field: string,
) {
  const res = await expectRefusedWithoutWrites(database, request, code, field);
  expect(res.errors![0]!.message).toMatch(/^[^a-z\s].{10,}\.$/s);
  return res;
}

/** A delivery today of `quantity` units of one line of `order`. */
export const receiptOf = (order: Order, lineId: string, quantity: number, overrides: Record<string, unknown> = {}) => ({
  orderId: order.id,
  receivedOn: todayNl(),
  lines: [{ lineId, quantity }],
  ...overrides,
});

/** An invoice today of `quantity` rolls of labels (line `lineId` of `order`) at €4.95, without VAT. */
export const rollInvoiceOf = (
  order: Order,
  lineId: string,
  quantity: number,
  overrides: Record<string, unknown> = {},
) => ({
  orderId: order.id,
  number: `LM-H-${order.id.slice(0, 8)}`,
  invoicedOn: todayNl(),
  // quantity × €4.95, exactly: 495 cents a roll.
  total: formatCents(495n * BigInt(quantity)),
  vatTotal: '0.00',
  lines: [{ lineId, quantity, unitPrice: '4.95' }],
  ...overrides,
});
