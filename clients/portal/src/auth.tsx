import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { gatewayBase, type PortalConfig } from './config';

/** Who is signed in, from the token's claims (the same claims the gateway checks). */
export interface Session {
  token: string;
  name: string;
  userId: string;
  roles: string[];
  memberId: string | null;
  employeeId: string | null;
  /** Shared payroll service staff: the members they run payroll for. */
  payrollMemberIds: string[];
  /** Seconds since 1970. */
  expiresAt: number;
}

export interface DemoUser {
  id: string;
  name: string;
  role: string;
  /** All the user's roles; several for the demo director. */
  roles: string[];
  memberId: string | null;
}

const STORAGE_KEY = 'samen-sterk-portal-session';

function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFromToken(token: string, fallbackName?: string): Session {
  const claims = decodeClaims(token);
  const str = (value: unknown) => (typeof value === 'string' && value ? value : null);
  return {
    token,
    name: str(claims.name) ?? fallbackName ?? str(claims.sub) ?? '',
    userId: str(claims.sub) ?? '',
    roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
    memberId: str(claims.memberId),
    employeeId: str(claims.employeeId),
    payrollMemberIds: Array.isArray(claims.payrollMemberIds)
      ? claims.payrollMemberIds.filter((m): m is string => typeof m === 'string')
      : [],
    expiresAt: typeof claims.exp === 'number' ? claims.exp : 0,
  };
}

function storedSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return session.expiresAt * 1000 > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function userManager(config: PortalConfig): UserManager | null {
  if (!config.oidc) return null;
  return new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    scope: config.oidc.scope,
    redirect_uri: `${window.location.origin}/aanmelden/terug`,
    post_logout_redirect_uri: `${window.location.origin}/aanmelden`,
    response_type: 'code', // authorization code; oidc-client-ts adds PKCE (S256)
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

interface AuthApi {
  session: Session | null;
  config: PortalConfig;
  /** Development: the gateway's demo users. */
  demoUsers(): Promise<DemoUser[]>;
  signInAsDemoUser(id: string): Promise<Session>;
  /** OpenID Connect: off to the identity provider. */
  signInWithProvider(): Promise<void>;
  /** OpenID Connect: back from the identity provider (on /aanmelden/terug). */
  completeProviderSignIn(): Promise<Session>;
  signOut(): void;
  hasRole(...roles: string[]): boolean;
}

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ config, children }: { config: PortalConfig; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const manager = useMemo(() => userManager(config), [config]);

  const keep = useCallback((next: Session | null) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
    setSession(next);
  }, []);

  const api = useMemo<AuthApi>(
    () => ({
      session,
      config,
      demoUsers: async () => {
        const response = await fetch(`${gatewayBase(config)}/dev/demo-users`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return ((await response.json()) as { users: DemoUser[] }).users;
      },
      signInAsDemoUser: async (id) => {
        const response = await fetch(`${gatewayBase(config)}/dev/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: id }),
        });
        const answer = (await response.json()) as { token?: string; user?: { name: string } };
        if (!response.ok || !answer.token) throw new Error(`HTTP ${response.status}`);
        const next = sessionFromToken(answer.token, answer.user?.name);
        keep(next);
        return next;
      },
      signInWithProvider: async () => {
        if (!manager) throw new Error('No identity provider is configured.');
        await manager.signinRedirect();
      },
      completeProviderSignIn: async () => {
        if (!manager) throw new Error('No identity provider is configured.');
        const user = await manager.signinRedirectCallback();
        const next = sessionFromToken(user.access_token, user.profile.name);
        keep(next);
        return next;
      },
      signOut: () => {
        keep(null);
        if (manager) void manager.removeUser();
      },
      hasRole: (...roles) => !!session && session.roles.some((role) => roles.includes(role)),
    }),
    [session, config, manager, keep],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const api = useContext(AuthContext);
  if (!api) throw new Error('useAuth outside AuthProvider');
  return api;
}

export const MEMBER_ROLES = ['member-admin', 'member-purchaser', 'member-approver', 'member-hr'];
export const ASSOCIATION_ROLES = [
  'platform-admin',
  'association-cao',
  'association-procurement',
  'association-academy',
  'payroll-service',
];

/** The member whose staff and payroll a session works on: its own, or the payroll service's first. */
export const employerOf = (session: Session | null): string | null =>
  session?.memberId ?? session?.payrollMemberIds[0] ?? null;
