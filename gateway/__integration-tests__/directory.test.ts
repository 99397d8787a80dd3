import { tokenFor } from './testkit/auth';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// The members directory through the real gateway: what purchasers, HR staff and the
// association see when they look up member organisations and their shops.
let tp: TestPlatform;
let token: string;

beforeAll(async () => {
  tp = await startTestPlatform();
  token = await tokenFor({ roles: ['platform-admin'] });
});
afterAll(() => tp?.stop());

const MEMBERS = /* GraphQL */ `
  query Members($first: Int, $after: String, $filter: MemberFilter) {
    members(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          city
          kvkNumber
          keurmerk {
            status
            lastAuditOn
            nextAuditDue
            certificateValidUntil
          }
        }
      }
    }
  }
`;

test('a platform admin lists the seeded member organisations, by name, page by page', async () => {
  const { nodes, totalCount, pages } = await tp.allPages(MEMBERS, 'members', { token, variables: { first: 25 } });
  const names = nodes.map((member: any) => member.name);
  expect(totalCount).toBe(62);
  expect(pages).toBe(3);
  expect(names).toHaveLength(62);
  expect(new Set(names).size).toBe(62);
  expect([...names]).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
});

test('members filter by name, city, Keurmerk status and audits due before a date', async () => {
  const all: any = await tp.query(MEMBERS, { token, variables: { first: 100 } });
  const members = all.data.members.edges.map((e: any) => e.node);
  const someone = members[7];

  const byName: any = await tp.query(MEMBERS, {
    token,
    variables: { filter: { name: someone.name.slice(-6).toUpperCase() } },
  });
  expect(byName.data.members.edges.map((e: any) => e.node.id)).toContain(someone.id);
  for (const { node } of byName.data.members.edges)
    expect(node.name.toLowerCase()).toContain(someone.name.slice(-6).toLowerCase());

  const byCity: any = await tp.query(MEMBERS, {
    token,
    variables: { first: 100, filter: { city: someone.city.toLowerCase() } },
  });
  expect(byCity.data.members.totalCount).toBe(members.filter((m: any) => m.city === someone.city).length);

  for (const status of ['CERTIFIED', 'RUN_IN', 'SUSPENDED']) {
    const res: any = await tp.query(MEMBERS, { token, variables: { first: 100, filter: { keurmerkStatus: status } } });
    expect(res.data.members.totalCount).toBe(members.filter((m: any) => m.keurmerk.status === status).length);
  }
  expect(members.some((m: any) => m.keurmerk.status === 'CERTIFIED')).toBe(true);
  expect(members.some((m: any) => m.keurmerk.status === 'RUN_IN')).toBe(true);

  const before = '2027-01-01';
  const due: any = await tp.query(MEMBERS, { token, variables: { first: 100, filter: { auditDueBefore: before } } });
  const expected = members.filter((m: any) => m.keurmerk.nextAuditDue && m.keurmerk.nextAuditDue < before);
  expect(due.data.members.totalCount).toBe(expected.length);
  expect(due.data.members.edges.map((e: any) => e.node.id).sort()).toEqual(expected.map((m: any) => m.id).sort());
});

test('Keurmerk dates follow the rules: next audit 18 months after the last, certificate 3 years', async () => {
  const res: any = await tp.query(MEMBERS, {
    token,
    variables: { first: 100, filter: { keurmerkStatus: 'CERTIFIED' } },
  });
  for (const { node } of res.data.members.edges) {
    const last = new Date(node.keurmerk.lastAuditOn + 'T00:00:00Z');
    const next = new Date(node.keurmerk.nextAuditDue + 'T00:00:00Z');
    const months = (next.getUTCFullYear() - last.getUTCFullYear()) * 12 + next.getUTCMonth() - last.getUTCMonth();
    expect(months).toBe(18);
    expect(node.keurmerk.certificateValidUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
});

test('a member and its shops, with addresses that carry valid Dutch postcodes', async () => {
  const { nodes: shops, totalCount } = await tp.allPages(
    /* GraphQL */ `
      query ($after: String) {
        branches(first: 100, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              name
              openedOn
              address {
                street
                houseNumber
                postcode
                city
              }
              member {
                id
                name
              }
            }
          }
        }
      }
    `,
    'branches',
    { token },
  );
  expect(totalCount).toBe(242);
  expect(shops).toHaveLength(242);
  for (const shop of shops) {
    expect(shop.address.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
    expect(shop.member.name).toBeTruthy();
  }
  const memberId = shops[0].member.id;
  const member: any = await tp.query(
    `query($id: ID!) { member(id: $id) { name branches(first: 100) { totalCount edges { node { id } } } } }`,
    { token, variables: { id: memberId } },
  );
  const own = shops.filter((shop) => shop.member.id === memberId).map((shop) => shop.id);
  expect(member.data.member.branches.totalCount).toBe(own.length);
  expect(member.data.member.branches.edges.map((e: any) => e.node.id).sort()).toEqual(own.sort());
});

test('a Date argument that is not a calendar date is refused with BAD_USER_INPUT', async () => {
  const res = await tp.query(MEMBERS, { token, variables: { filter: { auditDueBefore: '2026-02-30' } } });
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0]?.message).toContain('2026-02-30');
});
