import { startGateway, type DemoUser } from '@samen-sterk/gateway';
import { SEED_ACCOUNTS, SEED_COMBINED_ACCOUNTS } from '@samen-sterk/members';
import {
  portFromEnv,
  runSubgraph,
  SUBGRAPH_REGISTRY,
  SUPERGRAPH_PATH,
  type DatabaseLocation,
  type RegisteredSubgraph,
  type RunningServer,
  type RunningSubgraph,
  type ServiceName,
  type SubgraphDefinition,
} from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';

/**
 * The whole platform in one process: what `pnpm start` (scripts/start.ts), the integration tests
 * and the benchmarks start. It stands above the gateway and the subgraphs and imports them;
 * none of them imports it.
 */

/** A registered subgraph's definition, from its package's export the registry names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function definitionOf(subgraph: RegisteredSubgraph): SubgraphDefinition<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const definition = (require(subgraph.package) as Record<string, SubgraphDefinition<any> | undefined>)[
    subgraph.definition
  ];
  if (definition?.name !== subgraph.name) {
    throw new Error(
      `${subgraph.package} exports no subgraph definition \`${subgraph.definition}\` named "${subgraph.name}" (see subgraphs/runtime/src/registry.ts).`,
    );
  }
  return definition;
}

/** The demo seed's sample users (one per role, and the director with several), offered by the development explorer and portal. */
export const DEMO_USERS: readonly DemoUser[] = [...SEED_ACCOUNTS, ...SEED_COMBINED_ACCOUNTS].map((account) => ({
  id: account.id,
  name: account.name,
  role: account.claimRole,
  roles: account.claimRoles,
  memberId: account.memberId,
  employeeId: account.employeeId,
  payrollMemberIds: account.payrollMemberIds,
}));

/** Every subgraph of the platform (the registry's, in its order); `pnpm start` and the integration tests run them all. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SUBGRAPH_DEFINITIONS: SubgraphDefinition<any>[] = SUBGRAPH_REGISTRY.map(definitionOf);

export interface PlatformOptions {
  /** Where each subgraph's data lives; default from the environment. */
  location?: (name: ServiceName) => DatabaseLocation | undefined;
  /** Port for each service; 0 picks a free one. Default from the environment. */
  port?: (name: ServiceName) => number;
  seed?: boolean;
  log?: (message: string) => void;
  /**
   * Starts the gateway in front, given the supergraph and where each subgraph runs; default
   * ours. The integration tests put Hive Gateway here (`TEST_GATEWAY`, `./hive.ts`).
   */
  gateway?: (options: { supergraphSdl: string; subgraphUrls: Record<string, string> }) => Promise<RunningServer>;
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

    const supergraphSdl = fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
    const subgraphUrls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.server.url]));
    const gateway = options.gateway
      ? await options.gateway({ supergraphSdl, subgraphUrls })
      : await startGateway({ supergraphSdl, port: port('gateway'), subgraphUrls, demoUsers: DEMO_USERS });
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
