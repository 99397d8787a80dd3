import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { todayNl } from './calendar';
import { M1, UNKNOWN_ID } from './ids';
import {
  asProcurementTeam,
  BIDI,
  cases,
  fingerprint,
  LONG,
  NUL,
  refusal,
  send,
  TEN_THOUSAND,
  tp,
  type Case,
  type Mutation,
  type Subgraph,
} from './input-rules';

/*
 * The every-mutation input rules (input-rules-every-mutation*.test.ts): procurement's mutations
 * with a control character and over-long text each, the valid input they vary, and the test every
 * list of mutations runs (updateContract and updateContractItem with their own documents). Importing it starts the platform for the test file (testkit/input-rules.ts).
 */

/**
 * Procurement's mutations that testkit/input-rules.ts has no document for (added with the
 * contract changes): their documents here, sent as the association's procurement team.
 */
const MORE_DOCUMENTS = {
  updateContract: `mutation($id: ID!, $input: UpdateContractInput!) { updateContract(id: $id, input: $input) { id } }`,
  updateContractItem: `mutation($id: ID!, $input: UpdateContractItemInput!) { updateContractItem(id: $id, input: $input) { id } }`,
};
type Listed = [Subgraph, Mutation | keyof typeof MORE_DOCUMENTS, () => Case[]];
const moreCases = (mutation: keyof typeof MORE_DOCUMENTS, list: () => Case[]): Listed => [
  'procurement',
  mutation,
  list,
];
const sendAny = (mutation: Listed[1], variables: Record<string, unknown>) =>
  mutation in MORE_DOCUMENTS
    ? tp.query(MORE_DOCUMENTS[mutation as keyof typeof MORE_DOCUMENTS], { token: asProcurementTeam(), variables })
    : send(mutation as Mutation, variables);

/** For each mutation, the list of its refusals: BAD_USER_INPUT on the argument, nothing written. */
export function describeInputRules(mutations: Listed[]) {
  describe.each(mutations)('%s %s', (subgraph, mutation, list) => {
    test('refuses control characters and over-long text with BAD_USER_INPUT on the argument, writing nothing', async () => {
      for (const [what, variables, field] of list()) {
        const before = await fingerprint(subgraph);
        const res = await sendAny(mutation, variables);
        expect({ what, ...refusal(res) }).toEqual({ what, codes: ['BAD_USER_INPUT'], field });
        expect(await fingerprint(subgraph)).toEqual(before);
      }
    });
  });
}

export const PROCUREMENT_MUTATIONS: Listed[] = [
  cases('submitOrder', () => [
    [
      'a NUL in the idempotency key',
      { input: orderInput({ idempotencyKey: `order-key-${NUL}` }) },
      'input.idempotencyKey',
    ],
    ['an over-long idempotency key', { input: orderInput({ idempotencyKey: LONG }) }, 'input.idempotencyKey'],
    [
      'a 10,000-character idempotency key',
      { input: orderInput({ idempotencyKey: TEN_THOUSAND }) },
      'input.idempotencyKey',
    ],
    [
      'a NUL in the item id',
      { input: orderInput({ lines: [{ itemId: `${UNKNOWN_ID}\u0000`, quantity: 1 }] }) },
      'input.lines.0.itemId',
    ],
  ]),
  cases('approveOrder', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('rejectOrder', () => [
    ['a NUL in the reason', { id: UNKNOWN_ID, reason: `No ${NUL}` }, 'reason'],
    ['an over-long reason', { id: UNKNOWN_ID, reason: LONG }, 'reason'],
    ['a 10,000-character reason', { id: UNKNOWN_ID, reason: TEN_THOUSAND }, 'reason'],
  ]),
  cases('cancelOrder', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('markOrderOrdered', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('recordDelivery', () => [
    ['a NUL in the order id', { input: deliveryInput({ orderId: `${UNKNOWN_ID}\u0000` }) }, 'input.orderId'],
    [
      'an over-long line id',
      { input: deliveryInput({ lines: [{ lineId: LONG, quantity: 1 }] }) },
      'input.lines.0.lineId',
    ],
  ]),
  cases('recordSupplierInvoice', () => [
    ['a NUL in the invoice number', { input: invoiceInput({ number: `INV-${NUL}` }) }, 'input.number'],
    ['an over-long invoice number', { input: invoiceInput({ number: LONG }) }, 'input.number'],
    ['a 10,000-character invoice number', { input: invoiceInput({ number: TEN_THOUSAND }) }, 'input.number'],
    ['a NUL in the order id', { input: invoiceInput({ orderId: `${UNKNOWN_ID}\u0000` }) }, 'input.orderId'],
  ]),
  cases('closeOrder', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000` }, 'id'],
    ['an over-long id', { id: LONG }, 'id'],
  ]),
  cases('setProcurementSettings', () => [
    ['a NUL in the member id', { memberId: `${M1}\u0000`, input: { approvalThreshold: '1000' } }, 'memberId'],
    [
      'a NUL in a category',
      {
        memberId: M1,
        input: { approvalThreshold: '1000', categoryBudgets: [{ category: `BAGS${NUL}`, yearlyBudget: '1' }] },
      },
      'input.categoryBudgets.0.category',
    ],
    [
      'an over-long category',
      { memberId: M1, input: { approvalThreshold: '1000', categoryBudgets: [{ category: LONG, yearlyBudget: '1' }] } },
      'input.categoryBudgets.0.category',
    ],
  ]),
  cases('createSupplier', () => [
    ['a NUL in the name', { input: supplierInput({ name: NUL }) }, 'input.name'],
    [
      'a bidirectional override in the contact name',
      { input: supplierInput({ contactName: BIDI }) },
      'input.contactName',
    ],
    ['an over-long KvK number', { input: supplierInput({ kvkNumber: LONG }) }, 'input.kvkNumber'],
    [
      'a 10,000-character e-mail address',
      { input: supplierInput({ contactEmail: TEN_THOUSAND }) },
      'input.contactEmail',
    ],
  ]),
  cases('updateSupplier', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000`, input: { name: 'Nieuw' } }, 'id'],
    ['a NUL in the name', { id: demoId('supplier', 1), input: { name: NUL } }, 'input.name'],
    [
      'a 10,000-character contact name',
      { id: demoId('supplier', 1), input: { contactName: TEN_THOUSAND } },
      'input.contactName',
    ],
  ]),
  cases('createContract', () => [
    ['a NUL in the title', { input: contractInput({ title: NUL }) }, 'input.title'],
    ['over-long terms', { input: contractInput({ terms: LONG }) }, 'input.terms'],
    ['terms above their own limit', { input: contractInput({ terms: TEN_THOUSAND }) }, 'input.terms'],
    [
      "a NUL in an item's SKU",
      { input: contractInput({ items: [catalogueItemInput({ sku: `INV${NUL}` })] }) },
      'input.items.0.sku',
    ],
    [
      'a 10,000-character item name',
      { input: contractInput({ items: [catalogueItemInput({ name: TEN_THOUSAND })] }) },
      'input.items.0.name',
    ],
  ]),
  moreCases('updateContract', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000`, input: { title: 'Nieuw' } }, 'id'],
    ['a NUL in the title', { id: demoId('contract', 1), input: { title: NUL } }, 'input.title'],
    ['over-long terms', { id: demoId('contract', 1), input: { terms: LONG } }, 'input.terms'],
  ]),
  moreCases('updateContractItem', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000`, input: { name: 'Nieuw' } }, 'id'],
    ['a line break in the name', { id: demoId('item', 1), input: { name: 'Invoer\nproef' } }, 'input.name'],
    ['a 10,000-character unit', { id: demoId('item', 1), input: { unit: TEN_THOUSAND } }, 'input.unit'],
  ]),
  cases('setContractStatus', () => [
    ['a NUL in the id', { id: `${UNKNOWN_ID}\u0000`, status: 'ACTIVE' }, 'id'],
    ['an over-long id', { id: LONG, status: 'ACTIVE' }, 'id'],
  ]),
  cases('addContractItem', () => [
    ['a NUL in the contract id', { contractId: `${UNKNOWN_ID}\u0000`, input: catalogueItemInput() }, 'contractId'],
    [
      'a line break in the name',
      { contractId: demoId('contract', 1), input: catalogueItemInput({ name: 'Invoer\nproef' }) },
      'input.name',
    ],
    [
      'a 10,000-character unit',
      { contractId: demoId('contract', 1), input: catalogueItemInput({ unit: TEN_THOUSAND }) },
      'input.unit',
    ],
  ]),
  cases('setItemTiers', () => [
    ['a NUL in the item id', { itemId: `${UNKNOWN_ID}\u0000`, tiers: [] }, 'itemId'],
    ['an over-long item id', { itemId: LONG, tiers: [] }, 'itemId'],
  ]),
  cases('setContractTiers', () => [
    ['a NUL in the contract id', { contractId: `${UNKNOWN_ID}\u0000`, tiers: [] }, 'contractId'],
    ['an over-long contract id', { contractId: LONG, tiers: [] }, 'contractId'],
  ]),
  cases('runSettlement', () => [
    ['a NUL in the contract id', { contractId: `${UNKNOWN_ID}\u0000` }, 'contractId'],
    ['an over-long contract id', { contractId: LONG }, 'contractId'],
  ]),
];

export const supplierInput = (o: Record<string, unknown> = {}) => ({
  name: 'Invoerproef B.V.',
  kvkNumber: '98765432',
  vatNumber: 'NL898765432B01',
  peppolId: '0106:98765432',
  contactName: 'Ina Invoer',
  contactEmail: 'ina@invoerproef.example',
  ...o,
});
export const catalogueItemInput = (o: Record<string, unknown> = {}) => ({
  sku: 'INV-1',
  name: 'Invoerproef',
  unit: 'stuk',
  vatRate: '21',
  listPrice: '1.00',
  tiers: [],
  ...o,
});
export const contractInput = (o: Record<string, unknown> = {}) => ({
  supplierId: demoId('supplier', 1),
  title: 'Invoerproef',
  category: 'LABELS',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  terms: 'Payment within 30 days.',
  tierBasis: 'ITEM_QUANTITY',
  items: [catalogueItemInput()],
  ...o,
});
export const deliveryInput = (overrides: Record<string, unknown>) => ({
  orderId: UNKNOWN_ID,
  receivedOn: todayNl(),
  lines: [{ lineId: UNKNOWN_ID, quantity: 1 }],
  ...overrides,
});
export const invoiceInput = (overrides: Record<string, unknown>) => ({
  orderId: UNKNOWN_ID,
  number: 'INV-1',
  invoicedOn: todayNl(),
  total: '1.00',
  vatTotal: '0.21',
  lines: [{ lineId: UNKNOWN_ID, quantity: 1, unitPrice: '1.00' }],
  ...overrides,
});

/** A valid order of member 1 (demo catalogue: contract 1, its item 1), with `overrides`. */
export const orderInput = (overrides: Record<string, unknown>) => ({
  memberId: M1,
  contractId: demoId('contract', 1),
  idempotencyKey: 'input-rules-order-1',
  lines: [{ itemId: demoId('item', 1), quantity: 1 }],
  ...overrides,
});
