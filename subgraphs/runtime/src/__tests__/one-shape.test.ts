import { ApolloServer } from '@apollo/server';
import { createSubgraphBuilder, type ScopeLoaders } from '../graphql/builder';
import { findVisible, visibleFinder } from '../access/find-visible';
import type { SubgraphContext } from '../context';
import type { Identity } from '../auth/identity';
import { formatErrorFor } from '../http/errors';
import { DomainError, isDomainError, withinField } from '../pure/domain-error';
import {
  exact,
  formatAmount,
  formatEuro,
  formatEuroDutch,
  formatPercent,
  roundCents,
  roundDown,
  roundHalfUp,
  roundUp,
  sum,
  toFixed,
} from '../pure/exact';

// The pieces every subgraph's shape stands on: exact amounts, the one domain error mapped once,
// declared access with refusals built from the failing scope, and "not found if not yours".

describe('exact amounts', () => {
  test('roundings are the ones their names say, on exact decimals', () => {
    expect(roundCents('1554.645').toFixed()).toBe('1554.65');
    expect(roundCents('-0.005').toFixed()).toBe('-0.01'); // half away from zero
    expect(roundDown('12.999', 2).toFixed()).toBe('12.99');
    expect(roundDown('-12.991', 2).toFixed()).toBe('-13');
    expect(roundUp('12.001', 2).toFixed()).toBe('12.01');
    expect(roundHalfUp('0.123455', 5).toFixed()).toBe('0.12346');
    // 0.1 + 0.2 is exact here, unlike binary floats.
    expect(sum([exact('0.1'), exact('0.2')]).toFixed()).toBe('0.3');
  });

  test('formatting for the API and for people', () => {
    expect(formatAmount('2461.5')).toBe('2461.50');
    expect(formatAmount('2461.505')).toBe('2461.51');
    expect(toFixed(exact('3'), 2)).toBe('3.00');
    expect(formatEuro('2461.52')).toBe('€2461.52');
    expect(formatEuro('-12.34')).toBe('−€12.34');
    expect(formatEuro('2201.94', { grouping: true })).toBe('€2,201.94');
    expect(formatEuro('1234567', { grouping: true })).toBe('€1,234,567.00');
    expect(formatEuroDutch('1234.567')).toBe('€ 1.234,57');
    expect(formatEuroDutch('-12.3')).toBe('-€ 12,30');
    expect(formatPercent('7.740')).toBe('7.74');
  });
});

describe('the domain error', () => {
  test('withinField places the field under the request path and keeps the rest', () => {
    const thrown = (() => {
      try {
        withinField('input', () => {
          throw new DomainError('TOO_MANY_HOURS', 'hours', 'At most 40 hours a week.');
        });
      } catch (error) {
        return error;
      }
    })();
    expect(isDomainError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ reason: 'TOO_MANY_HOURS', field: 'input.hours', kind: 'BAD_USER_INPUT' });
    expect(() => withinField('input', () => 1)).not.toThrow();
  });

  test('a look-alike from another module registry is recognised by its brand', () => {
    const foreign = Object.assign(new Error('x'), { name: 'DomainError', reason: 'R', field: null, kind: 'CONFLICT' });
    expect(isDomainError(foreign)).toBe(true);
    expect(isDomainError(new Error('DomainError'))).toBe(false);
  });
});

interface TestScopes {
  managesMember: string;
}
type Row = { id: string; memberId: string };
const ROWS: Row[] = [
  { id: 'r1', memberId: 'm1' },
  { id: 'r2', memberId: 'm2' },
];
const identity = (memberId: string) => ({ userId: 'u1', memberId, roles: ['member-hr'] }) as unknown as Identity;
const findRow = visibleFinder(
  'Row',
  async (_db: null, id: string) => ROWS.find((row) => row.id === id) ?? null,
  (caller: Identity | null, row: Row) => caller?.memberId === row.memberId,
);

function testServer() {
  const builder = createSubgraphBuilder<object, null, TestScopes>({
    dmmf: { datamodel: { models: [], enums: [], types: [] } },
    scopes: (ctx): ScopeLoaders<TestScopes> => ({
      managesMember: (memberId) => ctx.identity?.memberId === memberId,
    }),
    refusals: { managesMember: "Only the member's own staff see this." },
  });
  builder.queryFields((t) => ({
    secret: t.string({
      args: { memberId: t.arg.id({ required: true }) },
      authScopes: (_root, args) => ({ managesMember: args.memberId }),
      resolve: (_root, args) => `the secret of ${args.memberId}`,
    }),
    row: t.string({
      args: { id: t.arg.id({ required: true }) },
      authScopes: { signedIn: true },
      resolve: async (_root, args, ctx) => (await findRow(null, ctx.identity, args.id)).memberId,
    }),
    hours: t.string({
      resolve: () => {
        throw new DomainError('TOO_MANY_HOURS', 'input.hours', 'At most 40 hours a week.');
      },
    }),
  }));
  builder.mutationField('noop', (t) => t.boolean({ resolve: () => true }));
  return new ApolloServer<SubgraphContext<null>>({ schema: builder.toSchema(), formatError: formatErrorFor('test') });
}

async function ask(server: ApolloServer<SubgraphContext<null>>, query: string, caller: Identity | null) {
  const response = await server.executeOperation(
    { query },
    { contextValue: { identity: caller, db: null } as unknown as SubgraphContext<null> },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('declared access and the refusal built once', () => {
  const server = testServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  test('a caller with the scope gets the answer', async () => {
    const result = await ask(server, '{ secret(memberId: "m1") }', identity('m1'));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ secret: 'the secret of m1' });
  });

  test("another member's caller is FORBIDDEN with the scope's sentence; no token is UNAUTHENTICATED", async () => {
    const other = await ask(server, '{ secret(memberId: "m1") }', identity('m2'));
    expect(other.errors?.[0]).toMatchObject({
      message: "Only the member's own staff see this.",
      extensions: { code: 'FORBIDDEN' },
    });
    const anonymous = await ask(server, '{ secret(memberId: "m1") }', null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a query or mutation that declares no scope is still closed to anonymous callers', async () => {
    const query = await ask(server, '{ hours }', null);
    expect(query.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const mutation = await ask(server, 'mutation { noop }', null);
    expect(mutation.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(mutation.data).toBeNull();
    expect((await ask(server, 'mutation { noop }', identity('m1'))).data).toEqual({ noop: true });
  });

  test("another member's row is answered exactly like a missing one", async () => {
    expect((await ask(server, '{ row(id: "r1") }', identity('m1'))).data).toEqual({ row: 'm1' });
    const theirs = await ask(server, '{ row(id: "r2") }', identity('m1'));
    const missing = await ask(server, '{ row(id: "r9") }', identity('m1'));
    expect(theirs.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: 'r2' });
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: 'r9' });
    await expect(
      findVisible(
        'Row',
        'r2',
        async () => ROWS[1],
        () => false,
      ),
    ).rejects.toThrow('Row r2 does not exist');
  });

  test('a DomainError becomes its code with its field, in the formatter', async () => {
    const result = await ask(server, '{ hours }', identity('m1'));
    expect(result.errors?.[0]).toMatchObject({
      message: 'At most 40 hours a week.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.hours' },
    });
  });
});
