/** Shops (branches) of the members: where they are, their addresses and when they opened or closed. */
import { addDays, calendarDate, dateBetween, maxDate, minDate } from './dates';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { CITIES, FORBIDDEN_POSTCODE_LETTER_PAIRS, POSTCODE_LETTERS, STREETS, type SeedCity } from './names';
import { scaled, type MemberPlan } from './plan';
import { int, pick, shuffled, stream, weighted, type Rng } from './random';
import type { SeedBranch } from './rows';

const FIRST_SHOP_OPENED = calendarDate('1985-01-01');

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

/** Closed shops: a couple, among the chains' later openings (`memberIndex:shopIndex`). */
export function closedShops(plans: readonly MemberPlan[]): Set<string> {
  const closable = shuffled(
    stream('closed'),
    plans
      .filter((plan) => plan.tier === 'chain')
      .flatMap((plan) => Array.from({ length: plan.shopCount - 1 }, (_, k) => `${plan.index}:${k + 1}`)),
  );
  return new Set(closable.slice(0, scaled(2, plans.length)));
}

/**
 * A member's shop rows, numbered on after the `before` shops of earlier members. Names and
 * addresses come from one stream, dates from another.
 */
export function shopRows(
  plan: MemberPlan,
  memberId: string,
  memberSince: Date,
  today: Date,
  closed: ReadonlySet<string>,
  before: number,
): SeedBranch[] {
  const shopRng = stream('shops', plan.index);
  const shopDatesRng = stream('shop-dates', plan.index);
  const names = new Set<string>();
  const firstOpened = maxDate(FIRST_SHOP_OPENED, addDays(memberSince, -int(shopDatesRng, 0, 6 * 365)));
  return shopLocations(plan, shopRng).map((location, k) => {
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
    return {
      id: demoId('branch', before + k + 1),
      memberId,
      name,
      street,
      houseNumber: houseNumber(shopRng),
      postcode: postcode(shopRng, location.city),
      city: location.city.name,
      openedOn,
      closedOn: isClosed ? dateBetween(shopDatesRng, addDays(openedOn, 365), addDays(today, -14)) : null,
    };
  });
}
