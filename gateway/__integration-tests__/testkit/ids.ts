import { DEMO_SAMPLE_EMPLOYEE, demoId } from '@samen-sterk/subgraph-runtime/pure';

/**
 * Ids of the seeded demo data, from the runtime's demo-id scheme (`demoId`), never copied as
 * literals: members `00000000-…-00000000000N`, employees `40000000-…-00000000000N`.
 */
export const memberId = (n: number) => demoId('member', n);
export const employeeId = (n: number) => demoId('employee', n);

export const M1 = memberId(1);
export const M2 = memberId(2);
/** Members 7 and later have no seeded employees: what a test hires there is all there is. */
export const M7 = memberId(7);
export const M10 = memberId(10);

/** The hr-payroll seed gives each of the first six members twelve employees. */
export const SEEDED_EMPLOYEES_PER_MEMBER = 12;
/** The seeded employees of member N: 12(N−1)+1 … 12N. */
export const employeesOf = (member: number) =>
  Array.from({ length: SEEDED_EMPLOYEES_PER_MEMBER }, (_, i) =>
    employeeId(SEEDED_EMPLOYEES_PER_MEMBER * (member - 1) + i + 1),
  );

/** Member 1's sample employee, who is also a user in the members directory. */
export const SAMPLE_EMPLOYEE = DEMO_SAMPLE_EMPLOYEE;

/** Well formed, and the id of nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-999999999999';
