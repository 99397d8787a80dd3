import { DEVELOPMENT_GATEWAY_SECRET, GATEWAY_SECRET_HEADER, ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import { getNamedType } from 'graphql';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { employeeOf, hrOf, payrollFor, platformAdmin, tokenOf } from './testkit/actors';
import { contentHash } from './testkit/databases';
import { nonEmpty } from './testkit/expect';
import { graphql, nodes, type GraphQLResponse } from './testkit/graphql';
import { M1, M2 } from './testkit/ids';
import { setUpQuery } from './testkit/set-up';
import { usePlatform } from './testkit/use-platform';
import {
  entities,
  ID_KINDS,
  kindNamed,
  requestFor,
  rootFields,
  selectionOf,
  type RootField,
} from './testkit/schema-walk';

// Each test here walks every field of the supergraph (hundreds of requests): on two busy cores one
// takes minutes, not the suite's 30 seconds, and grows with each field a subgraph adds.
jest.setTimeout(300_000);

// The access probe: every query and mutation of the supergraph, called by every role acting
// for member A with the ids of member B (and by an employee with a colleague's ids). Nothing of
// the other member (or colleague) may come back, and nothing may be written. The fields come
// from the composed schema, so a field added tomorrow is probed without anyone listing it.
const tp = usePlatform();
let admin: string;
const A = M1;
const B = M2;

/** Ids of member B's things by kind, and text that only B's people and admins may see. */
interface Private {
  ids: Record<string, string>;
  markers: string[];
  /**
   * Markers an association role may see because it serves every member there (DESIGN: "visible
   * to that member's people and to the association roles that serve it"): the procurement team
   * runs the settlement over all members' orders.
   */
  servedTo?: Partial<Record<Role, string[]>>;
}
let ofB: Private;
/** A second employee of member A, as seen by a first one. */
let colleague: Private;
let ownEmployeeId: string;

type Ids = { edges: { node: { id: string } }[] };

const as = <Data>(token: string, query: string, variables?: Record<string, unknown>) =>
  setUpQuery<Data>(tp, token, query, variables);

/** Everything private about one employee: ids, names, BSN, IBAN, e-mail, payslips. */
async function employeeData(memberId: string, employeeId: string) {
  const data = await as<{
    employee: {
      id: string;
      firstName: string;
      lastName: string;
      bsnFull: string;
      ibanFull: string;
      email: string | null;
      employments: { id: string }[];
    };
    payslips: Ids;
  }>(
    await hrOf(memberId),
    `query($id: ID!) { employee(id: $id) { id firstName lastName bsnFull ibanFull email employments { id } }
       payslips(employeeId: $id, first: 5) { edges { node { id run { id } } } } }`,
    { id: employeeId },
  );
  const e = data.employee;
  const payslips = nodes(data.payslips);
  return {
    ids: {
      employee: e.id,
      employment: e.employments[0]!.id,
      ...(payslips[0] ? { payslip: payslips[0].id } : {}),
    } as Record<string, string>,
    markers: [
      e.id,
      `${e.firstName} ${e.lastName}`,
      e.bsnFull,
      e.ibanFull,
      ...(e.email ? [e.email] : []),
      ...e.employments.map((x) => x.id),
      ...payslips.map((p) => p.id),
    ],
  };
}

async function privateDataOf(memberId: string): Promise<Private> {
  const payroll = await payrollFor(memberId, { sub: 'probe-clerk' });
  // A calculated run gives the member payslips, a run and audit entries to probe with.
  await as(payroll, `mutation($m: ID!) { calculatePayrollRun(memberId: $m, year: 2026, month: 1) { id } }`, {
    m: memberId,
  });
  const hr = await hrOf(memberId);
  type Person = { id: string; firstName: string; lastName: string };
  const users = (
    await as<{ member: { users: { edges: { node: { id: string; name: string; email: string } }[] } } }>(
      admin,
      `query($m: ID!) { member(id: $m) { users(first: 50) { edges { node { id name email } } } } }`,
      {
        m: memberId,
      },
    )
  ).member.users.edges.map((e) => e.node);
  const data = await as<{ employees: Ids; payrollRuns: Ids; volunteers: { edges: { node: Person }[] } }>(
    hr,
    `query($m: ID!) {
      employees(memberId: $m, first: 3) { edges { node { id } } }
      payrollRuns(memberId: $m, first: 5) { edges { node { id } } }
      volunteers(memberId: $m, first: 5) { edges { node { id firstName lastName } } }
    }`,
    { m: memberId },
  );
  const runs = nodes(data.payrollRuns);
  let volunteers = nodes(data.volunteers);
  if (volunteers.length === 0) {
    const made = await as<{ registerVolunteer: Person }>(
      hr,
      `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id firstName lastName } }`,
      {
        input: {
          memberId,
          firstName: 'Wilhelmina',
          lastName: `Probe-${memberId.slice(-4)}`,
          birthDate: '1960-04-02',
          startDate: '2025-01-01',
        },
      },
    );
    volunteers = [made.registerVolunteer];
  }
  const employee = await employeeData(memberId, data.employees.edges[0]!.node.id);
  const order = await as<{ submitOrder: { id: string } }>(
    await tokenOf('member-purchaser', memberId, 'probe-buyer'),
    `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id } }`,
    {
      input: {
        memberId,
        contractId: demoId('contract', 1),
        idempotencyKey: `probe-order-of-${memberId}`,
        lines: [{ itemId: demoId('item', 1), quantity: 2 }],
      },
    },
  );
  // An enrolment of one of B's employees in the first demo session (the Academy seed), by B's HR.
  const enrolment = await as<{ enrol: { id: string } }>(
    hr,
    `mutation($s: ID!, $e: ID!) { enrol(sessionId: $s, employeeId: $e) { id } }`,
    { s: demoId('courseSession', 1), e: data.employees.edges[0]!.node.id },
  );
  expect(users.length).toBeGreaterThan(0);
  expect(runs.length).toBeGreaterThan(0);
  return {
    ids: {
      ...employee.ids,
      member: memberId,
      user: users[0]!.id,
      payrollRun: runs[0]!.id,
      volunteer: volunteers[0]!.id,
      order: order.submitOrder.id,
      contract: demoId('contract', 1),
      item: demoId('item', 1),
      enrolment: enrolment.enrol.id,
    },
    // The Academy's administrators see every member's enrolments (DESIGN: association roles serve
    // members); an enrolment names its employee by id (no name, no payroll data).
    servedTo: {
      'association-procurement': [order.submitOrder.id],
      'association-academy': [enrolment.enrol.id, data.employees.edges[0]!.node.id],
    },
    markers: [
      order.submitOrder.id,
      enrolment.enrol.id,
      ...employee.markers,
      ...users.flatMap((u) => [u.id, u.email]),
      ...runs.map((r) => r.id),
      ...volunteers.flatMap((v) => [v.id, `${v.firstName} ${v.lastName}`]),
    ],
  };
}

beforeAll(async () => {
  admin = await platformAdmin();
  ofB = await privateDataOf(B);
  const staff = await as<{ employees: Ids }>(
    await hrOf(A),
    `query($m: ID!) { employees(memberId: $m, first: 2) { edges { node { id } } } }`,
    { m: A },
  );
  const [own, other] = nodes(staff.employees).map((e) => e.id);
  ownEmployeeId = own!;
  const seen = await employeeData(A, other!);
  colleague = { ids: { ...seen.ids, member: A }, markers: seen.markers };
}, 120_000);

/** The token of `role` acting for member A (the employee: A's first employee). */
const actorFor = (role: Role) =>
  role === 'employee' ? employeeOf(A, ownEmployeeId, `probe-${role}`) : tokenOf(role, A, `probe-${role}`);

/**
 * The requests that point a root field at the other party's things: one per kind of id when
 * the field does not say which kind its `id` is, each with a shallow selection (a role may see
 * a type's own fields) and a deep one (what hangs off it).
 */
function probesOf(root: RootField, target: Private, depths = [1, 3]) {
  const kinds = kindNamed(root.name) && target.ids[kindNamed(root.name)!] ? [kindNamed(root.name)] : ID_KINDS;
  const unique = new Map<string, ReturnType<typeof requestFor>>();
  for (const kind of kinds) {
    if (kind && !target.ids[kind]) continue;
    for (const depth of depths) {
      const request = requestFor(root, { ids: target.ids, kindOfId: kind, optionalIds: true }, depth);
      unique.set(JSON.stringify(request), request);
    }
  }
  return [...unique.values()];
}

const takesIds = (root: RootField) =>
  JSON.stringify(requestFor(root, { ids: { probe: 'x' }, optionalIds: true }).variables).includes('"x"');

/** Refused for what it asked, not for how: no fault of ours, no request the schema does not allow. */
function expectReachedTheField(res: GraphQLResponse) {
  expect(res.status).toBeLessThan(500);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  expect(codes).not.toContain('GRAPHQL_VALIDATION_FAILED');
}

/** Markers of `target` found in a response, the ids the request itself carried aside (and what `role` serves). */
function leaked(res: GraphQLResponse, target: Private, sent: Record<string, unknown>, role?: Role) {
  const own = JSON.stringify(sent);
  const served = (role && target.servedTo?.[role]) || [];
  const text = JSON.stringify(res.data ?? null) + JSON.stringify((res.errors ?? []).map((e) => e.message));
  return target.markers.filter(
    (marker) => marker && text.includes(marker) && !own.includes(marker) && !served.includes(marker),
  );
}

const FIELDS = rootFields();
const PROBED_ROLES = ROLES.filter((role) => role !== 'platform-admin');
const tally = { calls: 0, answeredWithData: 0, refused: 0 };

test('the supergraph offers fields to probe', () => {
  expect(FIELDS.filter((f) => f.operation === 'query').length).toBeGreaterThan(20);
  expect(FIELDS.filter((f) => f.operation === 'mutation').length).toBeGreaterThan(15);
});

/** B's own people, who may see B's data: each query must answer at least one of them. */
const insidersOfB = async () => [
  admin,
  await hrOf(B),
  await tokenOf('member-admin', B),
  await payrollFor(B),
  // Platform admins keep the platform, not its members' purchasing: B's orders are its purchaser's.
  await tokenOf('member-purchaser', B),
];

// The probe is only worth something if its requests are valid and reach the data: B's own
// people get data back for every one of them.
test('the generated requests are valid: member B’s own people get B’s data with them', async () => {
  const insiders = await insidersOfB();
  const queries = FIELDS.filter((f) => f.operation === 'query' && takesIds(f));
  expect(queries.length).toBeGreaterThan(10);
  const unanswered: string[] = [];
  for (const root of queries) {
    const answers = [];
    // Everything a type offers is more than any one role may see; its own fields prove the point.
    for (const { query, variables } of probesOf(root, ofB, [1])) {
      for (const token of insiders) {
        const res = await tp.query(query, { token, variables });
        answers.push(res.errors ? res.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') : 'data');
      }
    }
    if (!answers.includes('data')) unanswered.push(`${root.name}: ${answers.join(' | ')}`);
  }
  expect(unanswered).toEqual([]);
});

describe.each(PROBED_ROLES)('%s of member A', (role) => {
  test('reads nothing of member B with B’s ids', async () => {
    const token = await actorFor(role);
    const leaks: string[] = [];
    const queries = FIELDS.filter((f) => f.operation === 'query');
    expect(queries.length).toBeGreaterThan(0);
    for (const root of queries) {
      for (const { query, variables } of probesOf(root, ofB)) {
        const res = await tp.query(query, { token, variables });
        tally.calls++;
        expectReachedTheField(res);
        const found = leaked(res, ofB, variables, role);
        if (found.length) leaks.push(`${root.name}: ${found.join(', ')}`);
        if (res.errors) tally.refused++;
        else tally.answeredWithData++;
      }
    }
    expect(leaks).toEqual([]);
  });

  test('changes nothing of member B with B’s ids', async () => {
    const token = await actorFor(role);
    const writes: string[] = [];
    const mutations = FIELDS.filter((f) => f.operation === 'mutation' && takesIds(f));
    expect(mutations.length).toBeGreaterThan(10);
    for (const root of mutations) {
      // Maintaining the CAO is the association's own business, not a member's data.
      if (role === 'association-cao' && root.subgraph === 'cao') continue;
      // Enrolling, cancelling and granting budgets for every member is the Academy's own work.
      if (role === 'association-academy' && root.subgraph === 'academy') continue;
      const { database } = tp.platform.subgraphs[root.subgraph]!;
      const before = await contentHash(database.sql);
      const leaks: string[] = [];
      // What a mutation writes is read back from the database; its answer needs no depth.
      for (const { query, variables } of probesOf(root, ofB, [1])) {
        const res = await tp.query(query, { token, variables });
        tally.calls++;
        expectReachedTheField(res);
        leaks.push(...leaked(res, ofB, variables, role));
      }
      if ((await contentHash(database.sql)) !== before) writes.push(root.name);
      expect(leaks).toEqual([]);
    }
    expect(writes).toEqual([]);
  });
});

// Every subgraph checks access itself: asked for B's entities directly, with the gateway's secret
// (as from inside the cluster, or as the gateway does for nested fields), it shows A's people
// nothing of B either.
describe.each(PROBED_ROLES)('%s of member A, at each subgraph directly', (role) => {
  test('resolves no entity of member B', async () => {
    const token = await actorFor(role);
    const found = entities();
    expect(found.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const { type, subgraph, fields } of found) {
      const kind = kindNamed(type.name);
      const ids = kind && ofB.ids[kind] ? [ofB.ids[kind]!] : Object.values(ofB.ids);
      // One field at a time: a field refused to this role must not hide what another shows.
      const selections = fields
        .filter((field) => !field.args.some((arg) => String(arg.type).endsWith('!')))
        .map((field) => `${field.name} ${selectionOf(getNamedType(field.type), { ids: ofB.ids }, 3, subgraph)}`.trim());
      expect(selections.length).toBeGreaterThan(0);
      for (const id of ids) {
        for (const selection of selections) {
          const res = await graphql(
            tp.subgraphUrl(subgraph as never),
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type.name} { ${selection} } } }`,
            {
              token,
              variables: { r: [{ __typename: type.name, id }] },
              headers: { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET },
            },
          );
          tally.calls++;
          expectReachedTheField(res);
          const shown = leaked(res, ofB, { id }, role);
          if (shown.length) leaks.push(`${type.name}.${selection.split(' ')[0]} in ${subgraph}: ${shown.join(', ')}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('an employee with a colleague’s ids', () => {
  test('reads nothing of the colleague and changes nothing', async () => {
    const token = await actorFor('employee');
    const problems: string[] = [];
    expect(FIELDS.length).toBeGreaterThan(0);
    for (const root of nonEmpty(FIELDS.filter(takesIds))) {
      const { database } = tp.platform.subgraphs[root.subgraph]!;
      const before = root.operation === 'mutation' ? await contentHash(database.sql) : '';
      for (const { query, variables } of probesOf(root, colleague)) {
        const res = await tp.query(query, { token, variables });
        tally.calls++;
        expectReachedTheField(res);
        const found = leaked(res, colleague, variables);
        if (found.length) problems.push(`${root.name} showed ${found.join(', ')}`);
      }
      if (root.operation === 'mutation' && (await contentHash(database.sql)) !== before) {
        problems.push(`${root.name} wrote`);
      }
    }
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  // The figures for the closing note: how much was probed.
  console.log(`access probe: ${FIELDS.length} fields, ${tally.calls} calls, ${tally.refused} refused`);
});
