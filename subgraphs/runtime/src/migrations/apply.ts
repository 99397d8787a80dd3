import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SqlExecutor } from '../database/sql';
import {
  LOCK_FILE,
  MIGRATION_FILE,
  PROVIDER,
  lockFileProvider,
  readMigrationsFolder,
  type MigrationOnDisk,
  type MigrationsFolder,
} from './folder';
import { withoutTransactionControl } from './script';

export type MigrationErrorCode =
  /** An applied migration's migration.sql was edited afterwards. */
  | 'MIGRATION_CHECKSUM_MISMATCH'
  /** An applied migration's folder is gone. */
  | 'MIGRATION_MISSING'
  /** A migration failed now (rolled back), or an earlier attempt was left unfinished. */
  | 'MIGRATION_FAILED'
  /** The migrations folder itself is unusable (absent, a folder without migration.sql, …). */
  | 'MIGRATION_INVALID';

/** Why the migrations were not (all) applied; the message says what to do about it. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    /** The migration concerned, when there is one. */
    readonly migration?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ApplyMigrationsOptions {
  log?: (msg: string) => void;
}

export interface ApplyMigrationsResult {
  /** The migrations this call applied, in order. */
  applied: string[];
  /** How many of the folder's migrations were already applied (by earlier runs or a concurrent one). */
  alreadyApplied: number;
}

/** Prisma's own history table, so the Prisma CLI (where someone has it) sees these migrations as applied. */
const HISTORY_TABLE = '_prisma_migrations';

// Column layout as Prisma's schema engine creates it for PostgreSQL.
const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "${HISTORY_TABLE}" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The key of the advisory lock that serialises migration runs. It is the key Prisma's schema
 * engine takes for `prisma migrate deploy`, so this runner and the Prisma CLI also exclude each
 * other. A transaction-level lock (released at commit or rollback) because a pooled executor
 * gives no guarantee that a later unlock would run on the same connection.
 */
const ADVISORY_LOCK_KEY = 72707369;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  started_at: Date | string;
  finished: boolean;
  rolled_back: boolean;
}

/**
 * Applies the pending migrations of `migrationsDir` (Prisma's folder layout) to `db`, each once,
 * in folder-name order, each in its own transaction together with its `_prisma_migrations` row.
 *
 * Nothing is applied when the history does not match the folder: an applied migration edited
 * or deleted, or an earlier attempt left unfinished. Those stop with a `MigrationError`.
 */
export async function applyMigrations(
  db: SqlExecutor,
  migrationsDir: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const log = options.log ?? (() => undefined);
  const folder = await readMigrationsFolder(migrationsDir);
  checkFolder(folder);
  const byName = new Map(folder.migrations.map((migration) => [migration.name, migration]));

  const applied: string[] = [];
  // One transaction per migration, each deciding afresh under the lock what is next: a process
  // that waited for the lock sees what the other one committed and does not apply it again.
  for (;;) {
    const next = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`);
      const [table] = await tx.query<{ present: boolean }>(
        `SELECT to_regclass('"${HISTORY_TABLE}"') IS NOT NULL AS present`,
      );
      if (!table?.present) await tx.exec(CREATE_HISTORY_TABLE);
      const history = await tx.query<HistoryRow>(
        `SELECT migration_name, checksum, started_at,
                finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
           FROM "${HISTORY_TABLE}" ORDER BY started_at`,
      );
      const done = checkHistory(history, byName, folder.dir);
      const pending = folder.migrations.find((migration) => !done.has(migration.name));
      if (!pending) return null;
      await applyOne(tx, pending, folder.dir);
      return pending.name;
    });
    if (next === null) break;
    applied.push(next);
    log(`Applied migration ${next}`);
  }
  const alreadyApplied = folder.migrations.length - applied.length;
  log(
    applied.length === 0
      ? `Database is up to date (${alreadyApplied} migration${alreadyApplied === 1 ? '' : 's'}).`
      : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}; ${alreadyApplied} already applied.`,
  );
  return { applied, alreadyApplied };
}

function checkFolder(folder: MigrationsFolder): void {
  if (!folder.exists) {
    throw new MigrationError(
      'MIGRATION_INVALID',
      `The migrations folder ${folder.dir} does not exist. Create the first migration with ` +
        '"pnpm migration:new init" in the subgraph folder, or check the path given to applyMigrations.',
    );
  }
  const provider = folder.lockFile === null ? PROVIDER : lockFileProvider(folder.lockFile);
  if (provider !== PROVIDER) {
    throw new MigrationError(
      'MIGRATION_INVALID',
      `${path.join(folder.dir, LOCK_FILE)} names provider ${JSON.stringify(provider)}, but these ` +
        `migrations are applied to PostgreSQL: the folder holds migrations for another database.`,
    );
  }
  const withoutScript = folder.migrations.find((migration) => migration.sql === null);
  if (withoutScript) {
    throw new MigrationError(
      'MIGRATION_INVALID',
      `Migration folder ${withoutScript.name} in ${folder.dir} has no ${MIGRATION_FILE}. ` +
        'Every folder there must be a migration: restore the file, or remove the stray folder.',
      withoutScript.name,
    );
  }
}

/** Checks the recorded history against the folder; returns the names applied so far. */
function checkHistory(history: HistoryRow[], byName: Map<string, MigrationOnDisk>, dir: string): Set<string> {
  const done = new Set<string>();
  for (const row of history) {
    // Rows marked rolled back (`prisma migrate resolve --rolled-back`) are an audit trail only.
    if (row.rolled_back) continue;
    const name = row.migration_name;
    if (!row.finished) {
      throw new MigrationError(
        'MIGRATION_FAILED',
        `Migration ${name} was started at ${formatTime(row.started_at)} but never finished: an ` +
          'earlier attempt failed part-way, so the database may be half-migrated. No migration was ' +
          `applied. Inspect the database (and the "logs" column of ${HISTORY_TABLE}), repair it by ` +
          `hand, then mark the attempt: "prisma migrate resolve --rolled-back ${name}" to have it run ` +
          `again, or "prisma migrate resolve --applied ${name}" if you completed it by hand (without ` +
          `the Prisma CLI: set rolled_back_at = now() on its ${HISTORY_TABLE} row).`,
        name,
      );
    }
    const onDisk = byName.get(name);
    if (!onDisk) {
      throw new MigrationError(
        'MIGRATION_MISSING',
        `Migration ${name} is applied to this database, but its folder is missing from ${dir}. ` +
          'No migration was applied. Applied migrations must never be deleted: restore the folder ' +
          'from version control. If this database was migrated from another branch, reset it ' +
          '(delete its PGlite data folder, or drop and recreate the PostgreSQL database).',
        name,
      );
    }
    if (onDisk.checksum !== row.checksum) {
      throw new MigrationError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `Migration ${name} is applied to this database, but ${onDisk.file} was changed afterwards ` +
          `(recorded checksum ${row.checksum}, file now ${onDisk.checksum ?? 'unreadable'}). No ` +
          'migration was applied. Applied migrations must never be edited: restore the file from ' +
          'version control, and put the change in a new migration with "pnpm migration:new <name>" ' +
          'in the subgraph folder. If the edit was meant and only local databases have this ' +
          'migration, reset those databases instead.',
        name,
      );
    }
    done.add(name);
  }
  return done;
}

async function applyOne(tx: SqlExecutor, migration: MigrationOnDisk, dir: string): Promise<void> {
  try {
    // Prisma's own BEGIN/COMMIT would end this transaction early (see script.ts).
    await tx.exec(withoutTransactionControl(migration.sql ?? ''));
  } catch (cause) {
    throw new MigrationError(
      'MIGRATION_FAILED',
      `Migration ${migration.name} failed and was rolled back: none of its statements remain and ` +
        `it is not recorded as applied. Later migrations were not attempted. Database error: ` +
        `${errorMessage(cause)}. Fix ${path.join(dir, migration.name, MIGRATION_FILE)} (or the data ` +
        'it trips over) and start again; if this migration is already applied to another database, ' +
        'leave it as it is and add a new one instead.',
      migration.name,
      { cause },
    );
  }
  // started_at defaults to the transaction's start; finished_at is the moment the script ended.
  await tx.query(
    `INSERT INTO "${HISTORY_TABLE}" (id, checksum, migration_name, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, clock_timestamp(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
}

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function formatTime(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
