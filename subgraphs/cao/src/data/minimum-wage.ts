import type { CaoContext } from '../builder';
import { snapshot } from '@samen-sterk/subgraph-runtime';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

/**
 * The statutory minimum-wage rates: few (two a year), so they are loaded whole and picked by
 * date in code (domain/minimum-wage.ts).
 */
export type RateWithAmounts = Prisma.MinimumWageRateGetPayload<{ include: { amounts: true } }>;

/**
 * The rates with their amounts, shared by all requests of this process; read again when the
 * rates changed (fingerprint: their ids and registration times, asked once per request) or right
 * after a registration here (`forgetMinimumWageRates`). Read-only for its users.
 */
const rates = snapshot<PrismaClient, RateWithAmounts[]>({
  load: (db) => db.minimumWageRate.findMany({ include: { amounts: true }, orderBy: { effectiveFrom: 'asc' } }),
  fingerprint: async (db) => {
    const rows = await db.minimumWageRate.findMany({ select: { id: true, createdAt: true }, orderBy: { id: 'asc' } });
    return rows.map((row) => `${row.id}@${row.createdAt.toISOString()}`).join(',');
  },
});

export const minimumWageRates = (ctx: CaoContext) =>
  ctx.loaders
    .get<'all', readonly RateWithAmounts[]>('minimum-wage-rates', async (keys) => {
      const all = await rates.get(ctx.db);
      return keys.map(() => all);
    })
    .load('all') as Promise<readonly RateWithAmounts[]>;

/** After a registration commits: the next request reads the rates again. */
export const forgetMinimumWageRates = (ctx: CaoContext) => rates.invalidate(ctx.db);
