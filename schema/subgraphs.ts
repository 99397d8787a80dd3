import type { GraphQLSchema } from 'graphql';
import path from 'node:path';
import { DEFAULT_PORTS, type ServiceName } from '@samen-sterk/subgraph-runtime';

/**
 * The subgraphs that make up the supergraph. Adding a subgraph means adding it here (and to
 * scripts/platform.ts); `pnpm compose` does the rest.
 */
export interface SubgraphEntry {
  name: ServiceName;
  /** Where the gateway finds it by default; `<NAME>_URL` overrides at run time. */
  url: string;
  /** Where its SDL is committed. */
  sdlPath: string;
  loadSchema: () => GraphQLSchema;
}

const root = path.join(__dirname, '..');
const localUrl = (name: ServiceName) => `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;

export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: 'members',
    url: localUrl('members'),
    sdlPath: path.join(root, 'subgraphs', 'members', 'schema.graphql'),
    // Loaded lazily so the gateway can read this list without loading subgraph code.
    loadSchema: () => (require('@samen-sterk/members') as typeof import('@samen-sterk/members')).schema,
  },
  {
    name: 'cao',
    url: localUrl('cao'),
    sdlPath: path.join(root, 'subgraphs', 'cao', 'schema.graphql'),
    loadSchema: () => (require('@samen-sterk/cao') as typeof import('@samen-sterk/cao')).schema,
  },
  {
    name: 'hr-payroll',
    url: localUrl('hr-payroll'),
    sdlPath: path.join(root, 'subgraphs', 'hr-payroll', 'schema.graphql'),
    loadSchema: () => (require('@samen-sterk/hr-payroll') as typeof import('@samen-sterk/hr-payroll')).schema,
  },
];

export const SUPERGRAPH_PATH = path.join(__dirname, 'supergraph.graphql');
