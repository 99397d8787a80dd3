import { hasRole, type Identity } from '@samen-sterk/subgraph-runtime';

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
