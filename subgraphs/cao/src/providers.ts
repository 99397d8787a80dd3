import { type Prisma, type PrismaClient } from './generated/prisma/client';
import type { CaoContext } from './builder';
import { amount } from './domain/money';

/**
 * Data access of the CAO subgraph: what the resolvers read, loaded once per request.
 * Published versions and minimum-wage rates are few (a couple a year), so each request loads
 * them whole and picks by date in code (domain/versions.ts, domain/minimum-wage.ts).
 */
export const tableInclude = {
  scales: { orderBy: { scale: 'asc' }, include: { steps: { orderBy: { step: 'asc' } } } },
} satisfies Prisma.CaoVersionInclude;

export type VersionWithTable = Prisma.CaoVersionGetPayload<{ include: typeof tableInclude }>;
export type RateWithAmounts = Prisma.MinimumWageRateGetPayload<{ include: { amounts: true } }>;

type Db = PrismaClient | Prisma.TransactionClient;

export const publishedVersions = (ctx: CaoContext) =>
  ctx.loaders
    .get<'all', VersionWithTable[]>('published-versions', async (keys) => {
      const versions = await ctx.db.caoVersion.findMany({ where: { status: 'PUBLISHED' }, include: tableInclude });
      return keys.map(() => versions);
    })
    .load('all') as Promise<VersionWithTable[]>;

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

export const versionWithTable = (db: Db, id: string) =>
  db.caoVersion.findUnique({ where: { id }, include: tableInclude });

/** A version with its table as plain data, for the audit log. */
export function snapshot(version: VersionWithTable) {
  const { scales, ...terms } = version;
  return {
    ...terms,
    salaryTable: scales.map((s) => ({
      scale: s.scale,
      steps: s.steps.map((c) => [c.step, amount(c.monthlyFullTime)]),
    })),
  };
}
