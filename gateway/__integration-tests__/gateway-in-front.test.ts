import { startGateway } from '@samen-sterk/gateway';
import { startHiveGateway } from '@samen-sterk/platform/hive';
import { SUPERGRAPH_PATH } from '@samen-sterk/schema';
import {
  captureLogs,
  DEVELOPMENT_GATEWAY_SECRET,
  GATEWAY_SECRET_HEADER,
  type CapturedLogs,
  type RunningServer,
} from '@samen-sterk/subgraph-runtime';
import {
  buildASTSchema,
  buildClientSchema,
  getIntrospectionQuery,
  isSpecifiedScalarType,
  Kind,
  lexicographicSortSchema,
  parse,
  printType,
  visit,
  type DefinitionNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import fs from 'node:fs';
import { hrOf } from './testkit/actors';
import { expectOk, nonEmpty } from './testkit/expect';
import { errorCodes, graphql } from './testkit/graphql';
import { M1, M2 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// What any gateway put in front of the subgraphs must do, ours or Hive Gateway (TEST_GATEWAY):
// serve the committed supergraph, add the gateway secret (without which a subgraph refuses
// federation's entry points), and pass on the caller's token and request id, so that each
// subgraph decides for the caller and logs under the caller's id.
let logs: CapturedLogs;
beforeAll(() => {
  logs = captureLogs('debug');
});
afterAll(() => logs.stop());
const tp = usePlatform();
const tokens = useTokens({ hr1: () => hrOf(M1), hr2: () => hrOf(M2) });

const committed = fs.readFileSync(SUPERGRAPH_PATH, 'utf8');

/** The schema clients see of a supergraph: without federation's own directives and types. */
function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  const federation = (name: string) => name === 'link' || /^(join|link)__/.test(name);
  const definitions = parse(supergraphSdl).definitions.filter(
    (d) => d.kind !== Kind.SCHEMA_DEFINITION && !('name' in d && d.name && federation(d.name.value)),
  );
  const stripped = definitions.map((d) =>
    visit(d, { Directive: (node) => (federation(node.name.value) ? null : undefined) }),
  ) as DefinitionNode[];
  return buildASTSchema({ kind: Kind.DOCUMENT, definitions: stripped });
}

/** Every named type of a schema as SDL, fields sorted, GraphQL's own types aside. */
const typesOf = (schema: GraphQLSchema) =>
  Object.values(lexicographicSortSchema(schema).getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type))
    .map(printType)
    .sort();

test(`the gateway serves the committed supergraph (${SUPERGRAPH_PATH.split('/').slice(-2).join('/')})`, async () => {
  const served = expectOk(await tp.query<IntrospectionQuery>(getIntrospectionQuery(), { token: tokens.hr1 }));
  const expected = typesOf(apiSchemaOf(committed));
  expect(expected.length).toBeGreaterThan(100);
  expect(typesOf(buildClientSchema(served))).toEqual(expected);
});

// hr-payroll's employees, each with its employer from the members subgraph (`_entities`).
const STAFF = `query Staff($memberId: ID!) {
  employees(memberId: $memberId, first: 3) { edges { node { id employer { id name } } } }
}`;
interface Staff {
  employees: { edges: { node: { id: string; employer: { id: string; name: string } | null } }[] };
}
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { name } } }`;

test('a subgraph refuses _entities without the gateway secret; through the gateway the same member comes', async () => {
  const staff = nonEmpty(
    expectOk(await tp.query<Staff>(STAFF, { token: tokens.hr1, variables: { memberId: M1 } })).employees.edges,
  );
  for (const { node } of staff) expect(node.employer).toEqual({ id: M1, name: expect.any(String) });

  const variables = { r: [{ __typename: 'Member', id: M1 }] };
  for (const headers of [{}, { [GATEWAY_SECRET_HEADER]: 'guessed' }] as Record<string, string>[]) {
    const direct = await graphql(tp.subgraphUrl('members'), ENTITIES, { token: tokens.hr1, variables, headers });
    expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(direct.data ?? null)).not.toContain(staff[0]!.node.employer!.name);
  }
});

test('the caller’s token reaches the subgraphs, which decide: none is refused, another member’s HR too', async () => {
  const anonymous = await tp.query<Staff>(STAFF, { variables: { memberId: M1 } });
  expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  expect(anonymous.data?.employees ?? null).toBeNull();

  const otherMember = await tp.query<Staff>(STAFF, { token: tokens.hr2, variables: { memberId: M1 } });
  expect(errorCodes(otherMember)).toEqual(['FORBIDDEN']);
  expect(otherMember.data?.employees ?? null).toBeNull();

  const own = expectOk(await tp.query<Staff>(STAFF, { token: tokens.hr2, variables: { memberId: M2 } }));
  for (const { node } of nonEmpty(own.employees.edges)) expect(node.employer?.id).toBe(M2);
});

test('a gateway with the wrong secret gets no member from the members subgraph', async () => {
  const subgraphUrls = Object.fromEntries(
    Object.keys(tp.platform.subgraphs).map((name) => [name, tp.subgraphUrl(name as 'members')]),
  );
  const options = { supergraphSdl: committed, subgraphUrls, gatewaySecret: 'not-the-secret' };
  const wrong: RunningServer =
    tp.gateway === 'ours'
      ? await startGateway({ ...options, port: 0 })
      : await startHiveGateway({ ...options, planner: tp.gateway === 'hive-rust' ? 'rust' : 'js' });
  try {
    expect(DEVELOPMENT_GATEWAY_SECRET).not.toBe(options.gatewaySecret);
    const res = await graphql<Staff>(wrong.url, STAFF, { token: tokens.hr1, variables: { memberId: M1 } });
    // The employees come from hr-payroll (a plain query); their employers, asked of the members
    // subgraph through `_entities`, do not.
    expect(JSON.stringify(res.data ?? null)).not.toMatch(/"name"/);
    expect(res.errors?.length).toBeGreaterThan(0);
  } finally {
    await wrong.stop();
  }
});

test('the caller’s request id reaches every subgraph the request needs, and comes back', async () => {
  const requestId = 'front-check-1';
  const response = await fetch(tp.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens.hr1}`,
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query: STAFF, variables: { memberId: M1 } }),
  });
  expect(response.headers.get('x-request-id')).toBe(requestId);
  expectOk({ status: response.status, ...((await response.json()) as object) });
  const services = () =>
    new Set(
      logs
        .entries()
        .filter((entry) => entry.requestId === requestId && entry.msg === 'request answered')
        .map((entry) => entry.service),
    );
  // A service writes its line once its answer has left, which may be after the caller has it.
  for (let waited = 0; waited < 3_000 && services().size < 2; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(services()).toEqual(new Set(['hr-payroll', 'members', ...(tp.gateway === 'ours' ? ['gateway'] : [])]));
});
