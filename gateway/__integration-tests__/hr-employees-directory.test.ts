import { hrOf, platformAdmin } from './testkit/actors';
import { addDays } from './testkit/calendar';
import { ageOn, employeeKit } from './testkit/employees';
import { expectOk, nonEmpty } from './testkit/expect';
import { nodes } from './testkit/graphql';
import { employeesOf, M1 } from './testkit/ids';
import { cao2024, CAO_2024 } from './testkit/seed-data';
import { usePlatform } from './testkit/use-platform';

// The HR/payroll subgraph through the gateway: a member's employees next to its directory entry
// (members subgraph) and their CAO wages and scales (asked from the CAO subgraph); who sees
// employees and who is refused, without a leak; masking of BSN and IBAN; hiring with every
// input check; employment periods, step changes and the LKV application deadline; ages.
// This file: a member's employees across subgraphs, and ages.
const tp = usePlatform();
const { hireInput, hire, caoWage } = employeeKit(tp, { bsnFrom: 29_000_000 });

interface Scale {
  scale: number;
  steps: { step: number; monthlyFullTime: string }[];
}
/** Ages asked as aliases (`a0`, `a1`, … or `a`, `b`, …). */
type Ages = { employee: Record<string, number> };

let hr1: string;
beforeAll(async () => {
  hr1 = await hrOf(M1);
});

describe("a member's employees across subgraphs", () => {
  const ON = '2024-06-01';
  const QUERY = `query($id: ID!) { member(id: $id) { name employees(first: 50) { totalCount edges { node {
    id name birthDate bsn
    employments { caoScale caoStep hoursPerWeek
      wage(on: "${ON}") { monthly age caoVersionName }
      wageScale(on: "${ON}") { scale steps { step monthlyFullTime } } } } } } } }`;

  interface MemberEmployees {
    member: {
      name: string;
      employees: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            name: string;
            birthDate: string;
            bsn: string;
            employments: {
              caoScale: number;
              caoStep: number;
              hoursPerWeek: string;
              wage: { monthly: string; age: number; caoVersionName: string };
              wageScale: Scale;
            }[];
          };
        }[];
      };
    };
  }

  test("HR of member 1 sees the member's name, its 12 employees and their CAO wages and scales", async () => {
    const { member } = expectOk(await tp.query<MemberEmployees>(QUERY, { token: hr1, variables: { id: M1 } }));

    // The name comes from the members subgraph: the same as the directory says.
    const directory = await tp.query<{ member: { name: string } }>(`query($id: ID!) { member(id: $id) { name } }`, {
      token: await platformAdmin(),
      variables: { id: M1 },
    });
    expect(member.name).toBe(expectOk(directory).member.name);
    expect(member.name).toEqual(expect.any(String));

    // Employees from hr-payroll: exactly the seeded twelve of member 1.
    const employees = nodes(member.employees);
    expect(member.employees.totalCount).toBe(12);
    expect(employees.map((e) => e.id).sort()).toEqual(employeesOf(1));

    // Wages: what the CAO subgraph itself answers for the same scale, step, date, hours and age.
    const scalesInForce = expectOk(
      await tp.query<{ wageScales: { version: { name: string }; scales: Scale[] } }>(
        `{ wageScales(on: "${ON}") { version { name } scales { scale steps { step monthlyFullTime } } } }`,
        { token: hr1 },
      ),
    );
    expect(scalesInForce.wageScales.version.name).toBe(CAO_2024);
    for (const employee of nonEmpty(employees)) {
      expect(employee.employments).toHaveLength(1);
      const employment = employee.employments[0]!;
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
      const scale = scalesInForce.wageScales.scales.find((s) => s.scale === employment.caoScale);
      expect(employment.wageScale).toEqual(scale);
      expect(employment.wageScale.steps.map((s) => [s.step, s.monthlyFullTime])).toEqual(
        cao2024.salaryTable.scales.find((s) => s.scale === employment.caoScale)!.steps.map((s) => [s.step, s.monthly]),
      );
      expect(employment.wageScale.steps.some((s) => s.step === employment.caoStep)).toBe(true);
    }
  });

  test('the same employees through Query.employees, with a name filter', async () => {
    type Employees = {
      employees: { totalCount: number; edges: { node: { id: string; lastName: string; employer: { id: string } } }[] };
    };
    const all = expectOk(
      await tp.query<Employees>(
        `query($m: ID!) { employees(memberId: $m, first: 50) { totalCount edges { node { id lastName employer { id } } } } }`,
        { token: hr1, variables: { m: M1 } },
      ),
    ).employees;
    expect(all.totalCount).toBe(12);
    for (const node of nonEmpty(nodes(all))) expect(node.employer.id).toBe(M1);
    const lastName = nodes(all)[0]!.lastName;
    const filtered = expectOk(
      await tp.query<Employees>(
        `query($m: ID!, $name: String) { employees(memberId: $m, first: 50, filter: { name: $name }) { totalCount edges { node { lastName } } } }`,
        { token: hr1, variables: { m: M1, name: lastName.toUpperCase() } },
      ),
    ).employees;
    expect(filtered.totalCount).toBeGreaterThanOrEqual(1);
    for (const node of nonEmpty(nodes(filtered))) expect(node.lastName).toBe(lastName);
  });
});

describe('age', () => {
  test("age(on:) turns on the birthday itself, for each of member 1's employees", async () => {
    const res = await tp.query<{ employees: { edges: { node: { id: string; birthDate: string } }[] } }>(
      `query($m: ID!) { employees(memberId: $m, first: 50) { edges { node { id birthDate } } } }`,
      { token: hr1, variables: { m: M1 } },
    );
    const employees = nodes(expectOk(res).employees);
    for (const { id, birthDate } of nonEmpty(employees)) {
      const birthday = `2026${birthDate.slice(4)}`;
      const dates = [addDays(birthday, -1), birthday, addDays(birthday, 1), '2024-02-29', '2026-12-31'];
      const ages = await tp.query<Ages>(
        `query($id: ID!) { employee(id: $id) { ${dates.map((on, i) => `a${i}: age(on: "${on}")`).join(' ')} } }`,
        { token: hr1, variables: { id } },
      );
      expect(ages.errors).toBeUndefined();
      expect(dates.map((_, i) => ages.data!.employee[`a${i}`])).toEqual(dates.map((on) => ageOn(birthDate, on)));
      expect(ages.data!.employee.a1).toBe(ages.data!.employee.a0! + 1);
    }
  });

  describe('hired employees', () => {
    afterAll(() => tp.reset());

    test('someone born on 15 May 1990 is 35 on 14 May 2026 and 36 on 15 May 2026', async () => {
      const res = await hire(hireInput({ birthDate: '1990-05-15' }));
      expect(res.errors).toBeUndefined();
      const ages = await tp.query<Ages>(
        `query($id: ID!) { employee(id: $id) { a: age(on: "2026-05-14") b: age(on: "2026-05-15") c: age(on: "1990-05-15") } }`,
        { token: hr1, variables: { id: res.data!.hireEmployee.id } },
      );
      expect(ages.data!.employee).toEqual({ a: 35, b: 36, c: 0 });
    });

    test('born on 29 February: a year older on 28 February in a common year (the rule in domain/employment.ts)', async () => {
      const res = await hire(hireInput({ birthDate: '2004-02-29' }));
      expect(res.errors).toBeUndefined();
      const ages = await tp.query<Ages>(
        `query($id: ID!) { employee(id: $id) {
           a: age(on: "2025-02-27") b: age(on: "2025-02-28") c: age(on: "2025-03-01")
           d: age(on: "2024-02-28") e: age(on: "2024-02-29") } }`,
        { token: hr1, variables: { id: res.data!.hireEmployee.id } },
      );
      expect(ages.data!.employee).toEqual({ a: 20, b: 21, c: 21, d: 19, e: 20 });
    });
  });
});
