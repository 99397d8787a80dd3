import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import type { PrismaClient } from '../../subgraphs/procurement/src/generated/prisma/client';
import { tokenOf } from './testkit/actors';
import { addDays, toDate, todayNl } from './testkit/calendar';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { M1, M2, memberId } from './testkit/ids';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Rebates at the end of a contract period, and members' purchasing settings, through the real
// gateway. Demo catalogue: contract 1 (price labels), item 1 a roll at €4.95 list, €4.50 from a
// sector quantity of 500. Worked example: member 1 orders 300 rolls while the sector is below 500
// (300 × €4.95 = €1,485.00); member 2 then orders 300 more, the sector reaches 600 and member 2
// pays €4.50 (€1,350.00). At period end the final price is €4.50, so member 1 earns a rebate of
// 300 × (€4.95 − €4.50) = €135.00 and member 2 nothing (€0.00); the total is €135.00.
const tp = usePlatform();
const M3 = memberId(3);
const LABELS = demoId('contract', 1);
const ROLL = demoId('item', 1);
const BAGS = demoId('contract', 2);
const BAG = demoId('item', 4);

const tokens = useTokens({
  association: () => tokenOf('association-procurement', M1, 'procurement-team'),
  buyer1: () => tokenOf('member-purchaser', M1, 'buyer-1'),
  approver1: () => tokenOf('member-approver', M1, 'approver-1'),
  approver2: () => tokenOf('member-approver', M2, 'approver-2'),
  buyer2: () => tokenOf('member-purchaser', M2, 'buyer-2'),
  hr1: () => tokenOf('member-hr', M1, 'hr-1'),
  admin3: () => tokenOf('member-admin', M3, 'admin-3'),
  admin2: () => tokenOf('member-admin', M2, 'admin-2'),
  buyer3: () => tokenOf('member-purchaser', M3, 'buyer-3'),
});
const db = () => tp.platform.subgraphs['procurement']!.database;
/** The procurement database's own client, to write what the API cannot (yet). */
const prismaOf = () => db().prisma as PrismaClient;

let keys = 0;
const SUBMIT = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status total } }`;
const submit = (token: string, member: string, contractId: string, itemId: string, quantity: number) =>
  tp.query<{ submitOrder: { id: string; status: string; total: string } }>(SUBMIT, {
    token,
    variables: {
      input: {
        memberId: member,
        contractId,
        idempotencyKey: `settle-${Date.now()}-${++keys}`,
        lines: [{ itemId, quantity }],
      },
    },
  });

interface Preview {
  settlementPreview: {
    periodFrom: string;
    periodUntil: string;
    total: string | null;
    members: { member: { id: string }; rebate: string; lines: number }[];
  };
}
const PREVIEW = `query($c: ID!) { settlementPreview(contractId: $c) { periodFrom periodUntil total members { member { id } rebate lines } } }`;
const preview = (token: string) => tp.query<Preview>(PREVIEW, { token, variables: { c: LABELS } });
const RUN = `mutation($c: ID!) { runSettlement(contractId: $c) { id periodFrom periodUntil total contract { id }
  rebates(first: 10) { totalCount edges { node { member { id } amount lines } } } } }`;
interface Run {
  runSettlement: {
    id: string;
    periodFrom: string;
    periodUntil: string;
    total: string;
    rebates: { totalCount: number; edges: { node: { member: { id: string }; amount: string; lines: number } }[] };
  };
}
const run = (token: string) => tp.query<Run>(RUN, { token, variables: { c: LABELS } });

const DECIDE = `mutation($id: ID!) { approveOrder(id: $id) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { id status } }`;

describe('settlement of a contract period', () => {
  /** Both orders are above the members' approval threshold of €1,000: they await an approver. */
  const placed: { id: string; status: string }[] = [];
  beforeAll(async () => {
    const first = expectOk(await submit(tokens.buyer1, M1, LABELS, ROLL, 300)).submitOrder;
    const second = expectOk(await submit(tokens.buyer2, M2, LABELS, ROLL, 300)).submitOrder;
    expect([first.total, second.total]).toEqual(['1485.00', '1350.00']);
    placed.push(first, second);
  });

  test("the association previews every member's rebate and the total", async () => {
    const p = expectOk(await preview(tokens.association)).settlementPreview;
    expect(p.total).toBe('135.00');
    expect(p.members).toEqual([
      { member: { id: M1 }, rebate: '135.00', lines: 1 },
      { member: { id: M2 }, rebate: '0.00', lines: 1 },
    ]);
  });

  test('a member sees only its own line, never another member’s rebate or the total', async () => {
    const own1 = expectOk(await preview(tokens.approver1)).settlementPreview;
    expect(own1).toMatchObject({ total: null, members: [{ member: { id: M1 }, rebate: '135.00', lines: 1 }] });
    const own2 = expectOk(await preview(tokens.buyer2)).settlementPreview;
    expect(own2).toMatchObject({ total: null, members: [{ member: { id: M2 }, rebate: '0.00', lines: 1 }] });
    expect(JSON.stringify(own2)).not.toContain(M1);
    expectRefused(await preview(tokens.hr1), 'FORBIDDEN');
  });

  test('not run before the period has ended, nor by a member', async () => {
    await expectRefusedWithoutWrites(db(), () => run(tokens.association), 'CONFLICT');
    await expectRefusedWithoutWrites(db(), () => run(tokens.buyer1), 'FORBIDDEN');
  });

  test('after the period: run once, stored and audited; a second run is refused', async () => {
    // The period ended yesterday: the orders above were placed in it.
    const yesterday = toDate(addDays(todayNl(), -1));
    const prisma = prismaOf();
    await prisma.contract.update({
      where: { id: LABELS },
      data: { validFrom: toDate(addDays(todayNl(), -30)), validUntil: yesterday },
    });
    await prisma.order.updateMany({ where: { contractId: LABELS }, data: { orderDate: yesterday } });

    // Orders still awaiting an approver may yet be rejected: the period is not settled with them.
    expect(placed.map((o) => o.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
    const waiting = await expectRefusedWithoutWrites(db(), () => run(tokens.association), 'CONFLICT');
    expect(waiting.errors![0]!.message).toContain(
      '2 orders of the period of "Prijsetiketten en prijstangen" still await an approver\'s decision',
    );
    expect(
      expectOk(await tp.query(DECIDE, { token: tokens.approver1, variables: { id: placed[0]!.id } })),
    ).toBeTruthy();
    expect(
      expectOk(await tp.query(DECIDE, { token: tokens.approver2, variables: { id: placed[1]!.id } })),
    ).toBeTruthy();

    const settled = expectOk(await run(tokens.association)).runSettlement;
    expect(settled).toMatchObject({ total: '135.00', periodUntil: addDays(todayNl(), -1) });
    expect(settled.rebates.totalCount).toBe(2);
    expect(nodes(settled.rebates)).toEqual([
      { member: { id: M1 }, amount: '135.00', lines: 1 },
      { member: { id: M2 }, amount: '0.00', lines: 1 },
    ]);
    const audit = await prisma.auditLogEntry.findMany({ where: { action: 'RUN_SETTLEMENT', entityId: settled.id } });
    expect(audit).toHaveLength(1);
    await expectRefusedWithoutWrites(db(), () => run(tokens.association), 'CONFLICT');
    // A settled order stays bought: its rebates were paid on its volume.
    const cancel = await expectRefusedWithoutWrites(
      db(),
      () => tp.query(CANCEL, { token: tokens.buyer1, variables: { id: placed[0]!.id } }),
      'CONFLICT',
    );
    expect(cancel.errors![0]!.message).toContain('has been settled; it can no longer be cancelled');
  });

  test("a member sees its rebates through Member; not another member's, nor the settlement's list", async () => {
    const REBATES = `query($id: ID!) { member(id: $id) { id procurementRebates(first: 5) { totalCount edges { node { amount lines settlement { periodUntil } } } } } }`;
    const own = expectOk(
      await tp.query<{ member: { procurementRebates: { totalCount: number; edges: { node: { amount: string } }[] } } }>(
        REBATES,
        { token: tokens.buyer1, variables: { id: M1 } },
      ),
    );
    expect(nonEmpty(nodes(own.member.procurementRebates)).map((r) => r.amount)).toEqual(['135.00']);
    const other = await tp.query<{ member: { procurementRebates: unknown } | null }>(REBATES, {
      token: tokens.buyer2,
      variables: { id: M1 },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.data?.member?.procurementRebates ?? null).toBeNull();
    const LIST = `query($id: ID!) { member(id: $id) { procurementRebates(first: 1) { edges { node { settlement { total rebates(first: 5) { totalCount } } } } } } }`;
    const list = await tp.query(LIST, { token: tokens.buyer1, variables: { id: M1 } });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("a member's purchasing settings", () => {
  const SET = `mutation($m: ID!, $input: ProcurementSettingsInput!) { setProcurementSettings(memberId: $m, input: $input) {
    member { id } approvalThreshold yearlyBudget overBudget categoryBudgets { category yearlyBudget } } }`;
  const settings = (overrides: Record<string, unknown> = {}) => ({
    approvalThreshold: '500',
    yearlyBudget: '100.00',
    overBudget: 'REFUSE',
    categoryBudgets: [{ category: 'BAGS', yearlyBudget: '80.5' }],
    ...overrides,
  });
  const set = (token: string, input: Record<string, unknown>, member = M3) =>
    tp.query<{ setProcurementSettings: Record<string, unknown> }>(SET, { token, variables: { m: member, input } });

  test("set by the member's admin, with two decimals; read by its people", async () => {
    const saved = expectOk(await set(tokens.admin3, settings())).setProcurementSettings;
    expect(saved).toEqual({
      member: { id: M3 },
      approvalThreshold: '500.00',
      yearlyBudget: '100.00',
      overBudget: 'REFUSE',
      categoryBudgets: [{ category: 'BAGS', yearlyBudget: '80.50' }],
    });
    const READ = `query($id: ID!) { member(id: $id) { procurementSettings { approvalThreshold yearlyBudget } } }`;
    const read = expectOk(
      await tp.query<{ member: { procurementSettings: unknown } }>(READ, {
        token: tokens.buyer3,
        variables: { id: M3 },
      }),
    );
    expect(read.member.procurementSettings).toEqual({ approvalThreshold: '500.00', yearlyBudget: '100.00' });
    const other = await tp.query(READ, { token: tokens.buyer2, variables: { id: M3 } });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await prismaOf().auditLogEntry.count({
      where: { action: 'SET_PROCUREMENT_SETTINGS', memberId: M3 },
    });
    expect(audit).toBe(1);
  });

  test("refused for the member's purchaser and another member's admin", async () => {
    await expectRefusedWithoutWrites(db(), () => set(tokens.buyer3, settings()), 'FORBIDDEN');
    await expectRefusedWithoutWrites(db(), () => set(tokens.admin2, settings()), 'FORBIDDEN');
  });

  test.each([
    ['a negative threshold', settings({ approvalThreshold: '-1' }), 'input.approvalThreshold'],
    ['three decimals', settings({ yearlyBudget: '100.005' }), 'input.yearlyBudget'],
    ['more than 100,000,000', settings({ yearlyBudget: '100000000.01' }), 'input.yearlyBudget'],
    [
      'a category without contracts',
      settings({ categoryBudgets: [{ category: 'CARS', yearlyBudget: '1' }] }),
      'input.categoryBudgets.0.category',
    ],
    [
      'a category twice',
      settings({
        categoryBudgets: [
          { category: 'BAGS', yearlyBudget: '1' },
          { category: 'BAGS', yearlyBudget: '2' },
        ],
      }),
      'input.categoryBudgets.1.category',
    ],
    [
      '51 category budgets',
      settings({ categoryBudgets: Array.from({ length: 51 }, () => ({ category: 'BAGS', yearlyBudget: '1' })) }),
      'input.categoryBudgets',
    ],
  ])('%s is refused', async (_label, input, field) => {
    await expectRefusedWithoutWrites(db(), () => set(tokens.admin3, input), 'BAD_USER_INPUT', field);
  });

  test('a budget set low makes an order over it refused, with what is left', async () => {
    // Budget €100.00, nothing spent: 4 bags at €32.50 = €130.00 do not fit; 3 (€97.50) would, but
    // not the €80.50 for bags; 2 (€65.00) fit both.
    const refused = await expectRefusedWithoutWrites(
      db(),
      () => submit(tokens.buyer3, M3, BAGS, BAG, 4),
      'BAD_USER_INPUT',
      'input.lines',
    );
    expect(refused.errors![0]!.message).toBe(
      "This order (€130.00) is more than the €100.00 left of this year's budget of €100.00.",
    );
    const overCategory = await expectRefusedWithoutWrites(
      db(),
      () => submit(tokens.buyer3, M3, BAGS, BAG, 3),
      'BAD_USER_INPUT',
      'input.lines',
    );
    expect(overCategory.errors![0]!.message).toBe(
      "Budget for BAGS: This order (€97.50) is more than the €80.50 left of this year's budget of €80.50.",
    );
    expect(expectOk(await submit(tokens.buyer3, M3, BAGS, BAG, 2)).submitOrder).toMatchObject({
      status: 'APPROVED',
      total: '65.00',
    });
  });
});
