// Builds the portal when its sources changed (vite build, in a child process) and serves the
// built files with a `/config.json` that tells the browser where the gateway is. Used by
// `pnpm start` (scripts/start.ts) and the end-to-end tests.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';

export const PORTAL_DIR = path.resolve(__dirname, '..');
const DIST = path.join(PORTAL_DIR, 'dist');
const STAMP = path.join(DIST, '.sources.sha256');
/** What the build reads: when none of it changed, dist/ is current. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.mts', 'package.json', 'tsconfig.json'];

function filesUnder(entry: string): string[] {
  const full = path.join(PORTAL_DIR, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

/** A digest of every source file's path and content. */
export function sourcesDigest(): string {
  const hash = crypto.createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder)) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(fs.readFileSync(path.join(PORTAL_DIR, file)));
  }
  return hash.digest('hex');
}

export interface BuildResult {
  /** False: dist/ was current and kept. */
  built: boolean;
  ms: number;
}

/** Runs `vite build` unless dist/ was built from these very sources. */
export async function buildPortalIfChanged(): Promise<BuildResult> {
  const started = Date.now();
  const digest = sourcesDigest();
  const current =
    fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === digest;
  if (current) return { built: false, ms: Date.now() - started };
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [PORTAL_DIR] })), 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [vite, 'build', '--logLevel', 'error'],
      { cwd: PORTAL_DIR, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error)
          reject(new Error(`Building the portal failed (vite build in ${PORTAL_DIR}):\n${stderr.slice(-4000)}`));
        else resolve();
      },
    );
  });
  fs.writeFileSync(STAMP, digest);
  return { built: true, ms: Date.now() - started };
}

export interface PortalOptions {
  port: number;
  host?: string;
  /** The gateway's GraphQL endpoint as the browser reaches it. */
  gatewayUrl: string;
  /** OpenID Connect; default from PORTAL_OIDC_AUTHORITY, PORTAL_OIDC_CLIENT_ID, PORTAL_OIDC_SCOPE. */
  oidc?: { authority: string; clientId: string; scope: string } | null;
  /** Offer the gateway's demo users; default: outside production. */
  demoSignIn?: boolean;
}

export interface RunningPortal {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function oidcFromEnv(): PortalOptions['oidc'] {
  const authority = process.env.PORTAL_OIDC_AUTHORITY;
  const clientId = process.env.PORTAL_OIDC_CLIENT_ID;
  if (!authority || !clientId) return null;
  return { authority, clientId, scope: process.env.PORTAL_OIDC_SCOPE ?? 'openid profile' };
}

/** Serves dist/ (built before) on a port: files, `/config.json`, and index.html for the app's paths. */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const index = path.join(DIST, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`The portal is not built (no ${index}): run buildPortalIfChanged first.`);
  const config = {
    gatewayUrl: options.gatewayUrl,
    oidc: options.oidc === undefined ? oidcFromEnv() : options.oidc,
    demoSignIn: options.demoSignIn ?? process.env.NODE_ENV !== 'production',
  };
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    });
    next();
  });
  app.get('/config.json', (_req, res) => {
    res.set('cache-control', 'no-store').json(config);
  });
  app.use('/assets', express.static(path.join(DIST, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(DIST, { index: false }));
  // The application's own paths (/, /inkoop, /salaris/…) are one page.
  app.get(/^\/(?!assets\/).*/, (_req, res) => {
    res.set('cache-control', 'no-cache').sendFile(index);
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? process.env.HOST ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
