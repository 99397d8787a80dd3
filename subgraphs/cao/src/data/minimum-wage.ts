import type { CaoContext } from '../builder';
import type { Prisma } from '../generated/prisma/client';

/**
 * The statutory minimum-wage rates: few (two a year), so each request loads them whole, once,
 * and picks by date in code (domain/minimum-wage.ts).
 */
export type RateWithAmounts = Prisma.MinimumWageRateGetPayload<{ include: { amounts: true } }>;

export const minimumWageRates = (ctx: CaoContext) =>
  ctx.loaders
    .get<'all', RateWithAmounts[]>('minimum-wage-rates', async (keys) => {
      const rates = await ctx.db.minimumWageRate.findMany({
        include: { amounts: true },
        orderBy: { effectiveFrom: 'asc' },
      });
      return keys.map(() => rates);
    })
    .load('all') as Promise<RateWithAmounts[]>;
