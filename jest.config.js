// One Jest run for the whole workspace: unit tests in __tests__, integration tests (through the
// real gateway over HTTP) in __integration-tests__.
/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

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
