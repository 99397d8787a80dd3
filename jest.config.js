// One Jest run for the whole workspace: unit tests in __tests__, integration tests (through the
// real gateway over HTTP) in __integration-tests__.
/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

// Which gateway the integration tests put in front of the subgraphs (testkit/gateway-choice.ts):
// TEST_GATEWAY unset or `ours`, or Hive Gateway (`hive`, `hive-rust` with its Rust planner;
// `pnpm test:hive`). Through Hive every file runs but those that test our gateway's own features,
// which Hive does not have or does its own way. One list, with the reason for each:
const OUR_GATEWAY_ONLY = {
  'coalesce-queries': "identical queries of one caller run once: our gateway's coalescing",
  'public-reads-cache': "public reads answered from memory: our gateway's cache",
  resilience:
    "a subgraph down: our gateway's SERVICE_UNAVAILABLE naming it, its circuit breaker, shared reads, its /readyz",
  'observability-metrics': "our gateway's /metrics (and the subgraph calls it counts)",
  'observability-logs-traces':
    "our gateway's log lines and spans (the request id reaching the subgraphs through any gateway: gateway-in-front)",
  explorer: "our gateway's explorer, demo sign-in and CORS",
  'http-errors':
    "our gateway's HTTP front (JSON answers to broken bodies, 413/415/404/405) and our gateway over failing subgraphs",
  'limits-gateway': "our gateway's requests in flight per caller and its production messages",
  startup: 'the platform starting with our gateway (migrations), not through the test kit',
};
const throughHive = (process.env.TEST_GATEWAY || 'ours') !== 'ours';

module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/gateway',
    '<rootDir>/subgraphs',
    '<rootDir>/schema',
    '<rootDir>/scripts',
    '<rootDir>/clients',
    '<rootDir>/deploy',
  ],
  testMatch: ['**/__tests__/**/*.test.ts', '**/__integration-tests__/**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(throughHive ? Object.keys(OUR_GATEWAY_ONLY).map((name) => `/__integration-tests__/${name}\\.test\\.ts$`) : []),
  ],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  // jose (and auto-bind, under GraphQL Code Generator in the SDK's test) ship ESM only; let swc
  // turn them into CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(jose|auto-bind)[@/])'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/gateway/__integration-tests__/testkit/global-setup.ts',
  globalTeardown: '<rootDir>/gateway/__integration-tests__/testkit/global-teardown.ts',
  // Tests on a real PostgreSQL share its databases and reset them, so they run one at a time.
  // On PGlite each file has its own databases; a test file's platform runs on one thread, so
  // two workers use both cores of a small machine (Jest's default would be one there).
  maxWorkers: Object.keys(process.env).some((name) => name.endsWith('_DATABASE_URL'))
    ? 1
    : Math.max(2, require('node:os').cpus().length - 1),
};
