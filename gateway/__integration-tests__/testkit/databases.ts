import { PGlite } from '@electric-sql/pglite';
import { envPrefix, type DatabaseLocation, type SqlExecutor } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Test databases. With `<SUBGRAPH>_DATABASE_URL` set, the real PostgreSQL server; otherwise an
 * embedded PGlite loaded from the migrated and seeded template that global-setup.ts dumped once
 * per test run (loading a dump takes about a second, a new database three to four).
 */
export const TEMPLATE_DIR_ENV = 'SAMEN_STERK_TEST_TEMPLATES';

export const postgresUrlFor = (name: string) => process.env[`${envPrefix(name)}_DATABASE_URL`];

export const templatePath = (dir: string, name: string) => path.join(dir, `${name}.tar.gz`);

export async function testDatabaseLocation(name: string): Promise<DatabaseLocation> {
  const url = postgresUrlFor(name);
  if (url) return { kind: 'postgres', url };
  const dir = process.env[TEMPLATE_DIR_ENV];
  if (!dir) throw new Error('No test database template: run the tests through `pnpm test` (jest global set-up).');
  const dump = fs.readFileSync(templatePath(dir, name));
  const instance = new PGlite({ loadDataDir: new Blob([dump]) });
  await instance.waitReady;
  return { kind: 'pglite-instance', instance };
}

/** Empties every table but the migration record, so a test starts from known data. */
export async function truncateAll(sql: SqlExecutor): Promise<void> {
  const tables = await sql.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  if (tables.length > 0) await sql.exec(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
}

/**
 * A fingerprint of everything a database holds (every table's rows, the migration record
 * aside), so a test can prove that a refused request wrote nothing.
 */
export async function contentHash(sql: SqlExecutor): Promise<string> {
  const tables = await sql.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await sql.query<{ hash: string | null; rows: string }>(
        `SELECT md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS hash, count(*)::text AS rows FROM ${name} t`,
      );
      return `${name}:${row?.rows}:${row?.hash ?? '-'}`;
    }),
  );
  return parts.join('\n');
}
