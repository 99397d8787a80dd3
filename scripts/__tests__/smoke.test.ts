import { randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  cleanUpSmokeRun,
  dataFolder,
  expectQuietRun,
  gatewayPort,
  interrupt,
  newBsn,
  pnpmStart,
  post,
  postgres,
  prepareSmokeRun,
  query,
  READY_TIMEOUT_MS,
  refused,
  STOP_TIMEOUT_MS,
  token,
  withTranscript,
  type Started,
} from './smoke-kit';

// Smoke test: the real `pnpm start`, as a user types it (pnpm from PATH, in the repository root),
// on a new data folder and free ports. It waits for the "ready" line, walks a few journeys
// through the gateway it printed, stops it with Ctrl-C (SIGINT to the process group, as a
// terminal does), starts it again without --fresh and checks the data stayed. The tests are one
// journey on one running platform, in order: the last one finds after a restart what the
// earlier ones made.
//
// With `*_DATABASE_URL` set (CI's PostgreSQL run) `pnpm start` uses those databases, which
// other test files leave in any state: the journeys make their own member and users.

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
  await prepareSmokeRun();
  platformAdmin = await token({ roles: ['platform-admin'] });
});

afterAll(cleanUpSmokeRun);

describe('pnpm start, as a user runs it', () => {
  test(
    '`pnpm start --fresh` on a new data folder comes up and prints the gateway',
    withTranscript(async () => {
      first = await pnpmStart(['--fresh']);
      expect(first.gatewayUrl).toBe(`http://localhost:${gatewayPort()}/graphql`);
      if (!postgres) expect(first.output()).toContain(`PGlite in ${path.join(dataFolder(), 'members')}`);
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
