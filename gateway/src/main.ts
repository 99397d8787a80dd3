// Runs the gateway on its own, against subgraphs already running: each found at `<NAME>_URL`,
// else on this machine at `<NAME>_PORT` (or its default port). Ctrl-C stops it. It reads the
// committed supergraph and the registry's names only: no subgraph's code.
import {
  portFromEnv,
  serviceUrlFromEnv,
  stopOnSignals,
  SUBGRAPH_REGISTRY,
  startTracing,
  stopTracing,
  SUPERGRAPH_PATH,
} from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import { startGateway } from './gateway';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
startTracing({ serviceName: 'gateway' }); // only when OTEL_* variables ask for it

const running = Promise.resolve().then(() =>
  startGateway({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
    port: portFromEnv('gateway'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_REGISTRY.map(({ name }) => [name, serviceUrlFromEnv(name)])),
  }),
);
stopOnSignals(async () => {
  await (await running.catch(() => undefined))?.stop();
  await stopTracing();
});
running
  .then((gateway) => console.log(`gateway ready at ${gateway.url}`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
