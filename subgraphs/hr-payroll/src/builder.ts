import { createSubgraphBuilder, type SubgraphContext } from '@samen-sterk/subgraph-runtime';
import { HR_REFUSALS, hrScopes, type HrScopes } from './access';
import type { PrismaClient } from './generated/prisma/client';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

/** The HR/payroll subgraph's one schema builder, with its access rules as scopes (access.ts). */
export const builder = createSubgraphBuilder<PrismaTypes, PrismaClient, HrScopes>({
  dmmf: getDatamodel(),
  scopes: hrScopes,
  refusals: HR_REFUSALS,
});

export type HrContext = SubgraphContext<PrismaClient>;
