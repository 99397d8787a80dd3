import { formatCalendarDate } from '@samen-sterk/subgraph-runtime';
import type { HrContext } from '../builder';
import type { EmploymentInput } from '../domain/payroll/types';
import { Prisma, type ContractType, type LkvKind } from '../generated/prisma/client';

/**
 * The employments a payroll run pays, with what the run needs of them and of their employee: a
 * page at a time, in one query of plain columns (Prisma's model reads, employments and their
 * employees apart, took half of a 20,000-payslip run). Decimals and dates come as text and are
 * read the way Prisma reads them (a calendar date at 00:00 UTC, a decimal as Prisma's Decimal
 * writes it).
 */
export interface RunEmployment extends Pick<
  EmploymentInput,
  'startDate' | 'endDate' | 'hoursPerWeek' | 'contractType' | 'writtenContract' | 'applyTaxCredit' | 'lkv'
> {
  id: string;
  employeeId: string;
  lkvStatementRequestedOn: Date | null;
  caoScale: number;
  caoStep: number;
  stepSince: Date | null;
  employee: { birthDate: Date; firstName: string; lastName: string };
}

interface Row {
  id: string;
  employeeId: string;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: string;
  contractType: ContractType;
  writtenContract: boolean;
  applyTaxCredit: boolean;
  lkv: LkvKind | null;
  lkvStatementRequestedOn: string | null;
  caoScale: number;
  caoStep: number;
  stepSince: string | null;
  birthDate: string;
  firstName: string;
  lastName: string;
}

/**
 * A date column as `to_char(…, 'YYYY-MM-DD')` wrote it: always a real date, so read by position
 * (parseCalendarDate's pattern and check were a second of a 200,000-payslip run).
 */
const day = (text: string) =>
  new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))));
const dayOrNull = (text: string | null) => (text === null ? null : day(text));

/**
 * Up to `limit` of a member's employments that run in the month (`first`–`last`) or are owed back
 * pay (`backPay`), of employees after `after` (all when null), in order of employee, start, id.
 */
export async function runEmploymentsAfter(
  db: HrContext['db'] | Prisma.TransactionClient,
  memberId: string,
  month: { first: Date; last: Date },
  backPay: readonly string[],
  after: string | null,
  limit: number,
): Promise<RunEmployment[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT e.id, e.employee_id AS "employeeId", to_char(e.start_date, 'YYYY-MM-DD') AS "startDate",
           to_char(e.end_date, 'YYYY-MM-DD') AS "endDate", e.hours_per_week::text AS "hoursPerWeek",
           e.contract_type::text AS "contractType", e.written_contract AS "writtenContract",
           e.apply_tax_credit AS "applyTaxCredit", e.lkv::text AS lkv,
           to_char(e.lkv_statement_requested_on, 'YYYY-MM-DD') AS "lkvStatementRequestedOn",
           e.cao_scale AS "caoScale", e.cao_step AS "caoStep", to_char(e.step_since, 'YYYY-MM-DD') AS "stepSince",
           to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate", p.first_name AS "firstName", p.last_name AS "lastName"
    FROM employment e JOIN employee p ON p.id = e.employee_id
    WHERE e.member_id = ${memberId}
      -- Both sides of the join start after the last page (PostgreSQL does not carry a range over an
      -- equality): read from the index where the page starts, whatever the page.
      ${after === null ? Prisma.empty : Prisma.sql`AND e.employee_id > ${after} AND p.id > ${after}`}
      AND ((e.start_date <= ${formatCalendarDate(month.last)}::date
            AND (e.end_date IS NULL OR e.end_date >= ${formatCalendarDate(month.first)}::date))
           ${backPay.length === 0 ? Prisma.empty : Prisma.sql`OR e.id IN (${Prisma.join(backPay)})`})
    ORDER BY e.employee_id, e.start_date, e.id
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employeeId,
    startDate: day(r.startDate),
    endDate: dayOrNull(r.endDate),
    hoursPerWeek: new Prisma.Decimal(r.hoursPerWeek).toString(),
    contractType: r.contractType,
    writtenContract: r.writtenContract,
    applyTaxCredit: r.applyTaxCredit,
    lkv: r.lkv,
    lkvStatementRequestedOn: dayOrNull(r.lkvStatementRequestedOn),
    caoScale: Number(r.caoScale),
    caoStep: Number(r.caoStep),
    stepSince: dayOrNull(r.stepSince),
    employee: { birthDate: day(r.birthDate), firstName: r.firstName, lastName: r.lastName },
  }));
}
