import { MEMBER_ROLES, type Role } from './roles';

/** Who is calling, as established by a verified token. */
export interface Identity {
  userId: string;
  roles: readonly Role[];
  /** The member organisation a member role acts for. */
  memberId: string | null;
  /** For the employee role: the caller's own employee record. */
  employeeId: string | null;
  /** For the payroll-service role: the members this user serves. */
  payrollMemberIds: readonly string[];
}

export const hasRole = (identity: Identity | null, ...roles: Role[]) =>
  !!identity && roles.some((role) => identity.roles.includes(role));

/**
 * Whether the caller acts for this member through a member role. Association roles are
 * decided per field by each subgraph: they serve members but do not belong to one.
 */
export const actsForMember = (identity: Identity | null, memberId: string) =>
  !!identity && identity.memberId === memberId && identity.roles.some((role) => MEMBER_ROLES.includes(role));
