import fs from 'node:fs';
import path from 'node:path';
import {
  addMonths,
  normaliseKvkNumber,
  normalisePostcode,
  openDatabase,
  todayInNetherlands,
  type Database,
} from '@samen-sterk/subgraph-runtime';
import { PrismaClient, Role } from '../../generated/prisma/client';
import {
  DEFAULT_MEMBER_COUNT,
  SECTOR_SHOP_COUNT,
  SEED_ACCOUNTS,
  buildSeedData,
  seedMembers,
  type SeedData,
} from '../seed';

const NOW = new Date('2026-06-15T09:30:00Z');
const TODAY = todayInNetherlands(NOW);
const MIGRATIONS = path.resolve(__dirname, '../../../prisma/migrations');
const POSTCODE = /^[1-9]\d{3} [A-Z]{2}$/;
const MEMBER_ROLES: Role[] = [
  Role.MEMBER_ADMIN,
  Role.MEMBER_PURCHASER,
  Role.MEMBER_APPROVER,
  Role.MEMBER_HR,
  Role.EMPLOYEE,
];
const ASSOCIATION_ROLES: Role[] = [
  Role.PLATFORM_ADMIN,
  Role.ASSOCIATION_PROCUREMENT,
  Role.ASSOCIATION_ACADEMY,
  Role.ASSOCIATION_CAO,
  Role.PAYROLL_SERVICE,
];

const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
/** Some columns of a row, for comparing rows without the ones that may differ. */
const columns = <Row, Key extends keyof Row>(row: Row, keys: readonly Key[]) =>
  Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<Row, Key>;
/** A member's columns that do not move with the date the seed runs. */
const MEMBER_COLUMNS = ['id', 'name', 'kvkNumber', 'legalForm', 'city', 'membershipStatus'] as const;
const BRANCH_COLUMNS = ['id', 'memberId', 'name', 'street', 'houseNumber', 'postcode', 'city'] as const;
const isCalendarDate = (date: Date) => date.getTime() % 86_400_000 === 0;

/** An empty members database on in-memory PGlite, with the subgraph's migrations applied. */
async function freshDatabase(): Promise<Database<PrismaClient>> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null }, (adapter) => new PrismaClient({ adapter }));
  const folders = fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  if (folders.length === 0) throw new Error(`No migrations in ${MIGRATIONS}`);
  for (const folder of folders)
    await db.sql.exec(fs.readFileSync(path.join(MIGRATIONS, folder, 'migration.sql'), 'utf8'));
  return db;
}

describe('buildSeedData', () => {
  let data: SeedData;
  beforeAll(() => {
    data = buildSeedData({ now: NOW });
  });

  it('has the sector’s size: 62 members with 242 shops', () => {
    expect(data.members).toHaveLength(DEFAULT_MEMBER_COUNT);
    expect(data.branches).toHaveLength(SECTOR_SHOP_COUNT);
    expect(new Set(data.branches.map((branch) => branch.memberId)).size).toBe(DEFAULT_MEMBER_COUNT);
  });

  it('is the same on every run, and only dates move with `now`', () => {
    expect(buildSeedData({ now: NOW })).toEqual(data);
    const later = buildSeedData({ now: new Date('2029-02-01T12:00:00Z') });
    const stable = (seed: SeedData) => ({
      members: seed.members.map((member) => columns(member, MEMBER_COLUMNS)),
      branches: seed.branches.map((branch) => columns(branch, BRANCH_COLUMNS)),
      users: seed.users,
    });
    expect(stable(later)).toEqual(stable(data));
  });

  it('uses unique, UUID-shaped ids with a prefix per table', () => {
    const all = [...data.members, ...data.branches, ...data.audits, ...data.users].map((row) => row.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-0000-4000-8000-\d{12}$/);
    expect(data.members[0]!.id).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('gives every member a unique 8-digit KvK number and a plausible name', () => {
    const kvk = data.members.map((member) => member.kvkNumber);
    expect(new Set(kvk).size).toBe(kvk.length);
    for (const number of kvk) expect(normaliseKvkNumber(number)).toBe(number);
    expect(data.members[0]!.name).toBe('Kringloop De Ommekeer');
    expect(new Set(data.members.map((member) => member.name)).size).toBe(data.members.length);
    const forms = data.members.map((member) => member.legalForm);
    expect(forms.filter((form) => form === 'FOUNDATION').length).toBeGreaterThan(data.members.length / 2);
    expect(new Set(forms).size).toBeGreaterThanOrEqual(3);
    expect(new Set(data.members.map((member) => member.city)).size).toBeGreaterThan(40);
  });

  it('writes valid Dutch postcodes for every shop', () => {
    for (const branch of data.branches) {
      expect(branch.postcode).toMatch(POSTCODE);
      expect(['SA', 'SD', 'SS']).not.toContain(branch.postcode.slice(5));
      expect(normalisePostcode(branch.postcode)).toBe(branch.postcode);
      expect(branch.street).not.toBe('');
      expect(branch.houseNumber).toMatch(/^\d+/);
    }
  });

  it('skews shop counts: a few chains with 10–25 shops, many members with 1–4', () => {
    const counts = new Map<string, number>();
    for (const branch of data.branches) counts.set(branch.memberId, (counts.get(branch.memberId) ?? 0) + 1);
    const sizes = [...counts.values()];
    const chains = sizes.filter((size) => size >= 10);
    expect(chains.length).toBeGreaterThanOrEqual(3);
    expect(chains.length).toBeLessThanOrEqual(8);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(25);
    expect(sizes.filter((size) => size <= 4).length).toBeGreaterThan(data.members.length * 0.6);
    // Shop names are unique within a member.
    for (const memberId of counts.keys()) {
      const names = data.branches.filter((branch) => branch.memberId === memberId).map((branch) => branch.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('scales shops along with the number of members', () => {
    const small = buildSeedData({ members: 10, now: NOW });
    expect(small.members).toHaveLength(10);
    expect(small.branches).toHaveLength(Math.round((SECTOR_SHOP_COUNT * 10) / DEFAULT_MEMBER_COUNT));
    const large = buildSeedData({ members: 620, now: NOW });
    expect(large.members).toHaveLength(620);
    expect(large.branches).toHaveLength(SECTOR_SHOP_COUNT * 10);
    expect(new Set(large.users.map((user) => user.email)).size).toBe(large.users.length);
    expect(buildSeedData({ members: 1, now: NOW }).branches.length).toBeGreaterThan(0);
    expect(buildSeedData({ members: 0, now: NOW }).members).toHaveLength(0);
    expect(() => buildSeedData({ members: -1 })).toThrow(RangeError);
  });

  it('stores calendar dates at 00:00 UTC, in order', () => {
    const dates = [
      ...data.members.flatMap((member) => [
        member.memberSince,
        member.certifiedOn,
        member.lastAuditOn,
        member.nextAuditDue,
      ]),
      ...data.branches.flatMap((branch) => [branch.openedOn, branch.closedOn]),
      ...data.audits.map((audit) => audit.auditedOn),
    ].filter((date): date is Date => date !== null);
    for (const date of dates) expect(isCalendarDate(date)).toBe(true);
    for (const member of data.members) {
      expect(member.memberSince.getUTCFullYear()).toBeGreaterThanOrEqual(1995);
      expect(member.memberSince <= TODAY).toBe(true);
    }
    for (const branch of data.branches) {
      expect(branch.openedOn <= TODAY).toBe(true);
      if (branch.closedOn) expect(branch.closedOn > branch.openedOn && branch.closedOn <= TODAY).toBe(true);
    }
    const closed = data.branches.filter((branch) => branch.closedOn);
    expect(closed.length).toBeLessThanOrEqual(3);
  });

  it('keeps Keurmerk status, certificate and audits consistent', () => {
    const threeYearsAgo = addMonths(TODAY, -36);
    for (const member of data.members) {
      const audits = data.audits.filter((audit) => audit.memberId === member.id);
      if (member.keurmerkStatus === 'RUN_IN') {
        expect(member.memberSince > threeYearsAgo).toBe(true);
        expect([member.certifiedOn, member.lastAuditOn, member.nextAuditDue]).toEqual([null, null, null]);
        expect(audits).toHaveLength(0);
        continue;
      }
      // Joined more than three years ago: the run-in is over.
      expect(member.memberSince <= threeYearsAgo).toBe(true);
      expect(member.lastAuditOn).not.toBeNull();
      expect(iso(member.nextAuditDue)).toBe(iso(addMonths(member.lastAuditOn!, 18)));
      expect(member.certifiedOn).not.toBeNull();
      expect(member.certifiedOn! >= threeYearsAgo).toBe(true);
      // The audit rows tell the same story.
      const sorted = [...audits].sort((a, b) => a.auditedOn.getTime() - b.auditedOn.getTime());
      expect(sorted.length).toBeGreaterThan(0);
      expect(sorted[0]!.outcome).toBe('CERTIFIED');
      expect(iso(sorted.at(-1)!.auditedOn)).toBe(iso(member.lastAuditOn));
      expect(iso(sorted.filter((audit) => audit.outcome === 'CERTIFIED').at(-1)!.auditedOn)).toBe(
        iso(member.certifiedOn),
      );
      expect(sorted.at(-1)!.outcome === 'FAILED').toBe(member.keurmerkStatus === 'SUSPENDED');
      expect(sorted.filter((audit) => audit.outcome === 'FAILED').length).toBeLessThanOrEqual(1);
      for (const audit of sorted) {
        expect(audit.auditedOn >= member.memberSince && audit.auditedOn <= TODAY).toBe(true);
        expect(audit.recordedBy).toBe(data.users.find((user) => user.roles.includes(Role.PLATFORM_ADMIN))!.id);
        expect(audit.auditor).not.toBe('');
      }
      for (let k = 1; k < sorted.length; k++) {
        // Audits every eighteen months: never overdue in the past.
        expect(sorted[k]!.auditedOn <= addMonths(sorted[k - 1]!.auditedOn, 18)).toBe(true);
      }
    }
    const by = (status: string) => data.members.filter((member) => member.keurmerkStatus === status);
    expect(by('RUN_IN').length).toBeGreaterThanOrEqual(4);
    expect(by('SUSPENDED').length).toBeGreaterThanOrEqual(1);
    expect(by('SUSPENDED').length).toBeLessThanOrEqual(2);
    const certified = by('CERTIFIED');
    expect(certified.length).toBeGreaterThan(data.members.length * 0.75);
    const overdue = certified.filter((member) => member.nextAuditDue! < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.length).toBeLessThanOrEqual(4);
    const statuses = data.members.map((member) => member.membershipStatus);
    expect(statuses.filter((status) => status === 'ACTIVE').length).toBeGreaterThan(data.members.length * 0.9);
    expect(statuses).toContain('CANDIDATE');
    expect(statuses).toContain('SUSPENDED');
    for (const member of data.members.filter((m) => m.membershipStatus === 'CANDIDATE')) {
      expect(member.keurmerkStatus).toBe('RUN_IN');
    }
  });

  it('has users for every role, with unique e-mail addresses', () => {
    const emails = data.users.map((user) => user.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
    const director = data.users.filter((user) => user.roles.length > 1);
    expect(director.map((user) => [user.email, user.roles])).toEqual([
      ['directeur@ommekeer.example', [Role.MEMBER_ADMIN, Role.MEMBER_APPROVER, Role.MEMBER_HR]],
    ]);
    expect(director[0]!.memberId).toBe(data.members[0]!.id);
    // Seeded last, so every other user keeps the id it had before she came.
    expect(data.users.at(-1)).toBe(director[0]);
    for (const role of ASSOCIATION_ROLES) {
      const staff = data.users.filter((user) => user.roles.includes(role));
      expect(staff.length).toBe(role === Role.PAYROLL_SERVICE ? 2 : 1);
      for (const user of staff) expect(user.memberId).toBeNull();
    }
    const memberIds = new Set(data.members.map((member) => member.id));
    for (const member of data.members) {
      const people = data.users.filter((user) => user.memberId === member.id && user.roles.length === 1);
      expect(people).toHaveLength(6);
      for (const role of MEMBER_ROLES) expect(people.some((user) => user.roles.includes(role))).toBe(true);
      expect(people.filter((user) => user.roles.includes(Role.EMPLOYEE))).toHaveLength(2);
      expect(new Set(people.map((user) => user.email.split('@')[1])).size).toBe(1);
    }
    const payroll = data.users.filter((user) => user.roles.includes(Role.PAYROLL_SERVICE));
    const served = payroll.flatMap((user) => user.payrollMemberIds);
    expect(new Set(served).size).toBe(served.length);
    for (const user of payroll) {
      expect(user.payrollMemberIds.length).toBeGreaterThanOrEqual(3);
      expect(user.payrollMemberIds.length).toBeLessThanOrEqual(8);
      for (const id of user.payrollMemberIds) expect(memberIds.has(id)).toBe(true);
    }
    for (const user of data.users.filter((u) => !u.roles.includes(Role.PAYROLL_SERVICE))) {
      expect(user.payrollMemberIds).toEqual([]);
    }
  });

  it('describes one sample account per role, with guessable e-mail addresses', () => {
    expect(SEED_ACCOUNTS.map((account) => account.role).sort()).toEqual(Object.values(Role).sort());
    for (const account of SEED_ACCOUNTS) {
      const user = data.users.find((candidate) => candidate.id === account.id);
      expect(user).toBeDefined();
      expect(user!.email).toBe(account.email);
      expect(user!.memberId).toBe(account.memberId);
      expect(user!.roles).toContain(account.role);
      expect(account.claimRole).toBe(account.role.toLowerCase().replace(/_/g, '-'));
    }
    const email = (role: Role) => SEED_ACCOUNTS.find((account) => account.role === role)!.email;
    expect(email(Role.PLATFORM_ADMIN)).toBe('admin@platform.example');
    expect(email(Role.MEMBER_ADMIN)).toBe('admin@ommekeer.example');
    expect(email(Role.MEMBER_HR)).toBe('hr@ommekeer.example');
    const payroll = SEED_ACCOUNTS.find((account) => account.role === Role.PAYROLL_SERVICE)!;
    expect(payroll.payrollMemberIds).toContain(data.members[0]!.id);
  });
});

describe('seedMembers on PGlite', () => {
  let db: Database<PrismaClient>;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  // How long it takes is a benchmark's business (bench/), not a test's: a busy machine is slower.
  it('fills an empty directory in one go', async () => {
    const result = await seedMembers(db.prisma, { now: NOW });
    expect(result).toEqual({ members: 62, branches: 242, users: 62 * 6 + 6 + 1, seeded: true });
    expect(await db.prisma.member.count()).toBe(62);
    expect(await db.prisma.branch.count()).toBe(242);
    expect(await db.prisma.keurmerkAudit.count()).toBe(buildSeedData({ now: NOW }).audits.length);
  });

  it('stores what buildSeedData generates, calendar dates intact', async () => {
    const data = buildSeedData({ now: NOW });
    const members = await db.prisma.member.findMany({ orderBy: { id: 'asc' } });
    const stored = [...MEMBER_COLUMNS, 'keurmerkStatus'] as const;
    expect(members.map((member) => columns(member, stored))).toEqual(
      data.members.map((member) => columns(member, stored)),
    );
    for (const member of members) {
      const built = data.members.find((candidate) => candidate.id === member.id)!;
      expect(iso(member.memberSince)).toBe(iso(built.memberSince));
      expect(iso(member.certifiedOn)).toBe(iso(built.certifiedOn));
      expect(iso(member.lastAuditOn)).toBe(iso(built.lastAuditOn));
      expect(iso(member.nextAuditDue)).toBe(iso(built.nextAuditDue));
      if (member.lastAuditOn) expect(iso(member.nextAuditDue)).toBe(iso(addMonths(member.lastAuditOn, 18)));
    }
    const branches = await db.prisma.branch.findMany();
    for (const branch of branches) expect(branch.postcode).toMatch(POSTCODE);
    const users = await db.prisma.user.findMany({ where: { memberId: data.members[0]!.id } });
    expect(users.map((user) => user.email).sort()).toEqual(
      ['admin', 'purchaser', 'approver', 'hr', 'employee', 'employee2', 'directeur']
        .map((box) => `${box}@ommekeer.example`)
        .sort(),
    );
    const payroll = await db.prisma.user.findUnique({ where: { email: 'payroll@platform.example' } });
    expect(payroll?.payrollMemberIds).toContain(data.members[0]!.id);
  });

  it('does nothing the second time', async () => {
    const before = await db.prisma.user.count();
    const result = await seedMembers(db.prisma, { now: NOW });
    expect(result).toEqual({ members: 62, branches: 242, users: before, seeded: false });
    expect(await db.prisma.member.count()).toBe(62);
  });

  it('gives the same ids and names on a fresh database', async () => {
    const other = await freshDatabase();
    try {
      await seedMembers(other.prisma, { now: NOW });
      const snapshot = async (prisma: PrismaClient) => ({
        members: await prisma.member.findMany({
          select: { id: true, name: true, kvkNumber: true },
          orderBy: { id: 'asc' },
        }),
        branches: await prisma.branch.findMany({
          select: { id: true, name: true, postcode: true },
          orderBy: { id: 'asc' },
        }),
        users: await prisma.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { id: 'asc' } }),
      });
      expect(await snapshot(other.prisma)).toEqual(await snapshot(db.prisma));
    } finally {
      await other.close();
    }
  });
});
