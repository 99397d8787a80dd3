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

/** Tokens that must be refused, each wrong in one way. */
export const badTokens = {
  expired: () =>
    new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(TOKEN_ISSUER_DEFAULT)
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET)),
  badlySigned: () =>
    new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(TOKEN_ISSUER_DEFAULT)
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-secret-the-platform-does-not-know')),
  /** Unsigned: `alg: none`, which a careless verifier would accept. */
  algNone: async () =>
    `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      sub: 'someone',
      roles: ['platform-admin'],
      iss: TOKEN_ISSUER_DEFAULT,
      aud: TOKEN_AUDIENCE_DEFAULT,
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.`,
  garbage: async () => 'not-a-jwt',
  /** Never expires: no `exp` at all. */
  withoutExpiry: () =>
    new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(TOKEN_ISSUER_DEFAULT)
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setIssuedAt()
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET)),
  /** Expires, but a hundred years after it was issued (the maximum is 24 hours). */
  hundredYears: () =>
    new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(TOKEN_ISSUER_DEFAULT)
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setIssuedAt()
      .setExpirationTime('100y')
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET)),
  /** No `iat` to measure from, and `exp` a hundred years ahead. */
  hundredYearsWithoutIssuedAt: () =>
    new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(TOKEN_ISSUER_DEFAULT)
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setExpirationTime('100y')
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET)),
  /** Issued "in a hundred years", living one hour from then: short by `exp` − `iat`, yet valid for a century. */
  issuedInTheFuture: () =>
    new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(TOKEN_ISSUER_DEFAULT)
      .setAudience(TOKEN_AUDIENCE_DEFAULT)
      .setIssuedAt('100y')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 100 * 365 * 86400 + 3600)
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET)),
};
