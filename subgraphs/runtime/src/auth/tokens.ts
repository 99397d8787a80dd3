import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { authConfigFromEnv, isProduction, type AuthConfig } from '../config';
import { UnauthenticatedError } from '../errors';
import type { Identity } from './identity';
import { isRole, MEMBER_ROLES, type Role } from './roles';

/**
 * Verifies bearer tokens. HS256 with a shared secret, or RS256/ES256 keys from a JWKS URL
 * (a real identity provider). The algorithm list is fixed here: a token's own `alg` header
 * (`none` included) never decides how it is checked.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

export function createTokenVerifier(config: AuthConfig = authConfigFromEnv()): TokenVerifier {
  const options = { issuer: config.issuer, audience: config.audience };
  if (config.jwksUrl) {
    const keys = createRemoteJWKSet(new URL(config.jwksUrl));
    return {
      verify: async (token) =>
        identityFromClaims(await checked(() => jwtVerify(token, keys, { ...options, algorithms: ['RS256', 'ES256'] }))),
    };
  }
  const secret = new TextEncoder().encode(config.jwtSecret);
  return {
    verify: async (token) =>
      identityFromClaims(await checked(() => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] }))),
  };
}

async function checked(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  try {
    return (await verify()).payload;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') throw new UnauthenticatedError('Your token has expired: sign in again.');
    throw new UnauthenticatedError('Your token is not valid: sign in again.');
  }
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

/** Signs a token with the development (HS256) secret; refused in production. */
export async function signDevelopmentToken(
  claims: DevelopmentTokenClaims,
  { expiresIn = '8h', config = authConfigFromEnv() }: { expiresIn?: string | number; config?: AuthConfig } = {},
): Promise<string> {
  if (isProduction()) throw new Error('Development tokens are not issued in production.');
  if (!config.jwtSecret) throw new Error('Development tokens need JWT_SECRET (no JWKS set-up).');
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.jwtSecret));
}

/** `Authorization: Bearer <token>` → token, or null when absent. */
export function bearerToken(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1] ?? null;
}
