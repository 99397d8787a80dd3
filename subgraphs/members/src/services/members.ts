import { todayInNetherlands, withinField } from '@samen-sterk/subgraph-runtime';
import type { MembersContext } from '../builder';
import { findMember, type Selection } from '../data/finders';
import { afterAudit, checkAuditDate } from '../domain/keurmerk';
import { checkMembershipEnd } from '../domain/membership';
import type { AuditOutcome, LegalForm, MembershipStatus, Prisma } from '../generated/prisma/client';
import * as check from './input';

/** The association's upkeep of the directory: members and their Keurmerk audits (platform admins). */

export interface NewMember {
  name: string;
  kvkNumber: string;
  legalForm: LegalForm;
  city: string;
  memberSince: Date;
  membershipStatus?: MembershipStatus | null;
}

/** A new member starts in the Keurmerk run-in. */
export const createMember = (
  ctx: MembersContext,
  input: NewMember,
  query: Selection<Prisma.MemberInclude, Prisma.MemberSelect>,
) =>
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
  });

/** Only the fields given change; `memberUntil: null` clears the end of membership. */
export interface MemberChanges {
  name?: string | null;
  kvkNumber?: string | null;
  legalForm?: LegalForm | null;
  city?: string | null;
  membershipStatus?: MembershipStatus | null;
  memberUntil?: Date | null;
}

export function updateMember(
  ctx: MembersContext,
  id: string,
  input: MemberChanges,
  query: Selection<Prisma.MemberInclude, Prisma.MemberSelect>,
) {
  const data: Prisma.MemberUpdateInput = {};
  if (input.name != null) data.name = check.requiredText(input.name, 'input.name', 'The name');
  if (input.kvkNumber != null) data.kvkNumber = check.kvkNumber(input.kvkNumber, 'input.kvkNumber');
  if (input.legalForm != null) data.legalForm = input.legalForm;
  if (input.city != null) data.city = check.requiredText(input.city, 'input.city', 'The city');
  if (input.membershipStatus != null) data.membershipStatus = input.membershipStatus;
  if (input.memberUntil !== undefined)
    data.memberUntil = input.memberUntil && check.date(input.memberUntil, 'input.memberUntil', 'The membership end');
  return ctx.db.$transaction(async (tx) => {
    const member = await findMember(tx, id);
    withinField('input', () => checkMembershipEnd(member.memberSince, input.memberUntil ?? null));
    return tx.member.update({ ...query, where: { id }, data });
  });
}

export interface AuditResult {
  memberId: string;
  auditedOn: Date;
  outcome: AuditOutcome;
  auditor: string;
  notes?: string | null;
}

/** Records an audit and moves the member's Keurmerk along (domain/keurmerk.ts), in one transaction. */
export function recordKeurmerkAudit(
  ctx: MembersContext,
  input: AuditResult,
  query: Selection<Prisma.KeurmerkAuditInclude, Prisma.KeurmerkAuditSelect>,
) {
  // Every input check before the transaction: a refusal writes nothing.
  const auditor = check.requiredText(input.auditor, 'input.auditor', 'The auditor');
  const notes = check.optionalText(input.notes, 'input.notes', 'The notes', { multiline: true });
  check.date(input.auditedOn, 'input.auditedOn', 'The audit date');
  return ctx.db.$transaction(async (tx) => {
    const member = await findMember(tx, input.memberId);
    withinField('input', () => checkAuditDate(member, input.auditedOn, todayInNetherlands()));
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
}
