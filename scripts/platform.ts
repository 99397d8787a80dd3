import { startGateway } from '@samen-sterk/gateway';
import { caoSubgraph } from '@samen-sterk/cao';
import { hrPayrollSubgraph } from '@samen-sterk/hr-payroll';
import { membersSubgraph } from '@samen-sterk/members';
import { SUPERGRAPH_PATH } from '@samen-sterk/schema';
import {
  portFromEnv,
  runSubgraph,
  type DatabaseLocation,
  type RunningServer,
  type RunningSubgraph,
  type ServiceName,
  type SubgraphDefinition,
} from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';

/** Every subgraph of the platform; `pnpm start` and the integration tests run them all. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SUBGRAPH_DEFINITIONS: SubgraphDefinition<any>[] = [membersSubgraph, caoSubgraph, hrPayrollSubgraph];

export interface PlatformOptions {
  /** Where each subgraph's data lives; default from the environment. */
  location?: (name: ServiceName) => DatabaseLocation | undefined;
  /** Port for each service; 0 picks a free one. Default from the environment. */
  port?: (name: ServiceName) => number;
  seed?: boolean;
  log?: (message: string) => void;
}

export interface RunningPlatform {
  gateway: RunningServer;
  subgraphs: Record<string, RunningSubgraph<unknown>>;
  stop(): Promise<void>;
}

/** Starts all subgraphs (migrated, optionally seeded) and the gateway in front of them. */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const port = options.port ?? portFromEnv;
  const subgraphs: Record<string, RunningSubgraph<unknown>> = {};
  const stopAll = async () => {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop().catch(() => undefined)));
  };
  try {
    // Wait for every start to settle, so that none is left running when another one failed.
    const results = await Promise.allSettled(
      SUBGRAPH_DEFINITIONS.map(async (definition) => {
        subgraphs[definition.name] = await runSubgraph(definition, {
          location: options.location?.(definition.name),
          port: port(definition.name),
          seed: options.seed,
          log: options.log,
          // Subgraphs that ask each other find one another here (ports may be picked at start).
          serviceUrls: () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.server.url])),
        });
      }),
    );
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;

    const gateway = await startGateway({
      supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
      port: port('gateway'),
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.server.url])),
    });
    return {
      gateway,
      subgraphs,
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
