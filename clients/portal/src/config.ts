/**
 * Where the portal finds the gateway, and how people sign in. Read at start-up from
 * `/config.json` (written by the server that serves the portal, from its environment), else from
 * the build's `VITE_*` variables, else the development defaults.
 */
export interface OidcSettings {
  /** The identity provider's issuer URL (its `/.well-known/openid-configuration` is read). */
  authority: string;
  clientId: string;
  scope: string;
}

export interface PortalConfig {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** Set: sign in with this OpenID Connect provider (authorization code with PKCE). */
  oidc: OidcSettings | null;
  /** The gateway offers demo users (development only). */
  demoSignIn: boolean;
}

const fromBuild = (): PortalConfig => {
  const env = import.meta.env;
  const authority = env.VITE_OIDC_AUTHORITY as string | undefined;
  const clientId = env.VITE_OIDC_CLIENT_ID as string | undefined;
  return {
    gatewayUrl: (env.VITE_GATEWAY_URL as string | undefined) ?? 'http://localhost:4000/graphql',
    oidc:
      authority && clientId
        ? { authority, clientId, scope: (env.VITE_OIDC_SCOPE as string | undefined) ?? 'openid profile' }
        : null,
    demoSignIn: true,
  };
};

export async function loadConfig(): Promise<PortalConfig> {
  const defaults = fromBuild();
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) return defaults;
    const served = (await response.json()) as Partial<PortalConfig>;
    return { ...defaults, ...served };
  } catch {
    return defaults;
  }
}

/** `http://host:4000/graphql` → `http://host:4000` (the gateway's development sign-in lives there). */
export const gatewayBase = (config: PortalConfig) => config.gatewayUrl.replace(/\/graphql\/?$/, '');
