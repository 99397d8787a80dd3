import { employeeOf, hrOf, payrollFor, platformAdmin, tokenOf } from './testkit/actors';
import { addDays, addMonths, todayNl } from './testkit/calendar';
import { brokenBsn, EMPLOYEE, employeeKit, HIRE, IBAN, type Employee } from './testkit/employees';
import { expectOk, expectRefused, firstError } from './testkit/expect';
import { errorCodes } from './testkit/graphql';
import { employeeId, M1, M2 } from './testkit/ids';
import { sameAmount } from './testkit/money';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// The HR/payroll subgraph through the gateway: a member's employees next to its directory entry
// (members subgraph) and their CAO wages and scales (asked from the CAO subgraph); who sees
// employees and who is refused, without a leak; masking of BSN and IBAN; hiring with every
// input check; employment periods, step changes and the LKV application deadline; ages.
// This file: hiring, with every input check.
const tp = usePlatform();
const { nextBsn, hireInput, hire, countOf } = employeeKit(tp, { bsnFrom: 29_400_000 });
type AnEmployee = { employee: Employee };

const tokens = useTokens({ hr1: () => hrOf(M1), hr2: () => hrOf(M2) });

describe('hiring', () => {
  afterAll(() => tp.reset());

  test('HR hires: the employee and the employment are there, masked, and read back the same', async () => {
    const before = await countOf(M1);
    const input = hireInput();
    const hired = expectOk(await hire(input)).hireEmployee;
    expect(hired).toMatchObject({
      name: 'Sem Testpersoon',
      firstName: 'Sem',
      lastName: 'Testpersoon',
      birthDate: '1990-05-15',
      bsn: `*****${input.bsn.slice(-4)}`,
      bsnFull: input.bsn,
      iban: 'NL91**********4300',
      ibanFull: IBAN,
      email: 'sem@example.org',
      address: { street: 'Kerkstraat', houseNumber: '12a', postcode: '8011 AB', city: 'Zwolle' },
      employer: { id: M1 },
    });
    expect(hired.employer.name).toEqual(expect.any(String));
    expect(hired.employments).toHaveLength(1);
    expect(hired.employments[0]).toMatchObject({
      startDate: input.employment.startDate,
      endDate: null,
      contractType: 'PERMANENT',
      writtenContract: true,
      unemploymentPremiumClass: 'LOW',
      functionTitle: 'Winkelmedewerker',
      caoScale: 5,
      caoStep: 3,
      applyTaxCredit: false,
      targetGroup: { jobAgreementRegister: false, lkv: null, lkvApplicationDeadline: null, lkvApplicationStatus: null },
    });
    expect(sameAmount(hired.employments[0]!.hoursPerWeek)).toBe('32.00');

    const back = await tp.query<AnEmployee>(EMPLOYEE, { token: tokens.hr1, variables: { id: hired.id } });
    expect(expectOk(back).employee).toEqual(hired);
    expect(await countOf(M1)).toBe(before + 1);
  });

  test('input is normalised: BSN and IBAN trimmed and upper-cased, postcode written 1234 AB', async () => {
    const bsn = nextBsn();
    const res = await hire(
      hireInput({
        bsn: ` ${bsn} `,
        iban: 'nl91 abna 0417 1643 00',
        address: { street: 'Molenweg', houseNumber: '3', postcode: '8011ab', city: 'Zwolle' },
      }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.hireEmployee).toMatchObject({ bsnFull: bsn, ibanFull: IBAN, address: { postcode: '8011 AB' } });
  });

  test.each([
    ['PERMANENT', true, 'LOW'],
    ['PERMANENT', false, 'HIGH'],
    ['FIXED_TERM', true, 'HIGH'],
    ['ON_CALL', true, 'HIGH'],
  ])('a %s contract (written: %s) pays the %s unemployment premium', async (contractType, writtenContract, cls) => {
    const endDate = contractType === 'FIXED_TERM' ? addMonths(todayNl(), 12) : null;
    const res = await hire(hireInput({}, { contractType, writtenContract, endDate }));
    expect(res.errors).toBeUndefined();
    const back = await tp.query<AnEmployee>(EMPLOYEE, {
      token: tokens.hr1,
      variables: { id: res.data!.hireEmployee.id },
    });
    const [employment] = expectOk(back).employee.employments;
    expect(employment).toMatchObject({ contractType, writtenContract, endDate });
    expect(employment!.unemploymentPremiumClass).toBe(cls);
  });

  test("the member's payroll service may hire too", async () => {
    const res = await hire(hireInput({ firstName: 'Payroll' }), await payrollFor(M1));
    expect(res.errors).toBeUndefined();
    expect(res.data!.hireEmployee.employer.id).toBe(M1);
  });

  // Each bad input on its own: BAD_USER_INPUT naming the field, and nothing written.
  const today = todayNl();
  const badInputs: [string, () => Record<string, unknown>, string][] = [
    ['a BSN failing the 11-proof', () => hireInput({ bsn: brokenBsn(nextBsn()) }), 'input.bsn'],
    ['a BSN of 8 digits', () => hireInput({ bsn: nextBsn().slice(0, 8) }), 'input.bsn'],
    ['an IBAN with a wrong check', () => hireInput({ iban: 'NL91ABNA0417164301' }), 'input.iban'],
    [
      'a postcode starting with 0',
      () => hireInput({ address: { street: 'Kerkstraat', houseNumber: '1', postcode: '0123 AB', city: 'Zwolle' } }),
      'input.address.postcode',
    ],
    [
      'a postcode with SS',
      () => hireInput({ address: { street: 'Kerkstraat', houseNumber: '1', postcode: '8011 SS', city: 'Zwolle' } }),
      'input.address.postcode',
    ],
    ['an unknown CAO scale', () => hireInput({}, { caoScale: 9, caoStep: 0 }), 'input.employment.caoScale'],
    ['an unknown CAO step', () => hireInput({}, { caoScale: 2, caoStep: 5 }), 'input.employment.caoStep'],
    ['hours above full time', () => hireInput({}, { hoursPerWeek: '38.5' }), 'input.employment.hoursPerWeek'],
    ['no hours', () => hireInput({}, { hoursPerWeek: '0' }), 'input.employment.hoursPerWeek'],
    [
      'an end date before the start date',
      () => hireInput({}, { contractType: 'FIXED_TERM', startDate: today, endDate: addDays(today, -1) }),
      'input.employment.endDate',
    ],
    ['an empty first name', () => hireInput({ firstName: '  ' }), 'input.firstName'],
  ];
  test.each(badInputs)('%s: BAD_USER_INPUT on the field, nothing written', async (_label, input, field) => {
    const before = await countOf(M1);
    const res = await hire(input());
    expectRefused(res, 'BAD_USER_INPUT');
    expect(firstError(res)?.extensions?.field).toBe(field);
    expect(res.data?.hireEmployee ?? null).toBeNull();
    expect(await countOf(M1)).toBe(before);
  });

  test('a bad BSN is refused without repeating the number', async () => {
    const bad = brokenBsn(nextBsn());
    const res = await hire(hireInput({ bsn: bad }));
    expectRefused(res, 'BAD_USER_INPUT');
    expect(firstError(res)?.extensions?.field).toBe('input.bsn');
    expect(JSON.stringify(res)).not.toContain(bad);
    expect(JSON.stringify(res)).not.toContain(bad.slice(-4));
  });

  test('someone younger than 15 on the first day is refused, nothing written', async () => {
    const before = await countOf(M1);
    const start = todayNl();
    // Fifteen tomorrow: 14 on the first day.
    const res = await hire(hireInput({ birthDate: addDays(addMonths(start, -15 * 12), 1) }, { startDate: start }));
    expectRefused(res, 'BAD_USER_INPUT');
    expect(['input.birthDate', 'input.employment.startDate']).toContain(firstError(res)?.extensions?.field);
    expect(await countOf(M1)).toBe(before);
    // Fifteen today is old enough.
    const ok = await hire(hireInput({ birthDate: addMonths(start, -15 * 12) }, { startDate: start }));
    expect(ok.errors).toBeUndefined();
  });

  test('the same BSN twice at the same member: CONFLICT; at another member it is another employment', async () => {
    const bsn = nextBsn();
    const first = await hire(hireInput({ bsn }));
    expect(first.errors).toBeUndefined();
    const before = await countOf(M1);
    const again = await hire(hireInput({ bsn, firstName: 'Dubbel' }));
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(JSON.stringify(again)).not.toContain(bsn);
    expect(await countOf(M1)).toBe(before);
    const elsewhere = await hire(hireInput({ bsn, memberId: M2 }), tokens.hr2);
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data!.hireEmployee.employer.id).toBe(M2);
  });

  test.each([
    ['member-hr of member 2', () => hrOf(M2)],
    ['payroll-service for member 2', () => payrollFor(M2)],
    ['member-admin of member 1', () => tokenOf('member-admin', M1)],
    ['an employee of member 1', () => employeeOf(M1, employeeId(1))],
    ['platform-admin', () => platformAdmin()],
  ])('%s may not hire into member 1: FORBIDDEN, nothing written', async (_label, make) => {
    const before = await countOf(M1);
    const input = hireInput({ firstName: 'Onbevoegd' });
    const res = await hire(input, await make());
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data?.hireEmployee ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain(input.bsn);
    expect(await countOf(M1)).toBe(before);
  });

  test("changing an employee's BSN to a colleague's: CONFLICT, as when hiring", async () => {
    const bsn = nextBsn();
    const first = await hire(hireInput({ bsn }));
    const second = await hire(hireInput({ firstName: 'Tweede' }));
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    const res = await tp.query(
      `mutation($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id bsnFull } }`,
      { token: tokens.hr1, variables: { id: second.data!.hireEmployee.id, input: { bsn } } },
    );
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(JSON.stringify(res)).not.toContain(bsn);
  });

  test('without a token: UNAUTHENTICATED, nothing written', async () => {
    const before = await countOf(M1);
    const res = await tp.query(HIRE, { variables: { input: hireInput() } });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(await countOf(M1)).toBe(before);
  });
});
