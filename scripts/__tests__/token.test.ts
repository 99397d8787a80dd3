import { execFile } from 'node:child_process';
import path from 'node:path';

// `pnpm -s token` refuses what the platform would refuse: a token living longer than
// JWT_MAX_LIFETIME (24 h unless configured), with a message that says so.
const root = path.join(__dirname, '..', '..');

function token(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [path.join(root, 'scripts', 'token.ts'), ...args],
      { cwd: root, env: { ...process.env, NODE_ENV: 'development', JWT_MAX_LIFETIME: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('--expires over the maximum lifetime is refused with a clear message; up to it, a token is printed', async () => {
  const [century, day, configured] = await Promise.all([
    token(['--role', 'platform-admin', '--expires', '100y']),
    token(['--role', 'platform-admin', '--expires', '24h']),
    token(['--role', 'platform-admin', '--expires', '48h'], { JWT_MAX_LIFETIME: '2d' }),
  ]);
  expect(century.code).not.toBe(0);
  expect(century.stdout).toBe('');
  expect(century.stderr).toMatch(/at most 24 h \(JWT_MAX_LIFETIME\); "100y" is longer/);
  expect(day.code).toBe(0);
  expect(day.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(configured.code).toBe(0);
}, 60_000);
