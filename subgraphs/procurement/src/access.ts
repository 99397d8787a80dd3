import {
  actsForMember,
  hasRole,
  type Identity,
  type ScopeLoaders,
  type ScopeRefusals,
  type SubgraphContext,
} from '@samen-sterk/subgraph-runtime';

/**
 * Who may see and do what in joint procurement: the one home of these rules.
 *
 * - The catalogue (suppliers, contracts, items, tier prices, the sector's progress) is for every
 *   signed-in person of the sector; it holds no member's data. It is maintained by the
 *   association's procurement team (`association-procurement`) and platform admins.
 * - A member's orders, budget, spend and rebates are for that member's purchasers and approvers,
 *   and the association's procurement team, who serve every member and run the settlement; not
 *   for platform admins, who keep the platform, not its members' purchasing. Another member's are
 *   simply not found.
 * - Ordering is for the member's purchasers; approving or rejecting for its approvers.
 */
export const managesCatalogue = (identity: Identity | null) =>
  hasRole(identity, 'association-procurement', 'platform-admin');

export const purchasesFor = (identity: Identity | null, memberId: string) =>
  hasRole(identity, 'member-purchaser') && actsForMember(identity, memberId);

export const approvesFor = (identity: Identity | null, memberId: string) =>
  hasRole(identity, 'member-approver') && actsForMember(identity, memberId);

/** Every member's orders, spend and rebates: the association's procurement team only. */
export const servesEveryMember = (identity: Identity | null) => hasRole(identity, 'association-procurement');

/** A member's orders and spend: its purchasers and approvers, and the association's procurement team. */
export const seesOrdersOf = (identity: Identity | null, memberId: string) =>
  purchasesFor(identity, memberId) || approvesFor(identity, memberId) || servesEveryMember(identity);

export interface ProcurementScopes {
  /** The association's procurement team and platform admins. */
  managesCatalogue: boolean;
  /** The association's procurement team: every member's orders, spend and rebates. */
  servesEveryMember: boolean;
  /** A member's purchasers. */
  purchasesFor: string;
  /** A member's approvers. */
  approvesFor: string;
  /** A member's purchasers, approvers, and the association's procurement team. */
  seesOrdersOf: string;
}

type Rules = { [Scope in keyof ProcurementScopes]: (parameter: ProcurementScopes[Scope]) => boolean };

const rulesFor = (identity: Identity | null): Rules => ({
  managesCatalogue: () => managesCatalogue(identity),
  servesEveryMember: () => servesEveryMember(identity),
  purchasesFor: (memberId) => purchasesFor(identity, memberId),
  approvesFor: (memberId) => approvesFor(identity, memberId),
  seesOrdersOf: (memberId) => seesOrdersOf(identity, memberId),
});

export const procurementScopes = (ctx: SubgraphContext<unknown>): ScopeLoaders<ProcurementScopes> =>
  rulesFor(ctx.identity);

export const PROCUREMENT_REFUSALS: ScopeRefusals<ProcurementScopes> = {
  managesCatalogue: "Only the association's procurement team maintains suppliers and contracts.",
  servesEveryMember: "Only the association's procurement team sees every member's purchasing.",
  purchasesFor: "Only the member's own purchasers place its orders.",
  approvesFor: "Only the member's own approvers approve or reject its orders.",
  seesOrdersOf: "Only the member's own purchasers and approvers see its orders.",
};
