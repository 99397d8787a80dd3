/**
 * Demo seed of the members directory: fictional member organisations of the sector's size
 * (2024: 62 members with 242 shops), their shops, Keurmerk histories and users for every role.
 *
 * Generation is a pure function of its options (`buildSeedData`): a fixed-seed PRNG, ids
 * derived from counters, so every run gives the same organisations, shops and accounts. Only
 * the Keurmerk dates (and the joining dates of recent members) are placed relative to
 * `options.now`, so that certificates are current and audits due in the future whenever the
 * seed runs. Writing it (`seedMembers`) is one transaction of four bulk inserts.
 */
import { todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { auditRows, keurmerkHistory } from './keurmerk-history';
import { DEFAULT_MEMBER_COUNT, planMembers } from './plan';
import type { SeedAudit, SeedBranch, SeedData, SeedMember } from './rows';
import { closedShops, shopRows } from './shops';
import { combinedAccounts, sampleAccounts, userRows, type SeedAccount } from './users';

export { demoId as seedId } from '@samen-sterk/subgraph-runtime/pure';
export { DEFAULT_MEMBER_COUNT, SECTOR_SHOP_COUNT } from './plan';
export type { SeedAudit, SeedBranch, SeedData, SeedMember, SeedUser } from './rows';
export { sampleAccounts, type SeedAccount } from './users';

export interface SeedOptions {
  /** Number of member organisations; shops scale along (242 for 62). Default 62. */
  members?: number;
  /** The moment the seed is placed relative to (Keurmerk dates). Default: now. */
  now?: Date;
}

export interface SeedResult {
  members: number;
  branches: number;
  users: number;
  /** False when the directory already had members and nothing was written. */
  seeded: boolean;
}

/** The whole seed as rows, without touching a database. Same options, same rows. */
export function buildSeedData(options: SeedOptions = {}): SeedData {
  const memberCount = options.members ?? DEFAULT_MEMBER_COUNT;
  if (!Number.isInteger(memberCount) || memberCount < 0) {
    throw new RangeError(`members must be a whole number of at least 0, not ${memberCount}.`);
  }
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid date.');
  const today = todayInNetherlands(now);

  const plans = planMembers(memberCount);
  const memberIds = plans.map((plan) => demoId('member', plan.index + 1));
  const closed = closedShops(plans);

  const members: SeedMember[] = [];
  const branches: SeedBranch[] = [];
  const audits: SeedAudit[] = [];
  for (const plan of plans) {
    const memberId = memberIds[plan.index]!;
    const keurmerk = keurmerkHistory(plan, today);
    members.push({
      id: memberId,
      name: plan.name,
      kvkNumber: plan.kvkNumber,
      legalForm: plan.legalForm,
      city: plan.home.name,
      membershipStatus: plan.membershipStatus,
      memberSince: keurmerk.memberSince,
      memberUntil: null,
      keurmerkStatus: keurmerk.keurmerkStatus,
      certifiedOn: keurmerk.certifiedOn,
      lastAuditOn: keurmerk.lastAuditOn,
      nextAuditDue: keurmerk.nextAuditDue,
    });
    audits.push(...auditRows(plan, memberId, keurmerk, audits.length));
    branches.push(...shopRows(plan, memberId, keurmerk.memberSince, today, closed, branches.length));
  }

  return { members, branches, audits, users: userRows(plans, memberIds) };
}

/**
 * Sample accounts of the default seed (62 members), one per role: `admin@platform.example`
 * (platform admin), `admin@ommekeer.example` (member admin of Kringloop De Ommekeer), and so on.
 * Ids, names and e-mail addresses do not depend on the date the seed runs.
 */
const SAMPLE_USERS = buildSeedData({ now: new Date(Date.UTC(2026, 0, 1)) }).users;
export const SEED_ACCOUNTS: readonly SeedAccount[] = Object.freeze(sampleAccounts(SAMPLE_USERS));

/** Sample accounts holding several roles: `directeur@ommekeer.example` (admin, approver, HR). */
export const SEED_COMBINED_ACCOUNTS: readonly SeedAccount[] = Object.freeze(combinedAccounts(SAMPLE_USERS));

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

class AlreadySeeded extends Error {}

async function countRows(prisma: PrismaClient): Promise<Omit<SeedResult, 'seeded'>> {
  const [members, branches, users] = await Promise.all([
    prisma.member.count(),
    prisma.branch.count(),
    prisma.user.count(),
  ]);
  return { members, branches, users };
}

/**
 * Fills an empty members directory with the demo seed, in one transaction. Does nothing when
 * there are members already (also when another process seeded at the same moment); the
 * counts returned are then those of the rows that are there.
 */
export async function seedMembers(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  if ((await prisma.member.count()) > 0) return { ...(await countRows(prisma)), seeded: false };
  const data = buildSeedData(options);
  try {
    await prisma.$transaction(
      async (tx) => {
        if ((await tx.member.count()) > 0) throw new AlreadySeeded();
        await tx.member.createMany({ data: data.members });
        await tx.branch.createMany({ data: data.branches });
        await tx.keurmerkAudit.createMany({ data: data.audits });
        await tx.user.createMany({ data: data.users });
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    const raced = error instanceof AlreadySeeded || (isUniqueViolation(error) && (await prisma.member.count()) > 0);
    if (!raced) throw error;
    return { ...(await countRows(prisma)), seeded: false };
  }
  return { members: data.members.length, branches: data.branches.length, users: data.users.length, seeded: true };
}
