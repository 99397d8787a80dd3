import {
  byId,
  formatAmount,
  ofMember,
  onMember,
  readable,
  thenRead,
  todayInNetherlands,
  withInput,
} from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { managedMember } from '../access';
import { findVolunteer, PAYMENTS_NEWEST_FIRST, readVolunteer, volunteersOf, yearBounds } from '../data/volunteers';
import { ageOn } from '../domain/employment';
import {
  averagePerHour,
  type VolunteerAllowanceCheck,
  type VolunteerAllowanceLimits,
  type VolunteerLimitBreach,
  type VolunteerMonthTotals,
  type VolunteerYearTotals,
} from '../domain/volunteers';
import {
  checkAllowance,
  recordVolunteerAllowance,
  registerVolunteer,
  volunteerTotals,
  type RecordedAllowance,
} from '../services/volunteers';
import { MemberRef } from './references';

/**
 * Volunteers of a member and the allowances paid to them (vrijwilligersvergoeding), checked
 * against the untaxed limits of the volunteer scheme (the workflows in ../services/volunteers.ts,
 * the rules in ../domain/volunteers.ts). Who may see and change them: the same as for employees
 * (`managesEmployeesOf`: the member's HR staff and its payroll service).
 */

// --- Types ---------------------------------------------------------------------------------

const LimitEnum = builder.enumType('VolunteerAllowanceLimit', {
  description:
    'PER_HOUR: the hourly maximum for the age (on average over the hours of a payment); PER_MONTH: the calendar month; PER_YEAR: the calendar year.',
  values: ['PER_HOUR', 'PER_MONTH', 'PER_YEAR'] as const,
});

const LimitsRef = builder.objectRef<VolunteerAllowanceLimits>('VolunteerAllowanceLimits').implement({
  description: 'The untaxed limits of the volunteer scheme (vrijwilligersregeling) in a year, in euros.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    perHour21Plus: t.field({ type: 'Decimal', description: 'At 21 or over.', resolve: (l) => l.perHour21Plus }),
    perHourUnder21: t.field({ type: 'Decimal', resolve: (l) => l.perHourUnder21 }),
    maxPerMonth: t.field({ type: 'Decimal', resolve: (l) => l.maxPerMonth }),
    maxPerYear: t.field({ type: 'Decimal', resolve: (l) => l.maxPerYear }),
  }),
});

const BreachRef = builder.objectRef<VolunteerLimitBreach>('VolunteerAllowanceLimitBreach').implement({
  description: 'One untaxed limit a payment breaks. Above any limit the whole allowance may become taxable wage.',
  fields: (t) => ({
    limit: t.field({ type: LimitEnum, resolve: (b) => b.limit }),
    allowed: t.field({
      type: 'Decimal',
      description:
        'Euros allowed untaxed: for PER_HOUR the most for the hours of this payment (hours × hourly maximum, down to cents), else the monthly or yearly maximum.',
      resolve: (b) => b.allowed,
    }),
    actual: t.field({
      type: 'Decimal',
      description: "For PER_HOUR this payment's amount; else the month's or year's total with this payment.",
      resolve: (b) => b.actual,
    }),
    over: t.field({ type: 'Decimal', description: 'actual − allowed.', resolve: (b) => b.over }),
    message: t.exposeString('message'),
  }),
});

const CheckRef = builder.objectRef<VolunteerAllowanceCheck>('VolunteerAllowanceCheck').implement({
  description: 'An allowance payment checked against the untaxed limits of its year.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { description: 'Within every limit: the allowance stays untaxed.' }),
    limitBreaches: t.field({ type: [BreachRef], resolve: (c) => c.limitBreaches }),
    message: t.exposeString('message'),
    wholeAllowanceMayBeTaxable: t.boolean({
      description: 'A limit is broken: the whole volunteer allowance, not only the excess, may become taxable wage.',
      resolve: (c) => !c.ok,
    }),
    limits: t.field({ type: LimitsRef, resolve: (c) => c.limits }),
    year: t.exposeInt('year'),
    month: t.exposeInt('month'),
    age: t.exposeInt('age', { description: "The volunteer's age on the payment date." }),
    hourlyMaximum: t.field({ type: 'Decimal', description: 'For that age.', resolve: (c) => c.hourlyMaximum }),
    averagePerHour: t.field({
      type: 'Decimal',
      description: 'amount ÷ hours, rounded up to cents (for reading; the check compares exactly).',
      resolve: (c) => c.averagePerHour,
    }),
    monthTotal: t.field({ type: 'Decimal', description: 'The month with this payment.', resolve: (c) => c.monthTotal }),
    yearTotal: t.field({ type: 'Decimal', description: 'The year with this payment.', resolve: (c) => c.yearTotal }),
    remainingInMonth: t.field({
      type: 'Decimal',
      description: 'Still untaxed this month after this payment (never more than the year has left).',
      resolve: (c) => c.remainingInMonth,
    }),
    remainingInYear: t.field({
      type: 'Decimal',
      description: 'Still untaxed this year after this payment.',
      resolve: (c) => c.remainingInYear,
    }),
  }),
});

const MonthTotalsRef = builder.objectRef<VolunteerMonthTotals>('VolunteerAllowanceMonth').implement({
  fields: (t) => ({
    month: t.exposeInt('month'),
    period: t.exposeString('period', { description: 'YYYY-MM' }),
    payments: t.exposeInt('payments'),
    hours: t.field({ type: 'Decimal', resolve: (m) => m.hours }),
    total: t.field({ type: 'Decimal', resolve: (m) => m.total }),
    remaining: t.field({
      type: 'Decimal',
      description: 'Still untaxed this month: the monthly room, never more than the year has left.',
      resolve: (m) => m.remaining,
    }),
    over: t.field({ type: 'Decimal', description: 'Above the monthly maximum (0.00 if not).', resolve: (m) => m.over }),
  }),
});

const TotalsRef = builder.objectRef<VolunteerYearTotals>('VolunteerAllowanceTotals').implement({
  description: "A volunteer's allowances in a calendar year, per month and in all, with the room left untaxed.",
  fields: (t) => ({
    year: t.exposeInt('year'),
    limits: t.field({ type: LimitsRef, resolve: (y) => y.limits }),
    payments: t.exposeInt('payments'),
    hours: t.field({ type: 'Decimal', resolve: (y) => y.hours }),
    total: t.field({ type: 'Decimal', resolve: (y) => y.total }),
    remaining: t.field({ type: 'Decimal', description: 'Still untaxed this year.', resolve: (y) => y.remaining }),
    over: t.field({ type: 'Decimal', description: 'Above the yearly maximum (0.00 if not).', resolve: (y) => y.over }),
    withinLimits: t.exposeBoolean('withinLimits', {
      description:
        'No payment above its hourly maximum, no month above the monthly maximum, the year within the yearly maximum. If false, the whole allowance of the year may be taxable wage.',
    }),
    paymentsOverHourlyMaximum: t.exposeInt('paymentsOverHourlyMaximum'),
    months: t.field({ type: [MonthTotalsRef], description: 'January to December.', resolve: (y) => y.months }),
  }),
});

export const VolunteerAllowancePaymentRef = builder.prismaObject('VolunteerAllowancePayment', {
  description: 'An allowance paid to a volunteer.',
  authScopes: (p) => ({ managesEmployeesOf: p.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    volunteer: t.relation('volunteer'),
    paidOn: t.expose('paidOn', { type: 'Date' }),
    hours: t.expose('hours', { type: 'Decimal' }),
    amount: t.field({ type: 'Decimal', resolve: (p) => formatAmount(p.amount) }),
    averagePerHour: t.field({
      type: 'Decimal',
      description: 'amount ÷ hours, rounded up to cents.',
      resolve: (p) => averagePerHour(p.amount.toString(), p.hours.toString()),
    }),
    taxable: t.exposeBoolean('taxable', {
      description: 'Recorded although it broke an untaxed limit (acceptTaxable): the allowance may be taxable wage.',
    }),
    note: t.exposeString('note', { nullable: true }),
    createdBy: t.exposeID('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const VolunteerRef = builder.prismaObject('Volunteer', {
  description: "A volunteer at a member (not an employee); the member's HR staff and payroll service see them.",
  authScopes: (v) => ({ managesEmployeesOf: v.memberId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    member: t.field({ type: MemberRef, nullable: true, resolve: (v) => ({ id: v.memberId }) }),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    name: t.string({ resolve: (v) => `${v.firstName} ${v.lastName}` }),
    birthDate: t.expose('birthDate', { type: 'Date' }),
    age: t.int({
      description: 'Age in whole years on a date (default today).',
      args: { on: t.arg({ type: 'Date', required: false }) },
      resolve: (v, { on }) => ageOn(v.birthDate, on ?? todayInNetherlands()),
    }),
    email: t.exposeString('email', { nullable: true }),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    payments: t.relatedConnection('payments', {
      cursor: 'id',
      totalCount: true,
      description: 'Allowances paid, newest first; only those of `year` if given.',
      args: { year: t.arg.int({ required: false }) },
      query: (args) => ({
        where: args.year != null ? { paidOn: yearBounds(args.year) } : {},
        orderBy: PAYMENTS_NEWEST_FIRST,
      }),
    }),
    totals: t.field({
      type: TotalsRef,
      description: 'Allowances in a calendar year per month and in all, and the room left under the untaxed limits.',
      args: { year: t.arg.int({ required: true }) },
      resolve: (v, { year }, ctx) => volunteerTotals(ctx.db, v, year),
    }),
  }),
});

const RecordedRef = builder.objectRef<RecordedAllowance>('RecordVolunteerAllowancePayload').implement({
  fields: (t) => ({
    payment: t.field({ type: VolunteerAllowancePaymentRef, resolve: (r) => r.payment }),
    taxable: t.boolean({
      description: 'Recorded above an untaxed limit: the whole allowance may be taxable wage.',
      resolve: (r) => r.payment.taxable,
    }),
    check: t.field({ type: CheckRef, resolve: (r) => r.check }),
    warnings: t.stringList({
      description: 'Empty when the payment is within every limit.',
      resolve: (r) => r.warnings,
    }),
  }),
});

// --- Inputs --------------------------------------------------------------------------------

const RegisterVolunteerInput = builder.inputType('RegisterVolunteerInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    birthDate: t.field({ type: 'Date', required: true }),
    email: t.string({ required: false }),
    startDate: t.field({ type: 'Date', required: true }),
    endDate: t.field({ type: 'Date', required: false }),
  }),
});

const AllowanceInput = builder.inputType('VolunteerAllowanceInput', {
  fields: (t) => ({
    volunteerId: t.id({ required: true }),
    paidOn: t.field({ type: 'Date', required: true, description: 'The day the allowance is paid.' }),
    hours: t.field({
      type: 'Decimal',
      required: true,
      description: 'Hours worked that it pays for: more than 0, at most two decimals.',
    }),
    amount: t.field({ type: 'Decimal', required: true, description: 'Euros: more than 0, at most two decimals.' }),
    note: t.string({ required: false }),
  }),
});

// --- Queries and mutations -----------------------------------------------------------------

builder.queryFields((t) => ({
  volunteers: t.prismaConnection({
    type: 'Volunteer',
    cursor: 'id',
    description: "A member's volunteers, by last name (its HR staff and payroll service).",
    ...ofMember(t, managedMember, volunteersOf),
  }),
  volunteer: t.prismaField({
    type: VolunteerRef,
    ...byId(t, readable(findVolunteer)),
  }),
  checkVolunteerAllowance: t.field({
    type: CheckRef,
    description:
      'Checks an allowance payment against the untaxed limits without recording it: a warning, before paying, when it would break one.',
    args: { input: t.arg({ type: AllowanceInput, required: true }) },
    resolve: (_root, { input }, ctx) => checkAllowance(ctx, input),
  }),
}));

builder.mutationFields((t) => ({
  registerVolunteer: t.prismaField({
    type: VolunteerRef,
    authScopes: (_root, args) => ({ managesEmployeesOf: args.input.memberId }),
    description: 'Registers a volunteer at a member (its HR staff or payroll service).',
    ...withInput(t, RegisterVolunteerInput, thenRead(registerVolunteer, readVolunteer)),
  }),
  recordVolunteerAllowance: t.field({
    type: RecordedRef,
    description:
      'Records an allowance paid to a volunteer. A payment that would break an untaxed limit (per hour for the age, per month, per year) is refused with BAD_USER_INPUT on `input.amount`, unless `acceptTaxable: true`: then it is recorded as taxable, with a warning, because the whole allowance may then be taxable wage.',
    args: {
      input: t.arg({ type: AllowanceInput, required: true }),
      acceptTaxable: t.arg.boolean({
        defaultValue: false,
        description: 'Record it even though it breaks a limit (the allowance may then be taxable wage).',
      }),
    },
    resolve: (_root, { input, acceptTaxable }, ctx) => recordVolunteerAllowance(ctx, input, acceptTaxable ?? false),
  }),
}));

// Member (from the members subgraph) gains its volunteers here; its key is implemented in employee.ts.
builder.objectFields(MemberRef, (t) => ({
  volunteers: t.prismaConnection({
    nullable: true,
    type: 'Volunteer',
    cursor: 'id',
    description: "This member's volunteers (its HR staff and payroll service).",
    ...onMember(managedMember, volunteersOf),
  }),
}));
