import { createSubgraphBuilder, type SubgraphContext } from '@samen-sterk/subgraph-runtime';
import { MEMBER_REFUSALS, membersScopes, type MembersScopes } from './access';
import type { PrismaClient } from './generated/prisma/client';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

/** The members subgraph's one schema builder, with its access rules as scopes (access.ts). */
export const builder = createSubgraphBuilder<PrismaTypes, PrismaClient, MembersScopes>({
  dmmf: getDatamodel(),
  scopes: membersScopes,
  refusals: MEMBER_REFUSALS,
});

export type MembersContext = SubgraphContext<PrismaClient>;
