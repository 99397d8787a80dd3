import path from 'node:path';
import { filesUnder, read } from './deploy-files';

// Nothing under deploy/ (nor .dockerignore) may hold a real-looking secret: the files are
// public. Placeholders say REPLACE_ME; real values live in deploy/secrets/ (git-ignored, made by
// deploy/make-secrets.sh) or in the cluster's own Secrets.

const FILES = [
  ...filesUnder('deploy').filter(
    (file) =>
      !file.split(path.sep).includes('__tests__') &&
      // The supergraph copy is a schema, checked against schema/supergraph.graphql elsewhere.
      !file.endsWith('.graphql') &&
      // Made by deploy/make-secrets.sh on a machine that runs the Compose stack; never committed.
      !file.startsWith(path.join('deploy', 'secrets') + path.sep),
  ),
  '.dockerignore',
];

/** Long runs of key-like characters with upper and lower case letters and digits, or long hex. */
function secretLooking(text: string): string[] {
  const candidates = [
    ...text.matchAll(/[A-Za-z0-9+/_=-]{32,}/g),
    ...text.matchAll(/\b[0-9a-f]{32,}\b/gi),
    ...text.matchAll(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g),
  ].map((match) => match[0]);
  return [...new Set(candidates)].filter(
    (candidate) =>
      !candidate.includes('REPLACE_ME') &&
      ((/[A-Z]/.test(candidate) &&
        /[a-z]/.test(candidate) &&
        /\d/.test(candidate) &&
        !/[-_][a-z]+[-_]/.test(candidate)) ||
        /^[0-9a-f]+$/i.test(candidate) ||
        candidate.startsWith('eyJ')),
  );
}

test('the secret scan finds what it is meant to find', () => {
  expect(secretLooking('GATEWAY_SECRET: 3f6c2a9b8e7d4c1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c')).toHaveLength(1);
  expect(secretLooking('key: Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZkdISUpL')).toHaveLength(1);
  expect(secretLooking('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc')).toHaveLength(1);
  expect(secretLooking('password: REPLACE_ME-64-random-hex-characters-made-by-deploy')).toEqual([]);
  expect(secretLooking('image: registry.example.org/samen-sterk/hr-payroll:1.0.0')).toEqual([]);
  expect(secretLooking('MAX_DIRECT_REQUESTS_IN_FLIGHT_PER_CALLER_AND_MORE_WORDS')).toEqual([]);
});

test.each(FILES)('%s holds no real-looking secret', (file) => {
  const text = read(file);
  expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  expect(secretLooking(text)).toEqual([]);
  // A connection URL with a password in it: only the placeholder (or, in a script, a variable).
  for (const match of text.matchAll(/:\/\/[^/\s:@]+:([^@\s]+)@/g)) expect(match[1]).toMatch(/^(REPLACE_ME|\$\{\w+\})$/);
});
