import { byIdInOrder } from '@samen-sterk/subgraph-runtime';
import { canSeeAuditsOf, canSeeUsersOf } from '../access';
import { builder } from '../builder';
import { certificateValidUntil, runInEndsOn } from '../domain/keurmerk';
import type { Member } from '../generated/prisma/client';
import { KeurmerkStatusEnum, LegalFormEnum, MembershipStatusEnum } from './enums';

export const MemberRef = builder.prismaObject('Member', {
  description: 'A member organisation of the association (BKN), running one or more reuse shops.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kvkNumber: t.exposeString('kvkNumber', { description: 'Chamber of Commerce (KvK) number, 8 digits.' }),
    legalForm: t.expose('legalForm', { type: LegalFormEnum }),
    city: t.exposeString('city'),
    membershipStatus: t.expose('membershipStatus', { type: MembershipStatusEnum }),
    memberSince: t.expose('memberSince', { type: 'Date' }),
    memberUntil: t.expose('memberUntil', { type: 'Date', nullable: true }),
    keurmerk: t.field({
      type: KeurmerkRef,
      description: 'The quality mark (Keurmerk).',
      resolve: (member) => member,
    }),
    branches: t.relatedConnection('branches', {
      cursor: 'id',
      totalCount: true,
      description: 'The shops of this member, open and closed, by name.',
      query: () => ({ orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    }),
    users: t.relatedConnection('users', {
      cursor: 'id',
      totalCount: true,
      description: "This member's users; visible to its admins and to platform admins.",
      authScopes: (member, _args, ctx) => canSeeUsersOf(ctx.identity, member.id),
      query: () => ({ orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    }),
    audits: t.relatedConnection('audits', {
      cursor: 'id',
      totalCount: true,
      description: 'Keurmerk audits, latest first; visible to the member and the association.',
      authScopes: (member, _args, ctx) => canSeeAuditsOf(ctx.identity, member.id),
      query: () => ({ orderBy: [{ auditedOn: 'desc' }, { id: 'asc' }] }),
    }),
  }),
});

type KeurmerkShape = Pick<Member, 'keurmerkStatus' | 'certifiedOn' | 'lastAuditOn' | 'nextAuditDue' | 'memberSince'>;

const KeurmerkRef = builder.objectRef<KeurmerkShape>('Keurmerk').implement({
  description: 'The sector quality mark, based on ISO 9001: valid three years, audited every eighteen months.',
  fields: (t) => ({
    status: t.field({ type: KeurmerkStatusEnum, resolve: (k) => k.keurmerkStatus }),
    certifiedOn: t.field({ type: 'Date', nullable: true, resolve: (k) => k.certifiedOn }),
    lastAuditOn: t.field({ type: 'Date', nullable: true, resolve: (k) => k.lastAuditOn }),
    nextAuditDue: t.field({
      type: 'Date',
      nullable: true,
      description: 'Eighteen months after the last audit.',
      resolve: (k) => k.nextAuditDue,
    }),
    certificateValidUntil: t.field({
      type: 'Date',
      nullable: true,
      description: 'Three years after certification.',
      resolve: (k) => (k.certifiedOn ? certificateValidUntil(k.certifiedOn) : null),
    }),
    runInEndsOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'For members in run-in: three years after joining.',
      resolve: (k) => (k.keurmerkStatus === 'RUN_IN' ? runInEndsOn(k.memberSince) : null),
    }),
  }),
});

// Other subgraphs reference members by id; the gateway asks for many at once, so one query.
builder.asEntity(MemberRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) =>
    ctx.loaders
      .get<string, Member>('member-by-id', async (ids) =>
        byIdInOrder(ids, await ctx.db.member.findMany({ where: { id: { in: [...ids] } } })),
      )
      .load(id),
});
