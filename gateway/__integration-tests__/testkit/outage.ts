import { SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import { startSubgraphServer, type RunningServer, type ServiceName } from '@samen-sterk/subgraph-runtime';
import { setTimeout } from 'node:timers/promises';
import type { GraphQLResponse } from './graphql';
import type { TestPlatform } from './platform';

export interface Outage {
  /** Starts the subgraph again on the port it had, on its database as it was. */
  restart(): Promise<void>;
}

/**
 * Takes one subgraph of a running test platform down (its HTTP server stops; its database stays
 * open, as a crashed process's would on disk) and brings it back on the same port, as an
 * orchestrator restarting a container would. The platform's own stop stops the new server too.
 */
export async function takeDown(test: TestPlatform, name: ServiceName): Promise<Outage> {
  const running = test.platform.subgraphs[name]!;
  const definition = SUBGRAPH_DEFINITIONS.find((d) => d.name === name)!;
  const { port } = running.server;
  await running.server.stop();
  return {
    restart: async () => {
      const server: RunningServer = await startSubgraphServer({
        name,
        schema: definition.schema,
        database: running.database,
        port,
        serviceUrls: () =>
          Object.fromEntries(Object.entries(test.platform.subgraphs).map(([n, s]) => [n, s.server.url])),
      });
      const stopRest = running.stop;
      running.stop = async () => {
        await server.stop();
        await stopRest();
      };
    },
  };
}

/**
 * How long until the gateway answers `probe` without naming `service` unavailable, asked as a
 * client would: again and again, 50 ms apart (the gateway's circuit to it half-opens by itself
 * a moment after it failed). Fails after `withinMs`.
 */
export async function untilAnswered(
  probe: () => Promise<GraphQLResponse>,
  service: ServiceName,
  withinMs = 15_000,
): Promise<number> {
  const start = Date.now();
  for (;;) {
    const res = await probe();
    if (!res.errors?.some((e) => e.extensions?.service === service)) return Date.now() - start;
    if (Date.now() - start > withinMs) throw new Error(`${service} still unavailable after ${withinMs} ms`);
    await setTimeout(50);
  }
}
