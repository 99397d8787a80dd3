import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import type { PrismaClient } from '../../subgraphs/procurement/src/generated/prisma/client';
import { tokenOf } from './testkit/actors';
import { addDays, toDate, todayNl } from './testkit/calendar';
import { expectOk, expectRefused, nonEmpty } from './testkit/expect';
import { M1, M2 } from './testkit/ids';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Insight through the real gateway: spend per member, contract, category and month with savings
// against list price, a member's spend through federation, a contract's utilisation and suppliers'
// performance. The orders of this file (demo catalogue, sector empty at the start):
// - member 1: 100 rolls at €4.95 (sector 100, list price) + 10 tag guns at €24.95 = €495.00 +
//   €249.50 = €744.50 (contract 1, LABELS); 10 paper bags at €32.50 = €325.00 (contract 2, BAGS).
// - member 2: 450 rolls, the sector reaches 550 ≥ 500: €4.50 a roll = €2,025.00 (list €2,227.50,
//   saving €202.50); then 10 rolls (€45.00, approved within its threshold) cancelled by its approver, which count
//   nowhere.
const tp = usePlatform();
const LABELS = demoId('contract', 1);
const BAGS = demoId('contract', 2);
const ROLL = demoId('item', 1);
const TAG_GUN = demoId('item', 2);
const BAG = demoId('item', 4);
const LABELMASTER = demoId('supplier', 1);
const GROENTAS = demoId('supplier', 2);

const tokens = useTokens({
  association: () => tokenOf('association-procurement', M1, 'procurement-team'),
  buyer1: () => tokenOf('member-purchaser', M1, 'buyer-1'),
  buyer2: () => tokenOf('member-purchaser', M2, 'buyer-2'),
  approver2: () => tokenOf('member-approver', M2, 'approver-2'),
  hr1: () => tokenOf('member-hr', M1, 'hr-1'),
});
const db = () => tp.platform.subgraphs['procurement']!.database;
/** The procurement database's own client, to write what the API cannot (yet). */
const prismaOf = () => db().prisma as PrismaClient;
const today = todayNl();
const year = today.slice(0, 4);
const FROM = `${year}-01-01`;
const TO = `${year}-12-31`;

let keys = 0;
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id total } }`;
const submit = async (
  token: string,
  memberId: string,
  contractId: string,
  lines: { itemId: string; quantity: number }[],
) =>
  expectOk(
    await tp.query<{ submitOrder: { id: string; total: string } }>(SUBMIT, {
      token,
      variables: { input: { memberId, contractId, idempotencyKey: `insight-${Date.now()}-${++keys}`, lines } },
    }),
  ).submitOrder;

let labels1: string;
let bags1: string;

beforeAll(async () => {
  const first = await submit(tokens.buyer1, M1, LABELS, [
    { itemId: ROLL, quantity: 100 },
    { itemId: TAG_GUN, quantity: 10 },
  ]);
  expect(first.total).toBe('744.50');
  labels1 = first.id;
  const bags = await submit(tokens.buyer1, M1, BAGS, [{ itemId: BAG, quantity: 10 }]);
  expect(bags.total).toBe('325.00');
  bags1 = bags.id;
  expect((await submit(tokens.buyer2, M2, LABELS, [{ itemId: ROLL, quantity: 450 }])).total).toBe('2025.00');
  const cancelled = await submit(tokens.buyer2, M2, LABELS, [{ itemId: ROLL, quantity: 10 }]);
  expect(cancelled.total).toBe('45.00');
  expectOk(
    await tp.query(`mutation($id: ID!) { cancelOrder(id: $id) { status } }`, {
      token: tokens.approver2,
      variables: { id: cancelled.id },
    }),
  );
});

interface Row {
  key: string;
  label: string;
  orders: number;
  lines: number;
  spend: string;
  listSpend: string;
  savings: string;
}
const SPEND = `query($m: ID, $from: Date!, $to: Date!, $g: SpendGrouping!) {
  procurementSpend(memberId: $m, from: $from, to: $to, groupBy: $g) { key label orders lines spend listSpend savings } }`;
const spend = (token: string, g: string, variables: Record<string, unknown> = {}) =>
  tp.query<{ procurementSpend: Row[] }>(SPEND, { token, variables: { from: FROM, to: TO, g, ...variables } });
const rows = async (token: string, g: string, variables: Record<string, unknown> = {}) =>
  expectOk(await spend(token, g, variables)).procurementSpend;

describe('spend', () => {
  test('per member (the association): exact sums of the orders, the cancelled one left out', async () => {
    expect(await rows(tokens.association, 'MEMBER')).toEqual([
      { key: M2, label: M2, orders: 1, lines: 1, spend: '2025.00', listSpend: '2227.50', savings: '202.50' },
      { key: M1, label: M1, orders: 2, lines: 3, spend: '1069.50', listSpend: '1069.50', savings: '0.00' },
    ]);
  });

  test('per contract and per category', async () => {
    expect(await rows(tokens.association, 'CONTRACT')).toEqual([
      {
        key: LABELS,
        label: 'Prijsetiketten en prijstangen',
        orders: 2,
        lines: 3,
        // €744.50 + €2,025.00; at list €744.50 + €2,227.50.
        spend: '2769.50',
        listSpend: '2972.00',
        savings: '202.50',
      },
      {
        key: BAGS,
        label: 'Draagtassen van gerecycled papier en katoen',
        orders: 1,
        lines: 1,
        spend: '325.00',
        listSpend: '325.00',
        savings: '0.00',
      },
    ]);
    expect((await rows(tokens.association, 'CATEGORY')).map((r) => [r.key, r.spend, r.savings])).toEqual([
      ['LABELS', '2769.50', '202.50'],
      ['BAGS', '325.00', '0.00'],
    ]);
  });

  test('per month', async () => {
    expect(await rows(tokens.association, 'MONTH')).toEqual([
      {
        key: today.slice(0, 7),
        label: today.slice(0, 7),
        orders: 3,
        lines: 4,
        spend: '3094.50',
        listSpend: '3297.00',
        savings: '202.50',
      },
    ]);
  });

  test("a member sees only its own spend, never another member's", async () => {
    const own = await rows(tokens.buyer1, 'CONTRACT');
    expect(nonEmpty(own).map((r) => [r.key, r.orders, r.spend])).toEqual([
      [LABELS, 1, '744.50'],
      [BAGS, 1, '325.00'],
    ]);
    expect(await rows(tokens.buyer1, 'MEMBER', { m: M1 })).toHaveLength(1);
    expectRefused(await spend(tokens.buyer1, 'MEMBER', { m: M2 }), 'FORBIDDEN');
    expectRefused(await spend(tokens.hr1, 'MEMBER'), 'FORBIDDEN');
  });

  test.each([
    ['a period of more than five years', { from: '2020-01-01', to: '2025-01-01' }],
    ['a period that ends before it starts', { from: '2026-02-01', to: '2026-01-31' }],
  ])('%s is refused', async (_label, period) => {
    expectRefused(await spend(tokens.association, 'MONTH', period), 'BAD_USER_INPUT', 'to');
  });

  test("Member.procurementSpend through federation: its own people, not another member's", async () => {
    const MEMBER = `query($id: ID!, $y: Int!) { member(id: $id) { procurementSpend(year: $y) { year orders spend savings } } }`;
    const y = Number(year);
    const own = expectOk(
      await tp.query<{ member: { procurementSpend: unknown } }>(MEMBER, {
        token: tokens.buyer2,
        variables: { id: M2, y },
      }),
    );
    expect(own.member.procurementSpend).toEqual({ year: y, orders: 1, spend: '2025.00', savings: '202.50' });
    const other = await tp.query<{ member: { procurementSpend: unknown } | null }>(MEMBER, {
      token: tokens.buyer2,
      variables: { id: M1, y },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.data?.member?.procurementSpend ?? null).toBeNull();
  });
});

describe('contract utilisation', () => {
  const UTILISATION = `query($c: ID!) { contractUtilisation(contractId: $c) { sectorAmount orders members
    items { item { id } sectorQuantity unitPrice nextTierFrom nextTierUnitPrice nextTierRemaining } } }`;
  interface Utilisation {
    contractUtilisation: {
      sectorAmount: string;
      orders: number;
      members: number;
      items: { item: { id: string }; sectorQuantity: number; unitPrice: string; nextTierRemaining: string | null }[];
    };
  }

  test('the sector quantity per item against the next tier, and counts only', async () => {
    for (const token of [tokens.association, tokens.buyer1]) {
      const u = expectOk(
        await tp.query<Utilisation>(UTILISATION, { token, variables: { c: LABELS } }),
      ).contractUtilisation;
      // 550 rolls × €4.95 + 10 tag guns × €24.95 at list price.
      expect(u).toMatchObject({ sectorAmount: '2972.00', orders: 2, members: 2 });
      const roll = nonEmpty(u.items).find((i) => i.item.id === ROLL);
      expect(roll).toEqual({
        item: { id: ROLL },
        sectorQuantity: 550,
        unitPrice: '4.50',
        nextTierFrom: '2000',
        nextTierUnitPrice: '4.10',
        nextTierRemaining: '1450',
      });
      expect(JSON.stringify(u)).not.toContain(M2);
    }
    expectRefused(await tp.query(UTILISATION, { token: tokens.hr1, variables: { c: LABELS } }), 'FORBIDDEN');
  });
});

describe('supplier performance', () => {
  const PERFORMANCE = `query($from: Date!, $to: Date!) { supplierPerformance(from: $from, to: $to) {
    supplier { id name } orders delivered onTime onTimePercent withDiscrepancies } }`;
  interface Performance {
    supplierPerformance: {
      supplier: { id: string; name: string };
      orders: number;
      delivered: number;
      onTime: number;
      onTimePercent: string | null;
      withDiscrepancies: number;
    }[];
  }

  test('orders delivered, on time, and with a discrepancy, per supplier (the association only)', async () => {
    // Rows as the fulfilment mutations write them: member 1's labels delivered on the promised
    // day; its bags a day late, 12 received of 10 ordered (a discrepancy).
    const prisma = prismaOf();
    const day = toDate(today);
    await prisma.order.update({ where: { id: labels1 }, data: { expectedOn: day, deliveredOn: day } });
    await prisma.order.update({
      where: { id: bags1 },
      data: { expectedOn: toDate(addDays(today, -1)), deliveredOn: day },
    });
    const bagLine = await prisma.orderLine.findFirstOrThrow({ where: { orderId: bags1 } });
    await prisma.delivery.create({
      data: { orderId: bags1, memberId: M1, lineId: bagLine.id, quantity: 12, receivedOn: day, recordedBy: 'buyer-1' },
    });

    const all = expectOk(
      await tp.query<Performance>(PERFORMANCE, { token: tokens.association, variables: { from: FROM, to: TO } }),
    ).supplierPerformance;
    const of = (id: string) => nonEmpty(all).find((p) => p.supplier.id === id);
    expect(of(LABELMASTER)).toMatchObject({
      orders: 2,
      delivered: 1,
      onTime: 1,
      onTimePercent: '100.00',
      withDiscrepancies: 0,
    });
    expect(of(GROENTAS)).toMatchObject({
      orders: 1,
      delivered: 1,
      onTime: 0,
      onTimePercent: '0.00',
      withDiscrepancies: 1,
    });
    expect(all.filter((p) => ![LABELMASTER, GROENTAS].includes(p.supplier.id)).map((p) => p.onTimePercent)).toEqual(
      Array(all.length - 2).fill(null),
    );
    expectRefused(
      await tp.query(PERFORMANCE, { token: tokens.buyer1, variables: { from: FROM, to: TO } }),
      'FORBIDDEN',
    );
  });
});
