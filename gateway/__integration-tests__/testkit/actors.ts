import { MEMBER_ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import { tokenFor } from './auth';
import { employeeId as seededEmployee, M1 } from './ids';

/**
 * Tokens of the people tests act as. Each has a readable default `sub` (what audit entries and
 * `createdBy` fields name), which a test may replace.
 */
export const platformAdmin = (sub = 'platform-admin') => tokenFor({ sub, roles: ['platform-admin'] });

/** The association's CAO team. */
export const caoTeam = (sub = 'cao-team') => tokenFor({ sub, roles: ['association-cao'] });

/** HR staff of one member. */
export const hrOf = (memberId: string, sub = `hr-${memberId}`) => tokenFor({ sub, roles: ['member-hr'], memberId });

/** A payroll service serving these members (one, or a list); `sub` as an option, never confused with a member. */
export const payrollFor = (memberIds: string | string[], { sub }: { sub?: string } = {}) => {
  const members = typeof memberIds === 'string' ? [memberIds] : memberIds;
  return tokenFor({
    sub: sub ?? `payroll-${members.join('+')}`,
    roles: ['payroll-service'],
    payrollMemberIds: members,
  });
};

/** An employee of a member, who sees their own data. */
export const employeeOf = (memberId: string, employeeId: string, sub = `employee-${employeeId}`) =>
  tokenFor({ sub, roles: ['employee'], memberId, employeeId });

/**
 * Someone with only `role`, acting for `memberId` where the role belongs to a member (an
 * employee is then the member's first seeded employee, a payroll service serves that member).
 */
export const tokenOf = (role: Role, memberId = M1, sub?: string) =>
  tokenFor({
    roles: [role],
    ...(sub ? { sub } : {}),
    ...(MEMBER_ROLES.includes(role) ? { memberId } : {}),
    ...(role === 'employee' && memberId === M1 ? { employeeId: seededEmployee(1) } : {}),
    ...(role === 'payroll-service' ? { payrollMemberIds: [memberId] } : {}),
  });
