import demoPeople from './demo-people.json';

/**
 * The demo data's conventions that more than one subgraph's seed needs, so that no seed imports
 * another subgraph's code: the id scheme (UUID-shaped, version 4, variant 8, a prefix a kind and
 * a counter) and the one person who is both a user in the members directory and an employee in
 * hr-payroll (`pnpm -s token --role employee` speaks for her).
 */
const DEMO_ID_PREFIX = {
  member: '00000000',
  user: '10000000',
  branch: '20000000',
  audit: '30000000',
  employee: '40000000',
  supplier: '60000000',
  contract: '61000000',
  item: '62000000',
  course: '70000000',
  learningPath: '71000000',
  courseSession: '72000000',
  trainingBudget: '73000000',
} as const;

export type DemoIdKind = keyof typeof DEMO_ID_PREFIX;

/** `demoId('member', 1)` = `00000000-0000-4000-8000-000000000001`. */
export const demoId = (kind: DemoIdKind, n: number) =>
  `${DEMO_ID_PREFIX[kind]}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The first member's sample employee: its `employee` user and hr-payroll's employee 1. */
export const DEMO_SAMPLE_EMPLOYEE = {
  employeeId: demoId('employee', 1),
  memberId: demoId('member', 1),
  firstName: 'Marloes',
  lastName: 'van den Heuvel',
} as const;

/**
 * People's names for demo data (users in the directory, employees and volunteers in
 * hr-payroll): common Dutch first and last names, and names of the larger migrant communities.
 */
export const DEMO_FIRST_NAMES: readonly string[] = demoPeople.firstNames;
export const DEMO_LAST_NAMES: readonly string[] = demoPeople.lastNames;
