import { DEVELOPMENT_GATEWAY_SECRET, GATEWAY_SECRET_HEADER } from '@samen-sterk/subgraph-runtime';
import { tokenFor } from './testkit/auth';
import { graphql } from './testkit/graphql';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// Other subgraphs hand the gateway member ids by the hundred (orders, employees, enrolments);
// resolving them must not cost a query each.
let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform();
  // 62 seeded members; add more so that 100 distinct ones exist.
  const admin = await tokenFor({ roles: ['platform-admin'] });
  for (let i = 0; i < 40; i++) {
    const res: any = await tp.query(`mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
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
afterAll(async () => {
  await tp?.reset();
  await tp?.stop();
});

test('100 Member references in one _entities request cost one SQL query', async () => {
  const token = await tokenFor({ roles: ['platform-admin'] });
  const list: any = await tp.query(`{ members(first: 100) { edges { node { id name } } } }`, { token });
  const members = list.data.members.edges.map((e: any) => e.node);
  expect(members).toHaveLength(100);

  const { database } = tp.platform.subgraphs.members!;
  let response: any;
  const statements = await database.queryLog.during(async () => {
    response = await graphql(
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
        variables: { r: members.map((m: any) => ({ __typename: 'Member', id: m.id })) },
        headers: { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET },
      },
    );
  });
  expect(response.errors).toBeUndefined();
  expect(response.data._entities.map((m: any) => m.name)).toEqual(members.map((m: any) => m.name));
  expect(statements).toHaveLength(1);
  expect(statements[0]).toMatch(/FROM "public"\."member"|FROM "member"/);
});
