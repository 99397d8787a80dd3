import { MEMBER_ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import { tokenFor } from './auth';
import { employeeId as seededEmployee, M1, M2 } from './ids';

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

/** Someone a table of tests acts as: a label for the test's name, and their token. */
export type Actor = [label: string, token: () => Promise<string>];

/**
 * Everyone who may not see or change member 1's HR data (its employees, its volunteers): member
 * 2's HR and payroll service, a payroll service of no member, member 1's roles other than HR, the
 * association's `associationRoles`, and a payroll service of member 2 whose token names member 1
 * as its member (claims no actor above has: made from the claims themselves). An employee of
 * member 1, who sees their own record, is for each test to add.
 */
export const hrOutsidersOfMember1 = (associationRoles: Role[]): Actor[] => [
  ['member-hr of member 2', () => hrOf(M2)],
  ['payroll-service for member 2', () => payrollFor(M2)],
  ['payroll-service for no member', () => payrollFor([])],
  ...(['member-admin', 'member-purchaser', 'member-approver'] as const).map((role): Actor => [
    `${role} of member 1`,
    () => tokenOf(role, M1),
  ]),
  ...associationRoles.map((role): Actor => [role, () => tokenOf(role)]),
  [
    'payroll-service for member 2 with memberId member 1',
    () => tokenFor({ roles: ['payroll-service'], memberId: M1, payrollMemberIds: [M2] }),
  ],
];
