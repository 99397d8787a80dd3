// `pnpm start`: the whole platform on this machine. Embedded databases in .data/ (one folder per
// subgraph), migrated and seeded with demo data on first run; all subgraphs and the gateway.
// `pnpm start --fresh` deletes the data and starts again. Ctrl-C stops everything. The web portal
// (clients/portal) is built when its sources changed and served on PORTAL_PORT (5173).
import fs from 'node:fs';
import path from 'node:path';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

// While the code loads (seconds) nothing runs yet: Ctrl-C then simply ends, quietly.
let interrupted = false;
const leaveEarly = () => {
  interrupted = true;
  process.exit(0);
};
process.on('SIGINT', leaveEarly);
process.on('SIGTERM', leaveEarly);

async function main() {
  const { dataDirFromEnv, startTracing, stopOnSignals, stopTracing } = await import('@samen-sterk/subgraph-runtime');
  // Only when OTEL_* variables ask for it; before the services start, so they are traced.
  startTracing({ serviceName: 'samen-sterk' });
  const { startPlatform } = await import('@samen-sterk/platform');
  const { buildPortalIfChanged, startPortal } = await import('@samen-sterk/portal');
  const fresh = process.argv.includes('--fresh');
  const dataDir = path.resolve(dataDirFromEnv());
  if (fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const postgres = Object.keys(process.env).some((name) => name.endsWith('_DATABASE_URL'));
    console.log(`--fresh: removed ${dataDir}${postgres ? ' (PostgreSQL databases are left as they are)' : ''}`);
  }
  // The portal builds in a child process (another core) while the platform starts.
  const building = buildPortalIfChanged();
  building.catch(() => undefined);
  const starting = startPlatform({ seed: true, log: (message) => console.log(`  ${message}`) }).then(
    async (platform) => {
      try {
        const build = await building;
        console.log(`  portal: ${build.built ? `built in ${(build.ms / 1000).toFixed(1)} s` : 'build is current'}`);
        const portal = await startPortal({
          port: portFromEnvOr('PORTAL_PORT', 5173),
          gatewayUrl: platform.gateway.url.replace('127.0.0.1', 'localhost'),
        });
        return { ...platform, portal, stop: async () => (await portal.stop(), await platform.stop()) };
      } catch (error) {
        await platform.stop();
        throw error;
      }
    },
  );
  // Ctrl-C (also during start-up) stops everything in order and ends with exit code 0.
  const signals = stopOnSignals(async () => {
    await (await starting.catch(() => undefined))?.stop();
    await stopTracing(); // sends the spans still buffered
  });
  process.off('SIGINT', leaveEarly);
  process.off('SIGTERM', leaveEarly);
  const platform = await starting.catch((error: unknown) => {
    // A start-up cut short by Ctrl-C is no failure: the signal handler ends the process.
    if (signals.stopping()) return null;
    throw error;
  });
  if (!platform || signals.stopping()) return;
  // Since this process started: loading the code takes a good part of it.
  const seconds = process.uptime().toFixed(1);
  const local = (url: string) => url.replace('127.0.0.1', 'localhost');
  const gatewayUrl = local(platform.gateway.url);
  console.log(`\nSamen Sterk platform ready in ${seconds} s\n`);
  console.log(`  portal      ${platform.portal.url}   (the web portal: sign in as a demo user)`);
  console.log(`  gateway     ${gatewayUrl}   (open it in a browser for the GraphQL explorer)`);
  for (const [name, subgraph] of Object.entries(platform.subgraphs)) {
    const where = subgraph.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${path.join(dataDir, name)}`;
    console.log(`  ${name.padEnd(11)} ${local(subgraph.server.url)}   (${where})`);
  }
  console.log(`
Tokens (development only):   pnpm -s token --role platform-admin
                             pnpm -s token --role member-admin        (the first demo member's admin)
                             pnpm -s token --role member-hr           (its HR staff: employees, wages)
                             pnpm -s token --role association-cao     (maintains the CAO)
                             pnpm -s token --role member-purchaser    (orders under the sector's contracts)
                             pnpm -s token --role member-approver     (approves orders above the threshold)
                             pnpm -s token --role association-procurement (contracts, settlements)
                             pnpm -s token --role employee            (an employee: courses, enrolments)
                             pnpm -s token --role association-academy (the Academy's catalogue and sessions)
Try:
  curl -s ${gatewayUrl} -H 'content-type: application/json' \\
    -H "authorization: Bearer $(pnpm -s token --role platform-admin)" \\
    -d '{"query":"{ members(first: 3) { totalCount edges { node { name city keurmerk { status } } } } }"}'

Ctrl-C stops everything; data is kept (pnpm start --fresh starts from scratch).`);
}

/** A port from the environment (0 picks a free one), else the default. */
function portFromEnvOr(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, not "${raw}".`);
  return port;
}

main().catch((error) => {
  // Ctrl-C while loading also ends tsx's compiler process (same process group), and loading then
  // fails; the signal's own handler, a moment later, ends the process quietly instead.
  setTimeout(() => {
    if (interrupted) return;
    console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }, 200);
});
