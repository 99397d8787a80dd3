import {
  BadUserInputError,
  ForbiddenError,
  formatCalendarDate,
  NotFoundError,
  type Identity,
} from '@samen-sterk/subgraph-runtime';
import { formatAmount } from '@samen-sterk/subgraph-runtime/pure';
import { managesCatalogue, seesOrdersOf, servesEveryMember } from '../access';
import type { ProcurementContext } from '../builder';
import { volumeOf } from '../data/volumes';
import { threeWayMatch } from '../domain/matching';
import { contractTierPrice, itemTierPrice } from '../domain/pricing';
import { Prisma } from '../generated/prisma/client';

/*
 * Insight: spend per member, contract, category and month with the savings against list price;
 * a contract's utilisation; suppliers' delivery and invoice performance. Aggregated in the
 * database. The association sees every member; a member's purchasers and approvers only their own
 * member, and of the sector only counts.
 */

export type SpendGrouping = 'MEMBER' | 'CONTRACT' | 'CATEGORY' | 'MONTH';
export interface SpendRow {
  key: string;
  label: string;
  orders: number;
  lines: number;
  spend: string;
  listSpend: string;
  savings: string;
}

/** Orders that were (or are being) bought: not rejected, not cancelled. */
const COUNTED = Prisma.sql`o.status NOT IN ('REJECTED', 'CANCELLED')`;
const MAX_YEARS = 5;
/** A calendar date as SQL compares it with a date column, whatever the session's time zone. */
const day = (date: Date) => Prisma.sql`${formatCalendarDate(date)}::date`;

const GROUPS: Record<SpendGrouping, { key: Prisma.Sql; label: Prisma.Sql }> = {
  MEMBER: { key: Prisma.sql`o.member_id`, label: Prisma.sql`o.member_id` },
  CONTRACT: { key: Prisma.sql`o.contract_id`, label: Prisma.sql`MIN(c.title)` },
  CATEGORY: { key: Prisma.sql`c.category`, label: Prisma.sql`c.category` },
  MONTH: { key: Prisma.sql`to_char(o.order_date, 'YYYY-MM')`, label: Prisma.sql`to_char(o.order_date, 'YYYY-MM')` },
};

/** A draft contract (the association still negotiating) only for the association, as in the catalogue. */
export const contractsVisibleTo = (identity: Identity | null): Prisma.ContractWhereInput =>
  managesCatalogue(identity) ? {} : { status: { not: 'DRAFT' } };

/** Whose spend the caller may read: every member (null) for the association, else only its own. */
function spendScope(identity: Identity | null, memberId: string | null | undefined): string | null {
  if (servesEveryMember(identity)) return memberId ?? null;
  const own = identity?.memberId;
  if (!own || !seesOrdersOf(identity, own) || (memberId != null && memberId !== own))
    throw new ForbiddenError("Only the member's own purchasers and approvers see its spend.");
  return own;
}

function checkedPeriod(from: Date, to: Date) {
  if (to < from) throw new BadUserInputError('to', `The period ends (${formatCalendarDate(to)}) before it starts.`);
  const limit = new Date(Date.UTC(from.getUTCFullYear() + MAX_YEARS, from.getUTCMonth(), from.getUTCDate()));
  if (to >= limit)
    throw new BadUserInputError(
      'to',
      `A period is at most ${MAX_YEARS} years; ask for ${formatCalendarDate(limit)} or earlier.`,
    );
}

/** Spend, list price and savings of the orders in the period, grouped, largest spend first. */
export async function procurementSpend(
  ctx: ProcurementContext,
  args: { memberId?: string | null; from: Date; to: Date; groupBy: SpendGrouping },
): Promise<SpendRow[]> {
  const memberId = spendScope(ctx.identity, args.memberId);
  checkedPeriod(args.from, args.to);
  const group = GROUPS[args.groupBy];
  const ofMember = memberId === null ? Prisma.empty : Prisma.sql`AND o.member_id = ${memberId}`;
  const rows = await ctx.db.$queryRaw<
    { key: string; label: string; orders: bigint; lines: bigint; spend: Prisma.Decimal; listSpend: Prisma.Decimal }[]
  >`
    SELECT ${group.key} AS key, ${group.label} AS label,
           COUNT(DISTINCT o.id) AS orders, COUNT(l.id) AS lines,
           SUM(l.amount) AS spend, SUM(l.quantity * l.list_price) AS "listSpend"
      FROM "order" o
      JOIN order_line l ON l.order_id = o.id
      JOIN contract c ON c.id = o.contract_id
     WHERE ${COUNTED} AND o.order_date BETWEEN ${day(args.from)} AND ${day(args.to)} ${ofMember}
     GROUP BY ${group.key}
     ORDER BY spend DESC, key ASC`;
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    orders: Number(r.orders),
    lines: Number(r.lines),
    spend: r.spend.toFixed(2),
    listSpend: r.listSpend.toFixed(2),
    savings: r.listSpend.minus(r.spend).toFixed(2),
  }));
}

/** A member's spend in a calendar year (Member.procurementSpend): its own people and the association. */
export async function memberSpendInYear(ctx: ProcurementContext, memberId: string, year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new BadUserInputError('year', 'The year is a whole number from 2000 to 2100.');
  if (!seesOrdersOf(ctx.identity, memberId))
    throw new ForbiddenError("Only the member's own purchasers and approvers see its spend.");
  const total = await ctx.db.order.aggregate({
    where: {
      memberId,
      status: { notIn: ['REJECTED', 'CANCELLED'] },
      orderDate: { gte: new Date(Date.UTC(year, 0, 1)), lte: new Date(Date.UTC(year, 11, 31)) },
    },
    _sum: { total: true, listTotal: true },
    _count: { _all: true },
  });
  const spend = total._sum.total ?? new Prisma.Decimal(0);
  const list = total._sum.listTotal ?? new Prisma.Decimal(0);
  return { year, orders: total._count._all, spend: spend.toFixed(2), savings: list.minus(spend).toFixed(2) };
}

/**
 * How far the sector is with a contract: per item its quantity and the next tier, the sector
 * amount, how many orders and how many members ordered. Counts only: no member is named, so a
 * member's purchasers and approvers may read it too.
 */
export async function contractUtilisation(ctx: ProcurementContext, contractId: string) {
  const own = ctx.identity?.memberId;
  if (!managesCatalogue(ctx.identity) && !(own && seesOrdersOf(ctx.identity, own)))
    throw new ForbiddenError("Only the association's procurement team and members' purchasers and approvers see this.");
  const contract = await ctx.db.contract.findFirst({
    where: { id: contractId, ...contractsVisibleTo(ctx.identity) },
    include: { items: { include: { tiers: true }, orderBy: { sku: 'asc' } }, tiers: true },
  });
  if (!contract) throw new NotFoundError('Contract', contractId);
  const period = { contractId, orderDate: { gte: contract.validFrom, lte: contract.validUntil } };
  const counted = { ...period, status: { notIn: ['REJECTED' as const, 'CANCELLED' as const] } };
  const [volume, orders, members] = await Promise.all([
    volumeOf(ctx.db, contractId),
    ctx.db.order.count({ where: counted }),
    ctx.db.order.findMany({ where: counted, distinct: ['memberId'], select: { memberId: true } }),
  ]);
  const tiers = contract.tiers.map((t) => ({
    fromAmount: t.fromAmount.toFixed(2),
    discountPercent: t.discountPercent.toFixed(2),
  }));
  const items = contract.items.map((item) => {
    const quantity = volume.items.get(item.id) ?? 0;
    const price =
      contract.tierBasis === 'CONTRACT_AMOUNT'
        ? contractTierPrice(item.listPrice.toFixed(2), tiers, volume.amount)
        : itemTierPrice(
            item.listPrice.toFixed(2),
            item.tiers.map((t) => ({ fromQuantity: t.fromQuantity, unitPrice: t.unitPrice.toFixed(2) })),
            quantity,
          );
    return {
      item,
      sectorQuantity: quantity,
      unitPrice: formatAmount(price.unitPrice),
      next: price.next && {
        from: price.next.from,
        unitPrice: formatAmount(price.next.unitPrice),
        remaining: price.next.remaining,
      },
    };
  });
  return { contract, sectorAmount: volume.amount, orders, members: members.length, items };
}

export interface SupplierPerformance {
  supplierId: string;
  orders: number;
  delivered: number;
  onTime: number;
  /** On time of delivered, in percent with two decimals; null when nothing was delivered. */
  onTimePercent: string | null;
  withDiscrepancies: number;
}

/**
 * Per supplier, the orders placed in the period (not rejected or cancelled): how many were
 * delivered, how many of those on time (delivered on or before the promised day; without a
 * promised day, not on time), and how many have a discrepancy in their three-way match.
 */
export async function supplierPerformance(
  ctx: ProcurementContext,
  from: Date,
  to: Date,
): Promise<SupplierPerformance[]> {
  if (!managesCatalogue(ctx.identity))
    throw new ForbiddenError("Only the association's procurement team sees suppliers' performance.");
  checkedPeriod(from, to);
  const counts = await ctx.db.$queryRaw<{ supplierId: string; orders: bigint; delivered: bigint; onTime: bigint }[]>`
    SELECT c.supplier_id AS "supplierId", COUNT(*) AS orders,
           COUNT(o.delivered_on) AS delivered,
           COUNT(*) FILTER (WHERE o.delivered_on <= o.expected_on) AS "onTime"
      FROM "order" o JOIN contract c ON c.id = o.contract_id
     WHERE ${COUNTED} AND o.order_date BETWEEN ${day(from)} AND ${day(to)}
     GROUP BY c.supplier_id`;
  const discrepancies = await discrepanciesPerSupplier(ctx, from, to);
  const suppliers = await ctx.db.supplier.findMany({ orderBy: { name: 'asc' }, select: { id: true } });
  return suppliers.map(({ id }) => {
    const row = counts.find((r) => r.supplierId === id);
    const delivered = Number(row?.delivered ?? 0);
    const onTime = Number(row?.onTime ?? 0);
    return {
      supplierId: id,
      orders: Number(row?.orders ?? 0),
      delivered,
      onTime,
      onTimePercent:
        delivered === 0 ? null : formatAmount(new Prisma.Decimal(onTime).times(100).div(delivered).toDecimalPlaces(2)),
      withDiscrepancies: discrepancies.get(id) ?? 0,
    };
  });
}

/** The three-way match (domain/matching.ts) of every order in the period something was received or invoiced for. */
async function discrepanciesPerSupplier(ctx: ProcurementContext, from: Date, to: Date) {
  const orders = await ctx.db.order.findMany({
    where: {
      status: { notIn: ['REJECTED', 'CANCELLED'] },
      orderDate: { gte: from, lte: to },
      OR: [{ deliveries: { some: {} } }, { invoices: { some: {} } }],
    },
    select: {
      contract: { select: { supplierId: true } },
      lines: { include: { deliveries: true, invoiceLines: true } },
      invoices: { select: { total: true } },
    },
  });
  const perSupplier = new Map<string, number>();
  for (const order of orders) {
    if (order.lines.length === 0) continue;
    const invoicedTotal = order.invoices.length
      ? order.invoices.reduce((s, i) => s.plus(i.total), new Prisma.Decimal(0)).toFixed(2)
      : null;
    const match = threeWayMatch({
      invoicedTotal,
      lines: order.lines.map((l) => {
        const invoiced = l.invoiceLines.reduce((s, i) => s + i.quantity, 0);
        return {
          lineId: l.id,
          ordered: l.quantity,
          unitPrice: l.unitPrice.toFixed(2),
          received: l.deliveries.reduce((s, d) => s + d.quantity, 0),
          invoicedQuantity: invoiced,
          // Several invoices of one line at different prices: the highest counts.
          invoicedUnitPrice: l.invoiceLines.length
            ? l.invoiceLines
                .reduce((m, i) => (i.unitPrice.greaterThan(m) ? i.unitPrice : m), l.invoiceLines[0]!.unitPrice)
                .toFixed(2)
            : null,
        };
      }),
    });
    const wrong = match.discrepancies.some((d) => d.code !== 'NOT_RECEIVED' && d.code !== 'NOT_INVOICED');
    if (wrong) perSupplier.set(order.contract.supplierId, (perSupplier.get(order.contract.supplierId) ?? 0) + 1);
  }
  return perSupplier;
}
