import { createSubgraphBuilder, type SubgraphContext } from '@samen-sterk/subgraph-runtime';
import { CAO_REFUSALS, caoScopes, type CaoScopes } from './access';
import type { PrismaClient } from './generated/prisma/client';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

/** The CAO subgraph's one schema builder, with its access rules as scopes (access.ts). */
export const builder = createSubgraphBuilder<PrismaTypes, PrismaClient, CaoScopes>({
  dmmf: getDatamodel(),
  scopes: caoScopes,
  refusals: CAO_REFUSALS,
});

export type CaoContext = SubgraphContext<PrismaClient>;
