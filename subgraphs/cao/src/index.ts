import type { SubgraphDefinition } from '@samen-sterk/subgraph-runtime';
import path from 'node:path';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedCao } from './seed/seed';

/** The collective agreement (CAO) subgraph, as the runtime runs it. */
export const caoSubgraph: SubgraphDefinition<PrismaClient> = {
  name: 'cao',
  schema,
  migrationsDir: path.join(__dirname, '..', 'prisma', 'migrations'),
  createClient: (adapter) => new PrismaClient({ adapter }),
  seed: (client) => seedCao(client),
};

export { schema };
