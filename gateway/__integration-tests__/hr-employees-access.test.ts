import { employeeOf, hrOf, hrOutsidersOfMember1, payrollFor, tokenOf, type Actor } from './testkit/actors';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes, nodes, type GraphQLResponse } from './testkit/graphql';
import { employeeId, employeesOf, M1, M2 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';

// The HR/payroll subgraph through the gateway: a member's employees next to its directory entry
// (members subgraph) and their CAO wages and scales (asked from the CAO subgraph); who sees
// employees and who is refused, without a leak; masking of BSN and IBAN; hiring with every
// input check; employment periods, step changes and the LKV application deadline; ages.
// This file: who sees employees, and the masking of BSN and IBAN.
const tp = usePlatform();

interface Identifiers {
  id: string;
  name: string;
  lastName: string;
  bsn: string;
  bsnFull: string;
  iban: string;
  ibanFull: string;
  employments: { caoScale: number }[];
}
interface Connection {
  totalCount: number;
  edges?: { node: Pick<Identifiers, 'id'> }[];
}
/** The list or the count, asked at `Query.employees` or at `Member.employees`. */
type Employees = { employees?: Connection | null; member?: { employees: Connection | null } | null };
type OneEmployee = { employee: Identifiers | null };

let hr1: string;
beforeAll(async () => {
  hr1 = await hrOf(M1);
});

describe('who sees employees', () => {
  const LIST = `query($m: ID!) { employees(memberId: $m, first: 50) { totalCount edges { node { id name bsn iban } } } }`;
  const COUNT = `query($m: ID!) { employees(memberId: $m) { totalCount } }`;
  const MEMBER_LIST = `query($m: ID!) { member(id: $m) { name employees(first: 50) { totalCount edges { node { id name bsn iban } } } } }`;
  const MEMBER_COUNT = `query($m: ID!) { member(id: $m) { employees { totalCount } } }`;
  const ONE = `query($id: ID!) { employee(id: $id) { id name bsn bsnFull iban ibanFull employments { caoScale } } }`;

  /** Everything identifying about member 1's employees, to look for in refused answers. */
  let secrets: string[];
  beforeAll(async () => {
    const res = await tp.query<{ employees: { edges: { node: Identifiers }[] } }>(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { name lastName bsn bsnFull iban ibanFull } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    secrets = nodes(expectOk(res).employees).flatMap((node) => [
      node.name,
      node.bsn,
      node.bsnFull,
      node.iban,
      node.ibanFull,
    ]);
    expect(secrets).toHaveLength(12 * 5);
  });
  const expectNoLeak = (res: GraphQLResponse) => {
    const text = JSON.stringify(res);
    for (const secret of secrets) expect(text).not.toContain(secret);
  };

  const seers: Actor[] = [
    ['member-hr of member 1', () => hrOf(M1)],
    ['payroll-service for member 1', () => payrollFor(M1)],
    ['payroll-service for members 2 and 1', () => payrollFor([M2, M1])],
  ];
  test.each(seers)('%s sees the list, the count, Member.employees and each employee', async (_label, make) => {
    const as = await make();
    for (const query of [LIST, MEMBER_LIST]) {
      const data = expectOk(await tp.query<Employees>(query, { token: as, variables: { m: M1 } }));
      const connection = (data.employees ?? data.member?.employees)!;
      expect(connection.totalCount).toBe(12);
      expect(connection.edges!.map((e) => e.node.id).sort()).toEqual(employeesOf(1));
    }
    for (const query of [COUNT, MEMBER_COUNT]) {
      const data = expectOk(await tp.query<Employees>(query, { token: as, variables: { m: M1 } }));
      expect((data.employees ?? data.member?.employees)!.totalCount).toBe(12);
    }
    const one = await tp.query<OneEmployee>(ONE, { token: as, variables: { id: employeeId(5) } });
    expect(expectOk(one).employee!.id).toBe(employeeId(5));
  });

  const outsiders = hrOutsidersOfMember1([
    'association-procurement',
    'association-academy',
    'association-cao',
    'platform-admin',
  ]);
  const refused: Actor[] = [...outsiders, ['employee of member 1 (for the list)', () => employeeOf(M1, employeeId(1))]];
  test.each(refused)('%s is refused the list, the count and Member.employees, and leaks nothing', async (_l, make) => {
    const as = await make();
    for (const query of [LIST, COUNT]) {
      const res = await tp.query<Employees>(query, { token: as, variables: { m: M1 } });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.data?.employees ?? null).toBeNull();
      expectNoLeak(res);
    }
    for (const query of [MEMBER_LIST, MEMBER_COUNT]) {
      const res = await tp.query<Employees>(query, { token: as, variables: { m: M1 } });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.data?.member?.employees ?? null).toBeNull();
      expectNoLeak(res);
    }
  });

  test.each(outsiders)('%s gets NOT_FOUND for an employee of member 1, and nothing of them', async (_label, make) => {
    const as = await make();
    for (const id of [employeeId(1), employeeId(12)]) {
      const res = await tp.query<OneEmployee>(ONE, { token: as, variables: { id } });
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      expect(res.data?.employee ?? null).toBeNull();
      expectNoLeak(res);
    }
  });

  test('an employee sees exactly their own record, and a colleague is NOT_FOUND', async () => {
    const own = employeeId(3);
    const as = await employeeOf(M1, own);
    const mine = expectOk(await tp.query<OneEmployee>(ONE, { token: as, variables: { id: own } })).employee!;
    expect(mine.id).toBe(own);
    expect(mine.bsnFull).toMatch(/^\d{9}$/);
    const byHr = await tp.query<OneEmployee>(ONE, { token: hr1, variables: { id: own } });
    expect(mine).toEqual(byHr.data!.employee);

    for (const colleague of employeesOf(1).filter((id) => id !== own)) {
      const res = await tp.query<OneEmployee>(ONE, { token: as, variables: { id: colleague } });
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      expect(res.data?.employee ?? null).toBeNull();
      // Nothing of anyone but themself.
      const text = JSON.stringify(res);
      for (const secret of secrets.filter((s) => !JSON.stringify(mine).includes(s))) {
        expect(text).not.toContain(secret);
      }
    }
  });

  test("an employee token whose employeeId is another member's employee sees nothing", async () => {
    // Employee 13 belongs to member 2; the token says member 1.
    const as = await employeeOf(M1, employeeId(13));
    const res = await tp.query(ONE, { token: as, variables: { id: employeeId(13) } });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  test('a nonexistent employee is NOT_FOUND, also for HR', async () => {
    const res = await tp.query(ONE, { token: hr1, variables: { id: employeeId(999) } });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  test('without a token: UNAUTHENTICATED everywhere, and nothing leaks', async () => {
    for (const [query, variables] of [
      [LIST, { m: M1 }],
      [COUNT, { m: M1 }],
      [MEMBER_LIST, { m: M1 }],
      [MEMBER_COUNT, { m: M1 }],
      [ONE, { id: employeeId(1) }],
    ] as const) {
      const res = await tp.query(query, { variables });
      expect(errorCodes(res)).toContain('UNAUTHENTICATED');
      expect(errorCodes(res).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
      expectNoLeak(res);
    }
  });
});

describe('masking of BSN and IBAN', () => {
  const ALL = `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { id bsn bsnFull iban ibanFull } } } }`;
  const ONE = `query($id: ID!) { employee(id: $id) { id bsn bsnFull iban ibanFull } }`;

  test('bsn is ***** and the last four digits; iban keeps the first and last four', async () => {
    const res = await tp.query<{ employees: { edges: { node: Identifiers }[] } }>(ALL, {
      token: hr1,
      variables: { m: M1 },
    });
    for (const node of nonEmpty(nodes(expectOk(res).employees))) {
      expect(node.bsnFull).toMatch(/^\d{9}$/);
      expect(node.bsn).toBe(`*****${node.bsnFull.slice(-4)}`);
      expect(node.ibanFull).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
      expect(node.iban).toBe(
        `${node.ibanFull.slice(0, 4)}${'*'.repeat(node.ibanFull.length - 8)}${node.ibanFull.slice(-4)}`,
      );
      expect(node.iban).toMatch(/^NL\d{2}\*{10}\d{4}$/);
    }
  });

  test('the full numbers: HR, the payroll service of the member and the employee themself, all the same', async () => {
    const id = employeeId(7);
    const answers: Identifiers[] = [];
    for (const as of [hr1, await payrollFor(M1), await employeeOf(M1, id)]) {
      const res = await tp.query<OneEmployee>(ONE, { token: as, variables: { id } });
      answers.push(expectOk(res).employee!);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]!.bsnFull).toMatch(/^\d{9}$/);
  });

  // With the current rules (access.ts: canSeeFullIdentifiers = canSeeEmployee) nobody can see an
  // employee without also seeing the full numbers: every caller who sees the masked fields sees the
  // full ones, and every other caller sees neither.
  test('whoever sees an employee sees the full numbers too (no masked-only role exists)', async () => {
    const id = employeeId(2);
    const callers: Actor[] = [
      ['member-hr M1', () => hrOf(M1)],
      ['member-hr M2', () => hrOf(M2)],
      ['payroll M1', () => payrollFor(M1)],
      ['payroll M2', () => payrollFor(M2)],
      ['employee self', () => employeeOf(M1, id)],
      ['employee colleague', () => employeeOf(M1, employeeId(1))],
      ['member-admin M1', () => tokenOf('member-admin', M1)],
      ['member-purchaser M1', () => tokenOf('member-purchaser', M1)],
      ['member-approver M1', () => tokenOf('member-approver', M1)],
      ['association-procurement', () => tokenOf('association-procurement')],
      ['association-academy', () => tokenOf('association-academy')],
      ['association-cao', () => tokenOf('association-cao')],
      ['platform-admin', () => tokenOf('platform-admin')],
    ];
    const seen: Record<string, 'masked and full' | 'masked only' | 'nothing'> = {};
    for (const [label, make] of callers) {
      const as = await make();
      const masked = await tp.query(`query($id: ID!) { employee(id: $id) { bsn iban } }`, {
        token: as,
        variables: { id },
      });
      const full = await tp.query<{ employee: Pick<Identifiers, 'bsnFull' | 'ibanFull'> }>(
        `query($id: ID!) { employee(id: $id) { bsnFull ibanFull } }`,
        {
          token: as,
          variables: { id },
        },
      );
      seen[label] = masked.errors
        ? 'nothing'
        : full.errors
          ? 'masked only'
          : full.data!.employee.bsnFull
            ? 'masked and full'
            : 'masked only';
    }
    expect(seen).toEqual({
      'member-hr M1': 'masked and full',
      'member-hr M2': 'nothing',
      'payroll M1': 'masked and full',
      'payroll M2': 'nothing',
      'employee self': 'masked and full',
      'employee colleague': 'nothing',
      'member-admin M1': 'nothing',
      'member-purchaser M1': 'nothing',
      'member-approver M1': 'nothing',
      'association-procurement': 'nothing',
      'association-academy': 'nothing',
      'association-cao': 'nothing',
      'platform-admin': 'nothing',
    });
  });
});
