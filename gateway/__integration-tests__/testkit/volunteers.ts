import { hrOf } from './actors';
import { expectOk } from './expect';
import { M1 } from './ids';
import type { TestPlatform } from './platform';

// Volunteers of a member and their allowances (hr-payroll): the documents the volunteer tests
// send, what they answer, and how a test counts what a request wrote.

const VOLUNTEER_FIELDS = `id name firstName lastName birthDate email startDate endDate member { id }`;
export const REGISTER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { ${VOLUNTEER_FIELDS} } }`;
const CHECK_FIELDS = `ok message wholeAllowanceMayBeTaxable year month age hourlyMaximum averagePerHour
  monthTotal yearTotal remainingInMonth remainingInYear
  limitBreaches { limit allowed actual over message }`;
export const RECORD = `mutation($input: VolunteerAllowanceInput!, $accept: Boolean) {
  recordVolunteerAllowance(input: $input, acceptTaxable: $accept) {
    taxable warnings
    payment { id paidOn hours amount averagePerHour taxable note createdBy volunteer { id } }
    check { ${CHECK_FIELDS} } } }`;
export const RECORD_DEFAULT = `mutation($input: VolunteerAllowanceInput!) {
  recordVolunteerAllowance(input: $input) { taxable payment { id } } }`;
export const CHECK = `query($input: VolunteerAllowanceInput!) { checkVolunteerAllowance(input: $input) { ${CHECK_FIELDS} } }`;
export const TOTALS = `query($id: ID!, $year: Int!) { volunteer(id: $id) { totals(year: $year) {
  year payments hours total remaining over withinLimits paymentsOverHourlyMaximum
  limits { perHour21Plus perHourUnder21 maxPerMonth maxPerYear }
  months { month period payments hours total remaining over } } } }`;

export interface Volunteer {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string | null;
  startDate: string;
  endDate: string | null;
  member: { id: string };
}
export interface LimitBreach {
  limit: string;
  allowed: string;
  actual: string;
  over: string;
  message: string;
}
export interface Check {
  ok: boolean;
  message: string;
  wholeAllowanceMayBeTaxable: boolean;
  year: number;
  month: number;
  age: number;
  hourlyMaximum: string;
  averagePerHour: string;
  monthTotal: string;
  yearTotal: string;
  remainingInMonth: string;
  remainingInYear: string;
  limitBreaches: LimitBreach[];
}
export interface Recorded {
  recordVolunteerAllowance: {
    taxable: boolean;
    warnings: string[];
    payment: {
      id: string;
      paidOn: string;
      hours: string;
      amount: string;
      averagePerHour: string;
      taxable: boolean;
      note: string | null;
      createdBy: string;
      volunteer: { id: string };
    };
    check: Check;
  };
}
interface Month {
  month: number;
  period: string;
  payments: number;
  hours: string;
  total: string;
  remaining: string;
  over: string;
}
export interface Totals {
  year: number;
  payments: number;
  hours: string;
  total: string;
  remaining: string;
  over: string;
  withinLimits: boolean;
  paymentsOverHourlyMaximum: number;
  limits: { perHour21Plus: string; perHourUnder21: string; maxPerMonth: string; maxPerYear: string };
  months: Month[];
}
/** An audit entry as the table holds it; `after` is the row written, as JSON. */
export interface AuditRow {
  action: string;
  actor_id: string;
  entity_type: string;
  after: { check?: { ok: boolean; limitBreaches: unknown[] }; [field: string]: unknown };
}

/** Wil Vrijwilliger of member 1, with `overrides`. */
export const registerInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  firstName: 'Wil',
  lastName: 'Vrijwilliger',
  birthDate: '1980-04-02',
  email: 'wil@example.org',
  startDate: '2025-01-01',
  ...overrides,
});

/** The volunteer requests of one test file; `as` is member 1's HR unless said otherwise. */
export function volunteerKit(tp: TestPlatform) {
  const tokenOr = async (as?: string) => as ?? (await hrOf(M1));
  const register = async (input: Record<string, unknown>, as?: string) =>
    tp.query<{ registerVolunteer: Volunteer }>(REGISTER, { token: await tokenOr(as), variables: { input } });
  const record = async (input: Record<string, unknown>, accept?: boolean, as?: string) =>
    tp.query<Recorded>(RECORD, {
      token: await tokenOr(as),
      variables: { input, ...(accept === undefined ? {} : { accept }) },
    });
  /** What the hr-payroll database holds, counted directly: refusals must leave it as it was. */
  const sql = <Row>(text: string, params?: unknown[]) =>
    tp.platform.subgraphs['hr-payroll']!.database.sql.query<Row>(text, params);
  return {
    register,
    /** Registers a volunteer of member 1 and returns their id. */
    newVolunteer: async (overrides: Record<string, unknown> = {}) =>
      expectOk(await register(registerInput(overrides))).registerVolunteer.id,
    record,
    checkOnly: async (input: Record<string, unknown>, as?: string) =>
      tp.query<{ checkVolunteerAllowance: Check }>(CHECK, { token: await tokenOr(as), variables: { input } }),
    totals: async (id: string, year: number) =>
      expectOk(
        await tp.query<{ volunteer: { totals: Totals } }>(TOTALS, { token: await tokenOr(), variables: { id, year } }),
      ).volunteer.totals,
    written: async () => {
      const [row] = await sql<{ volunteers: number; payments: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM volunteer) AS volunteers,
                (SELECT count(*)::int FROM volunteer_allowance_payment) AS payments,
                (SELECT count(*)::int FROM audit_log_entry) AS audit`,
      );
      return row!;
    },
    auditOf: (entityId: string) =>
      sql<AuditRow>(
        `SELECT action, actor_id, entity_type, after FROM audit_log_entry WHERE entity_id = $1 ORDER BY at`,
        [entityId],
      ),
  };
}
