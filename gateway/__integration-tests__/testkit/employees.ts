import { hrOf } from './actors';
import { expectOk } from './expect';
import { M1 } from './ids';
import { bsnSequence, hireInputFor } from './people';
import type { TestPlatform } from './platform';

// Employees and employments of a member (hr-payroll): the documents the employee tests send,
// with the types of what they answer, and the requests they make most.

export const EMPLOYMENT_FIELDS = `id startDate endDate contractType writtenContract unemploymentPremiumClass functionTitle
  caoScale caoStep hoursPerWeek applyTaxCredit
  targetGroup { jobAgreementRegister lkv lkvApplicationDeadline lkvApplicationStatus }`;
const EMPLOYEE_FIELDS = `id name firstName lastName birthDate bsn bsnFull iban ibanFull email
  address { street houseNumber postcode city } employer { id name } employments { ${EMPLOYMENT_FIELDS} }`;
export const HIRE = `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { ${EMPLOYEE_FIELDS} } }`;
export const EMPLOYEE = `query($id: ID!) { employee(id: $id) { ${EMPLOYEE_FIELDS} } }`;
export const ADD_EMPLOYMENT = `mutation($employeeId: ID!, $input: EmploymentInput!) {
  addEmployment(employeeId: $employeeId, input: $input) { ${EMPLOYMENT_FIELDS} } }`;
export const UPDATE_EMPLOYMENT = `mutation($id: ID!, $input: UpdateEmploymentInput!) {
  updateEmployment(id: $id, input: $input) { ${EMPLOYMENT_FIELDS} wage { on age monthly caoVersionName } } }`;

export interface Employment {
  id: string;
  startDate: string;
  endDate: string | null;
  contractType: string;
  writtenContract: boolean;
  unemploymentPremiumClass: string;
  functionTitle: string;
  caoScale: number;
  caoStep: number;
  hoursPerWeek: string;
  applyTaxCredit: boolean;
  targetGroup: {
    jobAgreementRegister: boolean;
    lkv: string | null;
    lkvApplicationDeadline: string | null;
    lkvApplicationStatus: string | null;
  };
  wage?: { on: string; age: number; monthly: string; caoVersionName: string };
}
export interface Employee {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string;
  bsnFull: string;
  iban: string;
  ibanFull: string;
  email: string | null;
  address: { street: string; houseNumber: string; postcode: string; city: string };
  employer: { id: string; name: string };
  employments: Employment[];
}

export const IBAN = 'NL91ABNA0417164300';
/** The same BSN with its check digit off by one: fails the 11-proof. */
export const brokenBsn = (bsn: string) => `${bsn.slice(0, 8)}${(Number(bsn[8]) + 1) % 10}`;

/** Age in whole years; the birthday counts on its own day (birthdays here are never 29 February). */
export const ageOn = (birth: string, on: string) => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
};

/**
 * The employee requests of one test file, as member 1's HR unless `as` says otherwise. People it
 * hires get BSNs from `bsnFrom` on (each file its own range: no two files hire the same BSN).
 */
export function employeeKit(tp: TestPlatform, { bsnFrom }: { bsnFrom: number }) {
  const nextBsn = bsnSequence(bsnFrom);
  return {
    nextBsn,
    /** A hire of member 1 that the platform accepts, with `overrides`. */
    hireInput: (overrides: Record<string, unknown> = {}, employment: Record<string, unknown> = {}) =>
      hireInputFor(M1, nextBsn(), { iban: IBAN, ...overrides }, employment),
    hire: async (input: Record<string, unknown>, as?: string) =>
      tp.query<{ hireEmployee: Employee }>(HIRE, { token: as ?? (await hrOf(M1)), variables: { input } }),
    countOf: async (member: string) =>
      expectOk(
        await tp.query<{ employees: { totalCount: number } }>(
          `query($m: ID!) { employees(memberId: $m) { totalCount } }`,
          { token: await hrOf(member), variables: { m: member } },
        ),
      ).employees.totalCount,
    /** The CAO subgraph's own answer, through the gateway. */
    caoWage: async (v: { scale: number; step: number; on: string; hours: string; age: number }) =>
      expectOk(
        await tp.query<{ wage: { monthly: string; hourly: string; version: { name: string } } }>(
          `query($scale: Int!, $step: Int!, $on: Date!, $hours: Decimal, $age: Int) {
             wage(scale: $scale, step: $step, on: $on, hoursPerWeek: $hours, age: $age) { monthly hourly version { name } } }`,
          { token: await hrOf(M1), variables: v },
        ),
      ).wage,
  };
}
