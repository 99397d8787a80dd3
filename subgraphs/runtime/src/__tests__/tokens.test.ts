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

test('with a JWKS URL, tokens of the identity provider (ES256) are accepted and HS256 ones refused', async () => {
  const { exportJWK, generateKeyPair } = await import('jose');
  const http = await import('node:http');
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  try {
    const verifier = createTokenVerifier({
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      issuer: 'https://idp.example',
      audience: TOKEN_AUDIENCE_DEFAULT,
    });
    const fromIdp = await new SignJWT({ roles: ['association-cao'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setSubject('cao-staff')
      .setIssuer('https://idp.example')
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier.verify(fromIdp)).resolves.toMatchObject({ userId: 'cao-staff', roles: ['association-cao'] });

    const hs256 = await new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'idp-1' })
      .setSubject('intruder')
      .setIssuer('https://idp.example')
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('guessable'));
    await expect(verifier.verify(hs256)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  } finally {
    server.close();
  }
});
