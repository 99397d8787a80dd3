import { byIdWithInput, withInput } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { createMember, recordKeurmerkAudit, updateMember } from '../services/members';
import { AuditOutcomeEnum, LegalFormEnum, MembershipStatusEnum } from './enums';
import { KeurmerkAuditRef, MemberRef } from './member';

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

builder.mutationFields((t) => ({
  createMember: t.prismaField({
    type: MemberRef,
    authScopes: { maintainsDirectory: true },
    description: 'Adds a member organisation (platform admins). New members start in the Keurmerk run-in.',
    ...withInput(t, CreateMemberInput, createMember),
  }),
  updateMember: t.prismaField({
    type: MemberRef,
    authScopes: { maintainsDirectory: true },
    description: 'Changes a member organisation (platform admins).',
    ...byIdWithInput(t, UpdateMemberInput, updateMember),
  }),
  recordKeurmerkAudit: t.prismaField({
    type: KeurmerkAuditRef,
    authScopes: { maintainsDirectory: true },
    description: "Records an audit result and updates the member's Keurmerk (platform admins).",
    ...withInput(t, RecordAuditInput, recordKeurmerkAudit),
  }),
}));
