import { employeeOf, hrOutsidersOfMember1, payrollFor, type Actor } from './testkit/actors';
import { errorCodes, type GraphQLResponse } from './testkit/graphql';
import { employeeId, M1 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';
import { CHECK, RECORD, REGISTER, registerInput, volunteerKit } from './testkit/volunteers';

// Volunteers of a member and their allowances, through the gateway: registering, recording
// payments within the untaxed limits of the volunteer scheme (2026: €5.75 an hour at 21 or
// over, €3.40 under 21, €220 a month, €2,200 a year; 2025: €5.60, €3.30, €210, €2,100),
// refusing one that breaks a limit unless it is explicitly accepted as taxable, the check
// that only warns, the totals per month and year; who may do it, and that a refusal writes
// nothing (neither a payment nor an audit entry).
// This file: who may see and change volunteers.
const tp = usePlatform();
const { register, newVolunteer, record, checkOnly, written } = volunteerKit(tp);

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
    const one = await tp.query<{ volunteer: { name: string; payments: { totalCount: number } } }>(
      `query($id: ID!) { volunteer(id: $id) { name payments { totalCount } } }`,
      {
        token: as,
        variables: { id: volunteer },
      },
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.volunteer).toEqual({ name: 'Wil Geheim', payments: { totalCount: 1 } });
    const res = await record({ volunteerId: volunteer, paidOn: '2026-02-11', hours: '1', amount: '5' }, false, as);
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordVolunteerAllowance.payment.createdBy).toBe(`payroll-${M1}`);
  });

  const refused: Actor[] = [
    ...hrOutsidersOfMember1(['association-cao', 'platform-admin']),
    ['an employee of member 1', () => employeeOf(M1, employeeId(1))],
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
        const res = await tp.query(query, { token: as, variables: { m: M1 } });
        expect(errorCodes(res)).toEqual(['FORBIDDEN']);
        expectNoLeak(res);
      }

      const payment = { volunteerId: volunteer, paidOn: '2026-02-12', hours: '1', amount: '5' };
      for (const res of [
        await record(payment, true, as),
        await checkOnly(payment, as),
        await tp.query(`query($id: ID!) { volunteer(id: $id) { name payments { totalCount } } }`, {
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
      await tp.query(REGISTER, { variables: { input: registerInput() } }),
      await tp.query(RECORD, { variables: { input: payment, accept: true } }),
      await tp.query(CHECK, { variables: { input: payment } }),
      await tp.query(`query($m: ID!) { volunteers(memberId: $m) { totalCount } }`, { variables: { m: M1 } }),
    ]) {
      expect(errorCodes(res)).toContain('UNAUTHENTICATED');
      expect(errorCodes(res).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
      expectNoLeak(res);
    }
    expect(await written()).toEqual(before);
  });
});
