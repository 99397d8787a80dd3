/**
 * Wage look-ups by the thousand, the costliest requests a caller may send (limits tests): one
 * `wages(requests:)` per alias, each asked for `n` look-ups.
 */
const WAGE_FIELDS = `monthly hourly basis version { id name holidayAllowance { percent } } minimumWage { hourly } explanation`;
export const aliasedWages = (aliases: number) =>
  `query ($r: [WageRequest!]!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: wages(requests: $r) { ${WAGE_FIELDS} }`).join(' ')} }`;
/** `variant` makes requests differ: identical queries in flight together would run once (coalesced). */
export const wageRequests = (n: number, variant = 0) =>
  Array.from({ length: n }, (_, i) => ({
    scale: 5,
    step: 1 + (i % 3),
    on: '2024-03-01',
    hoursPerWeek: '24',
    age: 30 + (variant % 30),
  }));
/** One wage answer has a WageLookup, its version, holiday allowance and minimum wage: 4. */
export const WAGE_COST = 4;

export const timed = async <T>(run: () => Promise<T>) => {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
};
