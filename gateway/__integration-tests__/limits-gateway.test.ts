import { startGateway } from '@samen-sterk/gateway';
import { SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import {
  DEFAULT_REQUEST_LIMITS,
  DEVELOPMENT_GATEWAY_SECRET,
  DEVELOPMENT_JWT_SECRET,
  GATEWAY_SECRET_HEADER,
  startSubgraphServer,
  SUPERGRAPH_PATH,
  type RunningServer,
} from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import { platformAdmin, tokenOf } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { errorCodes, graphql, type GraphQLResponse } from './testkit/graphql';
import { M1 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';
import { aliasedWages, timed, wageRequests } from './testkit/wage-requests';

// Issue 8, items 2 and 7, the limits of our gateway itself: one caller's requests in flight
// (their number and their cost together), and production answers that never suggest names from
// the schema. (The cost and maxima of one request, at the gateway and in every subgraph, are in
// limits.test.ts.)
const tp = usePlatform();
let token: string;
beforeAll(async () => {
  token = await platformAdmin();
  await tp.query(`{ members(first: 1) { totalCount } }`, { token }); // the gateway's first plan
});
let variants = 0;

describe('one caller cannot starve the others', () => {
  const { maxRequestsInFlightPerCaller, maxCostInFlightPerCaller } = DEFAULT_REQUEST_LIMITS;
  let peer: string;
  beforeAll(async () => {
    peer = await tokenOf('member-admin', M1, 'limits-peer');
  });
  type Count = { members: { totalCount: number } };
  const peerAsks = () => timed(() => tp.query<Count>(`{ members(first: 1) { totalCount } }`, { token: peer }));
  const expectAnswered = (answer: GraphQLResponse<Count>) => {
    expect(answer.status).toBe(200);
    expect(expectOk(answer).members.totalCount).toBeGreaterThan(0);
  };

  test(`more than ${maxRequestsInFlightPerCaller} parallel requests of one caller: the others get 429 at once`, async () => {
    const caller = await platformAdmin('limits-many');
    // 500 look-ups each (cost 2,000): five would fit the cost in flight, four fit the count.
    const slow = () => tp.query(aliasedWages(1), { token: caller, variables: { r: wageRequests(500, ++variants) } });
    const flood = Promise.all(Array.from({ length: 8 }, slow));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { result: peerAnswer } = await peerAsks();
    const answers = await flood;

    // At most four run at once: those that arrive while four are running are refused at once
    // (one that arrives after one has been answered may run).
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(maxRequestsInFlightPerCaller);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.flatMap(errorCodes)).toEqual(refused.map(() => 'TOO_MANY_REQUESTS'));
    expect(refused[0]?.errors?.[0]?.message).toMatch(/already have 4 requests running/);
    expectAnswered(peerAnswer);

    // Once answered, the caller's slots are free again.
    expect((await slow()).status).toBe(200);
  });

  test('the costliest allowed requests run one at a time per caller, and another caller is answered meanwhile', async () => {
    const caller = await platformAdmin('limits-costly');
    // 2,000 look-ups (cost 8,000) each: two together are over the 10,000 a caller may have running.
    const costly = () => tp.query(aliasedWages(1), { token: caller, variables: { r: wageRequests(2000, ++variants) } });
    const flood = Promise.all(Array.from({ length: 6 }, costly));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { result: peerAnswer, ms } = await peerAsks();
    const answers = await flood;

    const refused = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(6 - maxRequestsInFlightPerCaller);
    expect(refused.flatMap(errorCodes)).toEqual(refused.map(() => 'TOO_MANY_REQUESTS'));
    expect(refused.map((r) => r.errors?.[0]?.message).join('\n')).toContain(
      `would take them over ${maxCostInFlightPerCaller}`,
    );
    expectAnswered(peerAnswer);
    // Behind at most one batch of look-ups (four at once held it up for 16 s on a busy machine).
    expect(ms).toBeLessThan(8000);
  });
});

describe('production answers suggest no names (NODE_ENV=production, read when a server starts)', () => {
  let gateway: RunningServer;
  let cao: RunningServer;
  beforeAll(async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: 'production',
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      GATEWAY_SECRET: DEVELOPMENT_GATEWAY_SECRET,
    });
    try {
      const caoDefinition = SUBGRAPH_DEFINITIONS.find((d) => d.name === 'cao')!;
      cao = await startSubgraphServer({
        name: 'cao',
        schema: caoDefinition.schema,
        database: tp.platform.subgraphs.cao!.database,
        port: 0,
      });
      gateway = await startGateway({
        supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
        port: 0,
        subgraphUrls: { members: tp.subgraphUrl('members'), cao: cao.url, 'hr-payroll': tp.subgraphUrl('hr-payroll') },
      });
    } finally {
      process.env = saved;
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    await cao?.stop();
  });

  // Each row has all three: a shorter row would hand the test Jest's `done` as `variables`.
  const mistakes: [string, string, Record<string, unknown> | undefined][] = [
    ['a misspelt field', `{ members(first: 1) { totalCont } }`, undefined],
    ['a misspelt argument', `{ members(frist: 1) { totalCount } }`, undefined],
    ['a misspelt enum value', `{ members(first: 1, filter: { membershipStatus: ACTIVEE }) { totalCount } }`, undefined],
    [
      'a misspelt enum value in a variable',
      `query ($f: MemberFilter) { members(first: 1, filter: $f) { totalCount } }`,
      { f: { membershipStatus: 'ACTIVEE' } },
    ],
    ['a misspelt type', `query ($f: MemberFiltr) { members(first: 1, filter: $f) { totalCount } }`, undefined],
  ];

  test.each(mistakes)('%s: the gateway names no guess', async (_what, query, variables) => {
    const res = await graphql(gateway.url, query, { token, variables });
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(messagesOf(res)).not.toMatch(/Did you mean|"ACTIVE"|"totalCount"|"first"|"MemberFilter"/);
  });

  test.each([
    ['a misspelt field', `{ wage(scale: 5, step: 1, on: "2024-03-01") { monthy } }`, undefined],
    [
      'a misspelt enum value in a variable',
      `query ($s: CaoVersionStatus) { caoVersions(first: 1, filter: { status: $s }) { totalCount } }`,
      { s: 'PUBLISHD' },
    ],
  ] as [string, string, Record<string, unknown> | undefined][])(
    '%s: the subgraph asked directly names no guess either',
    async (_what, query, variables) => {
      for (const headers of [{}, { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET }] as Record<string, string>[]) {
        const res = await graphql(cao.url, query, { token, variables, headers });
        expect(res.errors?.length).toBeGreaterThan(0);
        expect(messagesOf(res)).not.toMatch(/Did you mean|"monthly"|PUBLISHED/);
      }
    },
  );
});

const messagesOf = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.message).join('\n');
