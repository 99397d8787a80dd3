import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { dataDirFromEnv, envPrefix } from '../config';
import { pgliteExecutor, postgresExecutor } from './executors';
import { lockDataFolder } from './folder-lock';
import { QueryLog } from './query-log';
import type { SqlExecutor } from './sql';
import { trackConnections } from './transaction-connection';

/**
 * A subgraph's own database: PostgreSQL when `<SUBGRAPH>_DATABASE_URL` is set, otherwise
 * embedded PGlite in a data folder (or in memory). Same schema, migrations and SQL dialect.
 */
export type DatabaseLocation =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | null }
  /** An already opened PGlite (tests clone one migrated template per run). */
  | { kind: 'pglite-instance'; instance: PGlite };

export interface Database<Client> {
  kind: 'postgres' | 'pglite';
  prisma: Client;
  sql: SqlExecutor;
  /** The SQL Prisma sends, when recording (tests); statements in flight (metrics). */
  queryLog: QueryLog;
  /** PostgreSQL's connection pool (metrics: its size, idle and waiting clients). */
  pool?: Pool;
  /** Readiness: the database answers a trivial query. */
  ping(): Promise<boolean>;
  /**
   * To call after migrations changed the schema. PGlite learns the array types (an enum's
   * `Role[]`, say) when it opens; without this, a parameter of a type created later is sent as
   * plain text and PostgreSQL answers "malformed array literal".
   */
  schemaChanged(): Promise<void>;
  close(): Promise<void>;
}

/** Where `service`'s data lives, from the environment (docs/design.md, "Data"). */
export function databaseLocationFromEnv(service: string): DatabaseLocation {
  const url = process.env[`${envPrefix(service)}_DATABASE_URL`];
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: path.resolve(dataDirFromEnv(), service) };
}

export async function openDatabase<Client extends { $disconnect(): Promise<void> }>(
  location: DatabaseLocation,
  createClient: (adapter: SqlDriverAdapterFactory) => Client,
): Promise<Database<Client>> {
  if (location.kind === 'postgres') {
    const pool = new Pool({ connectionString: location.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const queryLog = new QueryLog();
    const prisma = createClient(queryLog.wrap(new PrismaPg(pool)));
    trackConnections(prisma, pool);
    const sql = postgresExecutor(pool);
    return {
      kind: 'postgres',
      pool,
      prisma,
      sql,
      queryLog,
      ping: () => ping(sql),
      schemaChanged: async () => undefined,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let pglite: PGlite;
  let unlock = () => {};
  if (location.kind === 'pglite-instance') {
    pglite = location.instance;
  } else if (location.dataDir) {
    fs.mkdirSync(location.dataDir, { recursive: true });
    unlock = lockDataFolder(location.dataDir);
    pglite = new PGlite(location.dataDir);
  } else {
    pglite = new PGlite();
  }
  try {
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const queryLog = new QueryLog();
  const prisma = createClient(queryLog.wrap(new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory));
  const sql = pgliteExecutor(pglite);
  return {
    kind: 'pglite',
    prisma,
    sql,
    queryLog,
    ping: () => ping(sql),
    schemaChanged: () => pglite.refreshArrayTypes(),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

async function ping(sql: SqlExecutor): Promise<boolean> {
  try {
    await sql.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * Transaction options for seeding demo data: Prisma ends an interactive transaction after 5 s by
 * default, which a seed on a loaded machine can pass (and a statement of a nested create then
 * met a rolled-back parent: a foreign-key error on PostgreSQL at start-up).
 */
export const SEED_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;
