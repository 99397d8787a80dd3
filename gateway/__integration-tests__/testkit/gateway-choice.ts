/**
 * Which gateway the integration tests put in front of the subgraphs: `TEST_GATEWAY` unset or
 * `ours` is ours (gateway/src); `hive` is Hive Gateway, `hive-rust` Hive Gateway with its Rust
 * query planner, set up as `@samen-sterk/platform/hive` says. Through Hive the tests of our
 * gateway's own features do not run: jest.config.js lists them, with why.
 */
export const TEST_GATEWAYS = ['ours', 'hive', 'hive-rust'] as const;
export type TestGateway = (typeof TEST_GATEWAYS)[number];

export function testGateway(): TestGateway {
  const chosen = process.env.TEST_GATEWAY || 'ours';
  if (!(TEST_GATEWAYS as readonly string[]).includes(chosen)) {
    throw new Error(`TEST_GATEWAY must be one of ${TEST_GATEWAYS.join(', ')}, not "${chosen}".`);
  }
  return chosen as TestGateway;
}
