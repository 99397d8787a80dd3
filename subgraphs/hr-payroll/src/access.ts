import {
  actsForMember,
  hasRole,
  type Identity,
  type ScopeLoaders,
  type ScopeRefusals,
  type SubgraphContext,
} from '@samen-sterk/subgraph-runtime';
import { employeeOfEmployment } from './data/employment-loaders';
import type { PrismaClient } from './generated/prisma/client';

/**
 * Who may see and change HR data: the one home of these rules. Employees' data belongs to
 * their employer. It is visible to
 * - the employer's HR staff (`member-hr` of that member),
 * - the payroll service centre's staff for the members assigned to them (`payroll-service`
 *   with the member in `payrollMemberIds`),
 * - the employee themself (`employee` with their `employeeId`), for their own record only,
 * and to no one else: not other members, not the association's other staff.
 */
export const servesPayrollOf = (identity: Identity | null, memberId: string) =>
  hasRole(identity, 'payroll-service') && !!identity?.payrollMemberIds.includes(memberId);

export const isHrOf = (identity: Identity | null, memberId: string) =>
  hasRole(identity, 'member-hr') && actsForMember(identity, memberId);

/** Lists and changes of a member's employees. */
export const canManageEmployeesOf = (identity: Identity | null, memberId: string) =>
  isHrOf(identity, memberId) || servesPayrollOf(identity, memberId);

export const isSelf = (identity: Identity | null, employee: { id: string; memberId: string }) =>
  hasRole(identity, 'employee') && identity?.employeeId === employee.id && identity.memberId === employee.memberId;

export const canSeeEmployee = (identity: Identity | null, employee: { id: string; memberId: string }) =>
  canManageEmployeesOf(identity, employee.memberId) || isSelf(identity, employee);

/**
 * Full BSN and IBAN: only who needs them (HR and payroll file wage-tax returns and pay wages;
 * employees may read their own). Everyone else sees them masked.
 */
export const canSeeFullIdentifiers = canSeeEmployee;

/**
 * A member's payroll audit log (who changed pay-relevant data or a run's status, when, before
 * and after): the member's HR staff and its payroll service, the same people who make those
 * changes. Not employees (it names colleagues), not other members, not the association's staff.
 */
export const canReadAuditLogOf = canManageEmployeesOf;

/**
 * The same rules as the builder's scopes, so that a field says what it needs
 * (`authScopes: (_, args) => ({ managesEmployeesOf: args.memberId })`) and the refusal is built
 * once, from the scope that failed.
 */
export interface HrScopes {
  /** HR staff of the member, or its payroll service: lists and changes of its employees and payroll. */
  managesEmployeesOf: string;
  /** Those who may read the member's payroll audit log. */
  readsAuditLogOf: string;
  /** Who may see this employee's record: the employer's HR, its payroll service, the employee. */
  seesEmployee: { id: string; memberId: string };
  /** Who may read this employee's full BSN and IBAN (canSeeFullIdentifiers). */
  seesFullIdentifiersOf: { id: string; memberId: string };
  /**
   * Who may see the records of this employment (its appraisals): the employer's HR, its payroll
   * service, and the employee whose employment it is.
   */
  seesEmployment: { id: string; memberId: string };
}

/**
 * An employment's records, for a caller who is not its member's HR or payroll service: only an
 * employee of that member, and only their own (whose employment it is, looked up batched).
 */
async function isOwnEmployment(ctx: SubgraphContext<PrismaClient>, employment: { id: string; memberId: string }) {
  if (!hasRole(ctx.identity, 'employee') || ctx.identity?.memberId !== employment.memberId) return false;
  const employeeId = await employeeOfEmployment(ctx, employment.id);
  return !!employeeId && isSelf(ctx.identity, { id: employeeId, memberId: employment.memberId });
}

export const hrScopes = (ctx: SubgraphContext<PrismaClient>): ScopeLoaders<HrScopes> => ({
  managesEmployeesOf: (memberId) => canManageEmployeesOf(ctx.identity, memberId),
  readsAuditLogOf: (memberId) => canReadAuditLogOf(ctx.identity, memberId),
  seesEmployee: (employee) => canSeeEmployee(ctx.identity, employee),
  seesFullIdentifiersOf: (employee) => canSeeFullIdentifiers(ctx.identity, employee),
  seesEmployment: (employment) =>
    canManageEmployeesOf(ctx.identity, employment.memberId) || isOwnEmployment(ctx, employment),
});

export const HR_REFUSALS: ScopeRefusals<HrScopes> = {
  managesEmployeesOf: "Only the member's HR staff and its payroll service manage its employees and its payroll.",
  readsAuditLogOf: "Only the member's HR staff and its payroll service read its payroll audit log.",
  seesEmployee: "Only the employee, the employer's HR staff and its payroll service see this employee.",
  seesFullIdentifiersOf: 'Only HR, the payroll service for this member and the employee may see the full number.',
  seesEmployment: "Only the employee, the employer's HR staff and its payroll service see this employment's records.",
};

/** The scope of a member's employees, volunteers and payroll, for a field's `authScopes`. */
export const managedMember = (memberId: string) => ({ managesEmployeesOf: memberId });
