import { BadUserInputError, NotFoundError, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { canMaintainDirectory, canSeeAuditsOf } from '../access';
import { builder } from '../builder';
import { afterAudit } from '../domain/keurmerk';
import type { Prisma } from '../generated/prisma/client';
import * as check from '../validation';
import { AuditOutcomeEnum, LegalFormEnum, MembershipStatusEnum } from './enums';
import { MemberRef } from './member';

const CreateMemberInput = builder.inputType('CreateMemberInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kvkNumber: t.string({ required: true, description: '8 digits.' }),
    legalForm: t.field({ type: LegalFormEnum, required: true }),
    city: t.string({ required: true }),
    memberSince: t.field({ type: 'Date', required: true }),
    membershipStatus: t.field({ type: MembershipStatusEnum, required: false, description: 'Defaults to ACTIVE.' }),
  }),
});

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    name: t.string({ required: false }),
    kvkNumber: t.string({ required: false }),
    legalForm: t.field({ type: LegalFormEnum, required: false }),
    city: t.string({ required: false }),
    membershipStatus: t.field({ type: MembershipStatusEnum, required: false }),
    memberUntil: t.field({ type: 'Date', required: false, description: 'When membership ends; null clears it.' }),
  }),
});

const RecordAuditInput = builder.inputType('RecordKeurmerkAuditInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    auditedOn: t.field({ type: 'Date', required: true }),
    outcome: t.field({ type: AuditOutcomeEnum, required: true }),
    auditor: t.string({ required: true, description: 'The certifying body or auditor.' }),
    notes: t.string({ required: false }),
  }),
});

export const KeurmerkAuditRef = builder.prismaObject('KeurmerkAudit', {
  description: 'One Keurmerk audit of a member.',
  // Checked on the type too, whatever path leads to an audit.
  authScopes: (audit, ctx) => canSeeAuditsOf(ctx.identity, audit.memberId),
  fields: (t) => ({
    id: t.exposeID('id'),
    auditedOn: t.expose('auditedOn', { type: 'Date' }),
    outcome: t.expose('outcome', { type: AuditOutcomeEnum }),
    auditor: t.exposeString('auditor'),
    notes: t.exposeString('notes', { nullable: true }),
    member: t.relation('member'),
  }),
});

builder.mutationFields((t) => ({
  createMember: t.prismaField({
    type: MemberRef,
    authScopes: (_root, _args, ctx) => canMaintainDirectory(ctx.identity),
    description: 'Adds a member organisation (platform admins). New members start in the Keurmerk run-in.',
    args: { input: t.arg({ type: CreateMemberInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      ctx.db.member.create({
        ...query,
        data: {
          name: check.requiredText(input.name, 'input.name', 'The name'),
          kvkNumber: check.kvkNumber(input.kvkNumber, 'input.kvkNumber'),
          legalForm: input.legalForm,
          city: check.requiredText(input.city, 'input.city', 'The city'),
          memberSince: check.date(input.memberSince, 'input.memberSince', 'The membership start'),
          membershipStatus: input.membershipStatus ?? 'ACTIVE',
          keurmerkStatus: 'RUN_IN',
        },
      }),
  }),
  updateMember: t.prismaField({
    type: MemberRef,
    authScopes: (_root, _args, ctx) => canMaintainDirectory(ctx.identity),
    description: 'Changes a member organisation (platform admins).',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateMemberInput, required: true }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      const data: Prisma.MemberUpdateInput = {};
      if (input.name != null) data.name = check.requiredText(input.name, 'input.name', 'The name');
      if (input.kvkNumber != null) data.kvkNumber = check.kvkNumber(input.kvkNumber, 'input.kvkNumber');
      if (input.legalForm != null) data.legalForm = input.legalForm;
      if (input.city != null) data.city = check.requiredText(input.city, 'input.city', 'The city');
      if (input.membershipStatus != null) data.membershipStatus = input.membershipStatus;
      if (input.memberUntil !== undefined)
        data.memberUntil =
          input.memberUntil && check.date(input.memberUntil, 'input.memberUntil', 'The membership end');
      return ctx.db.$transaction(async (tx) => {
        const member = await tx.member.findUnique({ where: { id } });
        if (!member) throw new NotFoundError('Member', id);
        if (input.memberUntil && input.memberUntil < member.memberSince) {
          throw new BadUserInputError('input.memberUntil', 'Membership cannot end before it began.');
        }
        return tx.member.update({ ...query, where: { id }, data });
      });
    },
  }),
  recordKeurmerkAudit: t.prismaField({
    type: KeurmerkAuditRef,
    authScopes: (_root, _args, ctx) => canMaintainDirectory(ctx.identity),
    description: "Records an audit result and updates the member's Keurmerk (platform admins).",
    args: { input: t.arg({ type: RecordAuditInput, required: true }) },
    resolve: (query, _root, { input }, ctx) => {
      // Every input check before the transaction: a refusal writes nothing.
      const auditor = check.requiredText(input.auditor, 'input.auditor', 'The auditor');
      const notes = check.optionalText(input.notes, 'input.notes', 'The notes', { multiline: true });
      check.date(input.auditedOn, 'input.auditedOn', 'The audit date');
      return ctx.db.$transaction(async (tx) => {
        const member = await tx.member.findUnique({ where: { id: input.memberId } });
        if (!member) throw new NotFoundError('Member', input.memberId);
        check.notAfter(
          input.auditedOn,
          todayInNetherlands(),
          'input.auditedOn',
          'An audit cannot be recorded before it happened.',
        );
        check.notBefore(
          input.auditedOn,
          member.memberSince,
          'input.auditedOn',
          'The audit date is before the member joined.',
        );
        if (member.lastAuditOn) {
          check.notBefore(
            input.auditedOn,
            member.lastAuditOn,
            'input.auditedOn',
            `Audits are recorded in order; the last one recorded was on ${member.lastAuditOn.toISOString().slice(0, 10)}.`,
          );
        }
        await tx.member.update({ where: { id: member.id }, data: afterAudit(member, input.outcome, input.auditedOn) });
        return tx.keurmerkAudit.create({
          ...query,
          data: {
            memberId: member.id,
            auditedOn: input.auditedOn,
            outcome: input.outcome,
            auditor,
            notes,
            recordedBy: ctx.identity!.userId,
          },
        });
      });
    },
  }),
}));
