import { builder } from '../builder';
import { AuditOutcome, KeurmerkStatus, LegalForm, MembershipStatus, Role } from '../generated/prisma/client';

export const LegalFormEnum = builder.enumType(LegalForm, {
  name: 'LegalForm',
  description:
    'Legal form: FOUNDATION (stichting), ASSOCIATION (vereniging), COOPERATIVE (coöperatie), PRIVATE_COMPANY (bv).',
});
export const MembershipStatusEnum = builder.enumType(MembershipStatus, { name: 'MembershipStatus' });
export const KeurmerkStatusEnum = builder.enumType(KeurmerkStatus, {
  name: 'KeurmerkStatus',
  description:
    'Status of the Keurmerk, the sector quality mark: RUN_IN for new members (three years), CERTIFIED, SUSPENDED.',
});
export const AuditOutcomeEnum = builder.enumType(AuditOutcome, {
  name: 'AuditOutcome',
  description:
    'CERTIFIED: (re)certification passed, the certificate starts again; PASSED: surveillance audit passed; FAILED: the Keurmerk is suspended.',
});
export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: 'A role on the platform; in tokens written in kebab-case (MEMBER_ADMIN is `member-admin`).',
});
