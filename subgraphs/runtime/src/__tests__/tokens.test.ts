import { createTokenVerifier, identityFromClaims, signDevelopmentToken } from '../auth/tokens';
import { TOKEN_AUDIENCE_DEFAULT, TOKEN_ISSUER_DEFAULT } from '../config';
import { SignJWT } from 'jose';

const config = { jwtSecret: 'test-secret', issuer: TOKEN_ISSUER_DEFAULT, audience: TOKEN_AUDIENCE_DEFAULT };

test('a development token round-trips to the identity it names', async () => {
  const token = await signDevelopmentToken({ sub: 'u1', roles: ['member-hr'], memberId: 'm1' }, { config });
  await expect(createTokenVerifier(config).verify(token)).resolves.toEqual({
    userId: 'u1',
    roles: ['member-hr'],
    memberId: 'm1',
    employeeId: null,
    payrollMemberIds: [],
  });
});

test('tokens for another audience or issuer are refused', async () => {
  const secret = new TextEncoder().encode(config.jwtSecret);
  const other = await new SignJWT({ roles: [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u')
    .setIssuer('someone-else')
    .setAudience(TOKEN_AUDIENCE_DEFAULT)
    .setExpirationTime('1h')
    .sign(secret);
  await expect(createTokenVerifier(config).verify(other)).rejects.toMatchObject({
    extensions: { code: 'UNAUTHENTICATED' },
  });
});

test('claims that make no sense are refused', () => {
  expect(() => identityFromClaims({ roles: ['platform-admin'] })).toThrow(/sub/);
  expect(() => identityFromClaims({ sub: 'u', roles: ['root'] })).toThrow(/unknown roles: root/);
  expect(() => identityFromClaims({ sub: 'u', roles: ['employee'] })).toThrow(/memberId/);
});

test('development tokens are not issued in production', async () => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await expect(signDevelopmentToken({ sub: 'u', roles: [] }, { config })).rejects.toThrow(/production/);
  } finally {
    process.env.NODE_ENV = previous;
  }
});
