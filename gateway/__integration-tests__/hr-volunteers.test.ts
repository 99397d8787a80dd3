import type { DevelopmentTokenClaims, Role } from '@samen-sterk/subgraph-runtime';
import { tokenFor } from './testkit/auth';
import { errorCodes, type GraphQLResponse } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// Volunteers of a member and their allowances, through the gateway: registering, recording
// payments within the untaxed limits of the volunteer scheme (2026: €5.75 an hour at 21 or
// over, €3.40 under 21, €220 a month, €2,200 a year; 2025: €5.60, €3.30, €210, €2,100),
// refusing one that breaks a limit unless it is explicitly accepted as taxable, the check
// that only warns, the totals per month and year; who may do it, and that a refusal writes
// nothing (neither a payment nor an audit entry).
let tp: TestPlatform;

const memberId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const M1 = memberId(1);
const M2 = memberId(2);

const token = (claims: Partial<DevelopmentTokenClaims> & { roles: Role[] }) => tokenFor(claims);
const hrOf = (member: string) => token({ sub: `hr-${member}`, roles: ['member-hr'], memberId: member });
const payrollFor = (...members: string[]) =>
  token({ sub: `payroll-${members.join('+')}`, roles: ['payroll-service'], payrollMemberIds: members });

let hr1: string;

const VOLUNTEER_FIELDS = `id name firstName lastName birthDate email startDate endDate member { id }`;
const REGISTER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { ${VOLUNTEER_FIELDS} } }`;
const CHECK_FIELDS = `ok message wholeAllowanceMayBeTaxable year month age hourlyMaximum averagePerHour
  monthTotal yearTotal remainingInMonth remainingInYear
  limitBreaches { limit allowed actual over message }`;
const RECORD = `mutation($input: VolunteerAllowanceInput!, $accept: Boolean) {
  recordVolunteerAllowance(input: $input, acceptTaxable: $accept) {
    taxable warnings
    payment { id paidOn hours amount averagePerHour taxable note createdBy volunteer { id } }
    check { ${CHECK_FIELDS} } } }`;
const RECORD_DEFAULT = `mutation($input: VolunteerAllowanceInput!) {
  recordVolunteerAllowance(input: $input) { taxable payment { id } } }`;
const CHECK = `query($input: VolunteerAllowanceInput!) { checkVolunteerAllowance(input: $input) { ${CHECK_FIELDS} } }`;
const TOTALS = `query($id: ID!, $year: Int!) { volunteer(id: $id) { totals(year: $year) {
  year payments hours total remaining over withinLimits paymentsOverHourlyMaximum
  limits { perHour21Plus perHourUnder21 maxPerMonth maxPerYear }
  months { month period payments hours total remaining over } } } }`;

const registerInput = (overrides: Record<string, unknown> = {}) => ({
  memberId: M1,
  firstName: 'Wil',
  lastName: 'Vrijwilliger',
  birthDate: '1980-04-02',
  email: 'wil@example.org',
  startDate: '2025-01-01',
  ...overrides,
});
const register = (input: Record<string, unknown>, as = hr1) =>
  tp.query<any>(REGISTER, { token: as, variables: { input } });
/** Registers a volunteer of member 1 and returns their id. */
const newVolunteer = async (overrides: Record<string, unknown> = {}) => {
  const res = await register(registerInput(overrides));
  expect(res.errors).toBeUndefined();
  return res.data.registerVolunteer.id as string;
};
const record = (input: Record<string, unknown>, accept?: boolean, as = hr1) =>
  tp.query<any>(RECORD, { token: as, variables: { input, ...(accept === undefined ? {} : { accept }) } });
const checkOnly = (input: Record<string, unknown>, as = hr1) =>
  tp.query<any>(CHECK, { token: as, variables: { input } });
const totals = async (id: string, year: number) => {
  const res = await tp.query<any>(TOTALS, { token: hr1, variables: { id, year } });
  expect(res.errors).toBeUndefined();
  return res.data.volunteer.totals;
};
const firstError = (res: GraphQLResponse) => res.errors?.[0];

/** What the hr-payroll database holds, counted directly: refusals must leave it as it was. */
const sql = <Row>(text: string, params?: unknown[]) =>
  tp.platform.subgraphs['hr-payroll']!.database.sql.query<Row>(text, params);
const written = async () => {
  const [row] = await sql<{ volunteers: number; payments: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM volunteer) AS volunteers,
            (SELECT count(*)::int FROM volunteer_allowance_payment) AS payments,
            (SELECT count(*)::int FROM audit_log_entry) AS audit`,
  );
  return row!;
};
const auditOf = (entityId: string) =>
  sql<{ action: string; actor_id: string; entity_type: string; after: any }>(
    `SELECT action, actor_id, entity_type, after FROM audit_log_entry WHERE entity_id = $1 ORDER BY at`,
    [entityId],
  );

beforeAll(async () => {
  tp = await startTestPlatform();
  hr1 = await hrOf(M1);
});
afterAll(() => tp?.stop());

describe('registering volunteers', () => {
  test('HR registers a volunteer; the list, Member.volunteers and the audit log show them', async () => {
    const before = await written();
    const res = await register(registerInput({ firstName: ' Wil ', endDate: '2026-12-31' }));
    expect(res.errors).toBeUndefined();
    const v = res.data.registerVolunteer;
    expect(v).toMatchObject({
      name: 'Wil Vrijwilliger',
      firstName: 'Wil',
      birthDate: '1980-04-02',
      email: 'wil@example.org',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      member: { id: M1 },
    });
    expect(await written()).toEqual({ ...before, volunteers: before.volunteers + 1, audit: before.audit + 1 });
    const audit = await auditOf(v.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'REGISTER_VOLUNTEER', actor_id: `hr-${M1}`, entity_type: 'Volunteer' });
    expect(audit[0]!.after).toMatchObject({
      id: v.id,
      memberId: M1,
      lastName: 'Vrijwilliger',
      birthDate: '1980-04-02T00:00:00.000Z',
    });

    const list: any = await tp.query(
      `query($m: ID!) { volunteers(memberId: $m, first: 50) { totalCount edges { node { id member { id } } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.volunteers.edges.map((e: any) => e.node.id)).toContain(v.id);
    // The member's name comes from the members subgraph, its volunteers from hr-payroll.
    const member: any = await tp.query(
      `query($m: ID!) { member(id: $m) { name volunteers(first: 50) { totalCount edges { node { id name } } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    expect(member.errors).toBeUndefined();
    expect(member.data.member.name).toEqual(expect.any(String));
    expect(member.data.member.volunteers.totalCount).toBe(list.data.volunteers.totalCount);
    expect(member.data.member.volunteers.edges.map((e: any) => e.node.id)).toContain(v.id);
  });

  test('the payroll service for the member may register too', async () => {
    const res = await register(registerInput({ lastName: 'Via Salarisbureau' }), await payrollFor(M2, M1));
    expect(res.errors).toBeUndefined();
    expect(res.data.registerVolunteer.member.id).toBe(M1);
  });

  test.each([
    ['an empty first name', { firstName: '  ' }, 'input.firstName'],
    ['an end before the start', { startDate: '2026-03-01', endDate: '2026-02-28' }, 'input.endDate'],
    ['a start before the birth', { birthDate: '2000-01-01', startDate: '1999-12-31' }, 'input.startDate'],
    ['a birth date in the future', { birthDate: '2999-01-01', startDate: '2999-02-01' }, 'input.birthDate'],
    ['an e-mail address without @', { email: 'wil.example.org' }, 'input.email'],
  ])('%s is BAD_USER_INPUT on %s, and nothing is written', async (_label, overrides, field) => {
    const before = await written();
    const res = await register(registerInput(overrides));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(res)?.extensions?.field).toBe(field);
    expect(await written()).toEqual(before);
  });

  test('a date that is no date is BAD_USER_INPUT', async () => {
    const res = await register(registerInput({ birthDate: '1980-02-30' }));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('recording allowances within the limits', () => {
  let volunteer: string;
  beforeAll(async () => {
    volunteer = await newVolunteer({ lastName: 'Binnen' });
  });

  test('10 hours for €57.50 (the 2026 maximum of €5.75 an hour) is recorded, untaxed, and audited', async () => {
    const before = await written();
    const res = await record({
      volunteerId: volunteer,
      paidOn: '2026-03-10',
      hours: '10',
      amount: '57.50',
      note: 'maart',
    });
    expect(res.errors).toBeUndefined();
    const r = res.data.recordVolunteerAllowance;
    expect(r.taxable).toBe(false);
    expect(r.warnings).toEqual([]);
    expect(r.payment).toMatchObject({
      paidOn: '2026-03-10',
      hours: '10',
      amount: '57.50',
      averagePerHour: '5.75',
      taxable: false,
      note: 'maart',
      createdBy: `hr-${M1}`,
      volunteer: { id: volunteer },
    });
    // Month: 220 − 57.50 = 162.50 left; year: 2200 − 57.50 = 2142.50.
    expect(r.check).toMatchObject({
      ok: true,
      wholeAllowanceMayBeTaxable: false,
      limitBreaches: [],
      year: 2026,
      month: 3,
      age: 45,
      hourlyMaximum: '5.75',
      monthTotal: '57.50',
      yearTotal: '57.50',
      remainingInMonth: '162.50',
      remainingInYear: '2142.50',
    });
    expect(await written()).toEqual({ ...before, payments: before.payments + 1, audit: before.audit + 1 });
    const audit = await auditOf(r.payment.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'RECORD_VOLUNTEER_ALLOWANCE',
      actor_id: `hr-${M1}`,
      entity_type: 'VolunteerAllowancePayment',
    });
    expect(audit[0]!.after).toMatchObject({
      volunteerId: volunteer,
      memberId: M1,
      taxable: false,
      paidOn: '2026-03-10T00:00:00.000Z',
    });
    expect(audit[0]!.after.check).toMatchObject({ ok: true, limitBreaches: [] });
  });

  test('acceptTaxable defaults to false', async () => {
    const res = await tp.query<any>(RECORD_DEFAULT, {
      token: hr1,
      variables: { input: { volunteerId: volunteer, paidOn: '2026-03-11', hours: '1', amount: '5' } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordVolunteerAllowance.taxable).toBe(false);
  });

  test('the payments appear on the volunteer, newest first, and per year', async () => {
    const res: any = await tp.query(
      `query($id: ID!) { volunteer(id: $id) {
         all: payments(first: 10) { totalCount edges { node { paidOn amount } } }
         y2026: payments(year: 2026) { totalCount }
         y2025: payments(year: 2025) { totalCount } } }`,
      { token: hr1, variables: { id: volunteer } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.volunteer.all.edges.map((e: any) => e.node)).toEqual([
      { paidOn: '2026-03-11', amount: '5.00' },
      { paidOn: '2026-03-10', amount: '57.50' },
    ]);
    expect(res.data.volunteer.all.totalCount).toBe(2);
    expect(res.data.volunteer.y2026.totalCount).toBe(2);
    expect(res.data.volunteer.y2025.totalCount).toBe(0);
  });
});

describe('a payment that breaks a limit', () => {
  let volunteer: string;
  beforeAll(async () => {
    volunteer = await newVolunteer({ lastName: 'Boven' });
  });
  const sixty = () => ({ volunteerId: volunteer, paidOn: '2026-05-04', hours: '10', amount: '60.00' });

  test('€60 for 10 hours is refused on input.amount: per hour, €2.50 over, the whole allowance taxable; nothing written', async () => {
    const before = await written();
    const res = await record(sixty());
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const error = firstError(res)!;
    expect(error.extensions?.field).toBe('input.amount');
    expect(error.message).toContain('per hour: €60.00 for 10 hours is more than €5.75 an hour');
    expect(error.message).toContain('at most €57.50 for these hours, €2.50 over');
    expect(error.message).toContain('WHOLE volunteer allowance');
    expect(error.message).toContain('taxable wage');
    expect(error.message).toContain('acceptTaxable: true');
    expect(error.extensions?.limitBreaches).toEqual([
      { limit: 'PER_HOUR', allowed: '57.50', actual: '60.00', over: '2.50' },
    ]);
    expect(res.data?.recordVolunteerAllowance ?? null).toBeNull();
    expect(await written()).toEqual(before);
  });

  test('acceptTaxable: false is the same refusal', async () => {
    const before = await written();
    const res = await record(sixty(), false);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(await written()).toEqual(before);
  });

  test('checkVolunteerAllowance warns with the same breach and writes nothing', async () => {
    const before = await written();
    const res = await checkOnly(sixty());
    expect(res.errors).toBeUndefined();
    const c = res.data.checkVolunteerAllowance;
    expect(c).toMatchObject({ ok: false, wholeAllowanceMayBeTaxable: true, averagePerHour: '6.00', age: 46 });
    expect(c.limitBreaches).toEqual([
      {
        limit: 'PER_HOUR',
        allowed: '57.50',
        actual: '60.00',
        over: '2.50',
        message: expect.stringContaining('€2.50 over'),
      },
    ]);
    expect(c.message).toContain('WHOLE volunteer allowance');
    expect(await written()).toEqual(before);
  });

  test('with acceptTaxable: true it is recorded as taxable, with a warning, and audited as such', async () => {
    const before = await written();
    const res = await record(sixty(), true);
    expect(res.errors).toBeUndefined();
    const r = res.data.recordVolunteerAllowance;
    expect(r.taxable).toBe(true);
    expect(r.payment).toMatchObject({ amount: '60.00', taxable: true });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Recorded as TAXABLE\. /);
    expect(r.warnings[0]).toContain('€2.50 over');
    expect(r.check.limitBreaches.map((b: any) => b.limit)).toEqual(['PER_HOUR']);
    expect(await written()).toEqual({ ...before, payments: before.payments + 1, audit: before.audit + 1 });
    const [audit] = await auditOf(r.payment.id);
    expect(audit).toMatchObject({
      action: 'RECORD_TAXABLE_VOLUNTEER_ALLOWANCE',
      entity_type: 'VolunteerAllowancePayment',
    });
    expect(audit!.after).toMatchObject({ taxable: true });
    expect(audit!.after.check.limitBreaches).toEqual([
      { limit: 'PER_HOUR', allowed: '57.50', actual: '60.00', over: '2.50' },
    ]);

    const t = await totals(volunteer, 2026);
    expect(t).toMatchObject({ withinLimits: false, paymentsOverHourlyMaximum: 1, total: '60.00' });
  });

  test('acceptTaxable on a payment within the limits records it untaxed', async () => {
    const res = await record({ volunteerId: volunteer, paidOn: '2026-05-05', hours: '2', amount: '11.50' }, true);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordVolunteerAllowance).toMatchObject({ taxable: false, warnings: [] });
  });
});

describe('the monthly and yearly maxima, and the age', () => {
  test('April 2026: three payments of €55, a fourth of €56 reaches €221 (€1 over the month); €55 fits exactly', async () => {
    const id = await newVolunteer({ lastName: 'Maand' });
    for (const day of ['01', '08', '15']) {
      const res = await record({ volunteerId: id, paidOn: `2026-04-${day}`, hours: '10', amount: '55' });
      expect(res.errors).toBeUndefined();
    }
    const before = await written();
    const res = await record({ volunteerId: id, paidOn: '2026-04-22', hours: '10', amount: '56' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(res)?.extensions).toMatchObject({
      field: 'input.amount',
      limitBreaches: [{ limit: 'PER_MONTH', allowed: '220.00', actual: '221.00', over: '1.00' }],
    });
    expect(firstError(res)?.message).toContain('€221.00 in April 2026');
    expect(await written()).toEqual(before);

    // The check says the same.
    const warned = await checkOnly({ volunteerId: id, paidOn: '2026-04-22', hours: '10', amount: '56' });
    expect(warned.data.checkVolunteerAllowance.limitBreaches.map((b: any) => [b.limit, b.over])).toEqual([
      ['PER_MONTH', '1.00'],
    ]);

    const fits = await record({ volunteerId: id, paidOn: '2026-04-29', hours: '10', amount: '55' });
    expect(fits.errors).toBeUndefined();
    expect(fits.data.recordVolunteerAllowance.check).toMatchObject({
      ok: true,
      monthTotal: '220.00',
      remainingInMonth: '0.00',
      remainingInYear: '1980.00',
    });
    // May is a new month.
    const may = await record({ volunteerId: id, paidOn: '2026-05-01', hours: '1', amount: '1' });
    expect(may.data.recordVolunteerAllowance.check).toMatchObject({ ok: true, monthTotal: '1.00' });

    const t = await totals(id, 2026);
    expect(t).toMatchObject({
      year: 2026,
      payments: 5,
      hours: '41',
      total: '221.00',
      remaining: '1979.00',
      over: '0.00',
      withinLimits: true,
      limits: { perHour21Plus: '5.75', perHourUnder21: '3.40', maxPerMonth: '220.00', maxPerYear: '2200.00' },
    });
    expect(t.months).toHaveLength(12);
    expect(t.months[3]).toEqual({
      month: 4,
      period: '2026-04',
      payments: 4,
      hours: '40',
      total: '220.00',
      remaining: '0.00',
      over: '0.00',
    });
    expect(t.months[4]).toMatchObject({ period: '2026-05', total: '1.00', remaining: '219.00' });
    expect(t.months[0]).toMatchObject({ period: '2026-01', payments: 0, total: '0.00', remaining: '220.00' });
  });

  test('two payments at the same time cannot both take the last room of a month', async () => {
    const id = await newVolunteer({ lastName: 'Tegelijk' });
    // €120 for 30 hours (€4 an hour) twice: 240 > 220, so exactly one may be recorded.
    const both = await Promise.all(
      ['2026-07-01', '2026-07-02'].map((paidOn) => record({ volunteerId: id, paidOn, hours: '30', amount: '120' })),
    );
    expect(both.map((res) => errorCodes(res)).sort()).toEqual([[], ['BAD_USER_INPUT']]);
    expect((await totals(id, 2026)).months[6]).toMatchObject({ payments: 1, total: '120.00' });
  });

  test('2025: ten months of €210 reach the yearly €2,100; €1 more is €1 over the year', async () => {
    const id = await newVolunteer({ lastName: 'Jaar' });
    for (let month = 1; month <= 10; month++) {
      const res = await record({
        volunteerId: id,
        paidOn: `2025-${String(month).padStart(2, '0')}-28`,
        hours: '40',
        amount: '210',
      });
      expect(res.errors).toBeUndefined();
    }
    const res = await record({ volunteerId: id, paidOn: '2025-11-28', hours: '1', amount: '1' });
    expect(firstError(res)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.amount',
      limitBreaches: [{ limit: 'PER_YEAR', allowed: '2100.00', actual: '2101.00', over: '1.00' }],
    });
    const t = await totals(id, 2025);
    expect(t).toMatchObject({ total: '2100.00', remaining: '0.00', withinLimits: true });
    expect(t.months[10]).toMatchObject({ period: '2025-11', total: '0.00', remaining: '0.00' });
    expect(t.limits).toEqual({
      perHour21Plus: '5.60',
      perHourUnder21: '3.30',
      maxPerMonth: '210.00',
      maxPerYear: '2100.00',
    });
    // 2026 starts again from nothing.
    expect((await totals(id, 2026)).remaining).toBe('2200.00');
  });

  test('under 21 the hourly maximum is €3.40: €40 for 10 hours is €6 over the day before the 21st birthday, fine on it', async () => {
    const id = await newVolunteer({ lastName: 'Jong', birthDate: '2005-06-15' });
    const before = await checkOnly({ volunteerId: id, paidOn: '2026-06-14', hours: '10', amount: '40' });
    expect(before.data.checkVolunteerAllowance).toMatchObject({ age: 20, hourlyMaximum: '3.40', ok: false });
    expect(before.data.checkVolunteerAllowance.limitBreaches.map((b: any) => [b.limit, b.allowed, b.over])).toEqual([
      ['PER_HOUR', '34.00', '6.00'],
    ]);
    const refused = await record({ volunteerId: id, paidOn: '2026-06-14', hours: '10', amount: '40' });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(refused)?.message).toContain('volunteers under 21');
    const on = await record({ volunteerId: id, paidOn: '2026-06-15', hours: '10', amount: '40' });
    expect(on.errors).toBeUndefined();
    expect(on.data.recordVolunteerAllowance.check).toMatchObject({ age: 21, hourlyMaximum: '5.75', ok: true });
  });
});

describe('bad input', () => {
  let volunteer: string;
  beforeAll(async () => {
    volunteer = await newVolunteer({ lastName: 'Fout', startDate: '2025-03-01' });
  });
  const input = (overrides: Record<string, unknown>) => ({
    volunteerId: volunteer,
    paidOn: '2026-02-02',
    hours: '4',
    amount: '20',
    ...overrides,
  });

  test.each([
    ['zero hours', { hours: '0' }, 'input.hours'],
    ['negative hours', { hours: '-2' }, 'input.hours'],
    ['hours with three decimals', { hours: '1.125' }, 'input.hours'],
    ['more hours than the column holds', { hours: '10000' }, 'input.hours'],
    ['a zero amount', { amount: '0' }, 'input.amount'],
    ['a negative amount', { amount: '-20' }, 'input.amount'],
    ['an amount with three decimals', { amount: '20.005' }, 'input.amount'],
    ['a payment before the volunteer started', { paidOn: '2025-02-28' }, 'input.paidOn'],
    ['a note of 501 characters', { note: 'x'.repeat(501) }, 'input.note'],
  ])('%s: BAD_USER_INPUT on %s, for the check and the record, nothing written', async (_label, overrides, field) => {
    const before = await written();
    for (const res of [await record(input(overrides), true), await checkOnly(input(overrides))]) {
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(firstError(res)?.extensions?.field).toBe(field);
    }
    expect(await written()).toEqual(before);
  });

  test.each(['2027-01-05', '2024-12-31'])(
    'a payment on %s, a year without limits, is BAD_USER_INPUT naming the date',
    async (paidOn) => {
      const id = await newVolunteer({ lastName: 'Ander Jaar', startDate: '2020-01-01' });
      const before = await written();
      for (const res of [
        await record(input({ volunteerId: id, paidOn }), true),
        await checkOnly(input({ volunteerId: id, paidOn })),
      ]) {
        expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
        expect(firstError(res)?.extensions?.field).toBe('input.paidOn');
        expect(firstError(res)?.message).toContain(paidOn);
        expect(firstError(res)?.message).toContain('2025 and 2026');
      }
      expect(await written()).toEqual(before);
    },
  );

  test('totals for a year without limits are BAD_USER_INPUT on year', async () => {
    const res = await tp.query<any>(TOTALS, { token: hr1, variables: { id: volunteer, year: 2027 } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(res)?.extensions?.field).toBe('year');
  });

  test('an amount sent as a JSON number, or not a number, is BAD_USER_INPUT', async () => {
    const before = await written();
    for (const amount of [57.5, 'zeven']) {
      const res = await record(input({ amount }));
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await written()).toEqual(before);
  });

  test('an unknown volunteer is NOT_FOUND', async () => {
    const res = await record(input({ volunteerId: '99999999-0000-4000-8000-000000000000' }));
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('who may see and change volunteers', () => {
  let volunteer: string;
  beforeAll(async () => {
    volunteer = await newVolunteer({ lastName: 'Geheim', email: 'geheim@example.org' });
    const res = await record({
      volunteerId: volunteer,
      paidOn: '2026-02-10',
      hours: '8',
      amount: '46',
      note: 'februari',
    });
    expect(res.errors).toBeUndefined();
  });
  const expectNoLeak = (res: GraphQLResponse) => {
    const text = JSON.stringify(res);
    for (const secret of ['Geheim', 'geheim@example.org', 'februari', '46.00']) expect(text).not.toContain(secret);
  };

  test('the payroll service for member 1 sees the volunteer and records allowances', async () => {
    const as = await payrollFor(M1);
    const one: any = await tp.query(`query($id: ID!) { volunteer(id: $id) { name payments { totalCount } } }`, {
      token: as,
      variables: { id: volunteer },
    });
    expect(one.errors).toBeUndefined();
    expect(one.data.volunteer).toEqual({ name: 'Wil Geheim', payments: { totalCount: 1 } });
    const res = await record({ volunteerId: volunteer, paidOn: '2026-02-11', hours: '1', amount: '5' }, false, as);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordVolunteerAllowance.payment.createdBy).toBe(`payroll-${M1}`);
  });

  const refused: [string, () => Promise<string>][] = [
    ['member-hr of member 2', () => hrOf(M2)],
    ['payroll-service for member 2', () => payrollFor(M2)],
    ['payroll-service for no member', () => payrollFor()],
    [
      'an employee of member 1',
      () =>
        token({
          roles: ['employee'],
          memberId: M1,
          employeeId: '40000000-0000-4000-8000-000000000001',
        }),
    ],
    ...(['member-admin', 'member-purchaser', 'member-approver'] as Role[]).map(
      (role) =>
        [`${role} of member 1`, () => token({ roles: [role], memberId: M1 })] as [string, () => Promise<string>],
    ),
    ...(['association-cao', 'platform-admin'] as Role[]).map(
      (role) => [role, () => token({ roles: [role] })] as [string, () => Promise<string>],
    ),
    [
      'payroll-service for member 2 with memberId member 1',
      () => token({ roles: ['payroll-service'], memberId: M1, payrollMemberIds: [M2] }),
    ],
  ];

  test.each(refused)(
    '%s: FORBIDDEN for member 1 (register, list, count, Member.volunteers), NOT_FOUND for its volunteer; nothing written or leaked',
    async (_label, make) => {
      const as = await make();
      const before = await written();

      const registered = await register(registerInput({ lastName: 'Indringer' }), as);
      expect(errorCodes(registered)).toEqual(['FORBIDDEN']);
      expect(registered.data?.registerVolunteer ?? null).toBeNull();

      for (const query of [
        `query($m: ID!) { volunteers(memberId: $m, first: 50) { totalCount edges { node { id name email } } } }`,
        `query($m: ID!) { volunteers(memberId: $m) { totalCount } }`,
        `query($m: ID!) { member(id: $m) { volunteers(first: 50) { totalCount edges { node { name } } } } }`,
        `query($m: ID!) { member(id: $m) { volunteers { totalCount } } }`,
      ]) {
        const res = await tp.query<any>(query, { token: as, variables: { m: M1 } });
        expect(errorCodes(res)).toEqual(['FORBIDDEN']);
        expectNoLeak(res);
      }

      const payment = { volunteerId: volunteer, paidOn: '2026-02-12', hours: '1', amount: '5' };
      for (const res of [
        await record(payment, true, as),
        await checkOnly(payment, as),
        await tp.query<any>(`query($id: ID!) { volunteer(id: $id) { name payments { totalCount } } }`, {
          token: as,
          variables: { id: volunteer },
        }),
      ]) {
        expect(errorCodes(res)).toEqual(['NOT_FOUND']);
        expectNoLeak(res);
      }
      expect(await written()).toEqual(before);
    },
  );

  test('without a token: UNAUTHENTICATED, and nothing written', async () => {
    const before = await written();
    const payment = { volunteerId: volunteer, paidOn: '2026-02-12', hours: '1', amount: '5' };
    for (const res of [
      await tp.query<any>(REGISTER, { variables: { input: registerInput() } }),
      await tp.query<any>(RECORD, { variables: { input: payment, accept: true } }),
      await tp.query<any>(CHECK, { variables: { input: payment } }),
      await tp.query<any>(`query($m: ID!) { volunteers(memberId: $m) { totalCount } }`, { variables: { m: M1 } }),
    ]) {
      expect(errorCodes(res)).toContain('UNAUTHENTICATED');
      expect(errorCodes(res).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
      expectNoLeak(res);
    }
    expect(await written()).toEqual(before);
  });
});
