import fs from 'node:fs';
import path from 'node:path';
import { GATEWAY_PORT, SUBGRAPH_REGISTRY, type SubgraphName } from './registry';

// The registry (which subgraphs there are) is part of the configuration's public face.
export * from './registry';

/**
 * Configuration read from the environment, in one place. Defaults are for the embedded
 * development set-up; production (NODE_ENV=production) refuses the development secrets.
 */
export const isProduction = () => process.env.NODE_ENV === 'production';

export const DEVELOPMENT_JWT_SECRET = 'samen-sterk-development-secret-not-for-production';
export const DEVELOPMENT_GATEWAY_SECRET = 'samen-sterk-development-gateway-secret';
export const TOKEN_ISSUER_DEFAULT = 'samen-sterk-dev';
export const TOKEN_AUDIENCE_DEFAULT = 'samen-sterk';

/** The gateway and every subgraph of the registry (`registry.ts`). */
export type ServiceName = 'gateway' | SubgraphName;

/** Each service's port on this machine unless `<NAME>_PORT` says otherwise (docs/design.md). */
export const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  gateway: GATEWAY_PORT,
  ...(Object.fromEntries(SUBGRAPH_REGISTRY.map((subgraph) => [subgraph.name, subgraph.port])) as Record<
    SubgraphName,
    number
  >),
};

/** `hr-payroll` → `HR_PAYROLL`: the prefix of a service's own variables. */
export const envPrefix = (service: string) => service.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** The placeholder the deployment files (deploy/) put where a real secret belongs. */
export const SECRET_PLACEHOLDER = 'REPLACE_ME';

function required(name: string, developmentDefault: string): string {
  const value = process.env[name];
  if (value && isProduction() && value.includes(SECRET_PLACEHOLDER)) {
    throw new Error(
      `${name} is still the placeholder of the deployment files; set a real secret (docs/operations.md).`,
    );
  }
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
  /** Longest a token may live (`exp` − `iat`), in seconds; default `TOKEN_MAX_LIFETIME_DEFAULT`. */
  maxLifetimeSeconds?: number;
  /** Clock skew allowed between the token's issuer and us, in seconds; default 60. */
  clockToleranceSeconds?: number;
}

export const TOKEN_MAX_LIFETIME_DEFAULT = 24 * 3600;
export const TOKEN_CLOCK_TOLERANCE_DEFAULT = 60;

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `24h`, `90m`, `60s`, `1d` or plain seconds → seconds; `name` is for the error message. */
export function durationSeconds(text: string, name: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  if (!match)
    throw new Error(`${name} must be a duration such as 24h, 90m, 60s or a number of seconds (got "${text}").`);
  return Math.round(Number(match[1]) * DURATION_UNITS[(match[2] || 's').toLowerCase()]!);
}

export function authConfigFromEnv(): AuthConfig {
  const jwksUrl = process.env.JWT_JWKS_URL || undefined;
  const duration = (name: string, fallback: number) =>
    process.env[name] ? durationSeconds(process.env[name]!, name) : fallback;
  return {
    jwksUrl,
    jwtSecret: jwksUrl ? undefined : required('JWT_SECRET', DEVELOPMENT_JWT_SECRET),
    issuer: process.env.JWT_ISSUER || TOKEN_ISSUER_DEFAULT,
    audience: process.env.JWT_AUDIENCE || TOKEN_AUDIENCE_DEFAULT,
    maxLifetimeSeconds: duration('JWT_MAX_LIFETIME', TOKEN_MAX_LIFETIME_DEFAULT),
    clockToleranceSeconds: duration('JWT_CLOCK_TOLERANCE', TOKEN_CLOCK_TOLERANCE_DEFAULT),
  };
}

export const gatewaySecretFromEnv = () => required('GATEWAY_SECRET', DEVELOPMENT_GATEWAY_SECRET);

/**
 * The gateway secrets a service accepts: `current` (what it sends itself) and, while the secret
 * is being rotated, the one before it in `GATEWAY_SECRET_PREVIOUS`, so that services still
 * holding the old one keep working until every service has the new one (docs/operations.md,
 * "Rotating secrets"). Unset afterwards: then only `current` is accepted.
 */
export function acceptedGatewaySecrets(current: string = gatewaySecretFromEnv()): string[] {
  const previous = process.env.GATEWAY_SECRET_PREVIOUS;
  if (!previous || previous === current) return [current];
  if (isProduction() && previous === DEVELOPMENT_GATEWAY_SECRET) {
    throw new Error('GATEWAY_SECRET_PREVIOUS must not be the development secret in production.');
  }
  return [current, previous];
}

/** A service's own port: `<NAME>_PORT`, or its default (0 picks a free port). */
export function portFromEnv(service: ServiceName): number {
  const name = `${envPrefix(service)}_PORT`;
  const raw = process.env[name];
  if (!raw) return DEFAULT_PORTS[service];
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

/**
 * Where another service answers: `<NAME>_URL`, else `<NAME>_PORT` (or its default port) on this
 * machine. The one place a service's address is derived from the environment.
 */
export const serviceUrlFromEnv = (name: ServiceName) =>
  process.env[`${envPrefix(name)}_URL`] || `http://127.0.0.1:${portFromEnv(name)}/graphql`;

/** The folder holding `pnpm-workspace.yaml`, upwards from `from`; null outside a workspace. */
export function workspaceRoot(from = __dirname): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Embedded databases live in one folder, one sub-folder per subgraph; always an absolute path.
 * The default is `.data` in the workspace root, whether the whole platform runs (`pnpm start`)
 * or one service alone (`pnpm --filter … start`, which runs in the package's folder). A relative
 * `SAMEN_STERK_DATA_DIR` is relative to where the command was typed (pnpm's `INIT_CWD`).
 */
export function dataDirFromEnv(): string {
  const given = process.env.SAMEN_STERK_DATA_DIR;
  if (given) return path.resolve(process.env.INIT_CWD || process.cwd(), given);
  return path.join(workspaceRoot() ?? process.cwd(), '.data');
}
