import { defineSubgraph } from '@samen-sterk/subgraph-runtime';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedProcurement } from './seed/seed';

/** The joint procurement subgraph, as the runtime runs it. */
export const procurementSubgraph = defineSubgraph({
  name: 'procurement',
  schema,
  sourceDir: __dirname,
  Client: PrismaClient,
  seed: seedProcurement,
});

export { schema };
