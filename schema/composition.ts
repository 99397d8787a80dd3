import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs';

export interface Composition {
  /** Each subgraph's SDL, by name. */
  subgraphSdl: Record<string, string>;
  supergraphSdl: string | null;
  errors: string[];
  hints: string[];
}

/** Prints every subgraph's SDL from its code and composes them with Apollo's composition. */
export function composeSupergraph(): Composition {
  const subgraphSdl: Record<string, string> = {};
  for (const subgraph of SUBGRAPHS) subgraphSdl[subgraph.name] = printSubgraphSchema(subgraph.loadSchema()) + '\n';
  const result = composeServices(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(subgraphSdl[subgraph.name]!),
    })),
  );
  if (result.errors) {
    return { subgraphSdl, supergraphSdl: null, errors: result.errors.map((e) => e.message), hints: [] };
  }
  return {
    subgraphSdl,
    supergraphSdl: result.supergraphSdl.trimEnd() + '\n',
    errors: [],
    hints: result.hints.map((hint) => hint.toString()),
  };
}
