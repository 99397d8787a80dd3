import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { tokenOf } from './testkit/actors';
import { expectOk, expectRefused, expectRefusedWithoutWrites } from './testkit/expect';
import { M1, M2, UNKNOWN_ID } from './testkit/ids';
import { LABELS, orderInput, procurementDriver, ROLL } from './testkit/procurement-orders';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Hostile review of who sees and does what with orders, through the gateway: member 2's people
// ask for member 1's orders, spend, settings and rebates by id and through Member; what they get
// is the answer an id that does not exist gets (NOT_FOUND) or FORBIDDEN, never a figure. A
// member's own people who are no purchasers or approvers see no orders; the association's
// procurement team sees every member's orders (docs/design.md) but neither orders nor decides.
// A draft contract (the association still negotiating) is not found by members anywhere.
const tp = usePlatform();
const orders = procurementDriver(tp);
const tokens = useTokens({
  buyer1: () => tokenOf('member-purchaser', M1, 'tenants-buyer-1'),
  approver1: () => tokenOf('member-approver', M1, 'tenants-approver-1'),
  buyer2: () => tokenOf('member-purchaser', M2, 'tenants-buyer-2'),
  approver2: () => tokenOf('member-approver', M2, 'tenants-approver-2'),
  hr1: () => tokenOf('member-hr', M1, 'tenants-hr-1'),
  admin1: () => tokenOf('member-admin', M1, 'tenants-admin-1'),
  association: () => tokenOf('association-procurement', M1, 'tenants-association'),
  platformAdmin: () => tokenOf('platform-admin', M1, 'tenants-platform-admin'),
});
const DRAFT = demoId('contract', 900);

let order1: string;
beforeAll(async () => {
  // 300 rolls at €4.95 = €1,485.00: member 1's, waiting for an approver.
  order1 = (await orders.placed(tokens.buyer1, orderInput(M1, LABELS, [{ itemId: ROLL, quantity: 300 }]))).id;
  await orders.prisma().contract.create({
    data: {
      id: DRAFT,
      supplierId: demoId('supplier', 1),
      title: 'Secret draft: price labels at cost',
      category: 'LABELS',
      validFrom: new Date(Date.UTC(2000, 0, 1)),
      validUntil: new Date(Date.UTC(2099, 11, 31)),
      status: 'DRAFT',
      terms: 'Still being negotiated.',
      items: {
        create: {
          id: demoId('item', 900),
          sku: 'DRAFT-1',
          name: 'Draft item',
          unit: 'roll',
          vatRate: '21',
          listPrice: '1.00',
        },
      },
    },
  });
});

const ORDER = 'query($id: ID!) { order(id: $id) { id total } }';
const messageFor = (id: string) => `Order ${id} does not exist or is not visible to you.`;

describe("another member's order is not found, exactly as an order that does not exist", () => {
  test.each([
    ['read', (token: string, id: string) => tp.query(ORDER, { token, variables: { id } })],
    ['approved', (token: string, id: string) => orders.approve(token, id)],
    ['rejected', (token: string, id: string) => orders.reject(token, id, 'Not ours to decide.')],
    ['cancelled', (token: string, id: string) => orders.cancel(token, id)],
  ])('%s by member 2', async (_label, act) => {
    for (const token of [tokens.buyer2, tokens.approver2]) {
      const foreign = await expectRefusedWithoutWrites(orders.database(), () => act(token, order1), 'NOT_FOUND');
      const unknown = await act(token, UNKNOWN_ID);
      expectRefused(unknown, 'NOT_FOUND');
      expect(foreign.errors![0]!.message).toBe(messageFor(order1));
      expect(unknown.errors![0]!.message).toBe(messageFor(UNKNOWN_ID));
      expect(foreign.data?.[Object.keys(foreign.data ?? {})[0] ?? ''] ?? null).toBeNull();
    }
  });

  test("member 1's HR and admin, and platform admins, see no orders either; nobody but its approvers decides", async () => {
    for (const token of [tokens.hr1, tokens.admin1, tokens.platformAdmin]) {
      expectRefused(await tp.query(ORDER, { token, variables: { id: order1 } }), 'NOT_FOUND');
      await expectRefusedWithoutWrites(orders.database(), () => orders.cancel(token, order1), 'NOT_FOUND');
    }
    // The association sees it (it runs the settlement) but does not decide or order for a member.
    expectOk(await tp.query(ORDER, { token: tokens.association, variables: { id: order1 } }));
    await expectRefusedWithoutWrites(orders.database(), () => orders.approve(tokens.association, order1), 'FORBIDDEN');
    await expectRefusedWithoutWrites(orders.database(), () => orders.cancel(tokens.association, order1), 'FORBIDDEN');
    await expectRefusedWithoutWrites(
      orders.database(),
      () => orders.submit(tokens.association, orderInput(M1, LABELS, [{ itemId: ROLL, quantity: 1 }])),
      'FORBIDDEN',
    );
    // Its own purchaser neither approves it, nor does a purchaser who is also an approver approve their own.
    await expectRefusedWithoutWrites(orders.database(), () => orders.approve(tokens.buyer1, order1), 'FORBIDDEN');
  });
});

describe("member 2 asks for member 1's figures", () => {
  test.each([
    ['orders', 'query($m: ID!) { orders(memberId: $m, first: 5) { totalCount edges { node { id total } } } }'],
    ['orders, counting only', 'query($m: ID!) { orders(memberId: $m, first: 1) { totalCount } }'],
    [
      'spend',
      'query($m: ID!) { procurementSpend(memberId: $m, from: "2000-01-01", to: "2004-12-31", groupBy: CONTRACT) { key spend } }',
    ],
    ['Member.orders', 'query($m: ID!) { member(id: $m) { id orders(first: 5) { totalCount edges { node { id } } } } }'],
    ['Member.orders, counting only', 'query($m: ID!) { member(id: $m) { id orders(first: 1) { totalCount } } }'],
    [
      'Member.procurementSpend',
      'query($m: ID!) { member(id: $m) { id procurementSpend(year: 2030) { spend orders } } }',
    ],
    ['Member.procurementSettings', 'query($m: ID!) { member(id: $m) { id procurementSettings { yearlyBudget } } }'],
    [
      'Member.procurementRebates',
      'query($m: ID!) { member(id: $m) { id procurementRebates(first: 5) { totalCount } } }',
    ],
  ])('%s: FORBIDDEN, no figure in the answer', async (_label, query) => {
    for (const token of [tokens.buyer2, tokens.approver2, tokens.platformAdmin]) {
      const res = await tp.query<{ member?: Record<string, unknown> | null }>(query, { token, variables: { m: M1 } });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const member = res.data?.member;
      if (member) expect(Object.keys(member).filter((k) => member[k] !== null)).toEqual(['id']);
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/1485|totalCount/);
    }
  });

  test('spend grouped by member, for a member, holds only its own member', async () => {
    const SPEND = `query { procurementSpend(from: "2000-01-01", to: "2004-12-31", groupBy: MEMBER) { key } }`;
    const year = new Date().getUTCFullYear();
    const query = SPEND.replace('2000-01-01', `${year}-01-01`).replace('2004-12-31', `${year}-12-31`);
    const own = expectOk(await tp.query<{ procurementSpend: { key: string }[] }>(query, { token: tokens.buyer2 }));
    expect(own.procurementSpend.map((r) => r.key).filter((k) => k !== M2)).toEqual([]);
    const all = expectOk(await tp.query<{ procurementSpend: { key: string }[] }>(query, { token: tokens.association }));
    expect(all.procurementSpend.map((r) => r.key)).toContain(M1);
  });
});

describe('a draft contract is not found by members, as in the catalogue', () => {
  const UTILISATION = 'query($c: ID!) { contractUtilisation(contractId: $c) { contract { title terms } orders } }';
  const PREVIEW = 'query($c: ID!) { settlementPreview(contractId: $c) { contract { title } periodUntil } }';

  test.each([
    ['its utilisation', UTILISATION],
    ['its settlement preview', PREVIEW],
  ])('%s: NOT_FOUND for a purchaser, as an unknown id; the association sees it', async (_label, query) => {
    const res = await tp.query(query, { token: tokens.buyer1, variables: { c: DRAFT } });
    expectRefused(res, 'NOT_FOUND');
    expect(JSON.stringify(res)).not.toContain('Secret');
    expectRefused(await tp.query(query, { token: tokens.buyer1, variables: { c: UNKNOWN_ID } }), 'NOT_FOUND');
    expectOk(await tp.query(query, { token: tokens.association, variables: { c: DRAFT } }));
  });

  test('ordering on it is refused as on a contract that does not exist, without its title', async () => {
    const draft = await expectRefusedWithoutWrites(
      orders.database(),
      () => orders.submit(tokens.buyer1, orderInput(M1, DRAFT, [{ itemId: demoId('item', 900), quantity: 1 }])),
      'BAD_USER_INPUT',
      'input.contractId',
    );
    expect(draft.errors![0]!.message).toBe(`There is no contract ${DRAFT}.`);
  });
});
