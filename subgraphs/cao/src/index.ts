import { defineSubgraph } from '@samen-sterk/subgraph-runtime';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedCao } from './seed/seed';

/** The collective agreement (CAO) subgraph, as the runtime runs it. */
export const caoSubgraph = defineSubgraph({
  name: 'cao',
  schema,
  sourceDir: __dirname,
  Client: PrismaClient,
  seed: seedCao,
});

export { schema };
