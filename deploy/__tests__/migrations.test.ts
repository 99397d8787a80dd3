import { migrationsDirOf, SUBGRAPH_REGISTRY, type SubgraphDefinition } from '@samen-sterk/subgraph-runtime';

// `pnpm migrate` (the deployments' migration step) finds a subgraph's migrations from the
// registry without loading its code; start-up takes them from the subgraph's definition. They
// must be the same folder, or a deployment would migrate with other files than start-up.
test.each(SUBGRAPH_REGISTRY.map((entry) => [entry.name, entry] as const))(
  '%s: pnpm migrate and start-up apply the same migrations folder',
  (_name, entry) => {
    const definition = (require(entry.package) as Record<string, SubgraphDefinition<any>>)[entry.definition]!;
    expect(migrationsDirOf(entry)).toBe(definition.migrationsDir);
  },
  60_000,
);
