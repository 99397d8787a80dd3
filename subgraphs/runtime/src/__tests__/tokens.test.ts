import { createTokenVerifier, identityFromClaims, signDevelopmentToken } from '../auth/tokens';
import { authConfigFromEnv, TOKEN_AUDIENCE_DEFAULT, TOKEN_ISSUER_DEFAULT } from '../config';
import { SignJWT } from 'jose';

const config = { jwtSecret: 'test-secret', issuer: TOKEN_ISSUER_DEFAULT, audience: TOKEN_AUDIENCE_DEFAULT };

/** A token for our audience, as someone else would make it: who signs it, how and for whom. */
interface Minted {
  roles: string[];
  subject: string;
  issuer: string;
  header: { alg: string; kid?: string };
  key: Parameters<SignJWT['sign']>[0];
}
const mint = (t: Minted) =>
  new SignJWT({ roles: t.roles })
    .setProtectedHeader(t.header)
    .setSubject(t.subject)
    .setIssuer(t.issuer)
    .setAudience(TOKEN_AUDIENCE_DEFAULT)
    .setExpirationTime('5m')
    .sign(t.key);

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

test('a valid token is remembered only until it expires; a refused one is never let through', async () => {
  const start = new Date('2026-12-02T10:00:00Z');
  jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate'] });
  try {
    const verifier = createTokenVerifier(config);
    const token = await signDevelopmentToken(
      { sub: 'u1', roles: ['member-hr'], memberId: 'm1' },
      { config, expiresIn: '2m' },
    );
    const first = await verifier.verify(token);
    // Each caller gets its own copy: changing one changes nothing for the next.
    (first.roles as string[]).push('platform-admin');
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'u1', roles: ['member-hr'] });
    // Past its expiry and the clock tolerance (60 s): refused, remembered or not.
    jest.setSystemTime(new Date(start.getTime() + (120 + 61) * 1000));
    await expect(verifier.verify(token)).rejects.toThrow('Your token has expired: sign in again.');
    const forged = `${token.slice(0, -4)}AAAA`;
    await expect(verifier.verify(forged)).rejects.toThrow('Your token is not valid');
    await expect(verifier.verify(forged)).rejects.toThrow('Your token is not valid');
  } finally {
    jest.useRealTimers();
  }
});

test('tokens for another audience or issuer are refused', async () => {
  const secret = new TextEncoder().encode(config.jwtSecret);
  const other = await mint({ roles: [], subject: 'u', issuer: 'someone-else', header: { alg: 'HS256' }, key: secret });
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
    const idp = { issuer: 'https://idp.example', header: { alg: 'ES256', kid: 'idp-1' } };
    const fromIdp = await mint({ ...idp, roles: ['association-cao'], subject: 'cao-staff', key: privateKey });
    await expect(verifier.verify(fromIdp)).resolves.toMatchObject({ userId: 'cao-staff', roles: ['association-cao'] });

    const hs256 = await mint({
      ...idp,
      header: { alg: 'HS256', kid: 'idp-1' },
      roles: ['platform-admin'],
      subject: 'intruder',
      key: new TextEncoder().encode('guessable'),
    });
    await expect(verifier.verify(hs256)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  } finally {
    server.close();
  }
});

describe('how long a token may live', () => {
  const secret = new TextEncoder().encode(config.jwtSecret);
  const now = () => Math.floor(Date.now() / 1000);
  const signed = (shape: (jwt: SignJWT) => SignJWT) =>
    shape(
      new SignJWT({ roles: [] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u')
        .setIssuer(TOKEN_ISSUER_DEFAULT)
        .setAudience(TOKEN_AUDIENCE_DEFAULT),
    ).sign(secret);
  const refusal = (message: RegExp) => ({
    extensions: { code: 'UNAUTHENTICATED' },
    message: expect.stringMatching(message),
  });

  test('a token without "exp" is refused', async () => {
    const token = await signed((jwt) => jwt.setIssuedAt());
    await expect(createTokenVerifier(config).verify(token)).rejects.toMatchObject(refusal(/never expires/));
  });

  test('a lifetime (exp − iat) over the maximum is refused, at the maximum accepted', async () => {
    const verifier = createTokenVerifier({ ...config, maxLifetimeSeconds: 3600 });
    const long = await signed((jwt) => jwt.setIssuedAt().setExpirationTime('3601s'));
    await expect(verifier.verify(long)).rejects.toMatchObject(refusal(/lives longer than the 1 h/));
    const century = await signed((jwt) => jwt.setIssuedAt().setExpirationTime('100y'));
    await expect(createTokenVerifier(config).verify(century)).rejects.toMatchObject(refusal(/24 h/));
    const hour = await signed((jwt) => jwt.setIssuedAt().setExpirationTime('3600s'));
    await expect(verifier.verify(hour)).resolves.toMatchObject({ userId: 'u' });
  });

  test('without "iat", the time left until "exp" counts; an "iat" in the future is refused', async () => {
    const verifier = createTokenVerifier({ ...config, maxLifetimeSeconds: 3600, clockToleranceSeconds: 60 });
    const farOff = await signed((jwt) => jwt.setExpirationTime(now() + 100 * 365 * 86400));
    await expect(verifier.verify(farOff)).rejects.toMatchObject(refusal(/lives longer/));
    const withinSkew = await signed((jwt) => jwt.setExpirationTime(now() + 3600 + 30));
    await expect(verifier.verify(withinSkew)).resolves.toMatchObject({ userId: 'u' });
    const future = await signed((jwt) => jwt.setIssuedAt(now() + 3600).setExpirationTime(now() + 3700));
    await expect(verifier.verify(future)).rejects.toMatchObject(refusal(/issued in the future/));
  });

  test('clock skew: expired a little while ago is still within the tolerance, longer ago is not', async () => {
    const verifier = createTokenVerifier({ ...config, clockToleranceSeconds: 60 });
    const justExpired = await signed((jwt) => jwt.setIssuedAt(now() - 600).setExpirationTime(now() - 30));
    await expect(verifier.verify(justExpired)).resolves.toMatchObject({ userId: 'u' });
    const expired = await signed((jwt) => jwt.setIssuedAt(now() - 600).setExpirationTime(now() - 120));
    await expect(verifier.verify(expired)).rejects.toMatchObject(refusal(/expired/));
  });

  test('development tokens over the maximum are not issued', async () => {
    await expect(signDevelopmentToken({ sub: 'u', roles: [] }, { config, expiresIn: '25h' })).rejects.toThrow(
      /at most 24 h \(JWT_MAX_LIFETIME\); "25h" is longer/,
    );
    await expect(
      signDevelopmentToken({ sub: 'u', roles: [] }, { config: { ...config, maxLifetimeSeconds: 60 }, expiresIn: '2m' }),
    ).rejects.toThrow(/at most 1 min/);
  });

  test('JWT_MAX_LIFETIME and JWT_CLOCK_TOLERANCE are read as durations', () => {
    const saved = { ...process.env };
    try {
      process.env.JWT_MAX_LIFETIME = '90m';
      process.env.JWT_CLOCK_TOLERANCE = '5';
      expect(authConfigFromEnv()).toMatchObject({ maxLifetimeSeconds: 5400, clockToleranceSeconds: 5 });
      delete process.env.JWT_MAX_LIFETIME;
      delete process.env.JWT_CLOCK_TOLERANCE;
      expect(authConfigFromEnv()).toMatchObject({ maxLifetimeSeconds: 86400, clockToleranceSeconds: 60 });
      process.env.JWT_MAX_LIFETIME = 'forever';
      expect(() => authConfigFromEnv()).toThrow(/JWT_MAX_LIFETIME must be a duration/);
    } finally {
      process.env = saved;
    }
  });
});
