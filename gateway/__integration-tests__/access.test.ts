import { MEMBER_ROLES, ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import { platformAdmin, tokenOf as roleToken } from './testkit/actors';
import { expectOk, expectRefused, expectRefusedWithoutWrites, nonEmpty } from './testkit/expect';
import { errorCodes, nodes } from './testkit/graphql';
import { UNKNOWN_ID } from './testkit/ids';
import { FIRST_MEMBERS, type MemberIds } from './testkit/operations';
import { usePlatform } from './testkit/use-platform';

// Who sees what: every role against its own member and a foreign one. A leak across members
// is the worst bug this platform can have.
const tp = usePlatform();
let admin: string;
/** The first two members of the directory, by name. */
let memberA: string;
let memberB: string;

/** Someone with only `role`, acting for member A unless told otherwise. */
const tokenOf = (role: Role, memberId = memberA, sub?: string) => roleToken(role, memberId, sub);

interface TotalCount {
  totalCount: number;
}
interface User {
  id: string;
  name: string;
  email: string;
  roles: string[];
  member: { id: string };
}
interface Users {
  users: { edges: { node: User }[] };
}

beforeAll(async () => {
  admin = await platformAdmin();
  const first = expectOk(await tp.query<MemberIds>(FIRST_MEMBERS, { token: admin, variables: { first: 2 } }));
  [memberA, memberB] = nodes(first.members).map((member) => member.id) as [string, string];
});

/** Member `m`'s users as a platform admin reads them. */
const usersOf = async (memberId: string) =>
  nodes(
    expectOk(
      await tp.query<Users>(
        `query($m: ID) { users(memberId: $m, first: 100) { edges { node { id name email roles } } } }`,
        {
          token: admin,
          variables: { m: memberId },
        },
      ),
    ).users,
  );

const USERS_OF = `query($id: ID!) { member(id: $id) { name users(first: 50) { totalCount edges { node { id email roles } } } } }`;
interface UsersOf {
  member: { name: string; users: TotalCount };
}
const MEMBER_COUNT = `{ members(first: 1) { totalCount } }`;
interface MemberCount {
  members: TotalCount;
}

test('without a token nothing is answered', async () => {
  const res = await tp.query<Partial<MemberCount>>(MEMBER_COUNT);
  expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  expect(res.data?.members ?? null).toBeNull();
});

test.each(ROLES)('%s sees the directory of all members', async (role) => {
  const res = await tp.query<MemberCount>(MEMBER_COUNT, { token: await tokenOf(role) });
  expect(expectOk(res).members.totalCount).toBe(62);
});

// Users are personal data: their own member's admins and platform admins, no one else.
const seesUsersOfA: Record<Role, boolean> = {
  'platform-admin': true,
  'association-procurement': false,
  'association-academy': false,
  'association-cao': false,
  'payroll-service': false,
  'member-admin': true,
  'member-purchaser': false,
  'member-approver': false,
  'member-hr': false,
  employee: false,
};

test.each(ROLES)('%s of member A: users of A as the rules say, users of B only as platform admin', async (role) => {
  const token = await tokenOf(role);
  const usersOfMember = async (id: string, sees: boolean) => {
    const res = await tp.query<UsersOf>(USERS_OF, { token, variables: { id } });
    if (sees) {
      expect(expectOk(res).member.users.totalCount).toBeGreaterThan(0);
    } else {
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(res.data)).not.toContain('@');
    }
  };
  await usersOfMember(memberA, seesUsersOfA[role]);
  await usersOfMember(memberB, role === 'platform-admin');
});

test("a member admin lists its own users, and is refused another member's", async () => {
  const token = await tokenOf('member-admin');
  const own = expectOk(
    await tp.query<{ users: TotalCount & Users['users'] }>(
      `query($m: ID) { users(memberId: $m, first: 50) { totalCount edges { node { email member { id } } } } }`,
      { token, variables: { m: memberA } },
    ),
  );
  expect(own.users.totalCount).toBeGreaterThanOrEqual(5);
  for (const user of nonEmpty(nodes(own.users))) expect(user.member.id).toBe(memberA);

  const foreign = await tp.query(`query($m: ID) { users(memberId: $m, first: 50) { totalCount } }`, {
    token,
    variables: { m: memberB },
  });
  expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
  expect(foreign.errors?.[0]?.message).toMatch(/own member/);

  const staff = await tp.query(`{ users(first: 5) { totalCount } }`, { token });
  expect(errorCodes(staff)).toEqual(['FORBIDDEN']);
});

test("a member's audit history: its own people and the association, not another member", async () => {
  const AUDITS = `query($id: ID!) { member(id: $id) { audits(first: 10) { totalCount } } }`;
  const audits = async (role: Role, id: string) => tp.query(AUDITS, { token: await tokenOf(role), variables: { id } });
  const association: Role[] = ['association-procurement', 'association-academy', 'association-cao', 'platform-admin'];
  for (const role of association) expectOk(await audits(role, memberB));
  for (const role of MEMBER_ROLES) {
    expectOk(await audits(role, memberA));
    expectRefused(await audits(role, memberB), 'FORBIDDEN');
  }
});

test('me returns the caller and their directory entry', async () => {
  const memberAdmin = (await usersOf(memberA)).find((u) => u.roles.includes('MEMBER_ADMIN'))!;
  const token = await tokenOf('member-admin', memberA, memberAdmin.id);
  const me = expectOk(
    await tp.query<{ me: unknown }>(`{ me { userId roles memberId user { name } member { id } } }`, { token }),
  );
  expect(me.me).toEqual({
    userId: memberAdmin.id,
    roles: ['member-admin'],
    memberId: memberA,
    user: { name: memberAdmin.name },
    member: { id: memberA },
  });
});

test('only platform admins add members and record audits', async () => {
  const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name keurmerk { status runInEndsOn } } }`;
  const input = {
    name: 'Kringloop Testhuis',
    kvkNumber: '87654321',
    legalForm: 'FOUNDATION',
    city: 'Zwolle',
    memberSince: '2026-01-01',
  };
  for (const role of ROLES.filter((r) => r !== 'platform-admin')) {
    const res = await tp.query(CREATE, { token: await tokenOf(role), variables: { input } });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  }
  expect(expectOk(await tp.query<MemberCount>(MEMBER_COUNT, { token: admin })).members.totalCount).toBe(62);

  const created = expectOk(
    await tp.query<{ createMember: { id: string; keurmerk: unknown } }>(CREATE, { token: admin, variables: { input } }),
  ).createMember;
  expect(created.keurmerk).toEqual({ status: 'RUN_IN', runInEndsOn: '2029-01-01' });

  const AUDIT = `mutation($input: RecordKeurmerkAuditInput!) { recordKeurmerkAudit(input: $input) { outcome member { keurmerk { status lastAuditOn nextAuditDue certificateValidUntil } } } }`;
  const auditInput = {
    memberId: created.id,
    auditedOn: '2026-08-31',
    outcome: 'CERTIFIED',
    auditor: 'Certiq',
  };
  const refused = await tp.query(AUDIT, {
    token: await tokenOf('association-procurement'),
    variables: { input: auditInput },
  });
  expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  const audit = expectOk(
    await tp.query<{ recordKeurmerkAudit: { member: { keurmerk: unknown } } }>(AUDIT, {
      token: admin,
      variables: { input: auditInput },
    }),
  );
  expect(audit.recordKeurmerkAudit.member.keurmerk).toEqual({
    status: 'CERTIFIED',
    lastAuditOn: '2026-08-31',
    nextAuditDue: '2028-02-29',
    certificateValidUntil: '2029-08-31',
  });
  await tp.reset();
});

describe('a member admin manages its own users', () => {
  afterAll(() => tp.reset());
  const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email roles member { id } } }`;

  test('adds a purchaser to its own member', async () => {
    const res = await tp.query<{ createUser: User }>(CREATE_USER, {
      token: await tokenOf('member-admin'),
      variables: {
        input: {
          memberId: memberA,
          name: 'Fatima el Amrani',
          email: 'F.elAmrani@voorbeeld.example',
          roles: ['MEMBER_PURCHASER'],
        },
      },
    });
    expect(expectOk(res).createUser).toMatchObject({
      email: 'f.elamrani@voorbeeld.example',
      roles: ['MEMBER_PURCHASER'],
      member: { id: memberA },
    });
  });

  test('cannot add users to another member, nor hand out association roles', async () => {
    const token = await tokenOf('member-admin');
    const foreign = await tp.query(CREATE_USER, {
      token,
      variables: {
        input: { memberId: memberB, name: 'Indringer', email: 'x@elders.example', roles: ['MEMBER_ADMIN'] },
      },
    });
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    const escalation = await tp.query(CREATE_USER, {
      token,
      variables: { input: { memberId: memberA, name: 'Te Veel', email: 'y@eigen.example', roles: ['PLATFORM_ADMIN'] } },
    });
    expect(errorCodes(escalation)).toEqual(['FORBIDDEN']);
    expect((await usersOf(memberB)).map((u) => u.email)).not.toContain('x@elders.example');
  });

  test("changes roles of its own users but not of another member's", async () => {
    const token = await tokenOf('member-admin');
    const ownPurchaser = (await usersOf(memberA)).find(
      (u) => u.roles.includes('MEMBER_PURCHASER') && !u.roles.includes('MEMBER_ADMIN'),
    )!;
    const UPDATE = `mutation($id: ID!, $roles: [Role!]) { updateUser(id: $id, input: { roles: $roles }) { roles } }`;
    const ok = await tp.query<{ updateUser: { roles: string[] } }>(UPDATE, {
      token,
      variables: { id: ownPurchaser.id, roles: ['MEMBER_PURCHASER', 'MEMBER_APPROVER'] },
    });
    expect(expectOk(ok).updateUser.roles).toEqual(['MEMBER_PURCHASER', 'MEMBER_APPROVER']);

    const foreignUser = (await usersOf(memberB))[0]!;
    const refused = await tp.query(UPDATE, { token, variables: { id: foreignUser.id, roles: ['EMPLOYEE'] } });
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    expect((await usersOf(memberB)).find((u) => u.id === foreignUser.id)!.roles).toEqual(foreignUser.roles);
  });

  test('the last admin of a member cannot be removed', async () => {
    const admins = (await usersOf(memberA)).filter((u) => u.roles.includes('MEMBER_ADMIN'));
    expect(admins).toHaveLength(1);
    const res = await tp.query(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, {
      token: await tokenOf('member-admin'),
      variables: { id: admins[0]!.id },
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
  });
});

// By id, another member's user or shop is not found: answered exactly as an id that does not
// exist (docs/architecture.md), so a member's people cannot learn that the id is in use.
describe("another member's user or shop by id is NOT_FOUND, like an id that does not exist", () => {
  const USER = `query($id: ID!) { user(id: $id) { id name email } }`;
  const UPDATE_USER = `mutation($id: ID!) { updateUser(id: $id, input: { name: "Overgenomen" }) { id name } }`;
  const DEACTIVATE_USER = `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`;
  const UPDATE_SHOP = `mutation($id: ID!) { updateBranch(id: $id, input: { name: "Overgenomen" }) { id name } }`;
  const SHOPS_OF = `query($id: ID!) { member(id: $id) { branches(first: 1) { edges { node { id name } } } } }`;

  /** The answer to `document` for `id`, and for an id that does not exist, with that id put in its place. */
  async function sameAsUnknown(document: string, id: string, token: string) {
    const members = tp.platform.subgraphs.members!.database;
    const res = await expectRefusedWithoutWrites(
      members,
      () => tp.query(document, { token, variables: { id } }),
      'NOT_FOUND',
    );
    const unknown = await tp.query(document, { token, variables: { id: UNKNOWN_ID } });
    expectRefused(unknown, 'NOT_FOUND');
    expect(res.errors![0]!.message).toBe(unknown.errors![0]!.message.replace(UNKNOWN_ID, id));
    expect(JSON.stringify(res.data ?? null)).not.toContain(id);
    return res;
  }

  test("a member's admin: another member's user is not found, to read, change or deactivate", async () => {
    const token = await tokenOf('member-admin');
    const foreign = (await usersOf(memberB)).find((u) => u.roles.includes('MEMBER_ADMIN'))!;
    for (const document of [USER, UPDATE_USER, DEACTIVATE_USER]) {
      const res = await sameAsUnknown(document, foreign.id, token);
      expect(JSON.stringify(res)).not.toContain(foreign.email);
    }
    // Its own member's users it reads and changes as before.
    const own = (await usersOf(memberA)).find((u) => u.roles.includes('MEMBER_PURCHASER'))!;
    expect(expectOk(await tp.query<{ user: User }>(USER, { token, variables: { id: own.id } })).user.email).toBe(
      own.email,
    );
  });

  test("a member's other roles: a user they may not see is not found, of another member or of their own", async () => {
    const ownAdmin = (await usersOf(memberA)).find((u) => u.roles.includes('MEMBER_ADMIN'))!;
    const foreign = (await usersOf(memberB))[0]!;
    for (const role of ['member-purchaser', 'member-hr', 'employee'] as const) {
      const token = await tokenOf(role);
      await sameAsUnknown(USER, foreign.id, token);
      await sameAsUnknown(USER, ownAdmin.id, token);
      await sameAsUnknown(UPDATE_USER, ownAdmin.id, token);
    }
    // A user sees their own entry by id, whatever their roles.
    const self = (await usersOf(memberA)).find((u) => !u.roles.includes('MEMBER_ADMIN'))!;
    const token = await tokenOf('member-purchaser', memberA, self.id);
    expect(expectOk(await tp.query<{ user: User }>(USER, { token, variables: { id: self.id } })).user.id).toBe(self.id);
  });

  test("a member's admin: another member's shop is not found to change; the directory still shows it", async () => {
    const token = await tokenOf('member-admin');
    const shopOf = async (member: string) =>
      nodes(
        expectOk(
          await tp.query<{ member: { branches: { edges: { node: { id: string; name: string } }[] } } }>(SHOPS_OF, {
            token,
            variables: { id: member },
          }),
        ).member.branches,
      )[0]!;
    const foreign = await shopOf(memberB);
    await sameAsUnknown(UPDATE_SHOP, foreign.id, token);
    expect(await shopOf(memberB)).toEqual(foreign);
    // A member-hr of member B (not an admin) may not change B's shop either: not found.
    await sameAsUnknown(UPDATE_SHOP, foreign.id, await tokenOf('member-hr', memberB));
    // The member's own shop it changes, and the platform admin any shop.
    const own = await shopOf(memberA);
    const renamed = await tp.query<{ updateBranch: { name: string } }>(UPDATE_SHOP, {
      token,
      variables: { id: own.id },
    });
    expect(expectOk(renamed).updateBranch.name).toBe('Overgenomen');
    const byAdmin = await tp.query<{ updateBranch: { id: string } }>(UPDATE_SHOP, {
      token: admin,
      variables: { id: foreign.id },
    });
    expect(expectOk(byAdmin).updateBranch.id).toBe(foreign.id);
    await tp.reset();
  });
});
