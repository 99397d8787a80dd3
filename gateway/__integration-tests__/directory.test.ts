import { platformAdmin } from './testkit/actors';
import { expectOk, expectRefused, nonEmpty } from './testkit/expect';
import { nodes, pageOf } from './testkit/graphql';
import { usePlatform } from './testkit/use-platform';

// The members directory through the real gateway: what purchasers, HR staff and the
// association see when they look up member organisations and their shops.
const tp = usePlatform();
let token: string;

beforeAll(async () => {
  token = await platformAdmin();
});

const MEMBERS = `query Members($first: Int, $after: String, $filter: MemberFilter) {
  members(first: $first, after: $after, filter: $filter) {
    ${pageOf('id name city kvkNumber keurmerk { status lastAuditOn nextAuditDue certificateValidUntil }')} } }`;

interface Member {
  id: string;
  name: string;
  city: string;
  kvkNumber: string;
  keurmerk: {
    status: string;
    lastAuditOn: string | null;
    nextAuditDue: string | null;
    certificateValidUntil: string | null;
  };
}
interface Members {
  members: { totalCount: number; edges: { node: Member }[] };
}
interface Shop {
  id: string;
  name: string;
  address: { postcode: string };
  member: { id: string; name: string };
}

/** The members the filter selects (the first 100), as an admin lists them. */
const membersWhere = async (filter?: Record<string, string>) =>
  expectOk(await tp.query<Members>(MEMBERS, { token, variables: { first: 100, filter } })).members;

test('a platform admin lists the seeded member organisations, by name, page by page', async () => {
  const {
    nodes: members,
    totalCount,
    pages,
  } = await tp.allPages<Member>(MEMBERS, 'members', {
    token,
    variables: { first: 25 },
  });
  const names = members.map((member) => member.name);
  expect(totalCount).toBe(62);
  expect(pages).toBe(3);
  expect(names).toHaveLength(62);
  expect(new Set(names).size).toBe(62);
  expect([...names]).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
});

test('members filter by name, city, Keurmerk status and audits due before a date', async () => {
  const members = nodes(await membersWhere());
  const someone = members[7]!;

  const byName = await membersWhere({ name: someone.name.slice(-6).toUpperCase() });
  expect(nodes(byName).map((m) => m.id)).toContain(someone.id);
  for (const member of nonEmpty(nodes(byName)))
    expect(member.name.toLowerCase()).toContain(someone.name.slice(-6).toLowerCase());

  const byCity = await membersWhere({ city: someone.city.toLowerCase() });
  expect(byCity.totalCount).toBe(members.filter((m) => m.city === someone.city).length);

  for (const status of ['CERTIFIED', 'RUN_IN', 'SUSPENDED']) {
    const res = await membersWhere({ keurmerkStatus: status });
    expect(res.totalCount).toBe(members.filter((m) => m.keurmerk.status === status).length);
  }
  expect(members.some((m) => m.keurmerk.status === 'CERTIFIED')).toBe(true);
  expect(members.some((m) => m.keurmerk.status === 'RUN_IN')).toBe(true);

  const before = '2027-01-01';
  const due = await membersWhere({ auditDueBefore: before });
  const expected = members.filter((m) => m.keurmerk.nextAuditDue && m.keurmerk.nextAuditDue < before);
  expect(due.totalCount).toBe(expected.length);
  expect(
    nodes(due)
      .map((m) => m.id)
      .sort(),
  ).toEqual(expected.map((m) => m.id).sort());
});

test('Keurmerk dates follow the rules: next audit 18 months after the last, certificate 3 years', async () => {
  const certified = nonEmpty(nodes(await membersWhere({ keurmerkStatus: 'CERTIFIED' })));
  for (const { keurmerk } of certified) {
    const last = new Date(keurmerk.lastAuditOn + 'T00:00:00Z');
    const next = new Date(keurmerk.nextAuditDue + 'T00:00:00Z');
    const months = (next.getUTCFullYear() - last.getUTCFullYear()) * 12 + next.getUTCMonth() - last.getUTCMonth();
    expect(months).toBe(18);
    expect(keurmerk.certificateValidUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
});
test('a member and its shops, with addresses that carry valid Dutch postcodes', async () => {
  const { nodes: shops, totalCount } = await tp.allPages<Shop>(
    `query($after: String) {
      branches(first: 100, after: $after) {
        ${pageOf('id name openedOn address { street houseNumber postcode city } member { id name }')} } }`,
    'branches',
    { token },
  );
  expect(totalCount).toBe(242);
  expect(shops).toHaveLength(242);
  for (const shop of nonEmpty(shops)) {
    expect(shop.address.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
    expect(shop.member.name).toBeTruthy();
  }
  const memberId = shops[0]!.member.id;
  const { member } = expectOk(
    await tp.query<{ member: { branches: { totalCount: number; edges: { node: { id: string } }[] } } }>(
      `query($id: ID!) { member(id: $id) { name branches(first: 100) { totalCount edges { node { id } } } } }`,
      { token, variables: { id: memberId } },
    ),
  );
  const own = shops.filter((shop) => shop.member.id === memberId).map((shop) => shop.id);
  expect(member.branches.totalCount).toBe(own.length);
  expect(
    nodes(member.branches)
      .map((branch) => branch.id)
      .sort(),
  ).toEqual(own.sort());
});

test('a Date argument that is not a calendar date is refused with BAD_USER_INPUT', async () => {
  const res = await tp.query(MEMBERS, { token, variables: { filter: { auditDueBefore: '2026-02-30' } } });
  expectRefused(res, 'BAD_USER_INPUT');
  expect(res.errors?.[0]?.message).toContain('2026-02-30');
});
