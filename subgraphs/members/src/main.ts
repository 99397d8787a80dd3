// Runs the members subgraph on its own (deployments run each subgraph separately).
import { runSubgraph } from '@samen-sterk/subgraph-runtime';
import { membersSubgraph } from './index';

runSubgraph(membersSubgraph, { seed: process.env.SEED === '1', log: console.log })
  .then(({ server, stop }) => {
    console.log(`members subgraph ready at ${server.url}`);
    const shutdown = () => void stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
