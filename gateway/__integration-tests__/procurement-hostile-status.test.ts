import type { Role } from '@samen-sterk/subgraph-runtime';
import { tokenFor } from './testkit/auth';
import { addDays, toDate, todayNl } from './testkit/calendar';
import { expectOk, expectRefused, expectRefusedWithoutWrites } from './testkit/expect';
import { memberId } from './testkit/ids';
import { cents, compareDecimals, formatCents } from './testkit/money';
import {
  freshApprover,
  freshPurchaser,
  LABELS,
  orderInput,
  outcomes,
  procurementDriver,
  ROLL,
} from './testkit/procurement-orders';
import { useTokens } from './testkit/use-tokens';
import { usePlatform } from './testkit/use-platform';

// Hostile review of an order's life cycle and of the settlement, through the gateway: every move
// the status machine does not allow is a CONFLICT with a sentence and writes nothing; four eyes
// hold for someone with both roles; a cancellation raced by sending the order ends in one state
// with the sector's volume right. Settlement: a rebate follows the tier other members' orders
// reach and fall back from; a member previews its own rebate only; two runs at once store one.
const tp = usePlatform();
const orders = procurementDriver(tp);
const M3 = memberId(3);
const M4 = memberId(4);
const M5 = memberId(5);
const both = (member: string, sub: string) =>
  tokenFor({ sub, roles: ['member-purchaser', 'member-approver'] as Role[], memberId: member });
const tokens = useTokens({
  buyer3: () => freshPurchaser(M3),
  approver3: () => freshApprover(M3),
  both3: () => both(M3, 'status-both-3'),
  buyer4: () => freshPurchaser(M4),
  approver4: () => freshApprover(M4),
  buyer5: () => freshPurchaser(M5),
  association: () => tokenFor({ sub: 'status-association', roles: ['association-procurement'] as Role[] }),
});
const MARK_ORDERED = 'mutation($id: ID!) { markOrderOrdered(id: $id) { id status } }';
const markOrdered = (token: string, id: string) => tp.query(MARK_ORDERED, { token, variables: { id } });
// 250 rolls: above €1,000.00 whatever tier the sector reached, so it waits for an approver.
/** Member 5's rebate on its 10 rolls paid at `paid`, when the sector reached `sector` rolls. */
const rebateOf = (paid: string, sector: number) => {
  const final = sector >= 2000 ? '4.10' : sector >= 500 ? '4.50' : '4.95';
  const difference = cents(paid) - cents(final);
  return formatCents((difference > 0n ? difference : 0n) * 10n);
};
const waiting = async (token = tokens.buyer3, member = M3) =>
  (await orders.placed(token, orderInput(member, LABELS, [{ itemId: ROLL, quantity: 250 }]))).id;

describe('the status machine', () => {
  test('someone who is purchaser and approver does not approve their own order; another approver does, once', async () => {
    const id = await waiting(tokens.both3);
    await expectRefusedWithoutWrites(orders.database(), () => orders.approve(tokens.both3, id), 'FORBIDDEN');
    expect(expectOk(await orders.approve(tokens.approver3, id)).approveOrder!.status).toBe('APPROVED');
    const twice = await expectRefusedWithoutWrites(
      orders.database(),
      () => orders.approve(tokens.approver3, id),
      'CONFLICT',
    );
    expect(twice.errors![0]!.message).toBe(`Order ${id} is already APPROVED.`);
    // Approved is no longer the approver's to reject.
    await expectRefusedWithoutWrites(
      orders.database(),
      () => orders.reject(tokens.approver3, id, 'Changed my mind.'),
      'CONFLICT',
    );
  });

  test('a cancelled order is final: not approved, rejected or cancelled again', async () => {
    const id = await waiting();
    expectOk(await orders.cancel(tokens.buyer3, id));
    for (const act of [
      () => orders.approve(tokens.approver3, id),
      () => orders.reject(tokens.approver3, id, 'Too late for this.'),
      () => orders.cancel(tokens.buyer3, id),
    ]) {
      const res = await expectRefusedWithoutWrites(orders.database(), act, 'CONFLICT');
      expect(res.errors![0]!.message).toMatch(
        new RegExp(`^Order ${id} (\\(CANCELLED\\) is final|is already CANCELLED)`),
      );
    }
  });

  test('once sent to the supplier it can no longer be cancelled, and the volume stays', async () => {
    const id = await waiting();
    expectOk(await orders.approve(tokens.approver3, id));
    expectOk(await markOrdered(tokens.buyer3, id));
    const volume = await orders.sectorQuantity(LABELS, ROLL);
    const res = await expectRefusedWithoutWrites(
      orders.database(),
      () => orders.cancel(tokens.approver3, id),
      'CONFLICT',
    );
    expect(res.errors![0]!.message).toBe(`Order ${id} (ORDERED) can no longer be cancelled.`);
    expect(await orders.sectorQuantity(LABELS, ROLL)).toBe(volume);
  });

  test.each([1, 2, 3])(
    'attempt %i: cancel and send to the supplier at once end in one state, volume right',
    async () => {
      const id = await waiting(tokens.buyer4, M4);
      expectOk(await orders.approve(tokens.approver4, id));
      const before = await orders.sectorQuantity(LABELS, ROLL);
      const answers = await Promise.all([
        orders.cancel(await freshPurchaser(M4), id),
        markOrdered(await freshApprover(M4), id),
      ]);
      expect(outcomes(answers).sort()).toEqual(['CONFLICT', null].sort());
      const final = (await orders.prisma().order.findUniqueOrThrow({ where: { id } })).status;
      expect(['CANCELLED', 'ORDERED']).toContain(final);
      expect(await orders.sectorQuantity(LABELS, ROLL)).toBe(final === 'CANCELLED' ? before - 250 : before);
    },
  );
});

describe('settlement', () => {
  const PREVIEW =
    'query($c: ID!) { settlementPreview(contractId: $c) { total members { member { id } rebate lines } } }';
  const RUN = 'mutation($c: ID!) { runSettlement(contractId: $c) { id total } }';
  type Preview = { settlementPreview: { total: string | null; members: { member: { id: string }; rebate: string }[] } };
  const preview = async (token: string) =>
    expectOk(await tp.query<Preview>(PREVIEW, { token, variables: { c: LABELS } })).settlementPreview;

  test("a member's rebate follows the tier other members' orders reach, and fall back from; it sees only its own", async () => {
    const start = await orders.sectorQuantity(LABELS, ROLL);
    // Member 5's 10 rolls were bought at the price of the tier the sector had then.
    const own = await orders.placed(tokens.buyer5, orderInput(M5, LABELS, [{ itemId: ROLL, quantity: 10 }]));
    expect(start).toBeLessThan(2000 - 10);
    const paid = own.lines[0]!.unitPrice;
    // Member 4 lifts the sector past 2,000 rolls (€4.10); member 5 earns the difference on its 10.
    const lift = 2000 - (await orders.sectorQuantity(LABELS, ROLL));
    const big = await orders.placed(tokens.buyer4, orderInput(M4, LABELS, [{ itemId: ROLL, quantity: lift }]));
    const lifted = await preview(tokens.buyer5);
    expect(lifted.total).toBeNull();
    expect(lifted.members.map((m) => m.member.id)).toEqual([M5]);
    expect(lifted.members[0]!.rebate).toBe(rebateOf(paid, await orders.sectorQuantity(LABELS, ROLL)));
    // Member 4 cancels: the sector falls back below 2,000, and so does member 5's rebate.
    expectOk(await orders.cancel(tokens.buyer4, big.id));
    const fallen = await preview(tokens.buyer5);
    expect(fallen.members[0]!.rebate).toBe(rebateOf(paid, await orders.sectorQuantity(LABELS, ROLL)));
    expect(compareDecimals(fallen.members[0]!.rebate, lifted.members[0]!.rebate)).toBe(-1);
  });

  test('two runs at once after the period: one settlement, the other a CONFLICT', async () => {
    const yesterday = toDate(addDays(todayNl(), -1));
    await orders.prisma().contract.update({
      where: { id: LABELS },
      data: { validFrom: toDate(addDays(todayNl(), -30)), validUntil: yesterday },
    });
    await orders.prisma().order.updateMany({ where: { contractId: LABELS }, data: { orderDate: yesterday } });
    const second = tokenFor({ sub: 'status-association-2', roles: ['association-procurement'] as Role[] });
    const answers = await Promise.all([
      tp.query(RUN, { token: tokens.association, variables: { c: LABELS } }),
      tp.query(RUN, { token: await second, variables: { c: LABELS } }),
    ]);
    expect(outcomes(answers).sort()).toEqual(['CONFLICT', null].sort());
    expect(await orders.prisma().settlement.count({ where: { contractId: LABELS } })).toBe(1);
    expectRefused(await tp.query(RUN, { token: tokens.association, variables: { c: LABELS } }), 'CONFLICT');
  });
});
