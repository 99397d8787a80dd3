import { callSettingsFromEnv, DEFAULT_REQUEST_LIMITS, GATEWAY_SECRET_HEADER } from '@samen-sterk/subgraph-runtime';
import YAML from 'yaml';
import { read, SUBGRAPHS } from './deploy-files';

// deploy/router/router.yaml cannot be run here (no Router binary); its values are held against
// our gateway's, so that a limit changed on one side and not the other fails.

const router = YAML.parse(read('deploy/router/router.yaml'));
const seconds = (text: string) => Number(/^(\d+)s$/.exec(text)?.[1]);

test("the document limits are the gateway's defaults", () => {
  expect(router.limits.router).toMatchObject({
    max_depth: DEFAULT_REQUEST_LIMITS.maxDepth,
    max_aliases: DEFAULT_REQUEST_LIMITS.maxAliases,
    parser_max_tokens: DEFAULT_REQUEST_LIMITS.maxTokens,
  });
});

test("the cost limit is the gateway's, and requests in flight are bounded as in one gateway", () => {
  expect(router.demand_control.enabled).toBe(true);
  expect(router.demand_control.strategy.static_estimated.max).toBe(DEFAULT_REQUEST_LIMITS.maxCost);
  expect(router.demand_control.strategy.static_estimated.list_size).toBe(DEFAULT_REQUEST_LIMITS.defaultPageSize);
  expect(router.traffic_shaping.router.concurrency_limit).toBe(DEFAULT_REQUEST_LIMITS.maxRequestsInFlight);
});

test("the subgraphs' time limits are the gateway's longest (writes), hr-payroll's its own", () => {
  expect(seconds(router.traffic_shaping.all.timeout) * 1000).toBe(callSettingsFromEnv('members').writeTimeoutMs);
  for (const { name } of SUBGRAPHS) {
    const own = router.traffic_shaping.subgraphs?.[name]?.timeout ?? router.traffic_shaping.all.timeout;
    expect({ name, ms: seconds(own) * 1000 }).toEqual({ name, ms: callSettingsFromEnv(name).writeTimeoutMs });
  }
  const longest = Math.max(...SUBGRAPHS.map(({ name }) => callSettingsFromEnv(name).writeTimeoutMs));
  expect(seconds(router.traffic_shaping.router.timeout) * 1000).toBeGreaterThan(longest);
});

test('every subgraph of the registry is routed, with its port', () => {
  const urls = router.override_subgraph_url as Record<string, string>;
  expect(Object.keys(urls).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  for (const { name, port, prefix } of SUBGRAPHS) {
    expect(urls[name]).toBe(`\${env.${prefix}_URL:-http://${name}:${port}/graphql}`);
  }
});

test('the token and the request id go along, and the gateway secret is added, from the environment', () => {
  expect(router.headers.all.request).toEqual([
    { propagate: { named: 'authorization' } },
    { propagate: { named: 'x-request-id' } },
    { insert: { name: GATEWAY_SECRET_HEADER, value: '${env.GATEWAY_SECRET}' } },
  ]);
});

test('production settings: no introspection, no sandbox', () => {
  expect(router.supergraph.introspection).toBe(false);
  expect(router.sandbox.enabled).toBe(false);
  expect(router.homepage.enabled).toBe(false);
});
