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
import { addMonths, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import {
  AuditOutcome,
  KeurmerkStatus,
  LegalForm,
  MembershipStatus,
  Prisma,
  Role,
  type PrismaClient,
} from '../generated/prisma/client';
import {
  AUDITORS,
  CITIES,
  FIRST_NAMES,
  FORBIDDEN_POSTCODE_LETTER_PAIRS,
  LAST_NAMES,
  NAME_PATTERNS,
  ORGANISATION_CORES,
  POSTCODE_LETTERS,
  STREETS,
  type SeedCity,
} from './names';

/** The sector in 2024 (shared/data/sector-nl.json): member organisations and their shops. */
export const DEFAULT_MEMBER_COUNT = 62;
export const SECTOR_SHOP_COUNT = 242;

/** Keurmerk rules (mirrors domain/keurmerk.ts): audit every 18 months, 3-year run-in. */
const AUDIT_INTERVAL_MONTHS = 18;
const RUN_IN_MONTHS = 36;
/** The seeded audit history goes back no further than this. */
const AUDIT_HISTORY_START = utcDate(2012, 1, 1);
const FIRST_MEMBER_SINCE = utcDate(1995, 1, 1);

const PRNG_SEED = 0x5a3e_2026;

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

export interface SeedMember {
  id: string;
  name: string;
  kvkNumber: string;
  legalForm: LegalForm;
  city: string;
  membershipStatus: MembershipStatus;
  memberSince: Date;
  memberUntil: Date | null;
  keurmerkStatus: KeurmerkStatus;
  certifiedOn: Date | null;
  lastAuditOn: Date | null;
  nextAuditDue: Date | null;
}

export interface SeedBranch {
  id: string;
  memberId: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  openedOn: Date;
  closedOn: Date | null;
}

export interface SeedAudit {
  id: string;
  memberId: string;
  auditedOn: Date;
  outcome: AuditOutcome;
  auditor: string;
  notes: string | null;
  recordedBy: string;
}

export interface SeedUser {
  id: string;
  memberId: string | null;
  name: string;
  email: string;
  roles: Role[];
  employeeId: string | null;
  payrollMemberIds: string[];
}

export interface SeedData {
  members: SeedMember[];
  branches: SeedBranch[];
  audits: SeedAudit[];
  users: SeedUser[];
}

/** One sample account per role, for docs and the start script (`pnpm -s token …`). */
export interface SeedAccount {
  role: Role;
  /** The role as a token claim (`member-admin`). */
  claimRole: string;
  id: string;
  email: string;
  name: string;
  memberId: string | null;
  payrollMemberIds: string[];
}

// ---------------------------------------------------------------------------------------------
// Identifiers: UUID-shaped (version 4, variant 8), a table prefix and a counter.
// ---------------------------------------------------------------------------------------------

const ID_PREFIX = { member: '00000000', user: '10000000', branch: '20000000', audit: '30000000' } as const;

/** `seedId('member', 1)` = `00000000-0000-4000-8000-000000000001`. */
export const seedId = (table: keyof typeof ID_PREFIX, n: number) =>
  `${ID_PREFIX[table]}-0000-4000-8000-${String(n).padStart(12, '0')}`;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: one mulberry32 stream per purpose (and per member), so that what
// depends on `now` (dates) never shifts what does not (names, ids, addresses).
// ---------------------------------------------------------------------------------------------

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the purpose and index, mixed with the fixed seed. */
function stream(purpose: string, index = 0): Rng {
  let hash = 0x811c9dc5 ^ PRNG_SEED;
  for (const char of `${purpose}#${index}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32(hash);
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Picks by weight: `weighted(rng, [[1, 35], [2, 30]])`. */
function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return options[options.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------
// Calendar dates: JS Dates at 00:00 UTC.
// ---------------------------------------------------------------------------------------------

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

const DAY_MS = 86_400_000;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);
const minDate = (a: Date, b: Date) => (a <= b ? a : b);
const maxDate = (a: Date, b: Date) => (a >= b ? a : b);

/** A date in [from, to], both inclusive (`from` when the range is empty). */
const dateBetween = (rng: Rng, from: Date, to: Date) => addDays(from, int(rng, 0, Math.max(0, daysBetween(from, to))));

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Lower case ASCII letters and digits only: "Coöperatie" → "cooperatie", "Yılmaz" → "yilmaz". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The e-mail domain of an organisation: its distinctive name without article. */
const domainOf = (shortName: string) => `${slug(shortName.replace(/^(De|Het|'t)\s+/, ''))}.example`;

/** `Jan de Vries` → `j.devries`. */
const mailbox = (firstName: string, lastName: string) => `${slug(firstName).charAt(0)}.${slug(lastName)}`;

function postcode(rng: Rng, city: SeedCity): string {
  const digits = int(rng, city.postcodes[0], city.postcodes[1]);
  let letters: string;
  do {
    letters = pick(rng, [...POSTCODE_LETTERS]) + pick(rng, [...POSTCODE_LETTERS]);
  } while (FORBIDDEN_POSTCODE_LETTER_PAIRS.includes(letters));
  return `${digits} ${letters}`;
}

function houseNumber(rng: Rng): string {
  const number = weighted(rng, [
    [int(rng, 1, 40), 50],
    [int(rng, 41, 180), 40],
    [int(rng, 181, 420), 10],
  ]);
  const suffix = weighted(rng, [
    ['', 80],
    [pick(rng, ['a', 'b', 'c']), 12],
    [`-${number + 2}`, 8],
  ]);
  return `${number}${suffix}`;
}

const region = (city: SeedCity) => Math.floor(city.postcodes[0] / 1000);

// ---------------------------------------------------------------------------------------------
// The plan: which members are chains, newcomers, candidates, overdue or suspended. Depends on
// the member count only.
// ---------------------------------------------------------------------------------------------

type Tier = 'chain' | 'mid' | 'small';
type Stage = 'established' | 'newcomer' | 'candidate';
type KeurmerkPlan = 'current' | 'overdue' | 'suspended';

interface MemberPlan {
  index: number;
  tier: Tier;
  stage: Stage;
  keurmerk: KeurmerkPlan;
  membershipStatus: MembershipStatus;
  legalForm: LegalForm;
  core: string;
  shortName: string;
  name: string;
  domain: string;
  kvkNumber: string;
  home: SeedCity;
  shopCount: number;
}

/** `n` scaled from the sector's 62 members to `members`, at least `min`. */
const scaled = (n: number, members: number, min = 0) => Math.max(min, Math.round((n * members) / DEFAULT_MEMBER_COUNT));

/** Removes and returns the first `count` items (fewer when there are not that many). */
const take = <T>(items: T[], count: number) => items.splice(0, Math.min(count, items.length));

function planMembers(memberCount: number): MemberPlan[] {
  const rng = stream('plan');
  const others = shuffled(
    rng,
    Array.from({ length: Math.max(0, memberCount - 1) }, (_, i) => i + 1),
  );

  // Tiers: member 1 (index 0) is a chain whenever there are chains at all.
  const tier = new Map<number, Tier>();
  const chainCount = scaled(5, memberCount);
  const chains = chainCount > 0 ? [0, ...take(others, chainCount - 1)] : [];
  const mids = take(others, scaled(7, memberCount));
  for (const i of chains) tier.set(i, 'chain');
  for (const i of mids) tier.set(i, 'mid');

  // Small members: the rest (member 1 too when there are too few members for chains). Newcomers
  // and candidates are small; overdue audits and a suspended Keurmerk happen to older members.
  const smallPool = shuffled(rng, others);
  const candidates = take(smallPool, scaled(2, memberCount));
  const newcomers = take(smallPool, scaled(5, memberCount));
  const olderPool = shuffled(rng, [...smallPool, ...mids]);
  const suspendedMark = take(olderPool, scaled(2, memberCount));
  const overdue = take(olderPool, scaled(3, memberCount));

  const legalForms = shuffled(
    rng,
    Array.from({ length: memberCount }, (_, i) => i),
  );
  const legalForm = new Map<number, LegalForm>();
  legalForms.forEach((memberIndex, position) => {
    const share = position / Math.max(1, memberCount);
    legalForm.set(
      memberIndex,
      share < 0.06
        ? LegalForm.ASSOCIATION
        : share < 0.11
          ? LegalForm.COOPERATIVE
          : share < 0.16
            ? LegalForm.PRIVATE_COMPANY
            : LegalForm.FOUNDATION,
    );
  });
  legalForm.set(0, LegalForm.FOUNDATION);

  // Home cities: chains in the large cities (the ones with districts), Zwolle for member 1.
  const zwolle = CITIES.find((city) => city.name === 'Zwolle')!;
  const large = shuffled(
    rng,
    CITIES.filter((city) => city.districts.length > 0 && city !== zwolle),
  );
  const rest = shuffled(
    rng,
    CITIES.filter((city) => city.districts.length === 0),
  );
  const home = new Map<number, SeedCity>();
  if (memberCount > 0) home.set(0, zwolle);
  chains.filter((i) => i !== 0).forEach((i, k) => home.set(i, large[k % large.length]!));
  const taken = new Set(home.values());
  const otherCities = [
    ...rest,
    ...large.filter((city) => !taken.has(city)),
    ...large.filter((city) => taken.has(city)),
  ];
  let cursor = 0;
  for (let i = 1; i < memberCount; i++) {
    if (!home.has(i)) home.set(i, otherCities[cursor++ % otherCities.length]!);
  }

  // Names: "De Ommekeer" first; when the invented names run out, the city tells them apart.
  const cores = [
    'De Ommekeer',
    ...shuffled(
      rng,
      ORGANISATION_CORES.filter((core) => core !== 'De Ommekeer'),
    ),
  ];
  const domains = new Set<string>();
  const kvkNumbers = new Set<string>();
  const plans: MemberPlan[] = [];
  for (let i = 0; i < memberCount; i++) {
    const identity = stream('identity', i);
    const form = legalForm.get(i)!;
    const city = home.get(i)!;
    const core = cores[i % cores.length]!;
    const shortName = i < cores.length ? core : `${core} ${city.name}`;
    const pattern = i === 0 ? 'Kringloop {core}' : pick(identity, NAME_PATTERNS[form as keyof typeof NAME_PATTERNS]);
    let domain = domainOf(shortName);
    for (let n = 2; domains.has(domain); n++) domain = domainOf(`${shortName}${n}`);
    domains.add(domain);

    let kvkNumber: string;
    do kvkNumber = String(int(rng, 10_000_000, 99_999_999));
    while (kvkNumbers.has(kvkNumber));
    kvkNumbers.add(kvkNumber);

    const stage: Stage = candidates.includes(i) ? 'candidate' : newcomers.includes(i) ? 'newcomer' : 'established';
    const keurmerk: KeurmerkPlan = suspendedMark.includes(i)
      ? 'suspended'
      : overdue.includes(i)
        ? 'overdue'
        : 'current';
    // Losing the Keurmerk ends in suspension of the membership: the first of them already has.
    const membershipStatus =
      stage === 'candidate'
        ? MembershipStatus.CANDIDATE
        : keurmerk === 'suspended' && i === suspendedMark[0]
          ? MembershipStatus.SUSPENDED
          : MembershipStatus.ACTIVE;

    plans.push({
      index: i,
      tier: tier.get(i) ?? 'small',
      stage,
      keurmerk,
      membershipStatus,
      legalForm: form,
      core,
      shortName,
      name: pattern.replace('{core}', core),
      domain,
      kvkNumber,
      home: city,
      shopCount: 0,
    });
  }
  assignShopCounts(plans, Math.round((SECTOR_SHOP_COUNT * memberCount) / DEFAULT_MEMBER_COUNT), rng);
  return plans;
}

/** Skewed shop counts (a few chains of 10–25, many single shops) adding up to `total`. */
function assignShopCounts(plans: MemberPlan[], total: number, rng: Rng): void {
  const bounds: Record<Tier, [number, number]> = { chain: [10, 25], mid: [5, 9], small: [1, 4] };
  for (const plan of plans) {
    const [min, max] = bounds[plan.tier];
    plan.shopCount =
      plan.tier === 'small'
        ? plan.stage === 'established'
          ? weighted(rng, [
              [1, 35],
              [2, 30],
              [3, 20],
              [4, 15],
            ])
          : int(rng, 1, 2)
        : int(rng, min, max);
  }
  // Nudge one shop at a time, round robin from a random start, within each tier's bounds;
  // when every member is at its bound, allow any count of at least one.
  let diff = total - plans.reduce((sum, plan) => sum + plan.shopCount, 0);
  const order = shuffled(rng, plans);
  let relaxed = false;
  while (diff !== 0 && order.length > 0) {
    let changed = false;
    for (const plan of order) {
      if (diff === 0) break;
      const [min, max] = relaxed ? [1, Number.MAX_SAFE_INTEGER] : bounds[plan.tier];
      if (diff > 0 && plan.shopCount < max) {
        plan.shopCount++;
        diff--;
        changed = true;
      } else if (diff < 0 && plan.shopCount > Math.max(min, 1)) {
        plan.shopCount--;
        diff++;
        changed = true;
      }
    }
    if (!changed) relaxed = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Keurmerk history
// ---------------------------------------------------------------------------------------------

interface KeurmerkHistory {
  memberSince: Date;
  keurmerkStatus: KeurmerkStatus;
  certifiedOn: Date | null;
  lastAuditOn: Date | null;
  nextAuditDue: Date | null;
  /** Oldest first; `first` marks the member's first certification ever. */
  audits: { auditedOn: Date; outcome: AuditOutcome; first: boolean }[];
}

function memberSinceFor(plan: MemberPlan, today: Date, rng: Rng): Date {
  if (plan.stage === 'candidate') return addDays(today, -int(rng, 14, 200));
  if (plan.stage === 'newcomer') return addDays(today, -int(rng, 45, 1050));
  // Established members joined before their run-in could have ended by today.
  const latest = addDays(addMonths(today, -RUN_IN_MONTHS), -30);
  const upper =
    plan.tier === 'chain'
      ? utcDate(2004, 12, 31)
      : plan.tier === 'mid' || plan.keurmerk !== 'current'
        ? utcDate(2012, 12, 31)
        : utcDate(2021, 12, 31);
  const to = minDate(upper, latest);
  return dateBetween(rng, minDate(FIRST_MEMBER_SINCE, to), to);
}

/**
 * The audit before one on `date`: eighteen months earlier, or up to six weeks less (audits
 * come a little before they are due), never so early that the one on `date` was overdue.
 */
function previousAudit(rng: Rng, date: Date): Date {
  let previous = addMonths(addDays(date, int(rng, 0, 45)), -AUDIT_INTERVAL_MONTHS);
  while (addMonths(previous, AUDIT_INTERVAL_MONTHS) < date) previous = addDays(previous, 1);
  return previous;
}

function keurmerkFor(plan: MemberPlan, today: Date, rng: Rng): KeurmerkHistory {
  const memberSince = memberSinceFor(plan, today, rng);
  const runInEnds = addMonths(memberSince, RUN_IN_MONTHS);
  if (runInEnds > today) {
    return {
      memberSince,
      keurmerkStatus: KeurmerkStatus.RUN_IN,
      certifiedOn: null,
      lastAuditOn: null,
      nextAuditDue: null,
      audits: [],
    };
  }
  const floor = maxDate(runInEnds, AUDIT_HISTORY_START);

  // The latest audit, and whether it was a certification ('C') or a surveillance audit ('P').
  let last: Date;
  let slot: 'C' | 'P';
  if (plan.keurmerk === 'suspended') {
    last = addDays(today, -int(rng, 20, 150));
    slot = 'P';
  } else if (plan.keurmerk === 'overdue') {
    last = addDays(addMonths(today, -AUDIT_INTERVAL_MONTHS), -int(rng, 10, 120));
    slot = 'C';
  } else {
    last = addDays(today, -int(rng, 14, 530));
    slot = rng() < 0.5 ? 'P' : 'C';
  }
  if (last < floor) {
    // Certified only recently: the latest audit was the first certification.
    last = minDate(floor, today);
    slot = 'C';
  }
  const lastOutcome =
    plan.keurmerk === 'suspended' ? AuditOutcome.FAILED : slot === 'C' ? AuditOutcome.CERTIFIED : AuditOutcome.PASSED;
  const audits: Omit<KeurmerkHistory['audits'][number], 'first'>[] = [{ auditedOn: last, outcome: lastOutcome }];

  // Back in time: a surveillance audit needs a certification before it; certification cycles
  // (surveillance + certification, three years) go back as far as the floor allows.
  let current = last;
  if (slot === 'P') {
    const certified = previousAudit(rng, current);
    if (certified >= memberSince) {
      audits.push({ auditedOn: certified, outcome: AuditOutcome.CERTIFIED });
      current = certified;
    } else {
      audits[0] = {
        auditedOn: last,
        outcome: lastOutcome === AuditOutcome.FAILED ? AuditOutcome.FAILED : AuditOutcome.CERTIFIED,
      };
    }
  }
  for (;;) {
    const surveillance = previousAudit(rng, current);
    const certification = previousAudit(rng, surveillance);
    if (certification < floor) break;
    audits.push(
      { auditedOn: surveillance, outcome: AuditOutcome.PASSED },
      { auditedOn: certification, outcome: AuditOutcome.CERTIFIED },
    );
    current = certification;
  }
  audits.reverse();
  // The history starts in 2012; an older member's earliest audit there was not its first ever.
  const oldest = audits[0]!;
  const firstEver = oldest.outcome === AuditOutcome.CERTIFIED && daysBetween(runInEnds, oldest.auditedOn) < 366;

  const certifications = audits.filter((audit) => audit.outcome === AuditOutcome.CERTIFIED);
  return {
    memberSince,
    keurmerkStatus: lastOutcome === AuditOutcome.FAILED ? KeurmerkStatus.SUSPENDED : KeurmerkStatus.CERTIFIED,
    certifiedOn: certifications.at(-1)?.auditedOn ?? null,
    lastAuditOn: last,
    nextAuditDue: addMonths(last, AUDIT_INTERVAL_MONTHS),
    audits: audits.map((audit, k) => ({ ...audit, first: k === 0 && firstEver })),
  };
}

function auditNote(rng: Rng, outcome: AuditOutcome, first: boolean): string | null {
  switch (outcome) {
    case AuditOutcome.CERTIFIED:
      return first
        ? 'First certification after the run-in period.'
        : pick(rng, ['Recertification; certificate renewed for three years.', 'Recertification without findings.']);
    case AuditOutcome.PASSED:
      return pick(rng, [
        null,
        'Surveillance audit passed.',
        'Passed with one minor finding: safety instructions at the sorting line out of date.',
        'Passed with two minor findings: complaints log incomplete, volunteer induction not recorded.',
      ]);
    case AuditOutcome.FAILED:
      return pick(rng, [
        'Major non-conformities: no management review in the past year, complaints procedure not followed. Keurmerk suspended.',
        'Major non-conformity: electrical appliances sold without recorded safety test. Keurmerk suspended.',
      ]);
  }
}

// ---------------------------------------------------------------------------------------------
// Shops
// ---------------------------------------------------------------------------------------------

/** Where a member's shops are: home city, its districts, then the region, then further away. */
function shopLocations(plan: MemberPlan, rng: Rng): { city: SeedCity; district: string | null }[] {
  const home = plan.home;
  const districts = plan.tier === 'small' ? [] : home.districts.map((district) => ({ city: home, district }));
  const near = shuffled(
    rng,
    CITIES.filter((city) => city !== home && region(city) === region(home)),
  );
  const farther = shuffled(
    rng,
    CITIES.filter((city) => city !== home && Math.abs(region(city) - region(home)) === 1),
  );
  const candidates = [
    { city: home, district: null },
    ...districts,
    ...near.map((city) => ({ city, district: null })),
    ...farther.map((city) => ({ city, district: null })),
  ];
  const locations: { city: SeedCity; district: string | null }[] = [];
  for (let i = 0; i < plan.shopCount; i++) {
    // Chains mix districts of the home city with places around it.
    locations.push(candidates[i % candidates.length]!);
  }
  return locations;
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

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
const PLATFORM_ADMIN_ID = seedId('user', 1);

/** Members whose payroll the shared service centre runs: smaller, active members. */
function payrollAssignments(plans: MemberPlan[], memberIds: string[]): [string[], string[]] {
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

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

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
  const memberIds = plans.map((plan) => seedId('member', plan.index + 1));

  const members: SeedMember[] = [];
  const branches: SeedBranch[] = [];
  const audits: SeedAudit[] = [];
  const users: SeedUser[] = [];

  // Closed shops: a couple, among the chains' later openings.
  const closedRng = stream('closed');
  const closable = shuffled(
    closedRng,
    plans
      .filter((plan) => plan.tier === 'chain')
      .flatMap((plan) => Array.from({ length: plan.shopCount - 1 }, (_, k) => `${plan.index}:${k + 1}`)),
  );
  const closed = new Set(closable.slice(0, scaled(2, memberCount)));

  for (const plan of plans) {
    const memberId = memberIds[plan.index]!;
    const datesRng = stream('dates', plan.index);
    const keurmerk = keurmerkFor(plan, today, datesRng);
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

    const auditorRng = stream('auditor', plan.index);
    const usualAuditor = pick(auditorRng, AUDITORS);
    keurmerk.audits.forEach((audit) => {
      audits.push({
        id: seedId('audit', audits.length + 1),
        memberId,
        auditedOn: audit.auditedOn,
        outcome: audit.outcome,
        auditor: auditorRng() < 0.8 ? usualAuditor : pick(auditorRng, AUDITORS),
        notes: auditNote(auditorRng, audit.outcome, audit.first),
        recordedBy: PLATFORM_ADMIN_ID,
      });
    });

    // Shops: names and addresses from one stream, dates from another.
    const shopRng = stream('shops', plan.index);
    const shopDatesRng = stream('shop-dates', plan.index);
    const names = new Set<string>();
    const firstOpened = maxDate(utcDate(1985, 1, 1), addDays(keurmerk.memberSince, -int(shopDatesRng, 0, 6 * 365)));
    shopLocations(plan, shopRng).forEach((location, k) => {
      const street = pick(shopRng, STREETS);
      let name = `${plan.shortName} ${location.district ?? location.city.name}`;
      if (names.has(name)) name = `${plan.shortName} ${location.city.name} ${street}`;
      for (let n = 2; names.has(name); n++) name = `${plan.shortName} ${location.city.name} ${street} ${n}`;
      names.add(name);
      const isClosed = closed.has(`${plan.index}:${k}`);
      const lastOpening = addDays(today, isClosed ? -2 * 365 : -30);
      const openedOn =
        k === 0
          ? minDate(firstOpened, lastOpening)
          : dateBetween(shopDatesRng, minDate(firstOpened, lastOpening), lastOpening);
      branches.push({
        id: seedId('branch', branches.length + 1),
        memberId,
        name,
        street,
        houseNumber: houseNumber(shopRng),
        postcode: postcode(shopRng, location.city),
        city: location.city.name,
        openedOn,
        closedOn: isClosed ? dateBetween(shopDatesRng, addDays(openedOn, 365), addDays(today, -14)) : null,
      });
    });
  }

  // Users: the association's staff first, then six people per member.
  const [firstPayroll, secondPayroll] = payrollAssignments(plans, memberIds);
  ASSOCIATION_USERS.forEach((staff, k) => {
    users.push({
      id: seedId('user', users.length + 1),
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
      users.push({
        id: seedId('user', users.length + 1),
        memberId: memberIds[plan.index]!,
        name: `${firstName} ${lastName}`,
        email: `${box}@${plan.domain}`,
        roles: [role],
        employeeId: null,
        payrollMemberIds: [],
      });
    });
  }

  return { members, branches, audits, users };
}

/** `MEMBER_ADMIN` → `member-admin`, as in tokens. */
const claimRoleOf = (role: Role) => role.toLowerCase().replace(/_/g, '-');

/** One account per role from seeded users: the association's staff and the first member's people. */
export function sampleAccounts(users: readonly SeedUser[]): SeedAccount[] {
  const accounts: SeedAccount[] = [];
  for (const role of Object.values(Role)) {
    const user = users.find((candidate) => candidate.roles.includes(role));
    if (!user) continue;
    accounts.push({
      role,
      claimRole: claimRoleOf(role),
      id: user.id,
      email: user.email,
      name: user.name,
      memberId: user.memberId,
      payrollMemberIds: user.payrollMemberIds,
    });
  }
  return accounts;
}

/**
 * Sample accounts of the default seed (62 members), one per role: `admin@platform.example`
 * (platform admin), `admin@ommekeer.example` (member admin of Kringloop De Ommekeer), and so on.
 * Ids, names and e-mail addresses do not depend on the date the seed runs.
 */
export const SEED_ACCOUNTS: readonly SeedAccount[] = Object.freeze(
  sampleAccounts(buildSeedData({ now: new Date(Date.UTC(2026, 0, 1)) }).users),
);

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
