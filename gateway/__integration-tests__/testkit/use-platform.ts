import { startTestPlatform, type TestPlatform } from './platform';

/**
 * The platform of this test file: started before its first test, stopped after its last. Call it
 * once, at the top of a test file; what it returns stands for the running platform from then on.
 */
export function usePlatform(options: { resetAfterAll?: boolean } = {}): TestPlatform {
  let running: TestPlatform | undefined;
  beforeAll(async () => {
    running = await startTestPlatform();
  });
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
