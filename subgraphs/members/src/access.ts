import {
  ASSOCIATION_ROLES,
  actsForMember,
  hasRole,
  type Identity,
  type PublicReads,
  type Role,
  type ScopeLoaders,
  type ScopeRefusals,
  type SubgraphContext,
} from '@samen-sterk/subgraph-runtime';
import type { Role as StoredRole } from './generated/prisma/client';

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

/** A user's directory entry: the user themself, their member's admins and platform admins. */
export const canSeeUser = (identity: Identity | null, user: { id: string; memberId: string | null }) =>
  identity?.userId === user.id || canSeeUsersOf(identity, user.memberId);

/** Roles are kebab-case in tokens (`member-admin`) and upper snake case in the API and database. */
export const claimRole = (role: StoredRole) => role.toLowerCase().replace(/_/g, '-') as Role;

/** Roles a member's admin may hand out; the association's roles only a platform admin. */
export const MEMBER_ASSIGNABLE_ROLES: readonly Role[] = [
  'member-admin',
  'member-purchaser',
  'member-approver',
  'member-hr',
  'employee',
];

export const canAssignRole = (identity: Identity | null, role: StoredRole) =>
  hasRole(identity, 'platform-admin') || MEMBER_ASSIGNABLE_ROLES.includes(claimRole(role));

/**
 * The same rules as the builder's scopes, so that a field says what it needs
 * (`authScopes: (_, { input }) => ({ managesBranchesOf: input.memberId })`) and the refusal is
 * built once, from the scope that failed.
 */
export interface MembersScopes {
  /** Platform admins: members and their Keurmerk audits. */
  maintainsDirectory: boolean;
  /** Who may see a member's users (a member id), or the association's staff (null). */
  seesUsersOf: string | null;
  /** Who may add and change a member's users (a member id), or the association's staff (null). */
  managesUsersOf: string | null;
  /** Who may add and change a member's shops. */
  managesBranchesOf: string;
  /** Who may read a member's Keurmerk audit history. */
  seesAuditsOf: string;
  /** The caller is this user: everyone may see their own directory entry. */
  isUser: string;
}

type MembersRules = { [Scope in keyof MembersScopes]: (parameter: MembersScopes[Scope]) => boolean };

const rulesFor = (identity: Identity | null): MembersRules => ({
  maintainsDirectory: () => canMaintainDirectory(identity),
  seesUsersOf: (memberId) => canSeeUsersOf(identity, memberId),
  managesUsersOf: (memberId) => canManageUsersOf(identity, memberId),
  managesBranchesOf: (memberId) => canManageBranchesOf(identity, memberId),
  seesAuditsOf: (memberId) => canSeeAuditsOf(identity, memberId),
  isUser: (userId) => identity?.userId === userId,
});

export const membersScopes = (ctx: SubgraphContext<unknown>): ScopeLoaders<MembersScopes> => rulesFor(ctx.identity);

export const MEMBER_REFUSALS: ScopeRefusals<MembersScopes> = {
  maintainsDirectory: 'Only platform admins maintain the members directory and its Keurmerk audits.',
  seesUsersOf: "You may only see your own member's users.",
  managesUsersOf: "Only the member's own admins and platform admins manage its users.",
  managesBranchesOf: "Only the association and the member's own admins manage its shops.",
  seesAuditsOf: "Only the member's own people and the association see its Keurmerk audits.",
};

/**
 * The directory's public reads: what every signed-in person sees alike (members, their Keurmerk
 * status, their shops), so the gateway may keep such an answer for 30 seconds and give it to
 * anyone signed in. Users, audits and `me` are not listed: an answer touching them is never kept.
 * A field added to these types stays private until it is listed here.
 */
export const PUBLIC_READS: PublicReads = {
  maxAgeSeconds: 30,
  fields: {
    Query: ['members', 'member', 'branches', 'branch', '_entities'],
    QueryMembersConnection: ['pageInfo', 'edges', 'totalCount'],
    QueryMembersConnectionEdge: ['node', 'cursor'],
    QueryBranchesConnection: ['pageInfo', 'edges', 'totalCount'],
    QueryBranchesConnectionEdge: ['node', 'cursor'],
    PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
    Member: [
      'id',
      'name',
      'kvkNumber',
      'legalForm',
      'city',
      'membershipStatus',
      'memberSince',
      'memberUntil',
      'keurmerk',
      'branches',
    ],
    Keurmerk: ['status', 'certifiedOn', 'lastAuditOn', 'nextAuditDue', 'certificateValidUntil', 'runInEndsOn'],
    MemberBranchesConnection: ['pageInfo', 'edges', 'totalCount'],
    MemberBranchesConnectionEdge: ['node', 'cursor'],
    Branch: ['id', 'name', 'address', 'openedOn', 'closedOn', 'member'],
    Address: ['street', 'houseNumber', 'postcode', 'city'],
  },
};
