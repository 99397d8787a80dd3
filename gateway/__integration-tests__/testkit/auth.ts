import {
  DEVELOPMENT_JWT_SECRET,
  signDevelopmentToken,
  TOKEN_AUDIENCE_DEFAULT,
  TOKEN_ISSUER_DEFAULT,
  type DevelopmentTokenClaims,
  type Role,
} from '@samen-sterk/subgraph-runtime';
import { SignJWT } from 'jose';

/** A valid development token for these claims. */
export const tokenFor = (claims: Partial<DevelopmentTokenClaims> & { roles: Role[] }) =>
  signDevelopmentToken({ sub: claims.sub ?? `test-${claims.roles.join('+')}`, ...claims });

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const now = () => Math.floor(Date.now() / 1000);

/**
 * A platform-admin token as a forger or a careless issuer would make it: HS256 for issuer and
 * audience of the platform, with the lifetime (`iat`, `exp`) and key given; `null` leaves a
 * claim out.
 */
function forged({
  issuedAt,
  expires,
  secret = DEVELOPMENT_JWT_SECRET,
}: {
  issuedAt?: number | string | null;
  expires: number | string | null;
  secret?: string;
}) {
  const jwt = new SignJWT({ roles: ['platform-admin'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(TOKEN_ISSUER_DEFAULT)
    .setAudience(TOKEN_AUDIENCE_DEFAULT);
  if (issuedAt !== null) jwt.setIssuedAt(issuedAt);
  if (expires !== null) jwt.setExpirationTime(expires);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** Tokens that must be refused, each wrong in one way. */
export const badTokens = {
  expired: () => forged({ issuedAt: now() - 7200, expires: now() - 3600 }),
  badlySigned: () => forged({ issuedAt: null, expires: '1h', secret: 'a-secret-the-platform-does-not-know' }),
  /** Unsigned: `alg: none`, which a careless verifier would accept. */
  algNone: async () =>
    `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      sub: 'someone',
      roles: ['platform-admin'],
      iss: TOKEN_ISSUER_DEFAULT,
      aud: TOKEN_AUDIENCE_DEFAULT,
      exp: now() + 3600,
    })}.`,
  garbage: async () => 'not-a-jwt',
  /** Never expires: no `exp` at all. */
  withoutExpiry: () => forged({ expires: null }),
  /** Expires, but a hundred years after it was issued (the maximum is 24 hours). */
  hundredYears: () => forged({ expires: '100y' }),
  /** No `iat` to measure from, and `exp` a hundred years ahead. */
  hundredYearsWithoutIssuedAt: () => forged({ issuedAt: null, expires: '100y' }),
  /** Issued "in a hundred years", living one hour from then: short by `exp` − `iat`, yet valid for a century. */
  issuedInTheFuture: () => forged({ issuedAt: '100y', expires: now() + 100 * 365 * 86400 + 3600 }),
};
