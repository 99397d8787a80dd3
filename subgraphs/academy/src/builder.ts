import { createSubgraphBuilder, type SubgraphContext } from '@samen-sterk/subgraph-runtime';
import { ACADEMY_REFUSALS, academyScopes, type AcademyScopes } from './access';
import type { PrismaClient } from './generated/prisma/client';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

/** The Academy subgraph's one schema builder, with its access rules as scopes (access.ts). */
export const builder = createSubgraphBuilder<PrismaTypes, PrismaClient, AcademyScopes>({
  dmmf: getDatamodel(),
  scopes: academyScopes,
  refusals: ACADEMY_REFUSALS,
});

export type AcademyContext = SubgraphContext<PrismaClient>;
