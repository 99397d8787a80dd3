import { platformAdmin, tokenOf } from './actors';
import { expectOk, nonEmpty } from './expect';
import { FIRST_MEMBERS, type MemberIds } from './operations';
import { usePlatform } from './use-platform';

// What the CAO look-up tests share (cao-lookups-*.test.ts): importing it starts the platform for
// the test file and, before its first test, signs a member's HR token for the look-ups.

export const tp = usePlatform();
export let token: string;
export let admin: string;
/** The first member of the directory, by name. */
export let memberId: string;

beforeAll(async () => {
  admin = await platformAdmin();
  const res = await tp.query<MemberIds>(FIRST_MEMBERS, { token: admin, variables: { first: 1 } });
  memberId = expectOk(res).members.edges[0]!.node.id;
  token = await tokenOf('member-hr', memberId);
});

/**
 * Many look-ups in one request, in groups of 20 (the gateway's alias limit): an answer for each
 * item, in order (never none: a check of every answer must check something).
 */
export async function batched<T, Answer = Record<string, unknown>>(
  items: readonly T[],
  field: (item: T) => string,
): Promise<Answer[]> {
  nonEmpty(items);
  const results: Answer[] = [];
  for (let i = 0; i < items.length; i += 20) {
    const group = items.slice(i, i + 20);
    const res = await tp.query<Record<string, Answer>>(
      `{ ${group.map((item, j) => `a${j}: ${field(item)}`).join('\n')} }`,
      { token },
    );
    expect(res.errors).toBeUndefined();
    results.push(...group.map((_, j) => res.data![`a${j}`]!));
  }
  expect(results).toHaveLength(items.length);
  return results;
}

export const WAGE = `query($scale: Int!, $step: Int!, $on: Date!, $hours: Decimal, $age: Int) {
  wage(scale: $scale, step: $step, on: $on, hoursPerWeek: $hours, age: $age) {
    scale step on hoursPerWeek monthly hourly monthlyFullTime tableMonthlyFullTime basis liftedToMinimumWage
    minimumWageMonthlyFullTime afterEffect explanation
    minimumWage { hourly age effectiveFrom }
    version { name effectiveFrom effectiveTo }
  }
}`;
/** A wage as `WAGE` selects it. */
export interface Wage {
  scale: number;
  step: number;
  on: string;
  hoursPerWeek: string;
  monthly: string;
  hourly: string;
  monthlyFullTime: string;
  tableMonthlyFullTime: string;
  basis: string;
  liftedToMinimumWage: boolean;
  minimumWageMonthlyFullTime: string;
  afterEffect: boolean;
  explanation: string[];
  minimumWage: { hourly: string; age: number; effectiveFrom: string } | null;
  version: { name: string; effectiveFrom: string; effectiveTo: string | null };
}
export const wage = async (variables: Record<string, unknown>, as = token) =>
  tp.query<{ wage: Wage }>(WAGE, { token: as, variables });
