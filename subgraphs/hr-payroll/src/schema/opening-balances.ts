import { LONG_ARGUMENTS } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { ytdColumn } from '../data/opening-balances';
import { OPENING_YEAR_TO_DATE_FIELDS } from '../domain/payroll/opening-balances';
import type { OpeningBalance } from '../generated/prisma/client';
import {
  importOpeningBalances,
  MAX_IMPORT_CHARACTERS,
  type ImportProblem,
  type OpeningBalanceImport,
} from '../services/opening-balance-import';
import { removeOpeningBalances, setOpeningBalances } from '../services/opening-balances';

/** An amount as the API writes money: two decimals ("20196.00"); null when not entered. */
const money = (value: { toFixed(places: number): string } | null) => (value === null ? null : value.toFixed(2));

const YTD_DESCRIPTION = 'This calendar year up to `asOf`, from the former payroll system; null: not entered (zero).';

const OpeningYearToDateRef = builder.objectRef<OpeningBalance>('OpeningYearToDate').implement({
  description: YTD_DESCRIPTION,
  fields: (t) =>
    Object.fromEntries(
      OPENING_YEAR_TO_DATE_FIELDS.map((f) => [
        f,
        t.field({ type: 'Decimal', nullable: true, resolve: (b) => money(b[ytdColumn(f)]) }),
      ]),
    ),
});

builder.prismaObject('OpeningBalance', {
  name: 'OpeningBalances',
  description:
    "An employee's figures from the member's former payroll system: the first month paid here carries on from them. " +
    "They can change until the employee's first approved or paid payslip here.",
  fields: (t) => ({
    employeeId: t.exposeID('employeeId'),
    asOf: t.expose('asOf', {
      type: 'Date',
      description: 'The last day the former system paid; paid here from the next.',
    }),
    holidayAllowanceAccrued: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.holidayAllowanceAccrued),
    }),
    holidayAllowanceAccruedOnWages: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.holidayAllowanceAccruedOnWages),
    }),
    previousYearAnnualWage: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (b) => money(b.previousYearAnnualWage),
      description: 'The annual wage for the special-payments table of the first year paid here.',
    }),
    yearToDate: t.field({ type: OpeningYearToDateRef, resolve: (b) => b }),
    enteredBy: t.exposeID('enteredBy'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Employee', 'openingBalances', (t) =>
  t.relation('openingBalance', { nullable: true, description: 'Figures from the former payroll system, if entered.' }),
);

const OpeningYearToDateInput = builder.inputType('OpeningYearToDateInput', {
  description: YTD_DESCRIPTION,
  fields: (t) => Object.fromEntries(OPENING_YEAR_TO_DATE_FIELDS.map((f) => [f, t.field({ type: 'Decimal' })])),
});

const OpeningBalancesInput = builder.inputType('OpeningBalancesInput', {
  description: 'All figures at once: one not given is not entered.',
  fields: (t) => ({
    asOf: t.field({
      type: 'Date',
      required: true,
      description: 'The last day the former system paid: the last day of a month, not in the future.',
    }),
    holidayAllowanceAccrued: t.field({
      type: 'Decimal',
      description: 'Holiday allowance reserved and not yet paid on asOf (since June).',
    }),
    holidayAllowanceAccruedOnWages: t.field({
      type: 'Decimal',
      description: 'The wages it was reserved on, if known.',
    }),
    previousYearAnnualWage: t.field({
      type: 'Decimal',
      description: "Last year's annual wage (taxable wage, special payments included) for the special-payments table.",
    }),
    yearToDate: t.field({ type: OpeningYearToDateInput }),
  }),
});

const ImportProblemRef = builder.objectRef<ImportProblem>('OpeningBalanceImportProblem').implement({
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'The line of the file; the header is line 1.' }),
    column: t.exposeString('column', { nullable: true, description: 'Null: the row as a whole.' }),
    message: t.exposeString('message'),
  }),
});

const ImportRef = builder.objectRef<OpeningBalanceImport>('OpeningBalanceImport').implement({
  fields: (t) => ({
    applied: t.exposeBoolean('applied', { description: 'Stored: every row accepted, and not a dry run.' }),
    dryRun: t.exposeBoolean('dryRun'),
    rows: t.exposeInt('rows', { description: 'Rows read, the header not counted.' }),
    accepted: t.exposeInt('accepted'),
    refused: t.field({ type: [ImportProblemRef], resolve: (r) => r.refused }),
  }),
});

// By employee id, `signedIn`: another member's employee is "not found" (the service's finder).
builder.mutationFields((t) => ({
  setOpeningBalances: t.prismaField({
    type: 'OpeningBalance',
    description:
      "Enters an employee's figures from the former payroll system (HR of the member, or its payroll service). " +
      'Refused (CONFLICT) once the employee has an approved or paid payslip here. Audited.',
    args: {
      employeeId: t.arg.id({ required: true }),
      input: t.arg({ type: OpeningBalancesInput, required: true }),
    },
    resolve: (query, _root, { employeeId, input }, ctx) => setOpeningBalances(ctx, employeeId, input, query),
  }),
  removeOpeningBalances: t.boolean({
    description:
      'Removes figures entered by mistake, until the first approved or paid payslip here. False: there were none.',
    args: { employeeId: t.arg.id({ required: true }) },
    resolve: (_root, { employeeId }, ctx) => removeOpeningBalances(ctx, employeeId),
  }),
  importOpeningBalances: t.field({
    type: ImportRef,
    description:
      "A member's opening balances from a CSV file (header: employeeId or bsn, asOf, holidayAllowanceAccrued, " +
      "holidayAllowanceAccruedOnWages, previousYearAnnualWage and the yearToDate fields' names). All or nothing: " +
      'with any row refused nothing is stored, and the report names each refused line and column. `dryRun`: only the report.',
    args: {
      memberId: t.arg.id({ required: true }),
      csv: t.arg.string({ required: true }),
      dryRun: t.arg.boolean({ defaultValue: false }),
    },
    authScopes: (_root, args) => ({ managesEmployeesOf: args.memberId }),
    // A whole file: longer than the 10,000 characters other string arguments may have.
    extensions: { [LONG_ARGUMENTS]: { csv: MAX_IMPORT_CHARACTERS } },
    resolve: (_root, { memberId, csv, dryRun }, ctx) => importOpeningBalances(ctx, memberId, csv, dryRun ?? false),
  }),
}));
