import { addMonths, addYears } from '@samen-sterk/subgraph-runtime';
import type { AuditOutcome, KeurmerkStatus } from '../generated/prisma/client';

/**
 * The Keurmerk (the sector's quality mark, based on ISO 9001): a certificate is valid three
 * years, with an audit every eighteen months; new members get a three-year run-in.
 */
export const AUDIT_INTERVAL_MONTHS = 18;
export const CERTIFICATE_VALIDITY_YEARS = 3;
export const RUN_IN_YEARS = 3;

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
