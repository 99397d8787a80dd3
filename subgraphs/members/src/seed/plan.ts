/**
 * The plan: which members are chains, newcomers, candidates, overdue or suspended, what they
 * are called, where they are and how many shops they have. Depends on the member count only.
 */
import { LegalForm, MembershipStatus } from '../generated/prisma/client';
import { domainOf } from './email';
import { CITIES, NAME_PATTERNS, ORGANISATION_CORES, type SeedCity } from './names';
import { int, pick, shuffled, stream, weighted, type Rng } from './random';

/** The sector in 2024 (shared/data/sector-nl.json): member organisations and their shops. */
export const DEFAULT_MEMBER_COUNT = 62;
export const SECTOR_SHOP_COUNT = 242;

type Tier = 'chain' | 'mid' | 'small';
type Stage = 'established' | 'newcomer' | 'candidate';
type KeurmerkPlan = 'current' | 'overdue' | 'suspended';

export interface MemberPlan {
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
export const scaled = (n: number, members: number, min = 0) =>
  Math.max(min, Math.round((n * members) / DEFAULT_MEMBER_COUNT));

/** Removes and returns the first `count` items (fewer when there are not that many). */
const take = <T>(items: T[], count: number) => items.splice(0, Math.min(count, items.length));

export function planMembers(memberCount: number): MemberPlan[] {
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
