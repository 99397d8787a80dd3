import type { DevelopmentTokenClaims, Role } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import { tokenFor } from './testkit/auth';
import { errorCodes, type GraphQLResponse } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';
import { todayNl, addDays, addMonths, daysFrom } from './testkit/calendar';
import { nonEmpty } from './testkit/expect';
import { bsnSequence, hireInputFor } from './testkit/people';

// The HR/payroll subgraph through the gateway: a member's employees next to its directory entry
// (members subgraph) and their CAO wages and scales (asked from the CAO subgraph); who sees
// employees and who is refused, without a leak; masking of BSN and IBAN; hiring with every
// input check; employment periods, step changes and the LKV application deadline; ages.
let tp: TestPlatform;

/** Seed ids: members `00000000-…-00000000000N`, employees `40000000-…-00000000000N` (12 a member). */
const memberId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const employeeId = (n: number) => `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const M1 = memberId(1);
const M2 = memberId(2);
/** The seed gives member N the employees 12(N−1)+1 … 12N. */
const employeesOf = (member: number) => Array.from({ length: 12 }, (_, i) => employeeId(12 * (member - 1) + i + 1));

const CAO_2024 = 'CAO Kringloop Nederland 2024';
const cao2024 = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'subgraphs', 'cao', 'seed-data', 'cao-kringloop-2024.json'), 'utf8'),
) as { salaryTable: { scales: { scale: number; steps: { step: number; monthly: string }[] }[] } };

const token = (claims: Partial<DevelopmentTokenClaims> & { roles: Role[] }) => tokenFor(claims);
const hrOf = (member: string) => token({ sub: `hr-${member}`, roles: ['member-hr'], memberId: member });
const payrollFor = (...members: string[]) =>
  token({ sub: `payroll-${members.join('+')}`, roles: ['payroll-service'], payrollMemberIds: members });
const employeeToken = (member: string, employee: string) =>
  token({ sub: `employee-${employee}`, roles: ['employee'], memberId: member, employeeId: employee });

let hr1: string;
let hr2: string;

/** Age in whole years; the birthday counts on its own day (birthdays here are never 29 February). */
const ageOn = (birth: string, on: string) => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
};

// --- Identifiers, built here: BSNs that pass the 11-proof, and ones that fail it. ---
const nextBsn = bsnSequence(29_000_000);
/** The same BSN with its check digit off by one: fails the 11-proof. */
const brokenBsn = (bsn: string) => `${bsn.slice(0, 8)}${(Number(bsn[8]) + 1) % 10}`;
const IBAN = 'NL91ABNA0417164300';

const EMPLOYMENT_FIELDS = `id startDate endDate contractType writtenContract unemploymentPremiumClass functionTitle
  caoScale caoStep hoursPerWeek applyTaxCredit
  targetGroup { jobAgreementRegister lkv lkvApplicationDeadline lkvApplicationStatus }`;
const EMPLOYEE_FIELDS = `id name firstName lastName birthDate bsn bsnFull iban ibanFull email
  address { street houseNumber postcode city } employer { id name } employments { ${EMPLOYMENT_FIELDS} }`;
const HIRE = `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { ${EMPLOYEE_FIELDS} } }`;
const EMPLOYEE = `query($id: ID!) { employee(id: $id) { ${EMPLOYEE_FIELDS} } }`;
const ADD_EMPLOYMENT = `mutation($employeeId: ID!, $input: EmploymentInput!) {
  addEmployment(employeeId: $employeeId, input: $input) { ${EMPLOYMENT_FIELDS} } }`;
const UPDATE_EMPLOYMENT = `mutation($id: ID!, $input: UpdateEmploymentInput!) {
  updateEmployment(id: $id, input: $input) { ${EMPLOYMENT_FIELDS} wage { on age monthly caoVersionName } } }`;

const hireInput = (overrides: Record<string, unknown> = {}, employment: Record<string, unknown> = {}) =>
  hireInputFor(M1, nextBsn(), { iban: IBAN, ...overrides }, employment);

const hire = (input: Record<string, unknown>, as = hr1) => tp.query<any>(HIRE, { token: as, variables: { input } });
const countOf = async (member: string) => {
  const res: any = await tp.query(`query($m: ID!) { employees(memberId: $m) { totalCount } }`, {
    token: await hrOf(member),
    variables: { m: member },
  });
  expect(res.errors).toBeUndefined();
  return res.data.employees.totalCount as number;
};
/** The CAO subgraph's own answer, through the gateway. */
const caoWage = async (v: { scale: number; step: number; on: string; hours: string; age: number }) => {
  const res: any = await tp.query(
    `query($scale: Int!, $step: Int!, $on: Date!, $hours: Decimal, $age: Int) {
       wage(scale: $scale, step: $step, on: $on, hoursPerWeek: $hours, age: $age) { monthly hourly version { name } } }`,
    { token: hr1, variables: v },
  );
  expect(res.errors).toBeUndefined();
  return res.data.wage as { monthly: string; hourly: string; version: { name: string } };
};
const firstError = (res: GraphQLResponse) => res.errors?.[0];

beforeAll(async () => {
  tp = await startTestPlatform();
  [hr1, hr2] = await Promise.all([hrOf(M1), hrOf(M2)]);
});
afterAll(() => tp?.stop());

describe("a member's employees across subgraphs", () => {
  const ON = '2024-06-01';
  const QUERY = `query($id: ID!) { member(id: $id) { name employees(first: 50) { totalCount edges { node {
    id name birthDate bsn
    employments { caoScale caoStep hoursPerWeek
      wage(on: "${ON}") { monthly age caoVersionName }
      wageScale(on: "${ON}") { scale steps { step monthlyFullTime } } } } } } } }`;

  test("HR of member 1 sees the member's name, its 12 employees and their CAO wages and scales", async () => {
    const res: any = await tp.query(QUERY, { token: hr1, variables: { id: M1 } });
    expect(res.errors).toBeUndefined();

    // The name comes from the members subgraph: the same as the directory says.
    const directory: any = await tp.query(`query($id: ID!) { member(id: $id) { name } }`, {
      token: await token({ roles: ['platform-admin'] }),
      variables: { id: M1 },
    });
    expect(res.data.member.name).toBe(directory.data.member.name);
    expect(res.data.member.name).toEqual(expect.any(String));

    // Employees from hr-payroll: exactly the seeded twelve of member 1.
    const employees = res.data.member.employees.edges.map((e: any) => e.node);
    expect(res.data.member.employees.totalCount).toBe(12);
    expect(employees.map((e: any) => e.id).sort()).toEqual(employeesOf(1));

    // Wages: what the CAO subgraph itself answers for the same scale, step, date, hours and age.
    const scalesInForce: any = await tp.query(
      `{ wageScales(on: "${ON}") { version { name } scales { scale steps { step monthlyFullTime } } } }`,
      { token: hr1 },
    );
    expect(scalesInForce.data.wageScales.version.name).toBe(CAO_2024);
    for (const employee of nonEmpty<any>(employees)) {
      expect(employee.employments).toHaveLength(1);
      const [employment] = employee.employments;
      const age = ageOn(employee.birthDate, ON);
      const direct = await caoWage({
        scale: employment.caoScale,
        step: employment.caoStep,
        on: ON,
        hours: employment.hoursPerWeek,
        age,
      });
      expect({ id: employee.id, ...employment.wage }).toEqual({
        id: employee.id,
        monthly: direct.monthly,
        age,
        caoVersionName: CAO_2024,
      });
      // The scale is resolved by the CAO subgraph: the same steps as wageScales, and as published.
      const scale = scalesInForce.data.wageScales.scales.find((s: any) => s.scale === employment.caoScale);
      expect(employment.wageScale).toEqual(scale);
      expect(employment.wageScale.steps.map((s: any) => [s.step, s.monthlyFullTime])).toEqual(
        cao2024.salaryTable.scales.find((s) => s.scale === employment.caoScale)!.steps.map((s) => [s.step, s.monthly]),
      );
      expect(employment.wageScale.steps.some((s: any) => s.step === employment.caoStep)).toBe(true);
    }
  });

  test('the same employees through Query.employees, with a name filter', async () => {
    const all: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 50) { totalCount edges { node { id lastName employer { id } } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    expect(all.errors).toBeUndefined();
    expect(all.data.employees.totalCount).toBe(12);
    for (const { node } of all.data.employees.edges) expect(node.employer.id).toBe(M1);
    const lastName: string = all.data.employees.edges[0].node.lastName;
    const filtered: any = await tp.query(
      `query($m: ID!, $name: String) { employees(memberId: $m, first: 50, filter: { name: $name }) { totalCount edges { node { lastName } } } }`,
      { token: hr1, variables: { m: M1, name: lastName.toUpperCase() } },
    );
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data.employees.totalCount).toBeGreaterThanOrEqual(1);
    for (const { node } of filtered.data.employees.edges) expect(node.lastName).toBe(lastName);
  });
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
    const res: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { name lastName bsn bsnFull iban ibanFull } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    secrets = res.data.employees.edges.flatMap(({ node }: any) => [
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

  const seers: [string, () => Promise<string>][] = [
    ['member-hr of member 1', () => hrOf(M1)],
    ['payroll-service for member 1', () => payrollFor(M1)],
    ['payroll-service for members 2 and 1', () => payrollFor(M2, M1)],
  ];
  test.each(seers)('%s sees the list, the count, Member.employees and each employee', async (_label, make) => {
    const as = await make();
    for (const query of [LIST, MEMBER_LIST]) {
      const res: any = await tp.query(query, { token: as, variables: { m: M1 } });
      expect(res.errors).toBeUndefined();
      const connection = res.data.employees ?? res.data.member.employees;
      expect(connection.totalCount).toBe(12);
      expect(connection.edges.map((e: any) => e.node.id).sort()).toEqual(employeesOf(1));
    }
    for (const query of [COUNT, MEMBER_COUNT]) {
      const res: any = await tp.query(query, { token: as, variables: { m: M1 } });
      expect(res.errors).toBeUndefined();
      expect((res.data.employees ?? res.data.member.employees).totalCount).toBe(12);
    }
    const one: any = await tp.query(ONE, { token: as, variables: { id: employeeId(5) } });
    expect(one.errors).toBeUndefined();
    expect(one.data.employee.id).toBe(employeeId(5));
  });

  const refused: [string, () => Promise<string>][] = [
    ['member-hr of member 2', () => hrOf(M2)],
    ['payroll-service for member 2', () => payrollFor(M2)],
    ['payroll-service for no member', () => payrollFor()],
    ['employee of member 1 (for the list)', () => employeeToken(M1, employeeId(1))],
    ...(['member-admin', 'member-purchaser', 'member-approver'] as Role[]).map(
      (role) =>
        [`${role} of member 1`, () => token({ roles: [role], memberId: M1 })] as [string, () => Promise<string>],
    ),
    ...(['association-procurement', 'association-academy', 'association-cao', 'platform-admin'] as Role[]).map(
      (role) => [role, () => token({ roles: [role] })] as [string, () => Promise<string>],
    ),
    // A payroll-service user whose token names member 1 as its member still serves only member 2.
    [
      'payroll-service for member 2 with memberId member 1',
      () => token({ roles: ['payroll-service'], memberId: M1, payrollMemberIds: [M2] }),
    ],
  ];
  test.each(refused)('%s is refused the list, the count and Member.employees, and leaks nothing', async (_l, make) => {
    const as = await make();
    for (const query of [LIST, COUNT]) {
      const res = await tp.query<any>(query, { token: as, variables: { m: M1 } });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.data?.employees ?? null).toBeNull();
      expectNoLeak(res);
    }
    for (const query of [MEMBER_LIST, MEMBER_COUNT]) {
      const res = await tp.query<any>(query, { token: as, variables: { m: M1 } });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.data?.member?.employees ?? null).toBeNull();
      expectNoLeak(res);
    }
  });

  test.each(refused.filter(([label]) => !label.startsWith('employee')))(
    '%s gets NOT_FOUND for an employee of member 1, and nothing of them',
    async (_label, make) => {
      const as = await make();
      for (const id of [employeeId(1), employeeId(12)]) {
        const res = await tp.query<any>(ONE, { token: as, variables: { id } });
        expect(errorCodes(res)).toEqual(['NOT_FOUND']);
        expect(res.data?.employee ?? null).toBeNull();
        expectNoLeak(res);
      }
    },
  );

  test('an employee sees exactly their own record, and a colleague is NOT_FOUND', async () => {
    const own = employeeId(3);
    const as = await employeeToken(M1, own);
    const mine: any = await tp.query(ONE, { token: as, variables: { id: own } });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.employee.id).toBe(own);
    expect(mine.data.employee.bsnFull).toMatch(/^\d{9}$/);
    const byHr: any = await tp.query(ONE, { token: hr1, variables: { id: own } });
    expect(mine.data.employee).toEqual(byHr.data.employee);

    for (const colleague of employeesOf(1).filter((id) => id !== own)) {
      const res = await tp.query<any>(ONE, { token: as, variables: { id: colleague } });
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
    const as = await employeeToken(M1, employeeId(13));
    const res = await tp.query<any>(ONE, { token: as, variables: { id: employeeId(13) } });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  test('a nonexistent employee is NOT_FOUND, also for HR', async () => {
    const res = await tp.query<any>(ONE, { token: hr1, variables: { id: employeeId(999) } });
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
      const res = await tp.query<any>(query, { variables });
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
    const res: any = await tp.query(ALL, { token: hr1, variables: { m: M1 } });
    expect(res.errors).toBeUndefined();
    for (const { node } of nonEmpty<any>(res.data.employees.edges)) {
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
    const answers: any[] = [];
    for (const as of [hr1, await payrollFor(M1), await employeeToken(M1, id)]) {
      const res: any = await tp.query(ONE, { token: as, variables: { id } });
      expect(res.errors).toBeUndefined();
      answers.push(res.data.employee);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0].bsnFull).toMatch(/^\d{9}$/);
  });

  // With the current rules (access.ts: canSeeFullIdentifiers = canSeeEmployee) nobody can see an
  // employee without also seeing the full numbers: every caller who sees the masked fields sees the
  // full ones, and every other caller sees neither.
  test('whoever sees an employee sees the full numbers too (no masked-only role exists)', async () => {
    const id = employeeId(2);
    const callers: [string, Partial<DevelopmentTokenClaims> & { roles: Role[] }][] = [
      ['member-hr M1', { roles: ['member-hr'], memberId: M1 }],
      ['member-hr M2', { roles: ['member-hr'], memberId: M2 }],
      ['payroll M1', { roles: ['payroll-service'], payrollMemberIds: [M1] }],
      ['payroll M2', { roles: ['payroll-service'], payrollMemberIds: [M2] }],
      ['employee self', { roles: ['employee'], memberId: M1, employeeId: id }],
      ['employee colleague', { roles: ['employee'], memberId: M1, employeeId: employeeId(1) }],
      ['member-admin M1', { roles: ['member-admin'], memberId: M1 }],
      ['member-purchaser M1', { roles: ['member-purchaser'], memberId: M1 }],
      ['member-approver M1', { roles: ['member-approver'], memberId: M1 }],
      ['association-procurement', { roles: ['association-procurement'] }],
      ['association-academy', { roles: ['association-academy'] }],
      ['association-cao', { roles: ['association-cao'] }],
      ['platform-admin', { roles: ['platform-admin'] }],
    ];
    const seen: Record<string, 'masked and full' | 'masked only' | 'nothing'> = {};
    for (const [label, claims] of callers) {
      const as = await token(claims);
      const masked: any = await tp.query(`query($id: ID!) { employee(id: $id) { bsn iban } }`, {
        token: as,
        variables: { id },
      });
      const full: any = await tp.query(`query($id: ID!) { employee(id: $id) { bsnFull ibanFull } }`, {
        token: as,
        variables: { id },
      });
      seen[label] = masked.errors
        ? 'nothing'
        : full.errors
          ? 'masked only'
          : full.data.employee.bsnFull
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

describe('age', () => {
  test("age(on:) turns on the birthday itself, for each of member 1's employees", async () => {
    const res: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { id birthDate } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    const employees: { id: string; birthDate: string }[] = res.data.employees.edges.map((e: any) => e.node);
    for (const { id, birthDate } of nonEmpty(employees)) {
      const birthday = `2026${birthDate.slice(4)}`;
      const dates = [addDays(birthday, -1), birthday, addDays(birthday, 1), '2024-02-29', '2026-12-31'];
      const ages: any = await tp.query(
        `query($id: ID!) { employee(id: $id) { ${dates.map((on, i) => `a${i}: age(on: "${on}")`).join(' ')} } }`,
        { token: hr1, variables: { id } },
      );
      expect(ages.errors).toBeUndefined();
      expect(dates.map((_, i) => ages.data.employee[`a${i}`])).toEqual(dates.map((on) => ageOn(birthDate, on)));
      expect(ages.data.employee.a1).toBe(ages.data.employee.a0 + 1);
    }
  });

  describe('hired employees', () => {
    afterAll(() => tp.reset());

    test('someone born on 15 May 1990 is 35 on 14 May 2026 and 36 on 15 May 2026', async () => {
      const res = await hire(hireInput({ birthDate: '1990-05-15' }));
      expect(res.errors).toBeUndefined();
      const ages: any = await tp.query(
        `query($id: ID!) { employee(id: $id) { a: age(on: "2026-05-14") b: age(on: "2026-05-15") c: age(on: "1990-05-15") } }`,
        { token: hr1, variables: { id: res.data.hireEmployee.id } },
      );
      expect(ages.data.employee).toEqual({ a: 35, b: 36, c: 0 });
    });

    test('born on 29 February: a year older on 28 February in a common year (the rule in domain/employment.ts)', async () => {
      const res = await hire(hireInput({ birthDate: '2004-02-29' }));
      expect(res.errors).toBeUndefined();
      const ages: any = await tp.query(
        `query($id: ID!) { employee(id: $id) {
           a: age(on: "2025-02-27") b: age(on: "2025-02-28") c: age(on: "2025-03-01")
           d: age(on: "2024-02-28") e: age(on: "2024-02-29") } }`,
        { token: hr1, variables: { id: res.data.hireEmployee.id } },
      );
      expect(ages.data.employee).toEqual({ a: 20, b: 21, c: 21, d: 19, e: 20 });
    });
  });
});

describe('hiring', () => {
  afterAll(() => tp.reset());

  test('HR hires: the employee and the employment are there, masked, and read back the same', async () => {
    const before = await countOf(M1);
    const input = hireInput();
    const res = await hire(input);
    expect(res.errors).toBeUndefined();
    const hired = res.data.hireEmployee;
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
    expect(Number(hired.employments[0].hoursPerWeek)).toBe(32);

    const back: any = await tp.query(EMPLOYEE, { token: hr1, variables: { id: hired.id } });
    expect(back.errors).toBeUndefined();
    expect(back.data.employee).toEqual(hired);
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
    expect(res.data.hireEmployee).toMatchObject({ bsnFull: bsn, ibanFull: IBAN, address: { postcode: '8011 AB' } });
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
    const back: any = await tp.query(EMPLOYEE, { token: hr1, variables: { id: res.data.hireEmployee.id } });
    expect(back.data.employee.employments[0]).toMatchObject({ contractType, writtenContract, endDate });
    expect(back.data.employee.employments[0].unemploymentPremiumClass).toBe(cls);
  });

  test("the member's payroll service may hire too", async () => {
    const res = await hire(hireInput({ firstName: 'Payroll' }), await payrollFor(M1));
    expect(res.errors).toBeUndefined();
    expect(res.data.hireEmployee.employer.id).toBe(M1);
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
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(res)?.extensions?.field).toBe(field);
    expect(res.data?.hireEmployee ?? null).toBeNull();
    expect(await countOf(M1)).toBe(before);
  });

  test('a bad BSN is refused without repeating the number', async () => {
    const bad = brokenBsn(nextBsn());
    const res = await hire(hireInput({ bsn: bad }));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(res)?.extensions?.field).toBe('input.bsn');
    expect(JSON.stringify(res)).not.toContain(bad);
    expect(JSON.stringify(res)).not.toContain(bad.slice(-4));
  });

  test('someone younger than 15 on the first day is refused, nothing written', async () => {
    const before = await countOf(M1);
    const start = todayNl();
    // Fifteen tomorrow: 14 on the first day.
    const res = await hire(hireInput({ birthDate: addDays(addMonths(start, -15 * 12), 1) }, { startDate: start }));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
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
    const elsewhere = await hire(hireInput({ bsn, memberId: M2 }), hr2);
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data.hireEmployee.employer.id).toBe(M2);
  });

  test.each([
    ['member-hr of member 2', () => hrOf(M2)],
    ['payroll-service for member 2', () => payrollFor(M2)],
    ['member-admin of member 1', () => token({ roles: ['member-admin'], memberId: M1 })],
    ['an employee of member 1', () => employeeToken(M1, employeeId(1))],
    ['platform-admin', () => token({ roles: ['platform-admin'] })],
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
    const res = await tp.query<any>(
      `mutation($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { id bsnFull } }`,
      { token: hr1, variables: { id: second.data.hireEmployee.id, input: { bsn } } },
    );
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(JSON.stringify(res)).not.toContain(bsn);
  });

  test('without a token: UNAUTHENTICATED, nothing written', async () => {
    const before = await countOf(M1);
    const res = await tp.query<any>(HIRE, { variables: { input: hireInput() } });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(await countOf(M1)).toBe(before);
  });
});

describe('employments', () => {
  afterAll(() => tp.reset());

  const employmentsOf = async (id: string) => {
    const res: any = await tp.query(EMPLOYEE, { token: hr1, variables: { id } });
    expect(res.errors).toBeUndefined();
    return res.data.employee.employments as any[];
  };

  test('a following period is added; one overlapping an existing period is a CONFLICT, nothing written', async () => {
    const start = todayNl();
    const end = addMonths(start, 6);
    const hired = await hire(hireInput({}, { contractType: 'FIXED_TERM', startDate: start, endDate: end }));
    expect(hired.errors).toBeUndefined();
    const id = hired.data.hireEmployee.id;

    const next = await tp.query<any>(ADD_EMPLOYMENT, {
      token: hr1,
      variables: {
        employeeId: id,
        input: {
          startDate: addDays(end, 1),
          contractType: 'PERMANENT',
          functionTitle: 'Teamleider winkel',
          caoScale: 6,
          caoStep: 2,
          hoursPerWeek: '36',
        },
      },
    });
    expect(next.errors).toBeUndefined();
    expect(next.data.addEmployment).toMatchObject({
      startDate: addDays(end, 1),
      endDate: null,
      unemploymentPremiumClass: 'LOW',
    });
    expect((await employmentsOf(id)).map((e) => e.startDate)).toEqual([addDays(end, 1), start]);

    for (const period of [
      { startDate: addDays(start, 10), endDate: addDays(start, 20) }, // inside the first
      { startDate: end, endDate: addDays(end, 5) }, // shares the first one's last day
      { startDate: addMonths(end, 12) }, // after both, but the second never ends
      { startDate: addDays(start, -30), endDate: start }, // ends on the first one's first day
    ]) {
      const res = await tp.query<any>(ADD_EMPLOYMENT, {
        token: hr1,
        variables: {
          employeeId: id,
          input: {
            ...period,
            contractType: 'FIXED_TERM',
            functionTitle: 'Chauffeur',
            caoScale: 4,
            caoStep: 1,
            hoursPerWeek: '20',
          },
        },
      });
      expect({ period, codes: errorCodes(res) }).toEqual({ period, codes: ['CONFLICT'] });
    }
    expect(await employmentsOf(id)).toHaveLength(2);
  });

  test("a seeded employee's open-ended employment: a new one alongside it is a CONFLICT", async () => {
    const res = await tp.query<any>(ADD_EMPLOYMENT, {
      token: hr1,
      variables: {
        employeeId: employeeId(4),
        input: {
          startDate: addMonths(todayNl(), 1),
          contractType: 'PERMANENT',
          functionTitle: 'Chauffeur',
          caoScale: 4,
          caoStep: 1,
          hoursPerWeek: '20',
        },
      },
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(await employmentsOf(employeeId(4))).toHaveLength(1);
  });

  test("another member's HR cannot add or change employments of member 1 (NOT_FOUND)", async () => {
    const input = {
      startDate: '2030-01-01',
      contractType: 'PERMANENT',
      functionTitle: 'Chauffeur',
      caoScale: 4,
      caoStep: 1,
      hoursPerWeek: '20',
    };
    const add = await tp.query<any>(ADD_EMPLOYMENT, { token: hr2, variables: { employeeId: employeeId(4), input } });
    expect(errorCodes(add)).toEqual(['NOT_FOUND']);
    const [employment] = await employmentsOf(employeeId(4));
    const update = await tp.query<any>(UPDATE_EMPLOYMENT, {
      token: hr2,
      variables: { id: employment.id, input: { caoStep: 0 } },
    });
    expect(errorCodes(update)).toEqual(['NOT_FOUND']);
    expect((await employmentsOf(employeeId(4)))[0]).toEqual(employment);
  });

  test('a new step changes the wage to what the CAO pays for it', async () => {
    const today = todayNl();
    const hired = await hire(hireInput({ birthDate: '1985-03-10' }, { caoScale: 5, caoStep: 3, hoursPerWeek: '24' }));
    expect(hired.errors).toBeUndefined();
    const [employment] = hired.data.hireEmployee.employments;
    const age = ageOn('1985-03-10', today);
    const WAGE = `query($id: ID!) { employee(id: $id) { employments { caoStep wage(on: "${today}") { monthly age } } } }`;

    const before: any = await tp.query(WAGE, { token: hr1, variables: { id: hired.data.hireEmployee.id } });
    expect(before.data.employee.employments[0].wage).toEqual({
      monthly: (await caoWage({ scale: 5, step: 3, on: today, hours: '24', age })).monthly,
      age,
    });

    const res = await tp.query<any>(UPDATE_EMPLOYMENT, {
      token: hr1,
      variables: { id: employment.id, input: { caoStep: 6 } },
    });
    expect(res.errors).toBeUndefined();
    const expected = await caoWage({ scale: 5, step: 6, on: today, hours: '24', age });
    expect(res.data.updateEmployment).toMatchObject({ caoScale: 5, caoStep: 6, wage: { monthly: expected.monthly } });
    const after: any = await tp.query(WAGE, { token: hr1, variables: { id: hired.data.hireEmployee.id } });
    expect(after.data.employee.employments[0]).toEqual({ caoStep: 6, wage: { monthly: expected.monthly, age } });
    expect(after.data.employee.employments[0].wage.monthly).not.toBe(before.data.employee.employments[0].wage.monthly);
  });

  test('a step the scale does not have is refused on caoStep, nothing changed', async () => {
    const hired = await hire(hireInput({}, { caoScale: 2, caoStep: 1 }));
    const [employment] = hired.data.hireEmployee.employments;
    const res = await tp.query<any>(UPDATE_EMPLOYMENT, {
      token: hr1,
      variables: { id: employment.id, input: { caoStep: 5 } },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(firstError(res)?.extensions?.field).toBe('input.caoStep');
    expect((await employmentsOf(hired.data.hireEmployee.id))[0].caoStep).toBe(1);
  });

  // Most seeded employments started before 2024, the first CAO version in the CAO service. A step
  // change today must not depend on a CAO for the start date.
  test('HR can move a seeded employee who started before 2024 to another step', async () => {
    const res: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { id birthDate employments { id startDate caoScale caoStep hoursPerWeek } } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    const early = res.data.employees.edges
      .map((e: any) => ({ ...e.node, employment: e.node.employments[0] }))
      .filter((e: any) => e.employment.startDate < '2024-01-01');
    expect(early.length).toBeGreaterThan(0);
    const { employment, birthDate } = early[0];
    const step = employment.caoStep === 0 ? 1 : employment.caoStep - 1;
    const today = todayNl();
    const update = await tp.query<any>(UPDATE_EMPLOYMENT, {
      token: hr1,
      variables: { id: employment.id, input: { caoStep: step } },
    });
    expect({ errors: update.errors ?? null, step: update.data?.updateEmployment?.caoStep }).toEqual({
      errors: null,
      step,
    });
    const expected = await caoWage({
      scale: employment.caoScale,
      step,
      on: today,
      hours: employment.hoursPerWeek,
      age: ageOn(birthDate, today),
    });
    expect(update.data.updateEmployment.wage.monthly).toBe(expected.monthly);
  });

  test('HR can end a seeded employment that started before 2024', async () => {
    const res: any = await tp.query(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { employments { id startDate } } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    const early = res.data.employees.edges
      .map((e: any) => e.node.employments[0])
      .filter((e: any) => e.startDate < '2024-01-01');
    expect(early.length).toBeGreaterThan(0);
    const endDate = todayNl();
    const update = await tp.query<any>(UPDATE_EMPLOYMENT, {
      token: hr1,
      variables: { id: early[0].id, input: { endDate } },
    });
    expect({ errors: update.errors ?? null, endDate: update.data?.updateEmployment?.endDate }).toEqual({
      errors: null,
      endDate,
    });
  });

  // The column is DECIMAL(5,2) and the CAO service accepts any positive number of hours up to full
  // time: hours with more decimals must be refused, or kept exactly, never silently rounded.
  test.each(['0.004', '12.345'])('%s hours a week: refused, or kept exactly and paid for', async (hours) => {
    const res = await hire(hireInput({}, { hoursPerWeek: hours }));
    if (res.errors) {
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(firstError(res)?.extensions?.field).toBe('input.employment.hoursPerWeek');
      return;
    }
    const id = res.data.hireEmployee.id;
    const back: any = await tp.query(
      `query($id: ID!) { employee(id: $id) { employments { hoursPerWeek wage { monthly } } } }`,
      { token: hr1, variables: { id } },
    );
    expect({ hoursPerWeek: back.data?.employee?.employments[0]?.hoursPerWeek, errors: back.errors ?? null }).toEqual({
      hoursPerWeek: hours,
      errors: null,
    });
  });

  describe('the LKV application deadline (three months after the start)', () => {
    /** Our own reading of the rule: MISSED after the deadline, DUE_SOON in its last 14 days. */
    const expectedStatus = (start: string) => {
      const left = daysFrom(todayNl(), addMonths(start, 3));
      return left < 0 ? 'MISSED' : left <= 14 ? 'DUE_SOON' : 'OPEN';
    };
    const hireWithLkv = async (startDate: string) => {
      const res = await hire(
        hireInput({}, { startDate, lkv: 'JOB_AGREEMENT_TARGET_GROUP', jobAgreementRegister: true }),
      );
      expect(res.errors).toBeUndefined();
      return res.data.hireEmployee.employments[0].targetGroup;
    };

    test.each([
      ['one month ago', 'OPEN', () => addMonths(todayNl(), -1)],
      ['two months and 20 days ago', 'DUE_SOON', () => addDays(addMonths(todayNl(), -2), -20)],
      ['four months ago', 'MISSED', () => addMonths(todayNl(), -4)],
    ])('started %s: %s', async (_label, status, start) => {
      const startDate = start();
      expect(expectedStatus(startDate)).toBe(status);
      expect(await hireWithLkv(startDate)).toEqual({
        jobAgreementRegister: true,
        lkv: 'JOB_AGREEMENT_TARGET_GROUP',
        lkvApplicationDeadline: addMonths(startDate, 3),
        lkvApplicationStatus: status,
      });
    });

    test('at the edges: 15 days left OPEN, 14 days DUE_SOON, the deadline itself DUE_SOON, a day late MISSED', async () => {
      const today = todayNl();
      // Start dates whose deadline lies exactly `left` days from today (if the calendar has one).
      for (const left of [15, 14, 0, -1]) {
        const starts = Array.from({ length: 130 }, (_, i) => addDays(today, -i)).filter(
          (s) => daysFrom(today, addMonths(s, 3)) === left,
        );
        // (A deadline on the 29th to 31st may have no start date three months before it.)
        if (starts.length === 0) continue;
        const startDate = starts[0]!;
        const status = left < 0 ? 'MISSED' : left <= 14 ? 'DUE_SOON' : 'OPEN';
        const got = await hireWithLkv(startDate);
        expect({ left, ...got }).toMatchObject({
          left,
          lkvApplicationDeadline: addMonths(startDate, 3),
          lkvApplicationStatus: status,
        });
      }
    });

    test('without LKV there is no deadline', async () => {
      const back: any = await tp.query(EMPLOYEE, { token: hr1, variables: { id: employeeId(1) } });
      const employment = back.data.employee.employments[0];
      if (employment.targetGroup.lkv === null) {
        expect(employment.targetGroup).toMatchObject({ lkvApplicationDeadline: null, lkvApplicationStatus: null });
      } else {
        expect(employment.targetGroup.lkvApplicationDeadline).toBe(addMonths(employment.startDate, 3));
        expect(employment.targetGroup.lkvApplicationStatus).toBe('MISSED'); // seeded periods began years ago
      }
    });
  });
});
