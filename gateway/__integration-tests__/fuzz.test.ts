import fc from 'fast-check';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { caoTeam, platformAdmin } from './testkit/actors';
import { tokenFor } from './testkit/auth';
import { contentHash } from './testkit/databases';
import { nodes, type GraphQLResponse } from './testkit/graphql';
import { M1, M2 } from './testkit/ids';
import { setUpQuery } from './testkit/set-up';
import { usePlatform } from './testkit/use-platform';
import { argumentPaths, requestFor, rootFields, type RootField } from './testkit/schema-walk';

// Each test here sends every hostile value to every argument of a mutation and checks the database
// after each (hundreds of requests): on two busy cores one can take minutes, not the suite's 30 s.
jest.setTimeout(300_000);

// Schema-driven fuzzing: every argument of every mutation (nested input fields included) gets
// hostile values, by someone who may call the mutation for their own member. Whatever comes
// in, the answer is never our fault (no INTERNAL_SERVER_ERROR, no 5xx), a refusal writes
// nothing, and nothing accepted is stored with control characters in it.
const tp = usePlatform();
const A = M1;
const B = M2;
let ownIds: Record<string, string>;
let foreignIds: string[];
const tokens: Record<string, string> = {};

/** Who calls the mutations of each subgraph: people who may, for member A. */
/** What an `id` of a subgraph's mutation refers to when its name does not say (`setWageCells`). */
const MAIN_KIND: Record<string, string> = {
  members: 'member',
  cao: 'caoVersion',
  'hr-payroll': 'employee',
  procurement: 'order',
  academy: 'enrolment',
};

const CALLERS: Record<string, () => Promise<string>> = {
  members: () => platformAdmin(),
  cao: () => caoTeam(),
  // HR and payroll service of member A in one: every hr-payroll mutation is one of theirs.
  'hr-payroll': () => tokenFor({ roles: ['member-hr', 'payroll-service'], memberId: A, payrollMemberIds: [A] }),
  // A purchaser and approver of member A in one: every procurement mutation so far is one of theirs.
  procurement: () => tokenFor({ roles: ['member-purchaser', 'member-approver'], memberId: A }),
  // An Academy admin: schedules sessions, enrols anyone (naming the member), grants budgets.
  academy: () => tokenFor({ sub: 'fuzz-academy', roles: ['association-academy'] }),
};

const as = <Data>(token: string, query: string, variables?: Record<string, unknown>) =>
  setUpQuery<Data>(tp, token, query, variables);
type Ids = { edges: { node: { id: string } }[] };
type Directory = { branches: Ids; users: Ids };

beforeAll(async () => {
  for (const [subgraph, caller] of Object.entries(CALLERS)) tokens[subgraph] = await caller();
  const admin = await platformAdmin();
  const hr = tokens['hr-payroll']!;
  const run = await as<{ calculatePayrollRun: { id: string } }>(
    hr,
    `mutation { calculatePayrollRun(memberId: "${A}", year: 2026, month: 1) { id } }`,
  );
  const members = await as<{ a: Directory; b: Directory }>(
    admin,
    `query($a: ID!, $b: ID!) {
      a: member(id: $a) { branches(first: 1) { edges { node { id } } } users(first: 1) { edges { node { id } } } }
      b: member(id: $b) { branches(first: 1) { edges { node { id } } } users(first: 1) { edges { node { id } } } } }`,
    { a: A, b: B },
  );
  const staff = await as<{ employees: { edges: { node: { id: string; employments: { id: string }[] } }[] } }>(
    hr,
    `{ employees(memberId: "${A}", first: 1) { edges { node { id employments { id } } } } }`,
  );
  const employee = staff.employees.edges[0]!.node;
  const draft = await as<{ createCaoDraft: { id: string } }>(
    tokens.cao!,
    `mutation { createCaoDraft(input: { name: "Fuzz draft" }) { id } }`,
  );
  const volunteer = await as<{ registerVolunteer: { id: string } }>(
    hr,
    `mutation { registerVolunteer(input: { memberId: "${A}", firstName: "Fenna", lastName: "Fuzz",
       birthDate: "1970-01-01", startDate: "2026-01-01" }) { id } }`,
  );
  const order = await as<{ submitOrder: { id: string } }>(
    tokens.procurement!,
    `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id } }`,
    {
      input: {
        memberId: A,
        contractId: demoId('contract', 1),
        idempotencyKey: 'fuzz-order-of-member-a',
        lines: [{ itemId: demoId('item', 1), quantity: 1 }],
      },
    },
  );
  const enrolment = await as<{ enrol: { id: string } }>(
    tokens.academy!,
    `mutation($s: ID!, $e: ID!, $m: ID!) { enrol(sessionId: $s, employeeId: $e, memberId: $m) { id } }`,
    { s: demoId('courseSession', 2), e: employee.id, m: A },
  );
  ownIds = {
    member: A,
    enrolment: enrolment.enrol.id,
    order: order.submitOrder.id,
    contract: demoId('contract', 1),
    item: demoId('item', 1),
    branch: nodes(members.a.branches)[0]!.id,
    user: nodes(members.a.users)[0]!.id,
    employee: employee.id,
    employment: employee.employments[0]!.id,
    payrollRun: run.calculatePayrollRun.id,
    caoVersion: draft.createCaoDraft.id,
    volunteer: volunteer.registerVolunteer.id,
  };
  foreignIds = [B, nodes(members.b.branches)[0]!.id, nodes(members.b.users)[0]!.id];
}, 120_000);

/** Values nobody should be able to store, or that must be refused cleanly. */
const hostile = () =>
  fc.oneof(
    fc.constantFrom<unknown>(
      '',
      '   ',
      '\u0000',
      'Jansen\u0000',
      'line\u0007bell\u001b[31m',
      '\u202Egnp.exe',
      '\u200F\u200Eabc',
      '🧺♻️👩🏽‍🔧',
      "'; DROP TABLE employee; --",
      '<script>alert(1)</script>',
      'x'.repeat(10_001),
      'é'.repeat(300),
      null,
      -1,
      0,
      2 ** 31,
      -(2 ** 53),
      1.5,
      true,
      {},
      [],
      ['a', 'b'],
      '1e309',
      '-0.001',
      '99999999999999999999999.999',
      'NaN',
      '2026-02-30',
      '0000-01-01',
      '1800-01-01',
      '9999-12-31',
      '2026-13-01',
      '00000000-0000-0000-0000-000000000000',
      'not-an-id',
    ),
    fc.constantFrom(...(foreignIds ?? [B])),
    fc.string({ maxLength: 40, unit: 'binary' }),
    fc.integer(),
  );

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : [];

const mutations = rootFields().filter((f) => f.operation === 'mutation');
const tally = { mutations: 0, paths: 0, calls: 0, refused: 0, accepted: 0 };
const baselines: string[] = [];

test('there are mutations to fuzz', () => {
  expect(mutations.length).toBeGreaterThan(15);
});

function check(root: RootField, path: string, res: GraphQLResponse) {
  const where = `${root.name}(${path})`;
  expect({ where, status: res.status < 500 }).toEqual({ where, status: true });
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  expect({ where, codes }).toEqual({ where, codes: expect.not.arrayContaining(['INTERNAL_SERVER_ERROR']) });
}

describe.each(mutations.map((m) => [m.name, m] as const))('%s', (_name, root) => {
  test('every argument survives hostile values: refused cleanly and nothing written, or stored clean', async () => {
    const token = tokens[root.subgraph];
    expect(token).toBeDefined();
    const { database } = tp.platform.subgraphs[root.subgraph]!;
    const paths = argumentPaths(root);
    expect(paths.length).toBeGreaterThan(0);
    tally.mutations++;
    // Plausible values throughout: what the hostile values below are measured against.
    const plain = requestFor(root, { ids: ownIds, defaultKind: MAIN_KIND[root.subgraph] }, 1);
    const baseline = await tp.query(plain.query, { token, variables: plain.variables });
    check(root, '', baseline);
    baselines.push(`${root.name}: ${baseline.errors ? baseline.errors[0]!.extensions?.code : 'accepted'}`);
    for (const { path } of paths) {
      tally.paths++;
      await fc.assert(
        fc.asyncProperty(hostile(), async (value) => {
          const { query, variables } = requestFor(
            root,
            { ids: ownIds, defaultKind: MAIN_KIND[root.subgraph], overrides: { [path]: value } },
            1,
          );
          const before = await contentHash(database.sql);
          const res = await tp.query(query, { token, variables });
          tally.calls++;
          check(root, path, res);
          if (res.errors?.length) {
            tally.refused++;
            expect({ where: `${root.name}(${path})`, wrote: (await contentHash(database.sql)) !== before }).toEqual({
              where: `${root.name}(${path})`,
              wrote: false,
            });
          } else {
            tally.accepted++;
            expect(stringsIn(res.data).filter((text) => CONTROL.test(text))).toEqual([]);
          }
        }),
        { numRuns: 6 },
      );
    }
  });
});

afterAll(() => {
  console.log(`plausible values: ${baselines.join(', ')}`);
  console.log(
    `fuzz: ${tally.mutations} mutations, ${tally.paths} argument paths, ${tally.calls} calls (${tally.refused} refused, ${tally.accepted} accepted)`,
  );
});
