import path from 'node:path';
import { databaseLocationFromEnv, openDatabase, type DatabaseLocation } from '../database/database';
import { sdlPathOf, type RegisteredSubgraph } from '../registry';
import { MigrationError } from './apply';
import { migrateDatabase } from './migrate-database';

/**
 * Migrations at deploy time: `pnpm migrate [subgraph …]` (scripts/migrate.ts) applies a
 * subgraph's pending migrations to its database and stops, so a deployment can run it once,
 * before the new version of the subgraph starts, and see a failure as a failed step instead of
 * a service that does not come up. It uses the very runner start-up uses (`migrateDatabase`),
 * on the database start-up would open: `<NAME>_DATABASE_URL`, else the PGlite data folder.
 */

/**
 * A registered subgraph's migrations folder: `prisma/migrations` in its package folder, the
 * folder its committed SDL lies in (what `defineSubgraph` derives from the package's `src/`;
 * a unit test checks the two agree for every subgraph).
 */
export const migrationsDirOf = (subgraph: Pick<RegisteredSubgraph, 'sdl'>): string =>
  path.join(path.dirname(sdlPathOf(subgraph)), 'prisma', 'migrations');

export interface MigrationOutcome {
  subgraph: string;
  ok: boolean;
  /** The migrations this run applied, in order. */
  applied: string[];
  /** One line for the operator: what was applied, "up to date", or why nothing could be. */
  summary: string;
  /** On failure, the runner's explanation of what to do, when it gave one. */
  detail?: string;
}

/** Where a database is, for messages: never the password of a connection URL. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.kind === 'pglite') return location.dataDir ? `PGlite in ${location.dataDir}` : 'PGlite in memory';
  if (location.kind === 'pglite-instance') return 'PGlite';
  try {
    const url = new URL(location.url);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}/${database}`;
  } catch {
    return 'PostgreSQL (the connection URL could not be read)';
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Error codes of node-postgres and PostgreSQL that mean "the database cannot be reached or entered". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  '28P01', // password authentication failed
  '28000', // no pg_hba.conf entry / role not allowed
  '3D000', // database does not exist
]);

/** The one sentence that says why a subgraph's database was not migrated. */
function reasonOf(error: unknown): { reason: string; detail?: string } {
  if (error instanceof MigrationError) {
    const which = error.migration ? `migration ${error.migration}` : 'a migration';
    const reason = {
      MIGRATION_CHECKSUM_MISMATCH: `${which} was changed after it was applied (its checksum differs)`,
      MIGRATION_MISSING: `${which} is applied to the database but missing from the migrations folder`,
      MIGRATION_FAILED: `${which} failed or was left unfinished`,
      MIGRATION_INVALID: 'the migrations folder cannot be used',
    }[error.code];
    return { reason, detail: error.message };
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message ? message : String(error);
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return { reason: `its database cannot be reached (${text.replace(/\.$/, '')})` };
  }
  return { reason: `the database refused (${text.replace(/\.$/, '')})` };
}

/**
 * Applies `subgraph`'s pending migrations to its database (from the environment unless
 * `location` is given) and closes it. Never throws: the outcome says what happened.
 */
export async function migrateSubgraph(
  subgraph: Pick<RegisteredSubgraph, 'name' | 'sdl'>,
  options: { location?: DatabaseLocation; migrationsDir?: string } = {},
): Promise<MigrationOutcome> {
  const location = options.location ?? databaseLocationFromEnv(subgraph.name);
  const where = describeLocation(location);
  // Migrations only need SQL; no Prisma client is made.
  const noClient = () => ({ $disconnect: async () => undefined });
  try {
    const database = await openDatabase(location, noClient);
    try {
      const result = await migrateDatabase(database, options.migrationsDir ?? migrationsDirOf(subgraph));
      const summary =
        result.applied.length === 0
          ? `${subgraph.name}: up to date (${plural(result.alreadyApplied, 'migration')} applied earlier) in ${where}.`
          : `${subgraph.name}: applied ${plural(result.applied.length, 'migration')} (${result.applied.join(', ')}) to ${where}` +
            (result.alreadyApplied ? `; ${result.alreadyApplied} already applied.` : '.');
      return { subgraph: subgraph.name, ok: true, applied: result.applied, summary };
    } finally {
      await database.close().catch(() => undefined);
    }
  } catch (error) {
    const { reason, detail } = reasonOf(error);
    return {
      subgraph: subgraph.name,
      ok: false,
      applied: [],
      summary: `${subgraph.name}: NOT migrated (${where}): ${reason}.`,
      ...(detail ? { detail } : {}),
    };
  }
}
