import {
  actsForMember,
  BadUserInputError,
  checkMoney,
  checkText,
  ForbiddenError,
  hasRole,
  recordChange,
  type Identity,
} from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import { seesOrdersOf } from '../access';
import type { ProcurementContext } from '../builder';
import type { Prisma } from '../generated/prisma/client';

/*
 * A member's purchasing rules: the approval threshold, the yearly budget overall and per
 * category, and what happens to an order over budget. Set by the member's own admin only, read
 * by its people and the association's procurement team; every change is audited.
 */

/** A category budget per contract category at most; the sector has a handful of categories. */
export const MAX_CATEGORY_BUDGETS = 50;
/** €100,000,000: more than any member's yearly purchasing. */
export const MAX_AMOUNT = 100_000_000;

export interface ProcurementSettingsInput {
  approvalThreshold: Decimal;
  yearlyBudget?: Decimal | null;
  overBudget?: 'REFUSE' | 'APPROVAL' | null;
  categoryBudgets?: { category: string; yearlyBudget: Decimal }[] | null;
}

const actorOf = (ctx: ProcurementContext) => ctx.identity?.userId ?? 'unknown';
const adminOf = (identity: Identity | null, memberId: string) =>
  hasRole(identity, 'member-admin') && actsForMember(identity, memberId);

/** The settings of a member as the API shows them, or null when none are set. */
export async function settingsOf(db: Prisma.TransactionClient, memberId: string) {
  const [settings, categoryBudgets] = await Promise.all([
    db.memberProcurementSettings.findUnique({ where: { memberId } }),
    db.categoryBudget.findMany({ where: { memberId }, orderBy: { category: 'asc' } }),
  ]);
  return settings && { ...settings, categoryBudgets };
}
export type ProcurementSettings = NonNullable<Awaited<ReturnType<typeof settingsOf>>>;

/** Read by the member's admin, purchasers and approvers, and the association's procurement team. */
export function readSettings(ctx: ProcurementContext, memberId: string) {
  if (!adminOf(ctx.identity, memberId) && !seesOrdersOf(ctx.identity, memberId))
    throw new ForbiddenError("Only the member's own people see its purchasing settings.");
  return settingsOf(ctx.db, memberId);
}

const money = (value: Decimal, field: string, label: string) =>
  checkMoney(value, field, label, { max: MAX_AMOUNT }).toFixed(2);

async function checkedCategories(db: Prisma.TransactionClient, input: ProcurementSettingsInput['categoryBudgets']) {
  const list = input ?? [];
  if (list.length > MAX_CATEGORY_BUDGETS)
    throw new BadUserInputError('input.categoryBudgets', `At most ${MAX_CATEGORY_BUDGETS} category budgets.`);
  const known = new Set(
    (await db.contract.findMany({ select: { category: true }, distinct: ['category'] })).map((c) => c.category),
  );
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const at = `input.categoryBudgets.${i}`;
    const category = checkText(entry.category, `${at}.category`, 'The category', 50);
    if (!known.has(category))
      throw new BadUserInputError(
        `${at}.category`,
        `There is no contract category "${category}"; the categories are ${[...known].sort().join(', ')}.`,
      );
    if (seen.has(category))
      throw new BadUserInputError(`${at}.category`, `The category ${category} has a budget twice; give it once.`);
    seen.add(category);
    return { category, yearlyBudget: money(entry.yearlyBudget, `${at}.yearlyBudget`, "The category's yearly budget") };
  });
}

/** Replaces the member's settings and category budgets, checked first, before and after audited. */
export async function setSettings(ctx: ProcurementContext, memberId: string, input: ProcurementSettingsInput) {
  // The member chooses its own purchasing rules; the association reads them but does not set them.
  if (!adminOf(ctx.identity, memberId))
    throw new ForbiddenError("Only the member's own admin sets its purchasing settings.");
  const data = {
    approvalThreshold: money(input.approvalThreshold, 'input.approvalThreshold', 'The approval threshold'),
    yearlyBudget:
      input.yearlyBudget == null ? null : money(input.yearlyBudget, 'input.yearlyBudget', 'The yearly budget'),
    overBudget: input.overBudget ?? 'REFUSE',
  };
  const categories = await checkedCategories(ctx.db, input.categoryBudgets);
  await ctx.db.$transaction(async (tx) => {
    const before = await settingsOf(tx, memberId);
    await tx.memberProcurementSettings.upsert({ where: { memberId }, create: { memberId, ...data }, update: data });
    await tx.categoryBudget.deleteMany({ where: { memberId } });
    await tx.categoryBudget.createMany({ data: categories.map((c) => ({ memberId, ...c })) });
    await recordChange(tx, {
      actorId: actorOf(ctx),
      memberId,
      action: 'SET_PROCUREMENT_SETTINGS',
      entityType: 'MemberProcurementSettings',
      entityId: memberId,
      before: before ?? undefined,
      after: { ...data, categoryBudgets: categories },
    });
  });
  return (await settingsOf(ctx.db, memberId))!;
}
