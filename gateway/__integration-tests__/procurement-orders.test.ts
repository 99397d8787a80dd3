import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { tokenOf } from './testkit/actors';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1, M2, memberId } from './testkit/ids';
import { cents, formatCents } from './testkit/money';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Joint procurement through the real gateway: the sector's catalogue with tier prices, orders
// priced at the tier the sector reaches including them, approval above a member's threshold,
// idempotency (also when the same order is sent several times at once), the budget, and that no
// member sees another's orders. Demo catalogue (procurement seed): contract 1 is price labels,
// item 1 a roll of 1,000 labels at €4.95 list, €4.50 from a sector quantity of 500, €4.10 from
// 2,000; every demo member approves itself up to €1,000 and has a yearly budget of €25,000.
const tp = usePlatform();
const M3 = memberId(3);
const LABELS = demoId('contract', 1);
const ROLL = demoId('item', 1);
const TAG_GUN = demoId('item', 2);
const BAGS_ITEM = demoId('item', 4);
const INSURANCE = demoId('contract', 7);
const LIABILITY = demoId('item', 15);

const tokens = useTokens({
  buyer1: () => tokenOf('member-purchaser', M1, 'buyer-1'),
  approver1: () => tokenOf('member-approver', M1, 'approver-1'),
  buyer2: () => tokenOf('member-purchaser', M2, 'buyer-2'),
  approver2: () => tokenOf('member-approver', M2, 'approver-2'),
  buyer3: () => tokenOf('member-purchaser', M3, 'buyer-3'),
  hr1: () => tokenOf('member-hr', M1, 'hr-1'),
});
/** Member 3's order system, several workers at once (one caller may run four requests at a time). */
const workers3 = useTokens(
  Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [`w${i}`, () => tokenOf('member-purchaser', M3, `buyer-3-worker-${i}`)]),
  ),
);
const worker = (i: number) => (workers3 as Record<string, string>)[`w${i}`]!;
const db = () => tp.platform.subgraphs['procurement']!.database;

interface Order {
  id: string;
  status: string;
  total: string;
  vatTotal: string;
  listTotal: string;
  savings: string;
  approvalReason: string | null;
  lines: { item: { id: string }; quantity: number; unitPrice: string; amount: string }[];
}
const ORDER_FIELDS = `id status total vatTotal listTotal savings approvalReason lines { item { id } quantity unitPrice amount }`;
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { ${ORDER_FIELDS} } }`;
const CATALOGUE = `query { procurementContracts(first: 20) { totalCount edges { node {
  id title supplier { name } validFrom validUntil tierBasis
  items(first: 10) { edges { node { id sku name unit vatRate listPrice sectorQuantity price tiers { fromQuantity unitPrice } nextTier { from unitPrice remaining } } } } } } } }`;

interface Item {
  id: string;
  sku: string;
  listPrice: string;
  sectorQuantity: number;
  price: string;
  tiers: { fromQuantity: number; unitPrice: string }[];
  nextTier: { from: string; unitPrice: string; remaining: string } | null;
}
interface Catalogue {
  procurementContracts: {
    totalCount: number;
    edges: { node: { id: string; title: string; supplier: { name: string }; items: { edges: { node: Item }[] } } }[];
  };
}

let keys = 0;
const newKey = () => `test-order-${Date.now()}-${++keys}`;
const submit = (token: string, input: Record<string, unknown>) =>
  tp.query<{ submitOrder: Order }>(SUBMIT, { token, variables: { input } });
const order = (member: string, lines: { itemId: string; quantity: number }[], key = newKey(), contractId = LABELS) => ({
  memberId: member,
  contractId,
  idempotencyKey: key,
  lines,
});
async function itemNow(itemId: string, token = tokens.buyer1) {
  const catalogue = expectOk(await tp.query<Catalogue>(CATALOGUE, { token })).procurementContracts;
  for (const contract of catalogue.edges) {
    const item = nodes(contract.node.items).find((i) => i.id === itemId);
    if (item) return item;
  }
  throw new Error(`item ${itemId} not in the catalogue`);
}

test('the catalogue: realistic contracts for every signed-in person, with list price, tiers and the price now', async () => {
  const catalogue = expectOk(await tp.query<Catalogue>(CATALOGUE, { token: tokens.hr1 })).procurementContracts;
  expect(catalogue.totalCount).toBe(7);
  const titles = nonEmpty(catalogue.edges).map((e) => e.node.title);
  expect(titles).toEqual(
    expect.arrayContaining(['Prijsetiketten en prijstangen', 'Bedrijfskleding en veiligheidsschoenen']),
  );
  const roll = await itemNow(ROLL);
  expect(roll).toMatchObject({
    sku: 'LBL-2616-1000',
    listPrice: '4.95',
    sectorQuantity: 0,
    price: '4.95',
    tiers: [
      { fromQuantity: 500, unitPrice: '4.50' },
      { fromQuantity: 2000, unitPrice: '4.10' },
      { fromQuantity: 5000, unitPrice: '3.80' },
    ],
  });
  expect(roll.nextTier).toEqual({ from: '500', unitPrice: '4.50', remaining: '500' });
  expect((await tp.query(CATALOGUE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

describe('ordering at the sector tier', () => {
  let small: Order;
  let big: Order;

  beforeAll(async () => {
    // Member 1: 100 rolls; the sector reaches 100: list price, €495.00, within its €1,000 threshold.
    small = expectOk(await submit(tokens.buyer1, order(M1, [{ itemId: ROLL, quantity: 100 }]))).submitOrder;
    // Member 2: 450 rolls lift the sector to 550, past 500: €4.50 a roll, €2,025.00: above €1,000.
    big = expectOk(await submit(tokens.buyer2, order(M2, [{ itemId: ROLL, quantity: 450 }]))).submitOrder;
  });

  test('within the threshold: approved without an approver, at list price while the sector is below the first tier', () => {
    expect(small).toMatchObject({ status: 'APPROVED', total: '495.00', listTotal: '495.00', savings: '0.00' });
    // VAT 21 % of 495.00 = 103.95.
    expect(small.vatTotal).toBe('103.95');
    expect(small.lines).toEqual([{ item: { id: ROLL }, quantity: 100, unitPrice: '4.95', amount: '495.00' }]);
  });

  test('an order that itself lifts the sector into a tier is priced at that tier; above the threshold it waits for an approver', async () => {
    expect(big).toMatchObject({ status: 'SUBMITTED', total: '2025.00', listTotal: '2227.50', savings: '202.50' });
    expect(big.approvalReason).toContain('1000.00');
    const roll = await itemNow(ROLL);
    expect(roll).toMatchObject({
      sectorQuantity: 550,
      price: '4.50',
      nextTier: { from: '2000', unitPrice: '4.10', remaining: '1450' },
    });
  });

  test('the approver of the member approves; not its purchaser, not another member', async () => {
    const APPROVE = `mutation($id: ID!) { approveOrder(id: $id) { id status } }`;
    expectRefused(await tp.query(APPROVE, { token: tokens.buyer2, variables: { id: big.id } }), 'FORBIDDEN');
    expectRefused(await tp.query(APPROVE, { token: tokens.approver1, variables: { id: big.id } }), 'NOT_FOUND');
    const approved = expectOk(
      await tp.query<{ approveOrder: { status: string } }>(APPROVE, {
        token: tokens.approver2,
        variables: { id: big.id },
      }),
    );
    expect(approved.approveOrder.status).toBe('APPROVED');
    expectRefused(await tp.query(APPROVE, { token: tokens.approver2, variables: { id: big.id } }), 'CONFLICT');
  });

  test('another member sees none of it: not the order, not its orders list', async () => {
    const ORDER = `query($id: ID!) { order(id: $id) { id total } }`;
    expectRefused(await tp.query(ORDER, { token: tokens.buyer2, variables: { id: small.id } }), 'NOT_FOUND');
    expectOk(await tp.query(ORDER, { token: tokens.approver1, variables: { id: small.id } }));
    const LIST = `query($m: ID!) { orders(memberId: $m, first: 5) { totalCount edges { node { id } } } }`;
    expectRefused(await tp.query(LIST, { token: tokens.buyer2, variables: { m: M1 } }), 'FORBIDDEN');
    const own = expectOk(
      await tp.query<{ orders: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST, {
        token: tokens.buyer1,
        variables: { m: M1 },
      }),
    );
    expect(nodes(own.orders).map((o) => o.id)).toContain(small.id);
    expect(nodes(own.orders).map((o) => o.id)).not.toContain(big.id);
    expectRefused(await submit(tokens.buyer2, order(M1, [{ itemId: ROLL, quantity: 1 }])), 'FORBIDDEN');
  });
});

describe('idempotency', () => {
  test('the same key again returns the first order and counts once; another order under it is a conflict', async () => {
    const key = newKey();
    const first = expectOk(await submit(tokens.buyer3, order(M3, [{ itemId: TAG_GUN, quantity: 3 }], key))).submitOrder;
    const before = (await itemNow(TAG_GUN)).sectorQuantity;
    const again = expectOk(await submit(tokens.buyer3, order(M3, [{ itemId: TAG_GUN, quantity: 3 }], key))).submitOrder;
    expect(again.id).toBe(first.id);
    expect((await itemNow(TAG_GUN)).sectorQuantity).toBe(before);
    await expectRefusedWithoutWrites(
      db(),
      () => submit(tokens.buyer3, order(M3, [{ itemId: TAG_GUN, quantity: 4 }], key)),
      'CONFLICT',
    );
  });

  test('sent five times at once: one order, counted once', async () => {
    const key = newKey();
    const before = (await itemNow(TAG_GUN)).sectorQuantity;
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => submit(worker(i), order(M3, [{ itemId: TAG_GUN, quantity: 2 }], key))),
    );
    const ids = new Set(answers.map((a) => expectOk(a).submitOrder.id));
    expect(ids.size).toBe(1);
    expect((await itemNow(TAG_GUN)).sectorQuantity).toBe(before + 2);
  });

  test('twenty different orders at once: the sector quantity is their sum (no lost update)', async () => {
    const before = (await itemNow(TAG_GUN)).sectorQuantity;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit(worker(i), order(M3, [{ itemId: TAG_GUN, quantity: 1 }]))),
    );
    expect(new Set(answers.map((a) => expectOk(a).submitOrder.id)).size).toBe(20);
    expect((await itemNow(TAG_GUN)).sectorQuantity).toBe(before + 20);
  });
});

describe('refused, and nothing written', () => {
  test.each([
    ['a quantity of 0', () => order(M1, [{ itemId: ROLL, quantity: 0 }]), 'input.lines.0.quantity'],
    [
      'a fraction of a unit is no whole number',
      () => order(M1, [{ itemId: ROLL, quantity: 1_000_001 }]),
      'input.lines.0.quantity',
    ],
    ['an item of another contract', () => order(M1, [{ itemId: BAGS_ITEM, quantity: 1 }]), 'input.lines.0.itemId'],
    [
      'a contract that does not exist',
      () => order(M1, [{ itemId: ROLL, quantity: 1 }], newKey(), demoId('contract', 99)),
      'input.contractId',
    ],
    ['no lines', () => order(M1, []), 'input.lines'],
    ['a key too short', () => order(M1, [{ itemId: ROLL, quantity: 1 }], 'abc'), 'input.idempotencyKey'],
  ])('%s', async (_label, input, field) => {
    await expectRefusedWithoutWrites(db(), () => submit(tokens.buyer1, input()), 'BAD_USER_INPUT', field);
  });

  test("over the member's yearly budget: refused with what is left in the message", async () => {
    // 70 shops' liability insurance at €420.00 = €29,400.00, more than the €25,000.00 budget.
    const res = await expectRefusedWithoutWrites(
      db(),
      () => submit(tokens.buyer1, order(M1, [{ itemId: LIABILITY, quantity: 70 }], newKey(), INSURANCE)),
      'BAD_USER_INPUT',
      'input.lines',
    );
    expect(res.errors![0]!.message).toMatch(/€[\d,]+\.\d\d left/);
  });
});

describe('reject and cancel give the volume back', () => {
  test('a rejected order no longer counts for the sector; cancelling an approved one neither', async () => {
    const before = (await itemNow(ROLL)).sectorQuantity;
    const submitted = expectOk(await submit(tokens.buyer1, order(M1, [{ itemId: ROLL, quantity: 300 }]))).submitOrder;
    // 300 × €4.50 = €1,350.00: above the threshold.
    expect(submitted).toMatchObject({ status: 'SUBMITTED', total: formatCents(cents('4.50') * 300n) });
    expect((await itemNow(ROLL)).sectorQuantity).toBe(before + 300);
    const REJECT = `mutation($id: ID!, $reason: String!) { rejectOrder(id: $id, reason: $reason) { status rejectReason } }`;
    await expectRefusedWithoutWrites(
      db(),
      () => tp.query(REJECT, { token: tokens.approver1, variables: { id: submitted.id, reason: 'x' } }),
      'BAD_USER_INPUT',
      'reason',
    );
    const rejected = expectOk(
      await tp.query<{ rejectOrder: { status: string; rejectReason: string } }>(REJECT, {
        token: tokens.approver1,
        variables: { id: submitted.id, reason: 'We still have 200 rolls in stock.' },
      }),
    ).rejectOrder;
    expect(rejected).toEqual({ status: 'REJECTED', rejectReason: 'We still have 200 rolls in stock.' });
    expect((await itemNow(ROLL)).sectorQuantity).toBe(before);

    const small = expectOk(await submit(tokens.buyer1, order(M1, [{ itemId: ROLL, quantity: 10 }]))).submitOrder;
    const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { status } }`;
    expect(
      expectOk(
        await tp.query<{ cancelOrder: { status: string } }>(CANCEL, {
          token: tokens.buyer1,
          variables: { id: small.id },
        }),
      ).cancelOrder.status,
    ).toBe('CANCELLED');
    expect((await itemNow(ROLL)).sectorQuantity).toBe(before);
    expectRefused(await tp.query(CANCEL, { token: tokens.buyer1, variables: { id: small.id } }), 'CONFLICT');
  });
});

test("Member.orders through federation: the member's own purchasers see them, another member's do not", async () => {
  const MEMBER = `query($id: ID!) { member(id: $id) { id name orders(first: 3) { totalCount edges { node { id status } } } } }`;
  const own = expectOk(
    await tp.query<{ member: { orders: { totalCount: number } } }>(MEMBER, {
      token: tokens.buyer1,
      variables: { id: M1 },
    }),
  );
  expect(own.member.orders.totalCount).toBeGreaterThan(0);
  const other = await tp.query<{ member: { orders: unknown } | null }>(MEMBER, {
    token: tokens.buyer2,
    variables: { id: M1 },
  });
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(other.data?.member?.orders ?? null).toBeNull();
});

describe('a budget per category', () => {
  const SETTINGS = `mutation($m: ID!, $input: ProcurementSettingsInput!) { setProcurementSettings(memberId: $m, input: $input) { approvalThreshold } }`;
  const M4 = memberId(4);
  const buyer4 = useTokens({ buyer: () => tokenOf('member-purchaser', M4, 'buyer-4') });
  const admin4 = useTokens({ admin: () => tokenOf('member-admin', M4, 'admin-4') });

  test("over the category's budget: refused naming the category; within it and another category: placed", async () => {
    expectOk(
      await tp.query(SETTINGS, {
        token: admin4.admin,
        variables: {
          m: M4,
          input: {
            approvalThreshold: '1000.00',
            yearlyBudget: '25000.00',
            categoryBudgets: [{ category: 'LABELS', yearlyBudget: '50.00' }],
          },
        },
      }),
    );
    // 10 rolls: €49.50 at list price, €45.00 once the sector passed 500 rolls: within the €50.00.
    const first = expectOk(await submit(buyer4.buyer, order(M4, [{ itemId: ROLL, quantity: 10 }]))).submitOrder;
    expect(first.status).toBe('APPROVED');
    // Two more rolls (€9.90 or €9.00) pass what is left (€0.50 or €5.00).
    const res = await expectRefusedWithoutWrites(
      db(),
      () => submit(buyer4.buyer, order(M4, [{ itemId: ROLL, quantity: 2 }])),
      'BAD_USER_INPUT',
      'input.lines',
    );
    expect(res.errors![0]!.message).toMatch(/^Budget for LABELS: .*€\d+\.\d\d left of this year's budget of €50\.00/);
    // Bags are another category, with no budget of their own.
    const bags = expectOk(
      await submit(buyer4.buyer, order(M4, [{ itemId: BAGS_ITEM, quantity: 1 }], newKey(), demoId('contract', 2))),
    ).submitOrder;
    expect(bags.status).toBe('APPROVED');
  });
});
