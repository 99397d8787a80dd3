/** The rows the seed writes, one interface per table. */
import type { AuditOutcome, KeurmerkStatus, LegalForm, MembershipStatus, Role } from '../generated/prisma/client';

export interface SeedMember {
  id: string;
  name: string;
  kvkNumber: string;
  legalForm: LegalForm;
  city: string;
  membershipStatus: MembershipStatus;
  memberSince: Date;
  memberUntil: Date | null;
  keurmerkStatus: KeurmerkStatus;
  certifiedOn: Date | null;
  lastAuditOn: Date | null;
  nextAuditDue: Date | null;
}

export interface SeedBranch {
  id: string;
  memberId: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  openedOn: Date;
  closedOn: Date | null;
}

export interface SeedAudit {
  id: string;
  memberId: string;
  auditedOn: Date;
  outcome: AuditOutcome;
  auditor: string;
  notes: string | null;
  recordedBy: string;
}

export interface SeedUser {
  id: string;
  memberId: string | null;
  name: string;
  email: string;
  roles: Role[];
  employeeId: string | null;
  payrollMemberIds: string[];
}

export interface SeedData {
  members: SeedMember[];
  branches: SeedBranch[];
  audits: SeedAudit[];
  users: SeedUser[];
}
