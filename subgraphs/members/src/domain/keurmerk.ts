import { addMonths, addYears, DomainError, formatCalendarDate } from '@samen-sterk/subgraph-runtime/pure';

/**
 * The Keurmerk (the sector's quality mark, based on ISO 9001): a certificate is valid three
 * years, with an audit every eighteen months; new members get a three-year run-in.
 */
export const AUDIT_INTERVAL_MONTHS = 18;
export const CERTIFICATE_VALIDITY_YEARS = 3;
export const RUN_IN_YEARS = 3;

/** The Keurmerk's states and an audit's outcomes, as the database (prisma/schema.prisma) stores them. */
export type KeurmerkStatus = 'RUN_IN' | 'CERTIFIED' | 'SUSPENDED';
export type AuditOutcome = 'CERTIFIED' | 'PASSED' | 'FAILED';

export const nextAuditDue = (lastAuditOn: Date) => addMonths(lastAuditOn, AUDIT_INTERVAL_MONTHS);
export const certificateValidUntil = (certifiedOn: Date) => addYears(certifiedOn, CERTIFICATE_VALIDITY_YEARS);
export const runInEndsOn = (memberSince: Date) => addYears(memberSince, RUN_IN_YEARS);

interface KeurmerkState {
  keurmerkStatus: KeurmerkStatus;
  certifiedOn: Date | null;
  lastAuditOn: Date | null;
  nextAuditDue: Date | null;
}

/** A member's Keurmerk after an audit with this outcome on this date. */
export function afterAudit(state: KeurmerkState, outcome: AuditOutcome, auditedOn: Date): KeurmerkState {
  const audited = { lastAuditOn: auditedOn, nextAuditDue: nextAuditDue(auditedOn) };
  switch (outcome) {
    case 'CERTIFIED':
      return { ...audited, keurmerkStatus: 'CERTIFIED', certifiedOn: auditedOn };
    case 'PASSED':
      // A surveillance audit keeps the certificate; it cannot create one.
      return {
        ...audited,
        keurmerkStatus: state.certifiedOn ? 'CERTIFIED' : state.keurmerkStatus,
        certifiedOn: state.certifiedOn,
      };
    case 'FAILED':
      return { ...audited, keurmerkStatus: 'SUSPENDED', certifiedOn: state.certifiedOn };
  }
}

/**
 * When an audit may be recorded (field `auditedOn`): once it has happened, while the member was
 * a member, and in order, so that the member's Keurmerk follows its last audit.
 */
export function checkAuditDate(
  member: { memberSince: Date; lastAuditOn: Date | null },
  auditedOn: Date,
  today: Date,
): void {
  if (auditedOn > today) {
    throw new DomainError('AUDIT_IN_FUTURE', 'auditedOn', 'An audit cannot be recorded before it happened.');
  }
  if (auditedOn < member.memberSince) {
    throw new DomainError('AUDIT_BEFORE_MEMBERSHIP', 'auditedOn', 'The audit date is before the member joined.');
  }
  if (member.lastAuditOn && auditedOn < member.lastAuditOn) {
    throw new DomainError(
      'AUDIT_OUT_OF_ORDER',
      'auditedOn',
      `Audits are recorded in order; the last one recorded was on ${formatCalendarDate(member.lastAuditOn)}.`,
    );
  }
}
