/**
 * The platform's roles (docs/design.md, "Conventions"): token claim `roles`, kebab-case.
 */
export const ROLES = [
  'platform-admin',
  'association-procurement',
  'association-academy',
  'association-cao',
  'payroll-service',
  'member-admin',
  'member-purchaser',
  'member-approver',
  'member-hr',
  'employee',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that act for one member organisation and therefore need a `memberId` claim. */
export const MEMBER_ROLES: readonly Role[] = [
  'member-admin',
  'member-purchaser',
  'member-approver',
  'member-hr',
  'employee',
];

/** Roles held by the association's own staff; they serve every member. */
export const ASSOCIATION_ROLES: readonly Role[] = [
  'platform-admin',
  'association-procurement',
  'association-academy',
  'association-cao',
];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
