import { defineSubgraph } from '@samen-sterk/subgraph-runtime';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedAcademy } from './seed/seed';

/** The Academy subgraph, as the runtime runs it. */
export const academySubgraph = defineSubgraph({
  name: 'academy',
  schema,
  sourceDir: __dirname,
  Client: PrismaClient,
  seed: seedAcademy,
});

export { schema };
