import { errorCodes, graphql } from './testkit/graphql';
import { employeeId, UNKNOWN_ID } from './testkit/ids';
import {
  BIDI,
  employmentInput,
  expectRefused,
  expectSendRefused,
  fingerprint,
  HIRE,
  hire,
  hireInput,
  hr1,
  ids,
  NUL,
  payroll1,
  send,
  TEN_THOUSAND,
  tp,
} from './testkit/input-rules';

// The platform's shared input rules through the real gateway (what they are: testkit/input-rules.ts).
// This file: hireEmployee as reported, and the shops of employments.

describe('hireEmployee: what was reported', () => {
  test("a shop of another member is refused on input.employment.branchId; the member's own shop is stored", async () => {
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: ids.branchOf2 })),
      'input.employment.branchId',
    );
    const own = await hire(hireInput({}, { branchId: ids.branchOf1 }));
    expect(own.errors).toBeUndefined();
    expect(own.data!.hireEmployee.employments[0]!.branchId).toBe(ids.branchOf1);
    // The payroll service hires for the members it serves, with the same check.
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: ids.branchOf2 }), () => payroll1),
      'input.employment.branchId',
    );
    const byPayroll = await hire(hireInput({}, { branchId: ids.branchOf1 }), () => payroll1);
    expect(byPayroll.errors).toBeUndefined();
  });

  test('a made-up shop is refused on input.employment.branchId', async () => {
    const res = await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: UNKNOWN_ID })),
      'input.employment.branchId',
    );
    expect(res.errors?.[0]?.message).toMatch(/shop/);
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { branchId: 'shop-that-does-not-exist' })),
      'input.employment.branchId',
    );
  });

  test('"not-an-email" and a 10,000-character e-mail address are refused on input.email', async () => {
    await expectRefused('hr-payroll', () => hire(hireInput({ email: 'not-an-email' })), 'input.email');
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({ email: `${'a'.repeat(9_988)}@example.org` })),
      'input.email',
    );
    await expectRefused('hr-payroll', () => hire(hireInput({ email: TEN_THOUSAND })), 'input.email');
  });

  test('a birth date of 1800-01-01 is refused on input.birthDate', async () => {
    await expectRefused('hr-payroll', () => hire(hireInput({ birthDate: '1800-01-01' })), 'input.birthDate');
  });

  test('a 10,000-character subsidyMunicipality is refused on input.employment.subsidyMunicipality', async () => {
    await expectRefused(
      'hr-payroll',
      () => hire(hireInput({}, { subsidyMunicipality: TEN_THOUSAND })),
      'input.employment.subsidyMunicipality',
    );
  });

  test.each([
    ['firstName', () => hireInput({ firstName: NUL }), 'input.firstName'],
    ['lastName', () => hireInput({ lastName: BIDI }), 'input.lastName'],
    [
      'address.street',
      () =>
        hireInput({ address: { street: 'Kerk\u0000straat', houseNumber: '1', postcode: '8011 AB', city: 'Zwolle' } }),
      'input.address.street',
    ],
    [
      'address.houseNumber',
      () =>
        hireInput({ address: { street: 'Kerkstraat', houseNumber: '1\u0007', postcode: '8011 AB', city: 'Zwolle' } }),
      'input.address.houseNumber',
    ],
    [
      'address.city',
      () =>
        hireInput({ address: { street: 'Kerkstraat', houseNumber: '1', postcode: '8011 AB', city: 'Zwol\u0085le' } }),
      'input.address.city',
    ],
    ['email', () => hireInput({ email: 'sem\u0000@example.org' }), 'input.email'],
    ['employment.functionTitle', () => hireInput({}, { functionTitle: NUL }), 'input.employment.functionTitle'],
    [
      'employment.subsidyMunicipality',
      () => hireInput({}, { subsidyMunicipality: 'Zwolle\u2066' }),
      'input.employment.subsidyMunicipality',
    ],
    ['employment.branchId', () => hireInput({}, { branchId: `${UNKNOWN_ID}\u0000` }), 'input.employment.branchId'],
  ])('a control character in %s is BAD_USER_INPUT on its path, not a database error', async (_what, input, field) => {
    await expectRefused('hr-payroll', () => hire(input()), field);
  });

  test('when the members directory cannot be reached, a branchId is refused rather than stored unverified', async () => {
    const { subgraphs } = tp.platform;
    const members = subgraphs.members!;
    // hr-payroll finds the members subgraph through this map; point it at a port nobody serves.
    subgraphs.members = { ...members, server: { ...members.server, url: 'http://127.0.0.1:9/graphql' } };
    try {
      const before = await fingerprint('hr-payroll');
      const viaGateway = await hire(hireInput({}, { branchId: ids.branchOf1 }));
      expect(errorCodes(viaGateway)).toEqual(['SERVICE_UNAVAILABLE']);
      // The subgraph's own answer says why (the gateway hides the details of server-side errors).
      const direct = await graphql(tp.subgraphUrl('hr-payroll'), HIRE, {
        token: hr1,
        variables: { input: hireInput({}, { branchId: ids.branchOf1 }) },
      });
      expect(errorCodes(direct)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(direct.errors?.[0]?.extensions?.service).toBe('members');
      expect(direct.errors?.[0]?.message).toMatch(/members directory could not answer/i);
      expect(await fingerprint('hr-payroll')).toEqual(before);
      // Without a shop there is nothing to ask the directory.
      expect((await hire(hireInput())).errors).toBeUndefined();
    } finally {
      subgraphs.members = members;
    }
  });
});

describe('shops of employments', () => {
  test("addEmployment refuses another member's shop and a made-up one on input.branchId", async () => {
    for (const branchId of [ids.branchOf2, UNKNOWN_ID]) {
      const variables = { employeeId: employeeId(2), input: employmentInput({ branchId }) };
      await expectSendRefused('addEmployment', variables, 'input.branchId');
    }
  });

  test("updateEmployment refuses another member's shop and a made-up one on input.branchId; its own is stored", async () => {
    for (const branchId of [ids.branchOf2, UNKNOWN_ID]) {
      await expectSendRefused('updateEmployment', { id: ids.employmentOf1, input: { branchId } }, 'input.branchId');
    }
    const own = await send<{ updateEmployment: { branchId: string | null } }>('updateEmployment', {
      id: ids.employmentOf1,
      input: { branchId: ids.branchOf1 },
    });
    expect(own.errors).toBeUndefined();
    expect(own.data!.updateEmployment.branchId).toBe(ids.branchOf1);
  });
});
