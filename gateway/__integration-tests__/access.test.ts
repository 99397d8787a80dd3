import { ROLES, type Role } from '@samen-sterk/subgraph-runtime';
import { errorCodes } from './testkit/graphql';
import { tokenFor } from './testkit/auth';
import { startTestPlatform, type TestPlatform } from './testkit/platform';

// Who sees what: every role against its own member and a foreign one. A leak across members
// is the worst bug this platform can have.
let tp: TestPlatform;
let admin: string;
let memberA: string;
let memberB: string;

const MEMBER_ROLES: Role[] = ['member-admin', 'member-purchaser', 'member-approver', 'member-hr', 'employee'];
const tokenOf = (role: Role, memberId = memberA) =>
  tokenFor({ roles: [role], ...(MEMBER_ROLES.includes(role) ? { memberId } : {}) });

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tokenFor({ roles: ['platform-admin'] });
  const res: any = await tp.query(`{ members(first: 2) { edges { node { id } } } }`, { token: admin });
  [memberA, memberB] = res.data.members.edges.map((e: any) => e.node.id);
});
afterAll(() => tp?.stop());

const USERS_OF = `query($id: ID!) { member(id: $id) { name users(first: 50) { totalCount edges { node { id email roles } } } } }`;

test('without a token nothing is answered', async () => {
  const res = await tp.query(`{ members(first: 1) { totalCount } }`);
  expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  expect(res.data?.members ?? null).toBeNull();
});

test.each(ROLES)('%s sees the directory of all members', async (role) => {
  const res: any = await tp.query(`{ members(first: 1) { totalCount } }`, { token: await tokenOf(role) });
  expect(res.errors).toBeUndefined();
  expect(res.data.members.totalCount).toBe(62);
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
  const own: any = await tp.query(USERS_OF, { token, variables: { id: memberA } });
  if (seesUsersOfA[role]) {
    expect(own.errors).toBeUndefined();
    expect(own.data.member.users.totalCount).toBeGreaterThan(0);
  } else {
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(own.data)).not.toContain('@');
  }
  const foreign: any = await tp.query(USERS_OF, { token, variables: { id: memberB } });
  if (role === 'platform-admin') {
    expect(foreign.data.member.users.totalCount).toBeGreaterThan(0);
  } else {
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(foreign.data)).not.toContain('@');
  }
});

test("a member admin lists its own users, and is refused another member's", async () => {
  const token = await tokenOf('member-admin');
  const own: any = await tp.query(
    `query($m: ID) { users(memberId: $m, first: 50) { totalCount edges { node { email member { id } } } } }`,
    {
      token,
      variables: { m: memberA },
    },
  );
  expect(own.errors).toBeUndefined();
  expect(own.data.users.totalCount).toBeGreaterThanOrEqual(5);
  for (const { node } of own.data.users.edges) expect(node.member.id).toBe(memberA);

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
  for (const role of [
    'association-procurement',
    'association-academy',
    'association-cao',
    'platform-admin',
  ] as Role[]) {
    const res: any = await tp.query(AUDITS, { token: await tokenOf(role), variables: { id: memberB } });
    expect(res.errors).toBeUndefined();
  }
  for (const role of MEMBER_ROLES) {
    const own: any = await tp.query(AUDITS, { token: await tokenOf(role), variables: { id: memberA } });
    expect(own.errors).toBeUndefined();
    const foreign = await tp.query(AUDITS, { token: await tokenOf(role), variables: { id: memberB } });
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
  }
});

test('me returns the caller and their directory entry', async () => {
  const users: any = await tp.query(
    `query($m: ID) { users(memberId: $m, first: 50) { edges { node { id name roles } } } }`,
    {
      token: admin,
      variables: { m: memberA },
    },
  );
  const memberAdmin = users.data.users.edges.map((e: any) => e.node).find((u: any) => u.roles.includes('MEMBER_ADMIN'));
  const token = await tokenFor({ sub: memberAdmin.id, roles: ['member-admin'], memberId: memberA });
  const me: any = await tp.query(`{ me { userId roles memberId user { name } member { id } } }`, { token });
  expect(me.data.me).toEqual({
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
  const count: any = await tp.query(`{ members(first: 1) { totalCount } }`, { token: admin });
  expect(count.data.members.totalCount).toBe(62);

  const created: any = await tp.query(CREATE, { token: admin, variables: { input } });
  expect(created.errors).toBeUndefined();
  expect(created.data.createMember.keurmerk).toEqual({ status: 'RUN_IN', runInEndsOn: '2029-01-01' });

  const AUDIT = `mutation($input: RecordKeurmerkAuditInput!) { recordKeurmerkAudit(input: $input) { outcome member { keurmerk { status lastAuditOn nextAuditDue certificateValidUntil } } } }`;
  const auditInput = {
    memberId: created.data.createMember.id,
    auditedOn: '2026-08-31',
    outcome: 'CERTIFIED',
    auditor: 'Certiq',
  };
  const refused = await tp.query(AUDIT, {
    token: await tokenOf('association-procurement'),
    variables: { input: auditInput },
  });
  expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  const audit: any = await tp.query(AUDIT, { token: admin, variables: { input: auditInput } });
  expect(audit.errors).toBeUndefined();
  expect(audit.data.recordKeurmerkAudit.member.keurmerk).toEqual({
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
    const res: any = await tp.query(CREATE_USER, {
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
    expect(res.errors).toBeUndefined();
    expect(res.data.createUser).toMatchObject({
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
    const users: any = await tp.query(
      `query($m: ID) { users(memberId: $m, first: 100) { edges { node { email } } } }`,
      {
        token: admin,
        variables: { m: memberB },
      },
    );
    expect(users.data.users.edges.map((e: any) => e.node.email)).not.toContain('x@elders.example');
  });

  test("changes roles of its own users but not of another member's", async () => {
    const token = await tokenOf('member-admin');
    const list = async (memberId: string) =>
      (
        (await tp.query(`query($m: ID) { users(memberId: $m, first: 100) { edges { node { id roles } } } }`, {
          token: admin,
          variables: { m: memberId },
        })) as any
      ).data.users.edges.map((e: any) => e.node);
    const ownPurchaser = (await list(memberA)).find(
      (u: any) => u.roles.includes('MEMBER_PURCHASER') && !u.roles.includes('MEMBER_ADMIN'),
    );
    const UPDATE = `mutation($id: ID!, $roles: [Role!]) { updateUser(id: $id, input: { roles: $roles }) { roles } }`;
    const ok: any = await tp.query(UPDATE, {
      token,
      variables: { id: ownPurchaser.id, roles: ['MEMBER_PURCHASER', 'MEMBER_APPROVER'] },
    });
    expect(ok.data.updateUser.roles).toEqual(['MEMBER_PURCHASER', 'MEMBER_APPROVER']);

    const foreignUser = (await list(memberB))[0];
    const refused = await tp.query(UPDATE, { token, variables: { id: foreignUser.id, roles: ['EMPLOYEE'] } });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect((await list(memberB)).find((u: any) => u.id === foreignUser.id).roles).toEqual(foreignUser.roles);
  });

  test('the last admin of a member cannot be removed', async () => {
    const users: any = await tp.query(
      `query($m: ID) { users(memberId: $m, first: 100) { edges { node { id roles } } } }`,
      {
        token: admin,
        variables: { m: memberA },
      },
    );
    const admins = users.data.users.edges.map((e: any) => e.node).filter((u: any) => u.roles.includes('MEMBER_ADMIN'));
    expect(admins).toHaveLength(1);
    const res = await tp.query(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, {
      token: await tokenOf('member-admin'),
      variables: { id: admins[0].id },
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
  });
});
