// Runs the gateway on its own, against subgraphs already running (see `<NAME>_URL`).
import { portFromEnv } from '@samen-sterk/subgraph-runtime';
import { SUPERGRAPH_PATH } from '@samen-sterk/schema';
import fs from 'node:fs';
import { startGateway } from './gateway';

startGateway({ supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'), port: portFromEnv('gateway') })
  .then((gateway) => {
    console.log(`gateway ready at ${gateway.url}`);
    const shutdown = () => void gateway.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
