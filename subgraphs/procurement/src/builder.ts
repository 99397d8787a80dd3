import { createSubgraphBuilder, type SubgraphContext } from '@samen-sterk/subgraph-runtime';
import { PROCUREMENT_REFUSALS, procurementScopes, type ProcurementScopes } from './access';
import type { PrismaClient } from './generated/prisma/client';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

/** The procurement subgraph's one schema builder, with its access rules as scopes (access.ts). */
export const builder = createSubgraphBuilder<PrismaTypes, PrismaClient, ProcurementScopes>({
  dmmf: getDatamodel(),
  scopes: procurementScopes,
  refusals: PROCUREMENT_REFUSALS,
});

export type ProcurementContext = SubgraphContext<PrismaClient>;
