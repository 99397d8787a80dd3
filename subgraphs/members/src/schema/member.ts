import { builder } from '../builder';
import { BY_NAME, LATEST_AUDIT_FIRST } from '../data/directory';
import { memberById } from '../data/loaders';
import { certificateValidUntil, runInEndsOn } from '../domain/keurmerk';
import type { Member } from '../generated/prisma/client';
import { AuditOutcomeEnum, KeurmerkStatusEnum, LegalFormEnum, MembershipStatusEnum } from './enums';

/** A member's lists: pages by id, with their total. */
const listed = { cursor: 'id', totalCount: true } as const;

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
      ...listed,
      description: 'The shops of this member, open and closed, by name.',
      query: () => ({ orderBy: BY_NAME }),
    }),
    users: t.relatedConnection('users', {
      ...listed,
      description: "This member's users; visible to its admins and to platform admins.",
      authScopes: (member) => ({ seesUsersOf: member.id }),
      query: () => ({ orderBy: BY_NAME }),
    }),
    audits: t.relatedConnection('audits', {
      ...listed,
      description: 'Keurmerk audits, latest first; visible to the member and the association.',
      authScopes: (member) => ({ seesAuditsOf: member.id }),
      query: () => ({ orderBy: LATEST_AUDIT_FIRST }),
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

export const KeurmerkAuditRef = builder.prismaObject('KeurmerkAudit', {
  description: 'One Keurmerk audit of a member.',
  // Checked on the type too, whatever path leads to an audit.
  authScopes: (audit) => ({ seesAuditsOf: audit.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    auditedOn: t.expose('auditedOn', { type: 'Date' }),
    outcome: t.expose('outcome', { type: AuditOutcomeEnum }),
    auditor: t.exposeString('auditor'),
    notes: t.exposeString('notes', { nullable: true }),
    member: t.relation('member'),
  }),
});

// Other subgraphs reference members by id; the gateway asks for many at once, so one query.
builder.asEntity(MemberRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => memberById(ctx).load(id),
});
