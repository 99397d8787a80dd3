import { signDevelopmentToken, type DevelopmentTokenClaims } from '@samen-sterk/subgraph-runtime';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Smoke test: the real `pnpm start`, as a user types it (pnpm from PATH, in the repository root),
// on a new data folder and free ports. It waits for the "ready" line, walks a few journeys
// through the gateway it printed, stops it with Ctrl-C (SIGINT to the process group, as a
// terminal does), starts it again without --fresh and checks the data stayed.
//
// With `*_DATABASE_URL` set (CI's PostgreSQL run) `pnpm start` uses those databases, which
// other test files leave in any state: the journeys make their own member and users.

const ROOT = path.resolve(__dirname, '..', '..');
const postgres = Object.keys(process.env).some((name) => name.endsWith('_DATABASE_URL'));
/** CI has two slow cores and runs other test files beside this one. */
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 40_000;

interface Started {
  child: ChildProcess;
  /** stdout and stderr as they came. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  gatewayUrl: string;
}

const running = new Set<ChildProcess>();
const transcripts: string[] = [];
let dataDir: string;
let ports: Record<'GATEWAY_PORT' | 'MEMBERS_PORT' | 'CAO_PORT' | 'HR_PAYROLL_PORT', string>;

/** Free ports, held all at once so that no two are the same. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const found = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return found;
}

/** `pnpm start [args]` in its own process group; resolves when it prints the gateway's URL. */
async function pnpmStart(args: string[]): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    SAMEN_STERK_DATA_DIR: dataDir,
    APOLLO_TELEMETRY_DISABLED: '1',
  };
  // As from a terminal: not Jest's test mode or Node options, nor what `pnpm test` set for itself.
  for (const name of Object.keys(env)) {
    if (/^(npm_|pnpm_)/i.test(name) || ['NODE_ENV', 'NODE_OPTIONS', 'JEST_WORKER_ID', 'INIT_CWD'].includes(name)) {
      delete env[name];
    }
  }
  const child = spawn('pnpm', ['start', ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const transcript = transcripts.push('') - 1;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    transcripts[transcript] = `$ pnpm start ${args.join(' ')}\n${output}`;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`pnpm start printed no gateway URL within ${READY_TIMEOUT_MS / 1000} s`)),
      READY_TIMEOUT_MS,
    );
    const look = () => {
      // The ready line, then the URLs; the hint on Ctrl-C comes last.
      if (!/platform ready in[\s\S]*Ctrl-C stops everything/.test(output)) return;
      const url = /^\s*gateway\s+(http:\/\/\S+)/m.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url);
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`pnpm start ended before it was ready (code ${code}, signal ${signal})`));
    });
  });
  return { child, output: () => output, exited, gatewayUrl };
}

/** Ctrl-C in a terminal: SIGINT to every process of the group. */
async function interrupt(started: Started) {
  process.kill(-started.child.pid!, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`pnpm start did not stop within ${STOP_TIMEOUT_MS / 1000} s`)),
      STOP_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([started.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a user must never see from `pnpm start`: failures and stack traces. */
function expectQuietRun(output: string) {
  expect(output).not.toMatch(/ELIFECYCLE|Command failed/);
  // A stack frame: "    at fn (file.ts:12:3)" or "    at file.js:12:3".
  expect(output).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/^\[error\]/m);
  expect(output).not.toMatch(/Unhandled|uncaught/i);
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: any;
}

async function post(url: string, body: string, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

const token = (claims: Partial<DevelopmentTokenClaims> & Pick<DevelopmentTokenClaims, 'roles'>) =>
  signDevelopmentToken({ sub: `smoke-${randomUUID()}`, ...claims });

/** A GraphQL request that must succeed; returns `data`. */
async function query(url: string, text: string, variables: Record<string, unknown>, as: string) {
  const answer = await post(url, JSON.stringify({ query: text, variables }), as);
  if (answer.status !== 200 || !answer.json || answer.json.errors) {
    throw new Error(`${text.trim().split('\n')[0]} answered ${answer.status}: ${answer.text.slice(0, 2000)}`);
  }
  return answer.json.data;
}

/** A GraphQL request that must fail; returns its errors. */
async function refused(url: string, text: string, variables: Record<string, unknown>, as: string) {
  const answer = await post(url, JSON.stringify({ query: text, variables }), as);
  expect(answer.json?.errors?.length).toBeGreaterThan(0);
  return answer.json.errors as { message: string; extensions?: { code?: string } }[];
}

/** A BSN that passes the 11-proof, different on every run. */
function newBsn(): string {
  for (;;) {
    const eight = String(randomInt(10_000_000, 99_999_999));
    const sum = [...eight].reduce((acc, digit, i) => acc + Number(digit) * (9 - i), 0);
    if (sum % 11 < 10 && sum >= 11) return `${eight}${sum % 11}`;
  }
}

const USER_FIELDS = 'id name email roles active deactivatedAt';
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const DEACTIVATE_USER = `mutation($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
const USER = `query($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`;
const EMPLOYEE = `query($id: ID!) { employee(id: $id) {
  id name bsn iban employer { id name } employments { caoScale caoStep hoursPerWeek } } }`;

/** What the first run made, for the second to find. */
const made: { memberId?: string; memberName?: string; deactivatedUserId?: string; employeeId?: string } = {};

let first: Started;
let platformAdmin: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samen-sterk-smoke-'));
  const [gateway, members, cao, hrPayroll] = await freePorts(4);
  ports = {
    GATEWAY_PORT: String(gateway),
    MEMBERS_PORT: String(members),
    CAO_PORT: String(cao),
    HR_PAYROLL_PORT: String(hrPayroll),
  };
  platformAdmin = await token({ roles: ['platform-admin'] });
});

afterAll(async () => {
  // Never leave a platform running, whatever failed.
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs a test body; when it throws, shows what `pnpm start` printed so far. */
function withTranscript(body: () => Promise<void>) {
  return async () => {
    try {
      await body();
    } catch (error) {
      console.error(`pnpm start printed:\n${transcripts.join('\n\n')}`);
      throw error;
    }
  };
}

describe('pnpm start, as a user runs it', () => {
  test(
    '`pnpm start --fresh` on a new data folder comes up and prints the gateway',
    withTranscript(async () => {
      first = await pnpmStart(['--fresh']);
      expect(first.gatewayUrl).toBe(`http://localhost:${ports.GATEWAY_PORT}/graphql`);
      if (!postgres) expect(first.output()).toContain(`PGlite in ${path.join(dataDir, 'members')}`);
    }),
    READY_TIMEOUT_MS + 10_000,
  );

  test(
    'a platform admin lists members with their shops',
    withTranscript(async () => {
      const data = await query(
        first.gatewayUrl,
        `query { members(first: 5) { totalCount edges { node { id name city
           branches(first: 3) { totalCount edges { node { id name address { city } } } } } } } }`,
        {},
        platformAdmin,
      );
      if (!postgres) expect(data.members.totalCount).toBe(62); // the demo seed on a fresh start
      expect(data.members.edges.length).toBeGreaterThan(0);
      const withShops = data.members.edges.filter((edge: any) => edge.node.branches.totalCount > 0);
      expect(withShops.length).toBeGreaterThan(0);
      expect(withShops[0].node.branches.edges[0].node).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        address: { city: expect.any(String) },
      });
    }),
  );

  test(
    "a member's admin makes a second admin, deactivates one of the two, and cannot remove the last",
    withTranscript(async () => {
      const url = first.gatewayUrl;
      const run = randomUUID().slice(0, 8);
      // A member of its own with one admin, whatever data the databases already hold.
      const { createMember } = await query(
        url,
        `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name } }`,
        {
          input: {
            name: `Kringloop Smoke ${run}`,
            kvkNumber: String(randomInt(10_000_000, 99_999_999)),
            legalForm: 'FOUNDATION',
            city: 'Zwolle',
            memberSince: '2020-01-01',
          },
        },
        platformAdmin,
      );
      made.memberId = createMember.id;
      made.memberName = createMember.name;
      const { createUser: firstAdmin } = await query(
        url,
        CREATE_USER,
        {
          input: {
            memberId: createMember.id,
            name: 'Anna Eerste',
            email: `anna-${run}@smoke.example`,
            roles: ['MEMBER_ADMIN'],
          },
        },
        platformAdmin,
      );
      const admin = await token({ sub: firstAdmin.id, roles: ['member-admin'], memberId: createMember.id });

      // The admin adds a colleague and makes them admin too.
      const { createUser: colleague } = await query(
        url,
        CREATE_USER,
        {
          input: {
            memberId: createMember.id,
            name: 'Bram Tweede',
            email: `bram-${run}@smoke.example`,
            roles: ['MEMBER_HR'],
          },
        },
        admin,
      );
      const { updateUser: secondAdmin } = await query(
        url,
        UPDATE_USER,
        { id: colleague.id, input: { roles: ['MEMBER_HR', 'MEMBER_ADMIN'] } },
        admin,
      );
      expect([...secondAdmin.roles].sort()).toEqual(['MEMBER_ADMIN', 'MEMBER_HR']);

      // One of two admins may go.
      const { deactivateUser } = await query(url, DEACTIVATE_USER, { id: colleague.id }, admin);
      expect(deactivateUser).toMatchObject({ id: colleague.id, active: false, deactivatedAt: expect.any(String) });
      made.deactivatedUserId = colleague.id;

      // The last one may neither go nor stop being admin.
      const deactivateLast = await refused(url, DEACTIVATE_USER, { id: firstAdmin.id }, admin);
      expect(deactivateLast.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
      const demoteLast = await refused(url, UPDATE_USER, { id: firstAdmin.id, input: { roles: ['MEMBER_HR'] } }, admin);
      expect(demoteLast.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
      const { user } = await query(url, USER, { id: firstAdmin.id }, admin);
      expect(user).toMatchObject({ active: true, roles: ['MEMBER_ADMIN'] });
    }),
  );

  test(
    "a member's HR hires an employee and reads the record back; the employee reads their own",
    withTranscript(async () => {
      const url = first.gatewayUrl;
      const memberId = made.memberId!;
      expect(memberId).toBeDefined();
      const hr = await token({ roles: ['member-hr'], memberId });
      const bsn = newBsn();
      const { hireEmployee } = await query(
        url,
        `mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id name bsn } }`,
        {
          input: {
            memberId,
            firstName: 'Sanne',
            lastName: 'de Smoke',
            birthDate: '1990-05-15',
            bsn,
            iban: 'NL91ABNA0417164300',
            address: { street: 'Kerkstraat', houseNumber: '12a', postcode: '8011 AB', city: 'Zwolle' },
            employment: {
              startDate: '2025-01-01',
              contractType: 'PERMANENT',
              functionTitle: 'Winkelmedewerker',
              caoScale: 5,
              caoStep: 3,
              hoursPerWeek: '32',
            },
          },
        },
        hr,
      );
      expect(hireEmployee).toEqual({ id: expect.any(String), name: 'Sanne de Smoke', bsn: `*****${bsn.slice(-4)}` });
      made.employeeId = hireEmployee.id;

      const expected = {
        id: hireEmployee.id,
        name: 'Sanne de Smoke',
        bsn: `*****${bsn.slice(-4)}`,
        iban: 'NL91**********4300',
        employer: { id: memberId, name: made.memberName },
        employments: [{ caoScale: 5, caoStep: 3, hoursPerWeek: expect.stringMatching(/^32(\.0+)?$/) }],
      };
      const byHr = await query(url, EMPLOYEE, { id: hireEmployee.id }, hr);
      expect(byHr.employee).toEqual(expected);

      const self = await token({ roles: ['employee'], memberId, employeeId: hireEmployee.id });
      const bySelf = await query(url, EMPLOYEE, { id: hireEmployee.id }, self);
      expect(bySelf.employee).toEqual(expected);
    }),
  );

  test(
    'anyone signed in looks up a CAO wage',
    withTranscript(async () => {
      const employee = await token({ roles: ['employee'], memberId: made.memberId, employeeId: made.employeeId });
      const data = await query(
        first.gatewayUrl,
        `query { wage(scale: 5, step: 3, on: "2024-03-01", hoursPerWeek: "24") { monthly hourly version { name } } }`,
        {},
        employee,
      );
      expect(data.wage).toEqual({
        monthly: '1554.64',
        hourly: '14.83',
        version: { name: 'CAO Kringloop Nederland 2024' },
      });
    }),
  );

  test(
    'a malformed JSON body gets a JSON answer with status 400, not an HTML page',
    withTranscript(async () => {
      const answer = await post(first.gatewayUrl, '{"query": "{ me { userId } }"', platformAdmin);
      expect({ status: answer.status, contentType: answer.contentType }).toEqual({
        status: 400,
        contentType: expect.stringContaining('application/json'),
      });
      expect(answer.text).not.toMatch(/<html|<!DOCTYPE|<pre>/i);
      expect(answer.json?.errors?.[0]?.message).toEqual(expect.any(String));
    }),
  );

  test(
    'Ctrl-C stops it in order with exit code 0, and nothing went wrong on the way',
    withTranscript(async () => {
      const { code, signal } = await interrupt(first);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(first.output()).toContain('Stopped.');
      expectQuietRun(first.output());
    }),
    STOP_TIMEOUT_MS + 5_000,
  );

  test(
    '`pnpm start` again, without --fresh, keeps the data',
    withTranscript(async () => {
      expect(made.deactivatedUserId).toBeDefined();
      const second = await pnpmStart([]);
      try {
        expect(second.output()).not.toContain('--fresh: removed');
        const { user } = await query(second.gatewayUrl, USER, { id: made.deactivatedUserId }, platformAdmin);
        expect(user).toMatchObject({ id: made.deactivatedUserId, active: false, deactivatedAt: expect.any(String) });
        const hr = await token({ roles: ['member-hr'], memberId: made.memberId });
        const { employee } = await query(second.gatewayUrl, EMPLOYEE, { id: made.employeeId }, hr);
        expect(employee).toMatchObject({ id: made.employeeId, employer: { id: made.memberId } });
      } finally {
        const { code, signal } = await interrupt(second);
        expect({ code, signal }).toEqual({ code: 0, signal: null });
      }
      expect(second.output()).toContain('Stopped.');
      expectQuietRun(second.output());
    }),
    READY_TIMEOUT_MS + STOP_TIMEOUT_MS + 10_000,
  );
});
