import { SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import {
  DEFAULT_REQUEST_LIMITS,
  DEVELOPMENT_GATEWAY_SECRET,
  GATEWAY_SECRET_HEADER,
  MAX_ITEMS,
} from '@samen-sterk/subgraph-runtime';
import {
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { caoTeam, platformAdmin } from './testkit/actors';
import { errorCodes, graphql, type GraphQLResponse } from './testkit/graphql';
import { usePlatform } from './testkit/use-platform';
import { aliasedWages, timed, WAGE_COST, wageRequests } from './testkit/wage-requests';

// Issue 8, items 2 and 7: every request is bounded (cost with its variables, page sizes and
// list lengths) at the gateway and in every subgraph alike. Through any gateway in front: Hive
// Gateway is given the same limits (platform/src/hive-gateway.ts). The limits that are our
// gateway's own (requests in flight per caller, production's messages) are in
// limits-gateway.test.ts.
const tp = usePlatform();
let token: string;
beforeAll(async () => {
  token = await platformAdmin();
  await tp.query(`{ members(first: 1) { totalCount } }`, { token }); // the gateway's first plan
});

const { maxCost, maxPageSize } = DEFAULT_REQUEST_LIMITS;

describe('the cost of a request is counted with its variables before it runs', () => {
  test('the reported attack (20 aliases × 2,000 wage look-ups) is refused at once with QUERY_TOO_COSTLY', async () => {
    let res!: GraphQLResponse;
    const { ms } = await timed(async () => {
      const sql = await caoQueryLog().during(async () => {
        res = await tp.query(aliasedWages(20), { token, variables: { r: wageRequests(2000) } });
      });
      expect(sql).toEqual([]); // the CAO service looked nothing up
    });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['QUERY_TOO_COSTLY']);
    expect(res.errors?.[0]?.extensions).toMatchObject({ cost: 20 * 2000 * WAGE_COST, maxCost });
    expect(res.errors?.[0]?.message).toContain(`would cost ${20 * 2000 * WAGE_COST}; the limit is ${maxCost}`);
    expect(res.data ?? null).toBeNull();
    // It ran for seconds before; refused, it is about the time to read 135 KB of variables.
    expect(ms).toBeLessThan(2000);

    // One batch of 2,000 look-ups, as hr-payroll sends the CAO service, is still answered.
    const one = await tp.query<{ a0: unknown[] }>(aliasedWages(1), { token, variables: { r: wageRequests(2000) } });
    expect(one.errors).toBeUndefined();
    expect(one.data?.a0).toHaveLength(2000);
  });

  test('nested connections multiply: 100 members with 100 branches each costs 30,300', async () => {
    const nested = (first: number, inner: string) =>
      `{ members(first: ${first}) { totalCount edges { node { name branches(first: ${inner}) { edges { node { name } } } } } } }`;
    const res = await tp.query(nested(100, '100'), { token });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['QUERY_TOO_COSTLY']);
    // members: 100 × (itself 1 + edges 1 + node 1 + branches 100 × (itself, edges, node: 3))
    expect(res.errors?.[0]?.extensions?.cost).toBe(100 * (3 + 100 * 3));

    const small = await tp.query(nested(10, '10'), { token });
    expect(small.errors).toBeUndefined();
  });

  test('fragments, inline fragments and variables count as if written out', async () => {
    const res = await tp.query(
      `query ($outer: Int, $inner: Int) { ...M }
       fragment M on Query { members(first: $outer) { edges { ... on QueryMembersConnectionEdge { node { ...B } } } } }
       fragment B on Member { branches(first: $inner) { edges { node { name } } } }`,
      { token, variables: { outer: 100, inner: 100 } },
    );
    expect(errorCodes(res)).toEqual(['QUERY_TOO_COSTLY']);
    expect(res.errors?.[0]?.extensions?.cost).toBe(100 * (3 + 100 * 3));
  });

  test('a connection without `first` counts the default page size', async () => {
    // 20 (default) × (members, edges, node + 100 × 3 for each member's branches) and 20 × 20 aliases.
    const res = await tp.query(
      `{ ${Array.from({ length: 20 }, (_, i) => `m${i}: members { edges { node { branches(first: 100) { edges { node { name } } } } } }`).join(' ')} }`,
      { token },
    );
    expect(errorCodes(res)).toEqual(['QUERY_TOO_COSTLY']);
    expect(res.errors?.[0]?.extensions?.cost).toBe(20 * 20 * (3 + 100 * 3));
  });
});

describe('pages and lists have a maximum, refused before any work with the argument named', () => {
  test(`\`first\` over ${maxPageSize} is refused, not silently cut to ${maxPageSize}`, async () => {
    const res = await tp.query(`{ members(first: ${maxPageSize + 1}) { edges { node { name } } } }`, { token });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('first');
    expect(res.errors?.[0]?.message).toMatch(/at most 100 at a time/);
  });

  test('`last` over the maximum too, also given as a variable, also on a nested connection', async () => {
    const res = await tp.query(
      `query ($n: Int) { members(first: 1) { edges { node { branches(last: $n) { edges { node { name } } } } } } }`,
      { token, variables: { n: 1000 } },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('last');
  });

  test('a list variable over its field’s maximum: refused as a whole at the gateway, `requests` named', async () => {
    // With a field that would have answered, to show nothing ran: no partial data.
    const res = await tp.query(
      `query ($r: [WageRequest!]!) { members(first: 1) { totalCount } wages(requests: $r) { monthly } }`,
      { token, variables: { r: wageRequests(2001) } },
    );
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('requests');
    expect(res.errors?.[0]?.message).toMatch(/at most 2000 items/);
    expect(res.data ?? null).toBeNull();
  });

  test('a nested list over a maximum the subgraph declares is refused before the mutation runs', async () => {
    const cao = await caoTeam();
    const youthAmounts = Array.from({ length: 8 }, (_, i) => ({ age: 15 + (i % 7), hourly: '9.00' }));
    const res = await tp.query(
      `mutation ($input: RegisterMinimumWageInput!) { registerMinimumWage(input: $input) { id } }`,
      { token: cao, variables: { input: { effectiveFrom: '2030-01-01', adultHourly: '16.00', youthAmounts } } },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.youthAmounts');
    expect(res.errors?.[0]?.message).toMatch(/at most 7 items/);
    const rates = await tp.query<{ minimumWageRates: { edges: { node: { effectiveFrom: string } }[] } }>(
      `{ minimumWageRates(first: 100) { edges { node { effectiveFrom } } } }`,
      { token },
    );
    expect(rates.data?.minimumWageRates.edges.map((e) => e.node.effectiveFrom)).not.toContain('2030-01-01');
  });

  test('every list argument and list input field of every subgraph declares its maximum', () => {
    const undeclared = SUBGRAPH_DEFINITIONS.flatMap((d) => unboundedLists(d.name, d.schema));
    expect(undeclared).toEqual([]);
  });
});

describe('a subgraph asked directly has the same limits', () => {
  const direct = (name: 'cao' | 'members', query: string, variables?: Record<string, unknown>, viaSecret = true) =>
    graphql(tp.subgraphUrl(name), query, {
      token,
      variables,
      headers: viaSecret ? { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET } : {},
    });

  test('the attack sent straight to the CAO subgraph, even with the gateway secret, is refused', async () => {
    for (const viaSecret of [true, false]) {
      const { result: res, ms } = await timed(() =>
        direct('cao', aliasedWages(20), { r: wageRequests(2000) }, viaSecret),
      );
      expect(errorCodes(res)).toEqual(['QUERY_TOO_COSTLY']);
      expect(res.errors?.[0]?.extensions).toMatchObject({ cost: 20 * 2000 * WAGE_COST, maxCost });
      expect(res.data ?? null).toBeNull();
      // A direct caller gets 400; the gateway gets 200 so that it passes the error on as it is.
      expect(res.status).toBe(viaSecret ? 200 : 400);
      expect(ms).toBeLessThan(2000);
    }
  });

  test('a page over the maximum, straight to the members subgraph, is refused with `first`', async () => {
    const res = await direct('members', `{ members(first: 5000) { edges { node { name } } } }`);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('first');
  });

  test('a document too deep is refused there as at the gateway', async () => {
    const deep = `{ members(first: 1) { edges { node { ${'branches(first: 1) { edges { node { member { '.repeat(3)}name ${'} } } }'.repeat(3)} } } } }`;
    const [viaGateway, straight] = await Promise.all([tp.query(deep, { token }), direct('members', deep)]);
    expect(errorCodes(viaGateway)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errorCodes(straight)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

const caoQueryLog = () => tp.platform.subgraphs.cao!.database.queryLog;

/** `Type.field(arg)` or `Input.field` of every list input without a declared maximum. */
function unboundedLists(subgraph: string, schema: GraphQLSchema): string[] {
  const found: string[] = [];
  const isList = (type: GraphQLInputType) => isListType(getNullableType(type));
  const declares = (extensions: Record<string, unknown> | null | undefined) =>
    typeof extensions?.[MAX_ITEMS] === 'number';
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name === '_entities') continue; // federation's own, bounded by the cost
        for (const arg of field.args) {
          if (isList(arg.type) && !declares(arg.extensions))
            found.push(`${subgraph}: ${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isList(field.type) && !declares(field.extensions)) found.push(`${subgraph}: ${type.name}.${field.name}`);
      }
    }
  }
  return found;
}
