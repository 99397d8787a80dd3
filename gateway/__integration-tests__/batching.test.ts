import { DEVELOPMENT_GATEWAY_SECRET, GATEWAY_SECRET_HEADER } from '@samen-sterk/subgraph-runtime';
import { platformAdmin } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { graphql, nodes } from './testkit/graphql';
import { CREATE_MEMBER } from './testkit/members';
import { usePlatform } from './testkit/use-platform';

// Other subgraphs hand the gateway member ids by the hundred (orders, employees, enrolments);
// resolving them must not cost a query each.
const tp = usePlatform({ resetAfterAll: true });
beforeAll(async () => {
  // 62 seeded members; add more so that 100 distinct ones exist.
  const admin = await platformAdmin();
  for (let i = 0; i < 40; i++) {
    const res = await tp.query(CREATE_MEMBER, {
      token: admin,
      variables: {
        input: {
          name: `Kringloop Batch ${i}`,
          kvkNumber: String(70000000 + i),
          legalForm: 'FOUNDATION',
          city: 'Assen',
          memberSince: '2025-05-01',
        },
      },
    });
    expect(res.errors).toBeUndefined();
  }
});

interface Member {
  id: string;
  name: string;
}

test('100 Member references in one _entities request cost one SQL query', async () => {
  const token = await platformAdmin();
  const list = await tp.query<{ members: { edges: { node: Member }[] } }>(
    `{ members(first: 100) { edges { node { id name } } } }`,
    { token },
  );
  const members = nodes(expectOk(list).members);
  expect(members).toHaveLength(100);

  const { database } = tp.platform.subgraphs.members!;
  let entities: Member[] = [];
  const statements = await database.queryLog.during(async () => {
    const response = await graphql<{ _entities: Member[] }>(
      tp.subgraphUrl('members'),
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Member {
              id
              name
              city
            }
          }
        }
      `,
      {
        token,
        variables: { r: members.map((m) => ({ __typename: 'Member', id: m.id })) },
        headers: { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET },
      },
    );
    entities = expectOk(response)._entities;
  });
  expect(entities.map((m) => m.name)).toEqual(members.map((m) => m.name));
  expect(statements).toHaveLength(1);
  expect(statements[0]).toMatch(/FROM "public"\."member"|FROM "member"/);
});
