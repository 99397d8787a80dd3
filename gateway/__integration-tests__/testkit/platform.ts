import type { ServiceName } from '@samen-sterk/subgraph-runtime';
import { startPlatform, SUBGRAPH_DEFINITIONS, type RunningPlatform } from '@samen-sterk/platform';
import { startHiveGateway } from '@samen-sterk/platform/hive';
import { testGateway, type TestGateway } from './gateway-choice';
import { graphql, type GraphQLResponse } from './graphql';
import { postgresUrlFor, testDatabaseLocation, truncateAll } from './databases';

export interface TestPlatform {
  platform: RunningPlatform;
  /** Which gateway is in front: ours, or Hive Gateway (`TEST_GATEWAY`, gateway-choice.ts). */
  gateway: TestGateway;
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** A subgraph's own endpoint, to test that it defends itself. */
  subgraphUrl(name: ServiceName): string;
  /** A query through the gateway. */
  query<Data = Record<string, unknown>>(
    query: string,
    options?: { variables?: Record<string, unknown>; token?: string },
  ): Promise<GraphQLResponse<Data>>;
  /**
   * Every node of a connection, following `pageInfo.endCursor` page by page. The query takes
   * `$after` and selects `totalCount`, `pageInfo { hasNextPage endCursor }` and `edges { node }`
   * (testkit `pageOf`).
   */
  allPages<Node = Record<string, unknown>>(
    query: string,
    field: string,
    options: { variables?: Record<string, unknown>; token?: string },
  ): Promise<{ nodes: Node[]; totalCount: number; pages: number }>;
  /** Back to the seeded demo data. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole platform for one test file: every subgraph on its own database and the real
 * gateway in front (ours, or Hive Gateway with `TEST_GATEWAY`), all on free ports, with the
 * seeded demo data.
 */
export async function startTestPlatform(): Promise<TestPlatform> {
  const locations = Object.fromEntries(
    await Promise.all(SUBGRAPH_DEFINITIONS.map(async (d) => [d.name, await testDatabaseLocation(d.name)] as const)),
  );
  const gateway = testGateway();
  const platform = await startPlatform({
    location: (name) => locations[name],
    port: () => 0,
    ...(gateway === 'ours'
      ? {}
      : { gateway: (given) => startHiveGateway({ ...given, planner: gateway === 'hive-rust' ? 'rust' : 'js' }) }),
  });
  const reset = async () => {
    for (const definition of SUBGRAPH_DEFINITIONS) {
      const { database } = platform.subgraphs[definition.name]!;
      await truncateAll(database.sql);
      await definition.seed?.(database.prisma);
    }
  };
  // A PostgreSQL database may hold what an earlier run left; PGlite starts from the template.
  if (SUBGRAPH_DEFINITIONS.some((d) => postgresUrlFor(d.name))) await reset();
  const url = platform.gateway.url;
  const query = <Data>(text: string, options?: { variables?: Record<string, unknown>; token?: string }) =>
    graphql<Data>(url, text, options);
  return {
    platform,
    gateway,
    url,
    subgraphUrl: (name) => platform.subgraphs[name]!.server.url,
    query,
    allPages: async <Node>(
      text: string,
      field: string,
      options: { variables?: Record<string, unknown>; token?: string },
    ) => {
      interface Page {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: Node }[];
      }
      const nodes: Node[] = [];
      let after: string | null = null;
      let totalCount: number | undefined;
      let pages = 0;
      do {
        const res: GraphQLResponse<Record<string, Page>> = await query(text, {
          ...options,
          variables: { ...options.variables, after },
        });
        if (res.errors) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
        const connection = res.data![field]!;
        totalCount = connection.totalCount;
        nodes.push(...connection.edges.map((edge) => edge.node));
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
        pages++;
      } while (after);
      return { nodes, totalCount: totalCount ?? 0, pages };
    },
    reset,
    stop: () => platform.stop(),
  };
}
