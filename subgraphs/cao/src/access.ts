import {
  hasRole,
  type Identity,
  type ScopeLoaders,
  type ScopeRefusals,
  type SubgraphContext,
} from '@samen-sterk/subgraph-runtime';

/**
 * Who may do what with the collective agreement: the one home of these rules.
 *
 * - Every signed-in person may look up the agreement in force, wages and the minimum wage:
 *   payroll, HR, the Academy and employees all depend on it.
 * - Drafts, the audit log and every change belong to the association's CAO team
 *   (`association-cao`); nobody else may change the agreement.
 */
export const canMaintainCao = (identity: Identity | null) => hasRole(identity, 'association-cao');

export const canSeeDrafts = canMaintainCao;

export const canReadAuditLog = (identity: Identity | null) => hasRole(identity, 'association-cao', 'platform-admin');

/**
 * The same rules as the builder's scopes, so that a field says what it needs
 * (`authScopes: { maintainsCao: true }`) and the refusal is built once, from the scope that failed.
 */
export interface CaoScopes {
  /** The CAO team: drafts, publication, the minimum wage. */
  maintainsCao: boolean;
  /** Who sees versions that are not yet published. */
  seesDrafts: boolean;
  /** Who reads the CAO audit log. */
  readsAuditLog: boolean;
}

export const caoScopes = (ctx: SubgraphContext<unknown>): ScopeLoaders<CaoScopes> => ({
  maintainsCao: canMaintainCao(ctx.identity),
  seesDrafts: canSeeDrafts(ctx.identity),
  readsAuditLog: canReadAuditLog(ctx.identity),
});

export const CAO_REFUSALS: ScopeRefusals<CaoScopes> = {
  maintainsCao: "Only the association's CAO team changes the agreement and the minimum wage.",
  seesDrafts: "Only the association's CAO team sees drafts of the agreement.",
  readsAuditLog: "Only the association's CAO team and platform admins read the CAO audit log.",
};
