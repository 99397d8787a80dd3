import { defineSubgraph } from '@samen-sterk/subgraph-runtime';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedHrPayroll } from './seed/seed';

/** The HR/payroll shared-service subgraph, as the runtime runs it. */
export const hrPayrollSubgraph = defineSubgraph({
  name: 'hr-payroll',
  schema,
  sourceDir: __dirname,
  Client: PrismaClient,
  seed: seedHrPayroll,
});

export { schema };
