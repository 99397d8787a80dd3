import { ASSOCIATION_ROLES, actsForMember, hasRole, type Identity, type Role } from '@samen-sterk/subgraph-runtime';

/**
 * Who may see and change what in the members directory: the one home of these rules.
 *
 * - The directory itself (members, their Keurmerk status, their shops) is visible to every
 *   signed-in person of the sector.
 * - A member's users (personal data) only to that member's admins and the platform admins.
 * - A member's audit history to that member's people and the association's staff.
 * - Members and audit results are maintained by the association (platform admins); a member's
 *   admins maintain their own shops and their own users.
 */
export const canSeeUsersOf = (identity: Identity | null, memberId: string | null) =>
  hasRole(identity, 'platform-admin') ||
  (!!memberId && actsForMember(identity, memberId) && hasRole(identity, 'member-admin'));

export const canSeeAuditsOf = (identity: Identity | null, memberId: string) =>
  hasRole(identity, ...ASSOCIATION_ROLES) || actsForMember(identity, memberId);

export const canMaintainDirectory = (identity: Identity | null) => hasRole(identity, 'platform-admin');

export const canManageBranchesOf = (identity: Identity | null, memberId: string) => canSeeUsersOf(identity, memberId);

export const canManageUsersOf = canSeeUsersOf;

/** Roles a member's admin may hand out; the association's roles only a platform admin. */
export const MEMBER_ASSIGNABLE_ROLES: readonly Role[] = [
  'member-admin',
  'member-purchaser',
  'member-approver',
  'member-hr',
  'employee',
];

export const canAssignRole = (identity: Identity | null, role: Role) =>
  hasRole(identity, 'platform-admin') || MEMBER_ASSIGNABLE_ROLES.includes(role);
