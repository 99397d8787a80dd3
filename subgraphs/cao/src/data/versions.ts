import { byIdInOrder, ConflictError, NotFoundError, snapshot } from '@samen-sterk/subgraph-runtime';
import type { CaoContext } from '../builder';
import type { CaoVersion, Prisma, PrismaClient, WageScale } from '../generated/prisma/client';

/**
 * Reading CAO versions and their salary tables: the loaders (one query per request however
 * many look-ups ask) and the finders (a version by id, a draft to change). Published versions
 * are few (a couple a year), so each request loads them whole and picks by date in code
 * (domain/versions.ts).
 */
export const tableInclude = {
  scales: { orderBy: { scale: 'asc' }, include: { steps: { orderBy: { step: 'asc' } } } },
} satisfies Prisma.CaoVersionInclude;

export type VersionWithTable = Prisma.CaoVersionGetPayload<{ include: typeof tableInclude }>;

export type Db = PrismaClient | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;

/**
 * Every published version with its table, shared by all requests of this process: a published
 * version never changes, so the tables are read again only when the set of published versions
 * did (fingerprint: their ids and publication times, asked once per request), or right after a
 * publication here (`publishVersion` invalidates). Read-only for its users.
 */
const publishedTables = snapshot<PrismaClient, VersionWithTable[]>({
  load: (db) => db.caoVersion.findMany({ where: { status: 'PUBLISHED' }, include: tableInclude }),
  fingerprint: async (db) => {
    const rows = await db.caoVersion.findMany({
      where: { status: 'PUBLISHED' },
      select: { id: true, publishedAt: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => `${row.id}@${row.publishedAt?.toISOString() ?? '-'}`).join(',');
  },
});

/** The published versions with their tables, checked once per request. */
export const publishedVersions = (ctx: CaoContext) =>
  ctx.loaders
    .get<'all', readonly VersionWithTable[]>('published-versions', async (keys) => {
      const versions = await publishedTables.get(ctx.db);
      return keys.map(() => versions);
    })
    .load('all') as Promise<readonly VersionWithTable[]>;

/** After a publication commits: the next request reads the published versions again. */
export const forgetPublishedVersions = (ctx: CaoContext) => publishedTables.invalidate(ctx.db);

/** Published versions with their tables, read in a transaction (not cached). */
export const publishedVersionsIn = (db: Db) =>
  db.caoVersion.findMany({ where: { status: 'PUBLISHED' }, include: tableInclude });

/** A version with its table, or null. */
export const versionWithTable = (db: Db, id: string) =>
  db.caoVersion.findUnique({ where: { id }, include: tableInclude });

/** A version with its table; NOT_FOUND when there is none. */
export async function findVersionWithTable(db: Db, id: string): Promise<VersionWithTable> {
  const version = await versionWithTable(db, id);
  if (!version) throw new NotFoundError('CAO version', id);
  return version;
}

/** Loads a draft for change, locked for the transaction; published versions are immutable. */
export async function draftForChange(tx: Tx, id: string): Promise<VersionWithTable> {
  // One change at a time per version (PostgreSQL; PGlite has one connection anyway).
  await tx.$executeRaw`SELECT 1 FROM cao_version WHERE id = ${id} FOR UPDATE`;
  const version = await findVersionWithTable(tx, id);
  if (version.status !== 'DRAFT') {
    throw new ConflictError(
      `${version.name} is published and can no longer change; create a new draft for corrections.`,
    );
  }
  return version;
}

/** Versions by id, one query per request however many are asked for (entities, look-ups). */
export const versionById = (ctx: CaoContext, id: string) =>
  ctx.loaders
    .get<string, CaoVersion>('version-by-id', async (ids) =>
      byIdInOrder(ids, await ctx.db.caoVersion.findMany({ where: { id: { in: [...ids] } } })),
    )
    .load(id);

/** Scales by id, batched per request (HR/payroll's references). */
export const scaleById = (ctx: CaoContext, id: string) =>
  ctx.loaders
    .get<string, WageScale>('scale-by-id', async (ids) =>
      byIdInOrder(ids, await ctx.db.wageScale.findMany({ where: { id: { in: [...ids] } } })),
    )
    .load(id);

/** Scales by version and scale number, batched per request. */
export const scaleByNumber = (ctx: CaoContext, versionId: string, scale: number) =>
  ctx.loaders
    .get<string, WageScale>('scale-by-number', async (keys) => {
      const pairs = keys.map((key) => JSON.parse(key) as [string, number]);
      const rows = await ctx.db.wageScale.findMany({
        where: { OR: pairs.map(([v, s]) => ({ versionId: v, scale: s })) },
      });
      return pairs.map(([v, s]) => rows.find((row) => row.versionId === v && row.scale === s) ?? null);
    })
    .load(JSON.stringify([versionId, scale]));

/** Which versions a list shows: drafts are the CAO team's; for everyone else a filter on drafts finds nothing. */
export function versionsWhere(
  status: 'DRAFT' | 'PUBLISHED' | null | undefined,
  seesDrafts: boolean,
): Prisma.CaoVersionWhereInput {
  if (!seesDrafts) return status === 'DRAFT' ? { id: { in: [] as string[] } } : { status: 'PUBLISHED' as const };
  return status ? { status } : {};
}

/** Newest first; drafts (no date yet) before all. */
export const VERSIONS_ORDER: Prisma.CaoVersionOrderByWithRelationInput[] = [
  { effectiveFrom: { sort: 'desc', nulls: 'first' } },
  { createdAt: 'desc' },
  { id: 'asc' },
];
