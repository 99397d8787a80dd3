import type { SubgraphDefinition } from '@samen-sterk/subgraph-runtime';
import path from 'node:path';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedMembers } from './seed/seed';

/** The members directory subgraph, as the runtime runs it. */
export const membersSubgraph: SubgraphDefinition<PrismaClient> = {
  name: 'members',
  schema,
  migrationsDir: path.join(__dirname, '..', 'prisma', 'migrations'),
  createClient: (adapter) => new PrismaClient({ adapter }),
  seed: (client) => seedMembers(client),
};

export { schema };
export { SEED_ACCOUNTS, seedId } from './seed/seed';
