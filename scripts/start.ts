// `pnpm start`: the whole platform on this machine. Embedded databases in .data/ (one folder per
// subgraph), migrated and seeded with demo data on first run; all subgraphs and the gateway.
// `pnpm start --fresh` deletes the data and starts again. Ctrl-C stops everything.
import { dataDirFromEnv } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import { startPlatform } from './platform';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

async function main() {
  const started = performance.now();
  const fresh = process.argv.includes('--fresh');
  const dataDir = path.resolve(dataDirFromEnv());
  if (fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`--fresh: removed ${dataDir}`);
  }
  const platform = await startPlatform({ seed: true, log: (message) => console.log(`  ${message}`) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const local = (url: string) => url.replace('127.0.0.1', 'localhost');
  const gatewayUrl = local(platform.gateway.url);
  console.log(`\nSamen Sterk platform ready in ${seconds} s\n`);
  console.log(`  gateway     ${gatewayUrl}   (open it in a browser for Apollo Sandbox)`);
  for (const [name, subgraph] of Object.entries(platform.subgraphs)) {
    const where = subgraph.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${path.join(dataDir, name)}`;
    console.log(`  ${name.padEnd(11)} ${local(subgraph.server.url)}   (${where})`);
  }
  console.log(`
Tokens (development only):   pnpm -s token --role platform-admin
                             pnpm -s token --role member-admin        (the first demo member's admin)
                             pnpm -s token --role member-hr           (its HR staff: employees, wages)
                             pnpm -s token --role association-cao     (maintains the CAO)
Try:
  curl -s ${gatewayUrl} -H 'content-type: application/json' \\
    -H "authorization: Bearer $(pnpm -s token --role platform-admin)" \\
    -d '{"query":"{ members(first: 3) { totalCount edges { node { name city keurmerk { status } } } } }"}'

Ctrl-C stops everything; data is kept (pnpm start --fresh starts from scratch).`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await platform.stop().catch((error) => console.error('Stopping failed:', error));
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
