/** Identifiers: UUID-shaped (version 4, variant 8), a table prefix and a counter. */

// `employee` ids belong to hr-payroll's demo seed; the first member's sample employee user points at one.
const ID_PREFIX = {
  member: '00000000',
  user: '10000000',
  branch: '20000000',
  audit: '30000000',
  employee: '40000000',
} as const;

/** `seedId('member', 1)` = `00000000-0000-4000-8000-000000000001`. */
export const seedId = (table: keyof typeof ID_PREFIX, n: number) =>
  `${ID_PREFIX[table]}-0000-4000-8000-${String(n).padStart(12, '0')}`;
