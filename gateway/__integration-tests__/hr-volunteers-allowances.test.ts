import { hrOf } from './testkit/actors';
import { expectOk, expectRefused, firstError } from './testkit/expect';
import { M1 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';
import { RECORD_DEFAULT, volunteerKit } from './testkit/volunteers';

// Volunteers of a member and their allowances, through the gateway: registering, recording
// payments within the untaxed limits of the volunteer scheme (2026: €5.75 an hour at 21 or
// over, €3.40 under 21, €220 a month, €2,200 a year; 2025: €5.60, €3.30, €210, €2,100),
// refusing one that breaks a limit unless it is explicitly accepted as taxable, the check
// that only warns, the totals per month and year; who may do it, and that a refusal writes
// nothing (neither a payment nor an audit entry).
// This file: recording allowances within the limits, and one that breaks a limit.
const tp = usePlatform();
const { newVolunteer, record, checkOnly, totals, written, auditOf } = volunteerKit(tp);
const tokens = useTokens({ hr1: () => hrOf(M1) });

describe('recording allowances within the limits', () => {
  let volunteer: string;
  beforeEach(async () => {
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
    const r = res.data!.recordVolunteerAllowance;
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
    const res = await tp.query<{ recordVolunteerAllowance: { taxable: boolean } }>(RECORD_DEFAULT, {
      token: tokens.hr1,
      variables: { input: { volunteerId: volunteer, paidOn: '2026-03-11', hours: '1', amount: '5' } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordVolunteerAllowance.taxable).toBe(false);
  });

  test('the payments appear on the volunteer, newest first, and per year', async () => {
    expectOk(
      await record({ volunteerId: volunteer, paidOn: '2026-03-10', hours: '10', amount: '57.50', note: 'maart' }),
    );
    expectOk(await record({ volunteerId: volunteer, paidOn: '2026-03-11', hours: '1', amount: '5' }));
    const res = await tp.query<{
      volunteer: {
        all: { totalCount: number; edges: { node: { paidOn: string; amount: string } }[] };
        y2026: { totalCount: number };
        y2025: { totalCount: number };
      };
    }>(
      `query($id: ID!) { volunteer(id: $id) {
         all: payments(first: 10) { totalCount edges { node { paidOn amount } } }
         y2026: payments(year: 2026) { totalCount }
         y2025: payments(year: 2025) { totalCount } } }`,
      { token: tokens.hr1, variables: { id: volunteer } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.volunteer.all.edges.map((e) => e.node)).toEqual([
      { paidOn: '2026-03-11', amount: '5.00' },
      { paidOn: '2026-03-10', amount: '57.50' },
    ]);
    expect(res.data!.volunteer.all.totalCount).toBe(2);
    expect(res.data!.volunteer.y2026.totalCount).toBe(2);
    expect(res.data!.volunteer.y2025.totalCount).toBe(0);
  });
});

describe('a payment that breaks a limit', () => {
  let volunteer: string;
  beforeEach(async () => {
    volunteer = await newVolunteer({ lastName: 'Boven' });
  });
  const sixty = () => ({ volunteerId: volunteer, paidOn: '2026-05-04', hours: '10', amount: '60.00' });

  test('€60 for 10 hours is refused on input.amount: per hour, €2.50 over, the whole allowance taxable; nothing written', async () => {
    const before = await written();
    const res = await record(sixty());
    expectRefused(res, 'BAD_USER_INPUT');
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
    expectRefused(res, 'BAD_USER_INPUT');
    expect(await written()).toEqual(before);
  });

  test('checkVolunteerAllowance warns with the same breach and writes nothing', async () => {
    const before = await written();
    const res = await checkOnly(sixty());
    expect(res.errors).toBeUndefined();
    const c = res.data!.checkVolunteerAllowance;
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
    const r = res.data!.recordVolunteerAllowance;
    expect(r.taxable).toBe(true);
    expect(r.payment).toMatchObject({ amount: '60.00', taxable: true });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Recorded as TAXABLE\. /);
    expect(r.warnings[0]).toContain('€2.50 over');
    expect(r.check.limitBreaches.map((b) => b.limit)).toEqual(['PER_HOUR']);
    expect(await written()).toEqual({ ...before, payments: before.payments + 1, audit: before.audit + 1 });
    const [audit] = await auditOf(r.payment.id);
    expect(audit).toMatchObject({
      action: 'RECORD_TAXABLE_VOLUNTEER_ALLOWANCE',
      entity_type: 'VolunteerAllowancePayment',
    });
    expect(audit!.after).toMatchObject({ taxable: true });
    expect(audit!.after.check?.limitBreaches).toEqual([
      { limit: 'PER_HOUR', allowed: '57.50', actual: '60.00', over: '2.50' },
    ]);

    const t = await totals(volunteer, 2026);
    expect(t).toMatchObject({ withinLimits: false, paymentsOverHourlyMaximum: 1, total: '60.00' });
  });

  test('acceptTaxable on a payment within the limits records it untaxed', async () => {
    const res = await record({ volunteerId: volunteer, paidOn: '2026-05-05', hours: '2', amount: '11.50' }, true);
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordVolunteerAllowance).toMatchObject({ taxable: false, warnings: [] });
  });
});
