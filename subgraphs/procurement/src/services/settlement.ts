import {
  ConflictError,
  ForbiddenError,
  formatCalendarDate,
  NotFoundError,
  recordChange,
  todayInNetherlands,
} from '@samen-sterk/subgraph-runtime';
import { seesOrdersOf, servesEveryMember } from '../access';
import type { ProcurementContext } from '../builder';
import { lockContractVolume, volumeOf } from '../data/volumes';
import { contractsVisibleTo } from './insight';
import type { TierBasis } from '../domain/pricing';
import { settleRebates, type MemberRebate } from '../domain/settlement';
import { Prisma } from '../generated/prisma/client';

/*
 * Rebates at the end of a contract period (domain/settlement.ts, rule 5): every line of the
 * period's orders (not rejected or cancelled) earns the difference between what it paid and the
 * price of the tier the sector finally reached. The association previews it any time and runs it
 * once the period is over; a member's purchasers and approvers preview only their own line.
 */

const SETTLEMENT_TRANSACTION = { maxWait: 20_000, timeout: 60_000 };
const actorOf = (ctx: ProcurementContext) => ctx.identity?.userId ?? 'unknown';

export interface SettlementPreview {
  contractId: string;
  periodFrom: Date;
  periodUntil: Date;
  /** Null for a member: the sector's total is the association's. */
  total: string | null;
  members: MemberRebate[];
}

/** The settlement of the contract's period as it stands now, for everyone (the association's view). */
async function settle(db: Prisma.TransactionClient, contractId: string, visible: Prisma.ContractWhereInput = {}) {
  const contract = await db.contract.findFirst({
    where: { id: contractId, ...visible },
    include: { items: { include: { tiers: true } }, tiers: true },
  });
  if (!contract) throw new NotFoundError('Contract', contractId);
  const [volume, lines] = await Promise.all([
    volumeOf(db, contract.id),
    db.orderLine.findMany({
      where: {
        order: {
          contractId: contract.id,
          status: { notIn: ['REJECTED', 'CANCELLED'] },
          orderDate: { gte: contract.validFrom, lte: contract.validUntil },
        },
      },
      orderBy: [{ orderId: 'asc' }, { position: 'asc' }],
    }),
  ]);
  const settlement = settleRebates({
    basis: contract.tierBasis as TierBasis,
    contractTiers: contract.tiers.map((t) => ({
      fromAmount: t.fromAmount.toFixed(2),
      discountPercent: t.discountPercent.toFixed(2),
    })),
    sectorAmount: volume.amount,
    items: contract.items.map((item) => ({
      itemId: item.id,
      listPrice: item.listPrice.toFixed(2),
      tiers: item.tiers.map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: t.unitPrice.toFixed(2) })),
      sectorQuantity: volume.items.get(item.id) ?? 0,
    })),
    lines: lines.map((l) => ({
      orderId: l.orderId,
      memberId: l.memberId,
      itemId: l.itemId,
      quantity: l.quantity,
      unitPrice: l.unitPrice.toFixed(2),
      listPrice: l.listPrice.toFixed(2),
    })),
  });
  return { contract, settlement };
}

/**
 * The association sees every member's rebate and the total; a member's purchaser or approver only
 * its own member's line (with €0.00 and no lines when it ordered nothing), never another's.
 */
export async function previewSettlement(ctx: ProcurementContext, contractId: string): Promise<SettlementPreview> {
  const association = servesEveryMember(ctx.identity);
  const ownMember = ctx.identity?.memberId;
  if (!association && !(ownMember && seesOrdersOf(ctx.identity, ownMember)))
    throw new ForbiddenError(
      "Only the association's procurement team and a member's purchasers and approvers see rebates.",
    );
  const { contract, settlement } = await settle(ctx.db, contractId, contractsVisibleTo(ctx.identity));
  const period = { contractId: contract.id, periodFrom: contract.validFrom, periodUntil: contract.validUntil };
  if (association) return { ...period, total: settlement.total, members: settlement.members };
  const own = settlement.members.find((m) => m.memberId === ownMember) ?? {
    memberId: ownMember!,
    rebate: '0.00',
    lines: 0,
  };
  return { ...period, total: null, members: [own] };
}

/**
 * Runs the settlement of the contract's period, once, after the period has ended: a Settlement
 * with one Rebate per member that ordered, in one transaction, audited. The association only.
 */
export async function runSettlement(ctx: ProcurementContext, contractId: string, query: object = {}) {
  if (!servesEveryMember(ctx.identity))
    throw new ForbiddenError("Only the association's procurement team runs a settlement.");
  const today = todayInNetherlands();
  const id = await ctx.db
    .$transaction(async (tx) => {
      const exists = await tx.contract.findUnique({ where: { id: contractId }, select: { id: true } });
      if (!exists) throw new NotFoundError('Contract', contractId);
      // The contract's lock, as orders take it: no cancellation or rejection gives volume back
      // between reading the sector's volume and the lines it is settled on, nor during the run.
      await lockContractVolume(tx, exists.id, []);
      const { contract, settlement } = await settle(tx, contractId);
      if (contract.validUntil >= today)
        throw new ConflictError(
          `The period of "${contract.title}" runs until ${formatCalendarDate(contract.validUntil)}; it is settled after it has ended.`,
        );
      const period = { contractId: contract.id, periodFrom: contract.validFrom, periodUntil: contract.validUntil };
      // An order still awaiting its approver may yet be rejected, and would then not count: the
      // period is settled once every order in it has been decided.
      const undecided = await tx.order.count({
        where: {
          contractId: contract.id,
          status: 'SUBMITTED',
          orderDate: { gte: period.periodFrom, lte: period.periodUntil },
        },
      });
      if (undecided > 0)
        throw new ConflictError(
          `${undecided === 1 ? '1 order' : `${undecided} orders`} of the period of "${contract.title}" still await an approver's decision; the members' approvers approve or reject them first.`,
        );
      const already = await tx.settlement.findUnique({ where: { contractId_periodFrom_periodUntil: period } });
      if (already) throw alreadySettled(contract.title);
      const created = await tx.settlement.create({
        data: {
          ...period,
          total: settlement.total,
          runBy: actorOf(ctx),
          rebates: {
            create: settlement.members.map((m) => ({ memberId: m.memberId, amount: m.rebate, lines: m.lines })),
          },
        },
      });
      await recordChange(tx, {
        actorId: actorOf(ctx),
        action: 'RUN_SETTLEMENT',
        entityType: 'Settlement',
        entityId: created.id,
        after: {
          ...period,
          total: settlement.total,
          rebates: settlement.members.map((m) => ({ memberId: m.memberId, rebate: m.rebate, lines: m.lines })),
        },
      });
      return created.id;
    }, SETTLEMENT_TRANSACTION)
    .catch((error: unknown) => {
      // Two runs at once: the unique key lets one of them store it.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw alreadySettled();
      throw error;
    });
  return ctx.db.settlement.findUniqueOrThrow({ ...query, where: { id } });
}

const alreadySettled = (title?: string) =>
  new ConflictError(
    `${title ? `The period of "${title}"` : 'This period'} is already settled; a period is settled once.`,
  );

/** A settlement: every signed-in person may see that it ran; its rebates are the association's. */
export const findSettlement = (ctx: ProcurementContext, id: string, query: object = {}) =>
  ctx.db.settlement.findUnique({ ...query, where: { id } });

/** A member's rebates, newest settlement first. */
export const rebatesOf = {
  count: (db: Prisma.TransactionClient, memberId: string) => db.rebate.count({ where: { memberId } }),
  list: (db: Prisma.TransactionClient, memberId: string, query: object) =>
    db.rebate.findMany({ ...query, where: { memberId }, orderBy: [{ settlement: { runAt: 'desc' } }, { id: 'asc' }] }),
};
