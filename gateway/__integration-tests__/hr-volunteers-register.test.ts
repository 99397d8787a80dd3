import { hrOf, payrollFor } from './testkit/actors';
import { expectOk, expectRefused, firstError } from './testkit/expect';
import { errorCodes } from './testkit/graphql';
import { M1, M2 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';
import { registerInput, TOTALS, volunteerKit } from './testkit/volunteers';

// Volunteers of a member and their allowances, through the gateway: registering, recording
// payments within the untaxed limits of the volunteer scheme (2026: €5.75 an hour at 21 or
// over, €3.40 under 21, €220 a month, €2,200 a year; 2025: €5.60, €3.30, €210, €2,100),
// refusing one that breaks a limit unless it is explicitly accepted as taxable, the check
// that only warns, the totals per month and year; who may do it, and that a refusal writes
// nothing (neither a payment nor an audit entry).
// This file: registering, and bad input.
const tp = usePlatform();
const { register, newVolunteer, record, checkOnly, written, auditOf } = volunteerKit(tp);
const tokens = useTokens({ hr1: () => hrOf(M1) });

describe('registering volunteers', () => {
  test('HR registers a volunteer; the list, Member.volunteers and the audit log show them', async () => {
    const before = await written();
    const v = expectOk(await register(registerInput({ firstName: ' Wil ', endDate: '2026-12-31' }))).registerVolunteer;
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

    const list = await tp.query<{ volunteers: { totalCount: number; edges: { node: { id: string } }[] } }>(
      `query($m: ID!) { volunteers(memberId: $m, first: 50) { totalCount edges { node { id member { id } } } } }`,
      { token: tokens.hr1, variables: { m: M1 } },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.volunteers.edges.map((e) => e.node.id)).toContain(v.id);
    // The member's name comes from the members subgraph, its volunteers from hr-payroll.
    const member = await tp.query<{
      member: { name: string; volunteers: { totalCount: number; edges: { node: { id: string; name: string } }[] } };
    }>(`query($m: ID!) { member(id: $m) { name volunteers(first: 50) { totalCount edges { node { id name } } } } }`, {
      token: tokens.hr1,
      variables: { m: M1 },
    });
    expect(member.errors).toBeUndefined();
    expect(member.data!.member.name).toEqual(expect.any(String));
    expect(member.data!.member.volunteers.totalCount).toBe(list.data!.volunteers.totalCount);
    expect(member.data!.member.volunteers.edges.map((e) => e.node.id)).toContain(v.id);
  });

  test('the payroll service for the member may register too', async () => {
    const res = await register(registerInput({ lastName: 'Via Salarisbureau' }), await payrollFor([M2, M1]));
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerVolunteer.member.id).toBe(M1);
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
    expectRefused(res, 'BAD_USER_INPUT');
    expect(firstError(res)?.extensions?.field).toBe(field);
    expect(await written()).toEqual(before);
  });

  test('a date that is no date is BAD_USER_INPUT', async () => {
    const res = await register(registerInput({ birthDate: '1980-02-30' }));
    expectRefused(res, 'BAD_USER_INPUT');
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
      expectRefused(res, 'BAD_USER_INPUT');
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
        expectRefused(res, 'BAD_USER_INPUT');
        expect(firstError(res)?.extensions?.field).toBe('input.paidOn');
        expect(firstError(res)?.message).toContain(paidOn);
        expect(firstError(res)?.message).toContain('2025 and 2026');
      }
      expect(await written()).toEqual(before);
    },
  );

  test('totals for a year without limits are BAD_USER_INPUT on year', async () => {
    const res = await tp.query(TOTALS, { token: tokens.hr1, variables: { id: volunteer, year: 2027 } });
    expectRefused(res, 'BAD_USER_INPUT');
    expect(firstError(res)?.extensions?.field).toBe('year');
  });

  test('an amount sent as a JSON number, or not a number, is BAD_USER_INPUT', async () => {
    const before = await written();
    for (const amount of [57.5, 'zeven']) {
      const res = await record(input({ amount }));
      expectRefused(res, 'BAD_USER_INPUT');
    }
    expect(await written()).toEqual(before);
  });

  test('an unknown volunteer is NOT_FOUND', async () => {
    const res = await record(input({ volunteerId: '99999999-0000-4000-8000-000000000000' }));
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});
