import { startGateway } from '@samen-sterk/gateway';
import { DEMO_USERS } from '@samen-sterk/platform';
import {
  DEVELOPMENT_GATEWAY_SECRET,
  DEVELOPMENT_JWT_SECRET,
  SUPERGRAPH_PATH,
  type RunningServer,
} from '@samen-sterk/subgraph-runtime';
import { decodeJwt } from 'jose';
import fs from 'node:fs';
import { expectOk } from './testkit/expect';
import { errorCodes } from './testkit/graphql';
import { usePlatform } from './testkit/use-platform';

// The development explorer: a browser opening /graphql gets GraphiQL served from the gateway's
// own files (nothing from a CDN) and a "sign in as" picker whose tokens work; machines asking
// /graphql for JSON get GraphQL as before; in production neither the page nor the sign-in exists.
const tp = usePlatform();
const base = () => tp.url.replace(/\/graphql$/, '');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface DemoUserAnswer {
  users: { id: string; name: string; role: string; roles: string[]; memberId: string | null }[];
}
interface SignInAnswer {
  token: string;
  expiresIn: string;
  user: { id: string; name: string; role: string };
}

const signIn = (body: unknown, init: RequestInit = {}) =>
  fetch(`${base()}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...init,
  });

const demoUser = (role: string) => {
  const user = DEMO_USERS.find((candidate) => candidate.role === role && candidate.roles.length === 1);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
};

describe('in development', () => {
  test('a browser opening /graphql gets the explorer, whose every file comes from the gateway itself', async () => {
    const res = await fetch(tp.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<title>Samen Sterk GraphQL explorer (development)</title>');
    // No address of another host: neither http(s):// nor protocol-relative //host.
    expect(html).not.toMatch(/https?:|["'(]\/\//);
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      expect(file).toMatch(/^\/dev\/explorer\//);
      const asset = await fetch(new URL(file, tp.url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
    const graphiql = await (await fetch(`${base()}/dev/explorer/graphiql.js`)).text();
    expect(graphiql).toContain('GraphiQL');
    const missing = await fetch(`${base()}/dev/explorer/..%2Fpackage.json`);
    expect(missing.status).toBe(404);
  });

  test('GET /graphql for JSON still answers GraphQL, and still refuses what CSRF prevention refuses', async () => {
    const query = encodeURIComponent('{ __typename }');
    const answered = await fetch(`${tp.url}?query=${query}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ data: { __typename: 'Query' } });
    const simple = await fetch(`${tp.url}?query=${query}`, { headers: { accept: 'application/json' } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
    // curl's default */* is no browser: no page for it either.
    const curl = await fetch(`${tp.url}?query=${query}`, { headers: { accept: '*/*' } });
    expect(curl.headers.get('content-type')).toMatch(/json/);
  });

  test('the demo users are listed, one per role and the director, without e-mail addresses', async () => {
    const res = await fetch(`${base()}/dev/demo-users`);
    expect(res.status).toBe(200);
    const { users } = (await res.json()) as DemoUserAnswer;
    expect(users.length).toBe(DEMO_USERS.length);
    const single = users.filter((user) => user.roles.length === 1);
    expect(single.length).toBe(10);
    expect(new Set(single.map((user) => user.role)).size).toBe(single.length);
    expect(single.map((user) => user.role)).toEqual(
      expect.arrayContaining(['platform-admin', 'member-purchaser', 'member-hr', 'employee', 'association-cao']),
    );
    const combined = users.filter((user) => user.roles.length > 1);
    expect(combined.map((user) => user.roles)).toEqual([['member-admin', 'member-approver', 'member-hr']]);
    for (const user of users) expect(Object.keys(user).sort()).toEqual(['id', 'memberId', 'name', 'role', 'roles']);
    expect(JSON.stringify(users)).not.toMatch(/@/);
  });

  test("the director's token carries all her roles, and each subgraph honours them", async () => {
    const director = DEMO_USERS.find((user) => user.roles.length > 1)!;
    const answer = (await (await signIn({ user: director.id })).json()) as SignInAnswer;
    expect(decodeJwt(answer.token)).toMatchObject({
      sub: director.id,
      roles: ['member-admin', 'member-approver', 'member-hr'],
      memberId: director.memberId,
    });
    // Orders (procurement), enrolments (Academy) and payroll runs (HR/payroll) in one request:
    // each subgraph lets her see her member's, where the member admin alone is refused all three.
    const overview = `query($m: ID!) {
      member(id: $m) { orders(first: 1) { totalCount } enrolments(first: 1) { totalCount } }
      payrollRuns(memberId: $m, first: 1) { totalCount } }`;
    const seen = await tp.query<{
      member: { orders: { totalCount: number }; enrolments: { totalCount: number } };
      payrollRuns: { totalCount: number };
    }>(overview, { token: answer.token, variables: { m: director.memberId } });
    const data = expectOk(seen);
    expect(data.member.orders.totalCount).toEqual(expect.any(Number));
    expect(data.member.enrolments.totalCount).toEqual(expect.any(Number));
    expect(data.payrollRuns.totalCount).toEqual(expect.any(Number));

    const admin = demoUser('member-admin');
    const adminAnswer = (await (await signIn({ user: admin.id })).json()) as SignInAnswer;
    const refused = await tp.query(overview, { token: adminAnswer.token, variables: { m: admin.memberId } });
    expect(refused.errors?.map((error) => [error.extensions?.code, error.path?.join('.')]).sort()).toEqual([
      ['FORBIDDEN', 'member.enrolments'],
      ['FORBIDDEN', 'member.orders'],
      ['FORBIDDEN', 'payrollRuns'],
    ]);
  });

  test("signing in as a demo user gives a short-lived token with that user's claims, which works", async () => {
    const hr = demoUser('member-hr');
    const res = await signIn({ user: hr.id });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as SignInAnswer;
    expect(answer.user).toMatchObject({ id: hr.id, name: hr.name, role: 'member-hr' });
    const claims = decodeJwt(answer.token);
    expect(claims).toMatchObject({ sub: hr.id, roles: ['member-hr'], memberId: hr.memberId });
    expect(claims.exp! - claims.iat!).toBe(2 * 60 * 60);

    const me = await tp.query<{ me: { userId: string; roles: string[]; memberId: string } }>(
      `{ me { userId roles memberId } }`,
      { token: answer.token },
    );
    expect(expectOk(me).me).toEqual({ userId: hr.id, roles: ['member-hr'], memberId: hr.memberId });
    const employees = await tp.query<{ employees: { totalCount: number } }>(
      `query($m: ID!) { employees(memberId: $m, first: 1) { totalCount } }`,
      { token: answer.token, variables: { m: hr.memberId } },
    );
    expect(expectOk(employees).employees.totalCount).toBeGreaterThan(0);
    expect(errorCodes(await tp.query(`{ me { userId } }`))).toContain('UNAUTHENTICATED');
  });

  test("the employee's token speaks for the demo employee", async () => {
    const employee = demoUser('employee');
    const answer = (await (await signIn({ user: employee.id })).json()) as SignInAnswer;
    expect(decodeJwt(answer.token)).toMatchObject({ roles: ['employee'], employeeId: employee.employeeId });
  });

  test('claims a caller adds are ignored; unknown users and bodies without one are refused', async () => {
    const purchaser = demoUser('member-purchaser');
    const smuggled = await signIn({
      user: purchaser.id,
      roles: ['platform-admin'],
      memberId: 'someone-else',
      sub: 'root',
    });
    expect(smuggled.status).toBe(200);
    const claims = decodeJwt(((await smuggled.json()) as SignInAnswer).token);
    expect(claims).toMatchObject({ sub: purchaser.id, roles: ['member-purchaser'], memberId: purchaser.memberId });

    for (const body of [{ user: 'root' }, { roles: ['platform-admin'] }, { user: 42 }, ['user'], 'user']) {
      const res = await signIn(body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(answer.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.errors[0]!.message).toMatch(/demo user/);
    }
    const broken = await signIn(undefined, { body: '{"user": ' });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('not valid JSON');
  });

  test('the portal (a local origin) may call the gateway from a browser; another site may not', async () => {
    const preflight = (origin: string) =>
      fetch(tp.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const portal = await preflight('http://localhost:5173');
    expect(portal.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(portal.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('in production (NODE_ENV=production, read when the gateway starts)', () => {
  let gateway: RunningServer;
  beforeAll(async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: 'production',
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      GATEWAY_SECRET: DEVELOPMENT_GATEWAY_SECRET,
      CORS_ORIGINS: 'https://portal.example',
    });
    try {
      gateway = await startGateway({
        supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
        port: 0,
        subgraphUrls: Object.fromEntries(
          Object.keys(tp.platform.subgraphs).map((name) => [name, tp.subgraphUrl(name as never)]),
        ),
        demoUsers: DEMO_USERS,
      });
    } finally {
      process.env = saved;
    }
  });
  afterAll(async () => {
    await gateway?.stop();
  });
  const prodBase = () => gateway.url.replace(/\/graphql$/, '');

  test('a browser gets no explorer page (and no Apollo landing page from a CDN)', async () => {
    const res = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
    const text = await res.text();
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(text).not.toMatch(/graphiql|sandbox|<html/i);
    expect((await fetch(`${prodBase()}/dev/explorer/graphiql.js`)).status).toBe(404);
  });

  test('there are no demo users and no sign-in', async () => {
    expect((await fetch(`${prodBase()}/dev/demo-users`)).status).toBe(404);
    const res = await fetch(`${prodBase()}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: demoUser('platform-admin').id }),
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/eyJ/);
  });

  test('only the configured origins may call it from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(gateway.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('https://portal.example')).headers.get('access-control-allow-origin')).toBe(
      'https://portal.example',
    );
    expect((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
