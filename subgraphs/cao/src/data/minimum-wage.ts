import type { CaoContext } from '../builder';
import { snapshot } from '@samen-sterk/subgraph-runtime';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

/**
 * The statutory minimum-wage rates: few (two a year), so they are loaded whole and picked by
 * date in code (domain/minimum-wage.ts).
 */
export type RateWithAmounts = Prisma.MinimumWageRateGetPayload<{ include: { amounts: true } }>;

/**
 * The rates with their amounts, shared by all requests of this process; read again after a
 * registration here (`forgetMinimumWageRates`) or, in another replica, when the count or the
 * latest registration time changed (checked at most every second). Read-only for its users.
 */
const rates = snapshot<PrismaClient, RateWithAmounts[]>({
  load: (db) => db.minimumWageRate.findMany({ include: { amounts: true }, orderBy: { effectiveFrom: 'asc' } }),
  fingerprint: async (db) => {
    const { _count, _max } = await db.minimumWageRate.aggregate({ _count: { _all: true }, _max: { createdAt: true } });
    return `${_count._all}:${_max.createdAt?.toISOString() ?? '-'}`;
  },
});

export const minimumWageRates = (ctx: CaoContext): Promise<readonly RateWithAmounts[]> => rates.get(ctx.db);

/** After a registration commits: the next request reads the rates again. */
export const forgetMinimumWageRates = (ctx: CaoContext) => rates.invalidate(ctx.db);
