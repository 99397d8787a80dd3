import { SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import { DEVELOPMENT_GATEWAY_SECRET, GATEWAY_SECRET_HEADER, type ServiceName } from '@samen-sterk/subgraph-runtime';
import { expectOk } from './testkit/expect';
import { errorCodes, graphql } from './testkit/graphql';
import { platformAdmin } from './testkit/actors';
import { connectionUses } from './testkit/connections';
import { CREATE_MEMBER, directoryCounts, validMember } from './testkit/members';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// Bad input gets a clear error naming the field, and nothing is written.
const tp = usePlatform();
const tokens = useTokens({ admin: () => platformAdmin() });
const counts = directoryCounts(tp);
let memberId: string;

beforeAll(async () => {
  memberId = (await counts()).member.id;
});

test.each(['1234567', '123456789', '1234567a', ' ', '12 34 56 78'])('KvK number "%s" is refused', async (kvkNumber) => {
  const before = await counts();
  const res = await tp.query(CREATE_MEMBER, {
    token: tokens.admin,
    variables: { input: { ...validMember, kvkNumber } },
  });
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0]?.extensions?.field).toBe('input.kvkNumber');
  expect(res.errors?.[0]?.message).toMatch(/8 digits/);
  expect(await counts()).toEqual(before);
});

test('changing a member to a bad KvK number changes nothing at all', async () => {
  const before = await counts();
  const res = await tp.query(
    `mutation($id: ID!) { updateMember(id: $id, input: { name: "Nieuwe Naam", kvkNumber: "0000" }) { name } }`,
    {
      token: tokens.admin,
      variables: { id: memberId },
    },
  );
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(await counts()).toEqual(before);
});

const ADD_BRANCH = `mutation($input: AddBranchInput!) { addBranch(input: $input) { id address { postcode } } }`;
const shop = (postcode: string) => ({
  memberId,
  name: 'Winkel Proef',
  street: 'Ambachtsweg',
  houseNumber: '3',
  postcode,
  city: 'Utrecht',
  openedOn: '2026-03-01',
});

test.each(['0123 AB', '123 AB', '1234 A', '1234 SS', 'ABCD 12', ''])(
  'postcode "%s" is refused and no shop is added',
  async (postcode) => {
    const before = await counts();
    const res = await tp.query(ADD_BRANCH, { token: tokens.admin, variables: { input: shop(postcode) } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('input.postcode');
    expect(res.errors?.[0]?.message).toMatch(/Dutch postcode/);
    expect(await counts()).toEqual(before);
  },
);

test('a valid postcode is stored in its written form', async () => {
  const res = await tp.query<{ addBranch: { address: { postcode: string } } }>(ADD_BRANCH, {
    token: tokens.admin,
    variables: { input: shop('3511ab') },
  });
  expect(expectOk(res).addBranch.address.postcode).toBe('3511 AB');
  await tp.reset();
});

test('a duplicate KvK number is a CONFLICT and writes nothing', async () => {
  const before = await counts();
  const res = await tp.query(CREATE_MEMBER, {
    token: tokens.admin,
    variables: { input: { ...validMember, kvkNumber: before.member.kvkNumber } },
  });
  expect(errorCodes(res)).toEqual(['CONFLICT']);
  expect(await counts()).toEqual(before);
});

test('an unknown member is NOT_FOUND', async () => {
  const res = await tp.query(ADD_BRANCH, {
    token: tokens.admin,
    variables: { input: { ...shop('3511 AB'), memberId: '00000000-0000-4000-8000-999999999999' } },
  });
  expect(errorCodes(res)).toEqual(['NOT_FOUND']);
});

// Paging arguments: checked once for every connection of every subgraph, before anything runs.
describe('connection arguments', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64');
  const BAD_ARGUMENTS: [args: string, field: string][] = [
    ['first: -1', 'first'],
    ['last: -1', 'last'],
    ['first: 1, after: "garbage"', 'after'],
    // A well-formed cursor of another type (a number, where our lists page by text ids).
    [`last: 1, before: "${cursor('GPC:N:5')}"`, 'before'],
    [`first: 1, after: "${cursor('GPC:T:["S:a","S:b"]')}"`, 'after'],
    [`first: 1, after: "${cursor('OffsetConnection:5')}"`, 'after'],
    [`first: 1, before: "${cursor('GPC:S:00000000-0000-4000-8000-000000000001')}"`, 'before'],
  ];

  test.each(SUBGRAPH_DEFINITIONS.map((d) => [d.name, d.schema] as const))(
    '%s: every connection refuses negative sizes, garbage cursors and cursors of another type',
    async (name, schema) => {
      const uses = connectionUses(schema);
      expect(uses.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const use of uses) {
        for (const [args, field] of BAD_ARGUMENTS) {
          const query = use.query(args);
          const targets = [
            graphql(tp.subgraphUrl(name as ServiceName), query, {
              token: tokens.admin,
              variables: use.variables,
              headers: { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET },
            }),
            graphql(tp.subgraphUrl(name as ServiceName), query, { token: tokens.admin, variables: use.variables }),
            ...(use.viaEntities ? [] : [tp.query(query, { token: tokens.admin, variables: use.variables })]),
          ];
          for (const res of await Promise.all(targets)) {
            const got = res.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
            if (JSON.stringify(got) !== JSON.stringify([['BAD_USER_INPUT', field]])) {
              wrong.push(`${use.label}(${args}): ${res.status} ${JSON.stringify(res.errors)}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  test('a page size given as a variable is refused naming the argument; a cursor the list gave still pages', async () => {
    const res = await tp.query(`query($n: Int) { members(first: $n) { totalCount } }`, {
      token: tokens.admin,
      variables: { n: -5 },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe('first');
    expect(res.errors?.[0]?.message).toMatch(/0 or more/);

    const page = `query($after: String) { members(first: 2, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
    type Page = { members: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
    const first = expectOk(await tp.query<Page>(page, { token: tokens.admin })).members;
    const second = expectOk(
      await tp.query<Page>(page, { token: tokens.admin, variables: { after: first.pageInfo.endCursor } }),
    ).members;
    expect(second.edges).toHaveLength(2);
    expect(second.edges[0]!.node.id).not.toBe(first.edges[0]!.node.id);
  });
});
