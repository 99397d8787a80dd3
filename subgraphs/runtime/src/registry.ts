import path from 'node:path';

/**
 * The one list of the platform's subgraphs. Whoever needs to know which subgraphs there are
 * reads it: `pnpm start` and the integration tests (the platform package starts each one),
 * composition (`schema/subgraphs.ts` prints each one's SDL), the gateway (where each answers)
 * and the default ports (`DEFAULT_PORTS`, `ServiceName`). Adding a subgraph is one entry here
 * plus its package as a dependency of `platform/` and `schema/` (docs/architecture.md).
 *
 * Data only: naming a package here loads none of its code.
 */
export interface RegisteredSubgraph {
  /** Its service name: `<NAME>_PORT`, `<NAME>_URL`, `<NAME>_DATABASE_URL` derive from it. */
  name: string;
  /** Default port on this machine (docs/design.md lists them). */
  port: number;
  /** Its workspace package. */
  package: string;
  /** The package's export holding its `SubgraphDefinition` (what `runSubgraph` runs). */
  definition: string;
  /** Its committed SDL, relative to the workspace root (`pnpm compose` writes it). */
  sdl: string;
}

export const SUBGRAPH_REGISTRY = [
  {
    name: 'members',
    port: 4001,
    package: '@samen-sterk/members',
    definition: 'membersSubgraph',
    sdl: 'subgraphs/members/schema.graphql',
  },
  {
    name: 'cao',
    port: 4002,
    package: '@samen-sterk/cao',
    definition: 'caoSubgraph',
    sdl: 'subgraphs/cao/schema.graphql',
  },
  {
    name: 'hr-payroll',
    port: 4003,
    package: '@samen-sterk/hr-payroll',
    definition: 'hrPayrollSubgraph',
    sdl: 'subgraphs/hr-payroll/schema.graphql',
  },
  {
    name: 'procurement',
    port: 4004,
    package: '@samen-sterk/procurement',
    definition: 'procurementSubgraph',
    sdl: 'subgraphs/procurement/schema.graphql',
  },
  {
    name: 'academy',
    port: 4005,
    package: '@samen-sterk/academy',
    definition: 'academySubgraph',
    sdl: 'subgraphs/academy/schema.graphql',
  },
] as const satisfies readonly RegisteredSubgraph[];

export type SubgraphName = (typeof SUBGRAPH_REGISTRY)[number]['name'];

/** The gateway's default port; the subgraphs' follow it. */
export const GATEWAY_PORT = 4000;

/** The workspace root: this file is `subgraphs/runtime/src/registry.ts`. */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The committed supergraph the gateway serves (`pnpm compose` writes it). */
export const SUPERGRAPH_PATH = path.join(ROOT, 'schema', 'supergraph.graphql');

/** Where a subgraph's committed SDL lies, as an absolute path. */
export const sdlPathOf = (subgraph: Pick<RegisteredSubgraph, 'sdl'>) => path.join(ROOT, subgraph.sdl);
