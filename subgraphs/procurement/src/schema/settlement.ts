import type { MemberRebate } from '../domain/settlement';
import { builder } from '../builder';
import { previewSettlement, rebatesOf, runSettlement, type SettlementPreview } from '../services/settlement';
import { MemberRef, money } from './references';

// Rebates at the end of a contract period (services/settlement.ts): previewed any time, run once
// by the association after the period has ended; a member sees only its own rebate.

const MemberRebateRef = builder.objectRef<MemberRebate>('MemberRebate').implement({
  description: "One member's rebate in a settlement: what its orders earn now the sector's final tier is known.",
  fields: (t) => ({
    member: t.field({ type: MemberRef, nullable: true, resolve: (r) => ({ id: r.memberId }) }),
    rebate: t.field({ type: 'Decimal', description: 'Excluding VAT.', resolve: (r) => r.rebate }),
    lines: t.exposeInt('lines', { description: "The member's order lines in the period." }),
  }),
});

const SettlementPreviewRef = builder.objectRef<SettlementPreview>('SettlementPreview').implement({
  description: "The settlement of a contract's period as it would be now.",
  fields: (t) => ({
    contract: t.prismaField({
      type: 'Contract',
      resolve: (query, p, _args, ctx) => ctx.db.contract.findUniqueOrThrow({ ...query, where: { id: p.contractId } }),
    }),
    periodFrom: t.expose('periodFrom', { type: 'Date' }),
    periodUntil: t.expose('periodUntil', { type: 'Date' }),
    total: t.field({
      type: 'Decimal',
      nullable: true,
      description: "Every member's rebates together: for the association; null for a member.",
      resolve: (p) => p.total,
    }),
    members: t.field({
      type: [MemberRebateRef],
      description: "Every member that ordered (the association), or the caller's own member only.",
      resolve: (p) => p.members,
    }),
  }),
});

const RebateRef = builder.prismaObject('Rebate', {
  description: "A member's rebate from a settlement that was run.",
  authScopes: (r) => ({ seesOrdersOf: r.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    member: t.field({ type: MemberRef, nullable: true, resolve: (r) => ({ id: r.memberId }) }),
    amount: t.field({ type: 'Decimal', description: 'Excluding VAT.', resolve: (r) => money(r.amount) }),
    lines: t.exposeInt('lines'),
    settlement: t.relation('settlement'),
  }),
});

builder.prismaObject('Settlement', {
  description: "A contract period's settlement: the rebates the association pays out.",
  fields: (t) => ({
    id: t.exposeID('id'),
    contract: t.prismaField({
      type: 'Contract',
      resolve: (query, s, _args, ctx) => ctx.db.contract.findUniqueOrThrow({ ...query, where: { id: s.contractId } }),
    }),
    periodFrom: t.expose('periodFrom', { type: 'Date' }),
    periodUntil: t.expose('periodUntil', { type: 'Date' }),
    total: t.field({
      type: 'Decimal',
      description: "Every member's rebates together (the association's procurement team).",
      authScopes: { servesEveryMember: true },
      resolve: (s) => money(s.total),
    }),
    runAt: t.expose('runAt', { type: 'DateTime' }),
    rebates: t.relatedConnection('rebates', {
      cursor: 'id',
      totalCount: true,
      description: "Every member's rebate, by member (the association's procurement team).",
      authScopes: { servesEveryMember: true },
      query: { orderBy: [{ memberId: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.objectFields(MemberRef, (t) => ({
  procurementRebates: t.prismaConnection({
    nullable: true,
    type: RebateRef,
    cursor: 'id',
    description: "This member's rebates from settlements, newest first (its purchasers and approvers).",
    authScopes: (member) => ({ seesOrdersOf: member.id }),
    totalCount: (member, _args, ctx) => rebatesOf.count(ctx.db, member.id),
    resolve: (query, member, _args, ctx) => rebatesOf.list(ctx.db, member.id, query),
  }),
}));

builder.queryFields((t) => ({
  settlementPreview: t.field({
    type: SettlementPreviewRef,
    description:
      "The contract period's rebates as they would be settled now: every member's for the association, only its own for a member's purchasers and approvers.",
    args: { contractId: t.arg.id({ required: true }) },
    resolve: (_root, { contractId }, ctx) => previewSettlement(ctx, contractId),
  }),
}));

builder.mutationFields((t) => ({
  runSettlement: t.prismaField({
    type: 'Settlement',
    description:
      "Settles the contract's period once it has ended: stores every member's rebate (the association's procurement team). Before the end, or a second time, it is refused (CONFLICT).",
    args: { contractId: t.arg.id({ required: true }) },
    authScopes: { servesEveryMember: true },
    resolve: (query, _root, { contractId }, ctx) => runSettlement(ctx, contractId, query),
  }),
}));
