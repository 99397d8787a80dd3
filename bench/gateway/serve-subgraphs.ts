// A child of `bench/gateway/run.ts`: every subgraph, migrated and seeded on in-memory PGlite,
// in one process of its own, so that each gateway's CPU can be measured apart from theirs.
import { startPlatform } from '@samen-sterk/platform';
import { serveChild } from './child';

serveChild(async () => {
  const platform = await startPlatform({
    location: () => ({ kind: 'pglite', dataDir: null }),
    port: () => 0,
    seed: true,
    log: () => undefined,
  });
  const urls = Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s.server.url]));
  return { url: platform.gateway.url, urls };
});
