import { payrollFor } from './testkit/actors';
import { expectOk, expectRefused } from './testkit/expect';
import { M1 } from './testkit/ids';
import { calculateRun } from './testkit/payroll';
import { usePlatform } from './testkit/use-platform';

// Every service answers GET /metrics (open in development); the counters move for the right
// operation and code when requests pass through the gateway.

const tp = usePlatform();

const metricsUrl = (service: string) =>
  (service === 'gateway' ? tp.url : tp.subgraphUrl(service as 'members')).replace(/\/graphql$/, '/metrics');

/** One service's samples: `name{labels}` → value. */
async function scrape(service: string): Promise<Map<string, number>> {
  const response = await fetch(metricsUrl(service));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-z_:]+(?:\{[^}]*\})?) (\S+)$/i.exec(line);
    if (match) samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

/** The sum of the samples of `name` whose labels include all of `labels`. */
function sum(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const [key, value] of samples) {
    if (key !== name && !key.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([label, wanted]) => key.includes(`${label}="${wanted}"`))) total += value;
  }
  return total;
}

// Two pages of different sizes: the same question twice would be answered from the gateway's
// memory the second time (the directory is a public read) and never reach the subgraph.
const DIRECTORY = `query MemberDirectory($first: Int!) { members(first: $first) { edges { node { id name } } } }`;

test('requests, latency and errors by operation and code, at the gateway and in the subgraph, with subgraph calls', async () => {
  const token = await payrollFor(M1);
  const [gatewayBefore, membersBefore] = await Promise.all([scrape('gateway'), scrape('members')]);

  for (const first of [3, 4]) expectOk(await tp.query(DIRECTORY, { token, variables: { first } }));
  expectRefused(await tp.query(`query BadPage { members(first: -1) { totalCount } }`, { token }), 'BAD_USER_INPUT');
  expectOk(await tp.query(`{ members(first: 1) { totalCount } }`, { token }));

  const [gateway, members] = await Promise.all([scrape('gateway'), scrape('members')]);
  const moved = (after: Map<string, number>, before: Map<string, number>, name: string, labels = {}) =>
    sum(after, name, labels) - sum(before, name, labels);

  const directory = { service: 'gateway', operation: 'MemberDirectory', type: 'query' };
  expect(moved(gateway, gatewayBefore, 'graphql_requests_total', directory)).toBe(2);
  expect(moved(gateway, gatewayBefore, 'graphql_request_duration_seconds_count', directory)).toBe(2);
  expect(moved(gateway, gatewayBefore, 'graphql_errors_total', { operation: 'BadPage', code: 'BAD_USER_INPUT' })).toBe(
    1,
  );
  expect(moved(gateway, gatewayBefore, 'graphql_requests_total', { operation: '(anonymous)' })).toBe(1);
  expect(moved(gateway, gatewayBefore, 'http_requests_total', { route: '/graphql', status: '200' })).toBe(4);
  // The gateway's calls to the members subgraph: all four; the page size is the subgraph's to refuse.
  expect(moved(gateway, gatewayBefore, 'gateway_subgraph_requests_total', { subgraph: 'members' })).toBe(4);
  expect(
    moved(gateway, gatewayBefore, 'gateway_subgraph_errors_total', { subgraph: 'members', code: 'BAD_USER_INPUT' }),
  ).toBe(1);
  expect(
    moved(gateway, gatewayBefore, 'gateway_subgraph_request_duration_seconds_count', { subgraph: 'members' }),
  ).toBe(4);

  // The subgraph counts what the gateway asked it (the gateway names its fetch after the operation).
  expect(
    moved(members, membersBefore, 'graphql_requests_total', {
      service: 'members',
      operation: 'MemberDirectory__members__0',
    }),
  ).toBe(2);
  expect(sum(members, 'db_statements_total')).toBeGreaterThan(sum(membersBefore, 'db_statements_total'));
  expect(sum(members, 'db_statements_in_flight')).toBe(0);
  // The process's own metrics, on every service.
  expect(sum(members, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  expect(sum(gateway, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
});

test('a payroll run is timed in hr-payroll\u2019s metrics', async () => {
  const before = await scrape('hr-payroll');
  const run = await calculateRun(tp, await payrollFor(M1), M1, 2026, 1);
  expect(run.slips.length).toBeGreaterThan(0);
  const after = await scrape('hr-payroll');
  const stored = { service: 'hr-payroll', outcome: 'stored' };
  expect(
    sum(after, 'payroll_run_duration_seconds_count', stored) -
      sum(before, 'payroll_run_duration_seconds_count', stored),
  ).toBe(1);
  expect(sum(after, 'payroll_run_duration_seconds_sum', stored)).toBeGreaterThan(
    sum(before, 'payroll_run_duration_seconds_sum', stored),
  );
});

test('operation names are bounded: past 200 distinct names the rest count as (other)', async () => {
  const token = await payrollFor(M1);
  const names = Array.from({ length: 205 }, (_, i) => `Unique${i}`);
  for (const name of names) await tp.query(`query ${name} { __typename }`, { token });
  const gateway = await scrape('gateway');
  const operations = new Set(
    [...gateway.keys()]
      .filter((key) => key.startsWith('graphql_requests_total{'))
      .map((key) => /operation="([^"]*)"/.exec(key)![1]),
  );
  expect(operations.size).toBeGreaterThan(0);
  expect(operations.size).toBeLessThanOrEqual(202); // 200 names, (anonymous)/(invalid) and (other)
  expect(operations.has('(other)')).toBe(true);
});
