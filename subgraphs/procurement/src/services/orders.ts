import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  formatCalendarDate,
  NotFoundError,
  recordChange,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import { approvesFor, purchasesFor } from '../access';
import type { ProcurementContext } from '../builder';
import { findOrder, lockMemberOrders, settledOn, spentInYear, visibleOrders } from '../data/orders';
import { addToVolume, lockContractVolume, volumeOf } from '../data/volumes';
import { budgetCheck, needsApproval } from '../domain/budget';
import { moveOrThrow, type OrderStatus } from '../domain/order-status';
import { priceOrder, type TierBasis } from '../domain/pricing';
import type { Order, Prisma } from '../generated/prisma/client';
import { shopOf } from './members-directory';
import { checkedOrderInput, checkedOrderSize, checkedReason, type OrderInput } from './input';

/*
 * Member orders: submitted with an idempotency key, priced at the tier the sector reaches
 * including the order (domain/pricing.ts), checked against the member's budget, approved
 * automatically up to the member's threshold or by an approver above it, rejected or cancelled
 * before ordering. The contract's volume row is locked while an order changes it.
 */

const ORDER_TRANSACTION = { maxWait: 20_000, timeout: 60_000 };
const actorOf = (ctx: ProcurementContext) => ctx.identity?.userId ?? 'unknown';

/** The same key from the same member is the same order; a different order under it is a conflict. */
function sameOrder(existing: Order & { lines: { itemId: string; quantity: number }[] }, input: OrderInput) {
  return (
    existing.contractId === input.contractId &&
    existing.deliveryBranchId === (input.deliveryBranchId ?? null) &&
    existing.lines.length === input.lines.length &&
    existing.lines.every((l, i) => l.itemId === input.lines[i]!.itemId && l.quantity === input.lines[i]!.quantity)
  );
}

async function alreadySubmitted(tx: Prisma.TransactionClient, input: OrderInput) {
  const existing = await tx.order.findUnique({
    where: { memberId_idempotencyKey: { memberId: input.memberId, idempotencyKey: input.idempotencyKey } },
    include: { lines: { orderBy: { position: 'asc' } } },
  });
  if (existing && !sameOrder(existing, input))
    throw new ConflictError(
      'This idempotency key was already used for a different order of this member; use a new key for a new order.',
    );
  return existing;
}

export async function submitOrder(ctx: ProcurementContext, raw: OrderInput, query: object = {}) {
  const input = checkedOrderInput(raw);
  if (!purchasesFor(ctx.identity, input.memberId))
    throw new ForbiddenError("Only the member's own purchasers place its orders.");
  const today = todayInNetherlands();
  // The shop it goes to must be the member's and open: asked before anything is locked.
  if (input.deliveryBranchId)
    await shopOf(ctx, input.memberId, input.deliveryBranchId, 'input.deliveryBranchId', formatCalendarDate(today));
  const id = await ctx.db.$transaction(async (tx) => {
    // From here on no other order of this member is submitted until this transaction ends: its
    // budget is checked against every order before it, and its idempotency key is looked up once.
    await lockMemberOrders(tx, input.memberId);
    const before = await alreadySubmitted(tx, input);
    if (before) return before.id;
    // A draft (the association still negotiating) is no contract to a member, as in the catalogue.
    const exists = await tx.contract.findFirst({
      where: { id: input.contractId, status: { not: 'DRAFT' } },
      select: { id: true },
    });
    if (!exists) throw new BadUserInputError('input.contractId', `There is no contract ${input.contractId}.`);
    // From here on no other order of this contract is priced, and its tiers and status do not
    // change (catalogue changes take the same lock), until this transaction ends. Always after
    // the member's lock: one lock order everywhere.
    await lockContractVolume(
      tx,
      exists.id,
      input.lines.map((l) => l.itemId),
    );
    const contract = await tx.contract.findUnique({
      where: { id: input.contractId },
      include: { items: { include: { tiers: true } }, tiers: true },
    });
    if (!contract) throw new BadUserInputError('input.contractId', `There is no contract ${input.contractId}.`);
    if (contract.status !== 'ACTIVE' || contract.validFrom > today || contract.validUntil < today)
      throw new BadUserInputError(
        'input.contractId',
        `The contract "${contract.title}" is not valid on ${formatCalendarDate(today)} (valid ${formatCalendarDate(contract.validFrom)} to ${formatCalendarDate(contract.validUntil)}).`,
      );
    const items = new Map(contract.items.map((item) => [item.id, item]));
    input.lines.forEach((line, i) => {
      if (!items.has(line.itemId))
        throw new BadUserInputError(
          `input.lines.${i}.itemId`,
          `Item ${line.itemId} is not in the contract "${contract.title}".`,
        );
    });
    const volume = await volumeOf(tx, contract.id);
    const priced = priceOrder({
      basis: contract.tierBasis as TierBasis,
      contractTiers: contract.tiers.map((t) => ({
        fromAmount: t.fromAmount.toFixed(2),
        discountPercent: t.discountPercent.toFixed(2),
      })),
      sectorAmountBefore: volume.amount,
      lines: input.lines.map((line) => {
        const item = items.get(line.itemId)!;
        return {
          itemId: item.id,
          quantity: line.quantity,
          listPrice: item.listPrice.toFixed(2),
          vatRate: item.vatRate.toFixed(0),
          tiers: item.tiers.map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: t.unitPrice.toFixed(2) })),
          sectorQuantityBefore: volume.items.get(item.id) ?? 0,
        };
      }),
    });
    checkedOrderSize(
      priced.listTotal,
      priced.lines.map((line) => ({ quantity: line.quantity, sectorBefore: volume.items.get(line.itemId) ?? 0 })),
    );
    const settings = await tx.memberProcurementSettings.findUnique({ where: { memberId: input.memberId } });
    const budget = budgetCheck({
      yearlyBudget: settings?.yearlyBudget?.toFixed(2) ?? null,
      spentThisYear: await spentInYear(tx, input.memberId, today.getUTCFullYear()),
      orderTotal: priced.total,
      overBudget: settings?.overBudget ?? 'REFUSE',
    });
    if (budget.outcome === 'REFUSE') throw new BadUserInputError('input.lines', budget.message!);
    // The member's budget for the contract's category, when it set one: the same rule.
    const categoryBudget = await tx.categoryBudget.findUnique({
      where: { memberId_category: { memberId: input.memberId, category: contract.category } },
    });
    const inCategory =
      categoryBudget &&
      budgetCheck({
        yearlyBudget: categoryBudget.yearlyBudget.toFixed(2),
        spentThisYear: await spentInYear(tx, input.memberId, today.getUTCFullYear(), contract.category),
        orderTotal: priced.total,
        overBudget: settings?.overBudget ?? 'REFUSE',
      });
    if (inCategory?.outcome === 'REFUSE')
      throw new BadUserInputError('input.lines', `Budget for ${contract.category}: ${inCategory.message!}`);
    const aboveThreshold = settings ? needsApproval(priced.total, settings.approvalThreshold.toFixed(2)) : true;
    const overBudget =
      budget.outcome === 'NEEDS_APPROVAL'
        ? budget.message
        : inCategory?.outcome === 'NEEDS_APPROVAL'
          ? `Budget for ${contract.category}: ${inCategory.message}`
          : null;
    const status: OrderStatus = aboveThreshold || overBudget ? 'SUBMITTED' : 'APPROVED';
    const approvalReason = overBudget
      ? overBudget
      : aboveThreshold
        ? settings
          ? `Above the member's approval threshold of €${settings.approvalThreshold.toFixed(2)}: an approver decides.`
          : 'The member has no approval threshold set: an approver decides.'
        : `At or below the member's approval threshold of €${settings!.approvalThreshold.toFixed(2)}: approved without an approver.`;
    const now = new Date();
    const order = await tx.order.create({
      data: {
        memberId: input.memberId,
        contractId: contract.id,
        idempotencyKey: input.idempotencyKey,
        deliveryBranchId: input.deliveryBranchId ?? null,
        status,
        orderDate: today,
        total: priced.total,
        vatTotal: priced.vatTotal,
        listTotal: priced.listTotal,
        submittedBy: actorOf(ctx),
        submittedAt: now,
        approvalReason,
        ...(status === 'APPROVED' ? { decidedAt: now } : {}),
        lines: {
          create: priced.lines.map((line, position) => ({
            memberId: input.memberId,
            itemId: line.itemId,
            position,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            listPrice: line.listPrice,
            vatRate: line.vatRate,
            amount: line.amount,
          })),
        },
      },
    });
    await addToVolume(tx, contract.id, { items: priced.lines, listAmount: priced.listTotal }, 1);
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: input.memberId,
      action: 'SUBMIT_ORDER',
      entityType: 'Order',
      entityId: order.id,
      after: { status, total: priced.total, lines: priced.lines.length, contractId: contract.id },
    });
    return order.id;
  }, ORDER_TRANSACTION);
  return ctx.db.order.findUniqueOrThrow({ ...query, where: { id } });
}

/** Moves an order on, on a transaction; another member's order is not found. */
async function decide(
  ctx: ProcurementContext,
  id: string,
  to: OrderStatus,
  may: (memberId: string) => boolean,
  refusal: string,
  extra: { rejectReason?: string } = {},
) {
  return ctx.db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { id, ...visibleOrders(ctx.identity) }, include: { lines: true } });
    if (!order) throw new NotFoundError('Order', id);
    if (!may(order.memberId)) throw new ForbiddenError(refusal);
    moveOrThrow(order.status as OrderStatus, to, order.id);
    const releases = to === 'REJECTED' || to === 'CANCELLED';
    if (releases) {
      await lockContractVolume(
        tx,
        order.contractId,
        order.lines.map((l) => l.itemId),
      );
      // Its period's rebates were paid on its volume: a settled order stays bought.
      if (await settledOn(tx, order.contractId, order.orderDate))
        throw new ConflictError(
          `Order ${order.id} lies in a contract period that has been settled; it can no longer be ${to === 'REJECTED' ? 'rejected' : 'cancelled'}.`,
        );
    }
    // Only from the status read: a decision made meanwhile by someone else wins.
    const moved = await tx.order.updateMany({
      where: { id, status: order.status },
      data: { status: to, decidedBy: actorOf(ctx), decidedAt: new Date(), ...extra },
    });
    if (moved.count !== 1) throw new ConflictError('The order changed meanwhile; read it again.');
    // A rejected or cancelled order is not bought: the sector's volume no longer counts it.
    if (releases)
      await addToVolume(
        tx,
        order.contractId,
        {
          items: order.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
          listAmount: order.listTotal.toFixed(2),
        },
        -1,
      );
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId: order.memberId,
      action: `ORDER_${to}`,
      entityType: 'Order',
      entityId: id,
      before: { status: order.status },
      after: { status: to, ...extra },
    });
    return id;
  }, ORDER_TRANSACTION);
}

/** Four eyes: an approver approves, and not an order they submitted themself. */
export async function approveOrder(ctx: ProcurementContext, id: string) {
  const order = await findOrder(ctx.db, ctx.identity, id);
  if (order.submittedBy === actorOf(ctx))
    throw new ForbiddenError('An order is approved by someone else than who submitted it.');
  return decide(
    ctx,
    id,
    'APPROVED',
    (m) => approvesFor(ctx.identity, m),
    "Only the member's own approvers approve its orders.",
  );
}

export async function rejectOrder(ctx: ProcurementContext, id: string, reason: string) {
  const rejectReason = checkedReason(reason);
  return decide(
    ctx,
    id,
    'REJECTED',
    (m) => approvesFor(ctx.identity, m),
    "Only the member's own approvers reject its orders.",
    {
      rejectReason,
    },
  );
}

/** Before it is ordered, by the member's purchasers or approvers. */
export async function cancelOrder(ctx: ProcurementContext, id: string) {
  return decide(
    ctx,
    id,
    'CANCELLED',
    (m) => purchasesFor(ctx.identity, m) || approvesFor(ctx.identity, m),
    "Only the member's own purchasers and approvers cancel its orders.",
  );
}
