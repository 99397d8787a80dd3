import { startTestPlatform, type TestPlatform } from './platform';

const PLATFORM_START_TIMEOUT_MS = 120_000;

/**
 * The platform of this test file: started before its first test, stopped after its last. Call it
 * once, at the top of a test file; what it returns stands for the running platform from then on.
 */
export function usePlatform(options: { resetAfterAll?: boolean } = {}): TestPlatform {
  let running: TestPlatform | undefined;
  // Five subgraphs load their databases and start, next to another test file on a two-core
  // machine: that may take longer than one test's time.
  beforeAll(async () => {
    running = await startTestPlatform();
  }, PLATFORM_START_TIMEOUT_MS);
  afterAll(async () => {
    if (options.resetAfterAll) await running?.reset();
    await running?.stop();
  });
  return new Proxy({} as TestPlatform, {
    get(_target, property) {
      if (!running) throw new Error('The test platform is not running: use it inside tests and hooks.');
      return running[property as keyof TestPlatform];
    },
  });
}
