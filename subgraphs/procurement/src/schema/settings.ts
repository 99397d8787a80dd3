import { maxItems } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { MAX_CATEGORY_BUDGETS, readSettings, setSettings, type ProcurementSettings } from '../services/settings';
import { MemberRef, money } from './references';

// A member's purchasing rules (services/settings.ts): approval threshold, yearly budget overall
// and per category, and what an order over budget does.

const OverBudgetEnum = builder.enumType('OverBudget', {
  description: 'What an order over budget does: REFUSE it, or send it to an APPROVAL by an approver.',
  values: ['REFUSE', 'APPROVAL'] as const,
});

type CategoryBudget = ProcurementSettings['categoryBudgets'][number];
const CategoryBudgetRef = builder.objectRef<CategoryBudget>('CategoryBudget').implement({
  description: "A member's yearly budget for one contract category, on top of its overall budget.",
  fields: (t) => ({
    category: t.exposeString('category'),
    yearlyBudget: t.field({ type: 'Decimal', description: 'Excluding VAT.', resolve: (c) => money(c.yearlyBudget) }),
  }),
});

const ProcurementSettingsRef = builder.objectRef<ProcurementSettings>('ProcurementSettings').implement({
  description: "A member's purchasing rules.",
  fields: (t) => ({
    member: t.field({ type: MemberRef, nullable: true, resolve: (s) => ({ id: s.memberId }) }),
    approvalThreshold: t.field({
      type: 'Decimal',
      description: 'An order above this total (excluding VAT) needs an approver.',
      resolve: (s) => money(s.approvalThreshold),
    }),
    yearlyBudget: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Per calendar year, excluding VAT; null: no budget.',
      resolve: (s) => s.yearlyBudget && money(s.yearlyBudget),
    }),
    overBudget: t.field({ type: OverBudgetEnum, resolve: (s) => s.overBudget }),
    categoryBudgets: t.field({
      type: [CategoryBudgetRef],
      description: `By category; at most ${MAX_CATEGORY_BUDGETS}.`,
      resolve: (s) => s.categoryBudgets,
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const CategoryBudgetInput = builder.inputType('CategoryBudgetInput', {
  fields: (t) => ({
    category: t.string({ required: true, description: 'A contract category, e.g. LABELS.' }),
    yearlyBudget: t.field({ type: 'Decimal', required: true, description: 'Euros, two decimals at most.' }),
  }),
});

const ProcurementSettingsInput = builder.inputType('ProcurementSettingsInput', {
  fields: (t) => ({
    approvalThreshold: t.field({
      type: 'Decimal',
      required: true,
      description: 'From 0 to 100,000,000, two decimals at most.',
    }),
    yearlyBudget: t.field({ type: 'Decimal', required: false, description: 'Leave out or null for no budget.' }),
    overBudget: t.field({ type: OverBudgetEnum, required: false, description: 'REFUSE when left out.' }),
    categoryBudgets: t.field({
      type: [CategoryBudgetInput],
      required: false,
      description: `At most ${MAX_CATEGORY_BUDGETS}; replaces the member's category budgets.`,
      extensions: maxItems(MAX_CATEGORY_BUDGETS),
    }),
  }),
});

builder.objectFields(MemberRef, (t) => ({
  procurementSettings: t.field({
    type: ProcurementSettingsRef,
    nullable: true,
    description: "This member's purchasing rules (its admin, purchasers and approvers); null until set.",
    resolve: (member, _args, ctx) => readSettings(ctx, member.id),
  }),
}));

builder.mutationFields((t) => ({
  setProcurementSettings: t.field({
    type: ProcurementSettingsRef,
    description:
      "Sets a member's purchasing rules (its own admin); the category budgets given replace the earlier ones.",
    args: {
      memberId: t.arg.id({ required: true }),
      input: t.arg({ type: ProcurementSettingsInput, required: true }),
    },
    resolve: (_root, { memberId, input }, ctx) => setSettings(ctx, memberId, input),
  }),
}));
