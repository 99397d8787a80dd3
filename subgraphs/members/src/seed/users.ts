/** Users for every role: the association's staff, six people per member, and sample accounts. */
import { MembershipStatus, Role } from '../generated/prisma/client';
import { claimRole } from '../access';
import { mailbox } from './email';
import { DEMO_SAMPLE_EMPLOYEE } from '@samen-sterk/subgraph-runtime';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { scaled, type MemberPlan } from './plan';
import { pick, shuffled, stream } from './random';
import type { SeedUser } from './rows';

/** One sample account per role, for docs and the start script (`pnpm -s token …`). */
export interface SeedAccount {
  role: Role;
  /** The role as a token claim (`member-admin`). */
  claimRole: string;
  /** Every role of the account as token claims: `[claimRole]`, or more for a combined account. */
  claimRoles: string[];
  id: string;
  email: string;
  name: string;
  memberId: string | null;
  employeeId: string | null;
  payrollMemberIds: string[];
}

const MEMBER_ROLES: readonly Role[] = [
  Role.MEMBER_ADMIN,
  Role.MEMBER_PURCHASER,
  Role.MEMBER_APPROVER,
  Role.MEMBER_HR,
  Role.EMPLOYEE,
  Role.EMPLOYEE,
];

/** Mailboxes of the first member's users, easy to guess in docs and demos. */
const FIRST_MEMBER_MAILBOXES = ['admin', 'purchaser', 'approver', 'hr', 'employee', 'employee2'];

const ASSOCIATION_USERS: readonly { role: Role; name: string; mailbox: string }[] = [
  { role: Role.PLATFORM_ADMIN, name: 'Marieke van der Linden', mailbox: 'admin' },
  { role: Role.ASSOCIATION_PROCUREMENT, name: 'Rachid El Amrani', mailbox: 'procurement' },
  { role: Role.ASSOCIATION_ACADEMY, name: 'Femke Hoekstra', mailbox: 'academy' },
  { role: Role.ASSOCIATION_CAO, name: 'Gerrit Wolters', mailbox: 'cao' },
  { role: Role.PAYROLL_SERVICE, name: 'Dewi Soekhoe', mailbox: 'payroll' },
  { role: Role.PAYROLL_SERVICE, name: 'Koen Brouwer', mailbox: 'payroll2' },
];
const ASSOCIATION_DOMAIN = 'platform.example';

/** The first user seeded; it records the seeded audits. */
export const PLATFORM_ADMIN_ID = demoId('user', 1);

/** Members whose payroll the shared service centre runs: smaller, active members. */
function payrollAssignments(plans: readonly MemberPlan[], memberIds: readonly string[]): [string[], string[]] {
  const rng = stream('payroll');
  const eligible = shuffled(
    rng,
    plans.filter(
      (plan) => plan.index !== 0 && plan.tier !== 'chain' && plan.membershipStatus === MembershipStatus.ACTIVE,
    ),
  ).map((plan) => plan.index);
  const handful = scaled(5, plans.length, plans.length > 0 ? 1 : 0);
  // The first member outsources its payroll too, so every demo role has a member in common.
  const first = plans.length > 0 ? [0, ...eligible.splice(0, handful - 1)] : [];
  const second = eligible.splice(0, handful);
  const ids = (indexes: number[]) => indexes.sort((a, b) => a - b).map((i) => memberIds[i]!);
  return [ids(first), ids(second)];
}

/** The association's staff first, then six people per member. */
export function userRows(plans: readonly MemberPlan[], memberIds: readonly string[]): SeedUser[] {
  const users: SeedUser[] = [];
  const [firstPayroll, secondPayroll] = payrollAssignments(plans, memberIds);
  ASSOCIATION_USERS.forEach((staff, k) => {
    users.push({
      id: demoId('user', users.length + 1),
      memberId: null,
      name: staff.name,
      email: `${staff.mailbox}@${ASSOCIATION_DOMAIN}`,
      roles: [staff.role],
      employeeId: null,
      payrollMemberIds: staff.role === Role.PAYROLL_SERVICE ? (k === 4 ? firstPayroll : secondPayroll) : [],
    });
  });
  for (const plan of plans) {
    const rng = stream('users', plan.index);
    const mailboxes = new Set<string>();
    MEMBER_ROLES.forEach((role, k) => {
      const firstName = pick(rng, FIRST_NAMES);
      const lastName = pick(rng, LAST_NAMES);
      let box = plan.index === 0 ? FIRST_MEMBER_MAILBOXES[k]! : mailbox(firstName, lastName);
      for (let n = 2; mailboxes.has(box); n++) box = `${mailbox(firstName, lastName)}${n}`;
      mailboxes.add(box);
      // The first member's first employee user is employee 1 of hr-payroll's demo seed, so that
      // employee self-service can be tried (`pnpm -s token --role employee`): one person, one name.
      const sample = plan.index === 0 && box === 'employee' ? DEMO_SAMPLE_EMPLOYEE : null;
      users.push({
        id: demoId('user', users.length + 1),
        memberId: memberIds[plan.index]!,
        name: sample ? `${sample.firstName} ${sample.lastName}` : `${firstName} ${lastName}`,
        email: `${box}@${plan.domain}`,
        roles: [role],
        employeeId: sample?.employeeId ?? null,
        payrollMemberIds: [],
      });
    });
  }
  if (plans.length > 0) users.push(directorOf(plans[0]!, memberIds[0]!, users.length + 1));
  return users;
}

/**
 * The first member's director: in a small organisation one person keeps the books, approves the
 * orders and is the HR contact. Holding those roles together, she sees the whole member
 * overview (orders and spend, payroll, training) where each single role sees its part. Seeded
 * last, so every other user keeps its id.
 */
export const DIRECTOR_ROLES: readonly Role[] = [Role.MEMBER_ADMIN, Role.MEMBER_APPROVER, Role.MEMBER_HR];

function directorOf(plan: MemberPlan, memberId: string, n: number): SeedUser {
  return {
    id: demoId('user', n),
    memberId,
    name: 'Annelies Verhoeven',
    email: `directeur@${plan.domain}`,
    roles: [...DIRECTOR_ROLES],
    employeeId: null,
    payrollMemberIds: [],
  };
}

/** One account per role from seeded users: the association's staff and the first member's people. */
export function sampleAccounts(users: readonly SeedUser[]): SeedAccount[] {
  const accounts: SeedAccount[] = [];
  for (const role of Object.values(Role)) {
    const user = users.find((candidate) => candidate.roles.length === 1 && candidate.roles.includes(role));
    if (!user) continue;
    accounts.push(accountOf(user, role));
  }
  return accounts;
}

/** Accounts of users holding several roles (the first member's director), named by the first. */
export function combinedAccounts(users: readonly SeedUser[]): SeedAccount[] {
  return users.filter((user) => user.roles.length > 1).map((user) => accountOf(user, user.roles[0]!));
}

function accountOf(user: SeedUser, role: Role): SeedAccount {
  return {
    role,
    claimRole: claimRole(role),
    claimRoles: user.roles.map(claimRole),
    id: user.id,
    email: user.email,
    name: user.name,
    memberId: user.memberId,
    employeeId: user.employeeId,
    payrollMemberIds: user.payrollMemberIds,
  };
}
