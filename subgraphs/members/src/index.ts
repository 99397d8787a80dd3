import { defineSubgraph } from '@samen-sterk/subgraph-runtime';
import { PrismaClient } from './generated/prisma/client';
import { PUBLIC_READS } from './access';
import { schema } from './schema';
import { seedMembers } from './seed/seed';

/** The members directory subgraph, as the runtime runs it. */
export const membersSubgraph = defineSubgraph({
  name: 'members',
  schema,
  sourceDir: __dirname,
  Client: PrismaClient,
  seed: seedMembers,
  publicReads: PUBLIC_READS,
});

export { schema };
export { SEED_ACCOUNTS, SEED_COMBINED_ACCOUNTS, seedId } from './seed/seed';
