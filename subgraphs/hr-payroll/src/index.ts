import type { SubgraphDefinition } from '@samen-sterk/subgraph-runtime';
import path from 'node:path';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedHrPayroll } from './seed/seed';

/** The HR/payroll shared-service subgraph, as the runtime runs it. */
export const hrPayrollSubgraph: SubgraphDefinition<PrismaClient> = {
  name: 'hr-payroll',
  schema,
  migrationsDir: path.join(__dirname, '..', 'prisma', 'migrations'),
  createClient: (adapter) => new PrismaClient({ adapter }),
  seed: (client) => seedHrPayroll(client),
};

export { schema };
