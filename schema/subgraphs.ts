import { type GraphQLSchema } from 'graphql';
import {
  DEFAULT_PORTS,
  sdlPathOf,
  SUBGRAPH_REGISTRY,
  SUPERGRAPH_PATH,
  type SubgraphName,
} from '@samen-sterk/subgraph-runtime';

/**
 * The subgraphs that make up the supergraph: the registry's (subgraphs/runtime/src/registry.ts),
 * each with the schema its code builds. Adding a subgraph means adding it there (and its package
 * to this package's dependencies); `pnpm compose` does the rest.
 */
export interface SubgraphEntry {
  name: SubgraphName;
  /** Where the gateway finds it by default; `<NAME>_URL` overrides at run time. */
  url: string;
  /** Where its SDL is committed. */
  sdlPath: string;
  loadSchema: () => GraphQLSchema;
}

export const SUBGRAPHS: SubgraphEntry[] = SUBGRAPH_REGISTRY.map((subgraph) => ({
  name: subgraph.name,
  url: `http://127.0.0.1:${DEFAULT_PORTS[subgraph.name]}/graphql`,
  sdlPath: sdlPathOf(subgraph),
  // Loaded lazily: composition needs the code, readers of this list (names, SDL paths) do not.
  loadSchema: () => (require(subgraph.package) as { schema: GraphQLSchema }).schema,
}));

export { SUPERGRAPH_PATH };
