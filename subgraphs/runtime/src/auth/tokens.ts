import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import {
  authConfigFromEnv,
  isProduction,
  TOKEN_CLOCK_TOLERANCE_DEFAULT,
  TOKEN_MAX_LIFETIME_DEFAULT,
  type AuthConfig,
} from '../config';
import { UnauthenticatedError } from '../errors';
import type { Identity } from './identity';
import { isRole, MEMBER_ROLES, type Role } from './roles';

/**
 * Verifies bearer tokens. HS256 with a shared secret, or RS256/ES256 keys from a JWKS URL
 * (a real identity provider). The algorithm list is fixed here: a token's own `alg` header
 * (`none` included) never decides how it is checked.
 *
 * Every token must expire (`exp`), and live no longer than the configured maximum
 * (`JWT_MAX_LIFETIME`, 24 h by default): `exp` − `iat`, or for a token without `iat` the time
 * left until `exp`. `exp`, `nbf` and `iat` are compared allowing `JWT_CLOCK_TOLERANCE` of skew.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

export function createTokenVerifier(config: AuthConfig = authConfigFromEnv()): TokenVerifier {
  const lifetime = lifetimeRules(config);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ['exp'],
    clockTolerance: lifetime.clockToleranceSeconds,
  };
  const verified = async (verify: () => Promise<{ payload: JWTPayload }>) => {
    const claims = checkLifetime(await checked(verify), lifetime);
    return { identity: identityFromClaims(claims), expiresAt: (claims.exp as number) * 1000 };
  };
  if (config.jwksUrl) {
    const keys = createRemoteJWKSet(new URL(config.jwksUrl));
    return rememberingValid((token) =>
      verified(() => jwtVerify(token, keys, { ...options, algorithms: ['RS256', 'ES256'] })),
    );
  }
  const secret = new TextEncoder().encode(config.jwtSecret);
  return rememberingValid((token) => verified(() => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })));
}

/** Tokens remembered as valid, per verifier; the most recently used are kept. */
const REMEMBERED_TOKENS = 1000;
/** A remembered token is checked in full again after this, even when it expires later. */
const REMEMBERED_FOR_MS = 60_000;

/**
 * A caller sends the same token with every request, and each request is checked at the gateway
 * (twice: its limits and its context) and again in every subgraph it reaches: the signature
 * check is most of what a small request costs there. A token found valid is therefore
 * remembered, by its exact text, until it expires or for a minute, whichever is sooner; a
 * refused token is never remembered (so nobody fills the memory with junk), and every caller
 * gets their own copy of the identity.
 */
function rememberingValid(check: (token: string) => Promise<{ identity: Identity; expiresAt: number }>): TokenVerifier {
  const remembered = new Map<string, { identity: Identity; until: number }>();
  return {
    async verify(token) {
      const now = Date.now();
      const known = remembered.get(token);
      if (known && now < known.until) {
        remembered.delete(token); // most recently used last
        remembered.set(token, known);
        return {
          ...known.identity,
          roles: [...known.identity.roles],
          payrollMemberIds: [...known.identity.payrollMemberIds],
        };
      }
      if (known) remembered.delete(token);
      const { identity, expiresAt } = await check(token);
      if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
      remembered.set(token, { identity, until: Math.min(expiresAt, now + REMEMBERED_FOR_MS) });
      return { ...identity, roles: [...identity.roles], payrollMemberIds: [...identity.payrollMemberIds] };
    },
  };
}

interface LifetimeRules {
  maxLifetimeSeconds: number;
  clockToleranceSeconds: number;
}

const lifetimeRules = (config: AuthConfig): LifetimeRules => ({
  maxLifetimeSeconds: config.maxLifetimeSeconds ?? TOKEN_MAX_LIFETIME_DEFAULT,
  clockToleranceSeconds: config.clockToleranceSeconds ?? TOKEN_CLOCK_TOLERANCE_DEFAULT,
});

/** `86400` → `24 h`, `5400` → `90 min`, `45` → `45 s`. */
export function durationInWords(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

async function checked(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  try {
    return (await verify()).payload;
  } catch (error) {
    const { code, claim } = error as { code?: string; claim?: string };
    if (code === 'ERR_JWT_EXPIRED') throw new UnauthenticatedError('Your token has expired: sign in again.');
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'exp') {
      throw new UnauthenticatedError('Your token never expires (no claim "exp"): sign in again for one that does.');
    }
    throw new UnauthenticatedError('Your token is not valid: sign in again.');
  }
}

/**
 * Refuses a token that lives longer than the maximum: `exp` − `iat`, or without `iat` the time
 * left until `exp` (beyond the clock tolerance); and one issued in the future.
 */
function checkLifetime(claims: JWTPayload, { maxLifetimeSeconds, clockToleranceSeconds }: LifetimeRules): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const { exp, iat } = claims;
  if (typeof exp !== 'number') {
    throw new UnauthenticatedError('Your token never expires (no claim "exp"): sign in again for one that does.');
  }
  if (typeof iat === 'number' && iat > now + clockToleranceSeconds) {
    throw new UnauthenticatedError('Your token was issued in the future (claim "iat"): sign in again.');
  }
  const lifetime = typeof iat === 'number' ? exp - iat : exp - now - clockToleranceSeconds;
  if (lifetime > maxLifetimeSeconds) {
    throw new UnauthenticatedError(
      `Your token lives longer than the ${durationInWords(maxLifetimeSeconds)} this platform accepts: sign in again for a shorter one.`,
    );
  }
  return claims;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Claims → identity, refusing tokens whose claims make no sense together. */
export function identityFromClaims(claims: JWTPayload): Identity {
  if (typeof claims.sub !== 'string' || !claims.sub) {
    throw new UnauthenticatedError('Your token names no user (claim "sub").');
  }
  const roles = stringList(claims.roles);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new UnauthenticatedError(`Your token carries unknown roles: ${unknown.join(', ')}.`);
  }
  const memberId = typeof claims.memberId === 'string' && claims.memberId ? claims.memberId : null;
  if (!memberId && roles.some((role) => MEMBER_ROLES.includes(role as Role))) {
    throw new UnauthenticatedError('Your token has a member role but no member (claim "memberId").');
  }
  return {
    userId: claims.sub,
    roles: roles as Role[],
    memberId,
    employeeId: typeof claims.employeeId === 'string' ? claims.employeeId : null,
    payrollMemberIds: stringList(claims.payrollMemberIds),
  };
}

export interface DevelopmentTokenClaims {
  sub: string;
  roles: Role[];
  memberId?: string;
  employeeId?: string;
  payrollMemberIds?: string[];
  name?: string;
}

/**
 * Signs a token with the development (HS256) secret; refused in production, and refused when it
 * would live longer than the verifier accepts (`JWT_MAX_LIFETIME`). `expiresIn` is a jose
 * duration (`8h`, `30 minutes`) or, as a number, the moment of expiry in seconds since 1970.
 */
export async function signDevelopmentToken(
  claims: DevelopmentTokenClaims,
  { expiresIn = '8h', config = authConfigFromEnv() }: { expiresIn?: string | number; config?: AuthConfig } = {},
): Promise<string> {
  if (isProduction()) throw new Error('Development tokens are not issued in production.');
  if (!config.jwtSecret) throw new Error('Development tokens need JWT_SECRET (no JWKS set-up).');
  const { sub, ...rest } = claims;
  const token = await new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.jwtSecret));
  const { exp, iat } = decodeJwt(token);
  const { maxLifetimeSeconds } = lifetimeRules(config);
  if (typeof exp !== 'number' || typeof iat !== 'number' || exp - iat > maxLifetimeSeconds) {
    throw new Error(
      `A token may live at most ${durationInWords(maxLifetimeSeconds)} (JWT_MAX_LIFETIME); "${expiresIn}" is longer. Ask for less, such as 8h.`,
    );
  }
  if (exp <= iat) throw new Error(`A token must live a while; "${expiresIn}" expires it at once.`);
  return token;
}

/** `Authorization: Bearer <token>` → token, or null when absent. */
export function bearerToken(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1] ?? null;
}
