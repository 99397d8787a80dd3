import { byIdInOrder } from '@samen-sterk/subgraph-runtime';
import type { MembersContext } from '../builder';
import type { Member } from '../generated/prisma/client';

/**
 * Members by id, for the request: other subgraphs reference members by id and the gateway asks
 * for many at once (`_entities`), so one query answers them all.
 */
export const memberById = (ctx: MembersContext) =>
  ctx.loaders.get<string, Member>('member-by-id', async (ids) =>
    byIdInOrder(ids, await ctx.db.member.findMany({ where: { id: { in: [...ids] } } })),
  );
