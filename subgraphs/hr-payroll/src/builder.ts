import { createSubgraphBuilder, type SubgraphContext } from '@samen-sterk/subgraph-runtime';
import type { PrismaClient } from './generated/prisma/client';
import type PrismaTypes from './generated/pothos-types';
import { getDatamodel } from './generated/pothos-types';

/** The HR/payroll subgraph's one schema builder. */
export const builder = createSubgraphBuilder<PrismaTypes, PrismaClient>({ dmmf: getDatamodel() });

export type HrContext = SubgraphContext<PrismaClient>;
