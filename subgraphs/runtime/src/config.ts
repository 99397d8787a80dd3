/**
 * Configuration read from the environment, in one place. Defaults are for the embedded
 * development set-up; production (NODE_ENV=production) refuses the development secrets.
 */
export const isProduction = () => process.env.NODE_ENV === 'production';

export const DEVELOPMENT_JWT_SECRET = 'samen-sterk-development-secret-not-for-production';
export const DEVELOPMENT_GATEWAY_SECRET = 'samen-sterk-development-gateway-secret';
export const TOKEN_ISSUER_DEFAULT = 'samen-sterk-dev';
export const TOKEN_AUDIENCE_DEFAULT = 'samen-sterk';

export const DEFAULT_PORTS = {
  gateway: 4000,
  members: 4001,
  cao: 4002,
  'hr-payroll': 4003,
  procurement: 4004,
  academy: 4005,
} as const;

export type ServiceName = keyof typeof DEFAULT_PORTS;

/** `hr-payroll` → `HR_PAYROLL`: the prefix of a service's own variables. */
export const envPrefix = (service: string) => service.toUpperCase().replace(/[^A-Z0-9]/g, '_');

function required(name: string, developmentDefault: string): string {
  const value = process.env[name];
  if (value) return value;
  if (isProduction()) throw new Error(`${name} must be set in production.`);
  return developmentDefault;
}

export interface AuthConfig {
  /** HS256 shared secret; used when no JWKS URL is configured. */
  jwtSecret?: string;
  /** RS256/ES256 keys of a real identity provider. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export function authConfigFromEnv(): AuthConfig {
  const jwksUrl = process.env.JWT_JWKS_URL || undefined;
  return {
    jwksUrl,
    jwtSecret: jwksUrl ? undefined : required('JWT_SECRET', DEVELOPMENT_JWT_SECRET),
    issuer: process.env.JWT_ISSUER || TOKEN_ISSUER_DEFAULT,
    audience: process.env.JWT_AUDIENCE || TOKEN_AUDIENCE_DEFAULT,
  };
}

export const gatewaySecretFromEnv = () => required('GATEWAY_SECRET', DEVELOPMENT_GATEWAY_SECRET);

export function portFromEnv(service: ServiceName): number {
  const raw = process.env[`${envPrefix(service)}_PORT`];
  return raw ? Number(raw) : DEFAULT_PORTS[service];
}

/** Where a service answers: `<NAME>_URL`, or the default port on this machine. */
export const serviceUrlFromEnv = (name: ServiceName) =>
  process.env[`${envPrefix(name)}_URL`] || `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;

/** Embedded databases live in one folder, one sub-folder per subgraph. */
export const dataDirFromEnv = () => process.env.SAMEN_STERK_DATA_DIR || '.data';
