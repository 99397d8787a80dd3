import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pgliteExecutor } from '../../database/executors';
import type { SqlExecutor } from '../../database/sql';
import { applyMigrations, MigrationError } from '../apply';
import { NO_FILTERS, migrationList, withSchemaEngine } from '../engine';
import { readMigrationsFolder } from '../folder';
import { TempMigrations, writeMigration } from './fixtures';

// One PGlite for the file (starting one takes seconds); each test starts from an empty schema.
let pg: PGlite;
let db: SqlExecutor;
const temp = new TempMigrations();

beforeAll(async () => {
  pg = await PGlite.create();
  db = pgliteExecutor(pg);
});
afterAll(async () => {
  await pg.close();
  temp.removeAll();
});
beforeEach(async () => {
  await pg.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
});

// Folder names sort in application order; the SQL of each depends on the one before.
const M1 = '20240101000000_create_member';
const M2 = '20240102000000_add_city';
const M3 = '20240103000000_create_branch';
const MIGRATIONS = {
  [M3]: 'CREATE TABLE branch (id text PRIMARY KEY, member_id text NOT NULL REFERENCES member(id));\n',
  [M1]: 'CREATE TABLE member (id text PRIMARY KEY, name text NOT NULL);\n',
  [M2]: 'ALTER TABLE member ADD COLUMN city text;\n-- a comment\nCREATE INDEX member_city_idx ON member(city);\n',
};

interface Recorded {
  id: string;
  checksum: string;
  migration_name: string;
  finished: boolean;
  rolled_back: boolean;
  logs: string | null;
  applied_steps_count: number;
  ordered: boolean;
}

function history(): Promise<Recorded[]> {
  return db.query<Recorded>(
    `SELECT id, checksum, migration_name, logs, applied_steps_count, finished_at IS NOT NULL AS finished,
            rolled_back_at IS NOT NULL AS rolled_back, started_at <= finished_at AS ordered
       FROM _prisma_migrations ORDER BY finished_at`,
  );
}

async function tableExists(name: string): Promise<boolean> {
  const [row] = await db.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [name]);
  return row?.exists ?? false;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

test('applies pending migrations in folder-name order and records them as Prisma does', async () => {
  const dir = temp.create(MIGRATIONS);
  const logged: string[] = [];

  const result = await applyMigrations(db, dir, { log: (msg) => logged.push(msg) });

  expect(result).toEqual({ applied: [M1, M2, M3], alreadyApplied: 0 });
  expect(logged.join('\n')).toContain(`Applied migration ${M1}`);
  expect(await tableExists('branch')).toBe(true);
  const rows = await history();
  expect(rows.map((row) => row.migration_name)).toEqual([M1, M2, M3]);
  for (const row of rows) {
    expect(row).toMatchObject({
      checksum: sha256(MIGRATIONS[row.migration_name as keyof typeof MIGRATIONS]),
      finished: true,
      rolled_back: false,
      logs: null,
      applied_steps_count: 1,
      ordered: true,
    });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("creates Prisma's _prisma_migrations column layout", async () => {
  await applyMigrations(db, temp.create({}));
  const columns = await db.query(
    `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
  );
  expect(columns).toEqual([
    { column_name: 'id', data_type: 'character varying', length: 36, is_nullable: 'NO', column_default: null },
    { column_name: 'checksum', data_type: 'character varying', length: 64, is_nullable: 'NO', column_default: null },
    {
      column_name: 'finished_at',
      data_type: 'timestamp with time zone',
      length: null,
      is_nullable: 'YES',
      column_default: null,
    },
    {
      column_name: 'migration_name',
      data_type: 'character varying',
      length: 255,
      is_nullable: 'NO',
      column_default: null,
    },
    { column_name: 'logs', data_type: 'text', length: null, is_nullable: 'YES', column_default: null },
    {
      column_name: 'rolled_back_at',
      data_type: 'timestamp with time zone',
      length: null,
      is_nullable: 'YES',
      column_default: null,
    },
    {
      column_name: 'started_at',
      data_type: 'timestamp with time zone',
      length: null,
      is_nullable: 'NO',
      column_default: 'now()',
    },
    { column_name: 'applied_steps_count', data_type: 'integer', length: null, is_nullable: 'NO', column_default: '0' },
  ]);
  const [pk] = await db.query<{ columns: string }>(
    `SELECT string_agg(a.attname, ',') AS columns FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = '_prisma_migrations'::regclass AND i.indisprimary`,
  );
  expect(pk?.columns).toBe('id');
});

test('a second run applies nothing; a later run applies only the new migration', async () => {
  const dir = temp.create(MIGRATIONS);
  await applyMigrations(db, dir);

  expect(await applyMigrations(db, dir)).toEqual({ applied: [], alreadyApplied: 3 });
  expect(await history()).toHaveLength(3);

  writeMigration(dir, '20240104000000_more', 'ALTER TABLE branch ADD COLUMN name text;');
  expect(await applyMigrations(db, dir)).toEqual({ applied: ['20240104000000_more'], alreadyApplied: 3 });
  expect(await history()).toHaveLength(4);
});

test('an edited applied migration stops everything with a checksum mismatch', async () => {
  const dir = temp.create({ [M1]: MIGRATIONS[M1], [M2]: MIGRATIONS[M2] });
  await applyMigrations(db, dir);
  fs.appendFileSync(path.join(dir, M2, 'migration.sql'), 'ALTER TABLE member ADD COLUMN email text;\n');
  writeMigration(dir, M3, MIGRATIONS[M3]);
  const before = await history();

  const error = await rejection(applyMigrations(db, dir));

  expect(error.code).toBe('MIGRATION_CHECKSUM_MISMATCH');
  expect(error.migration).toBe(M2);
  expect(error.message).toContain(`Migration ${M2} is applied to this database`);
  expect(error.message).toContain(path.join(dir, M2, 'migration.sql'));
  expect(error.message).toContain('pnpm migration:new');
  // Nothing changed: the pending migration was not applied, the history is as it was.
  expect(await tableExists('branch')).toBe(false);
  expect(await history()).toEqual(before);
});

test('an applied migration whose folder is gone stops everything', async () => {
  const dir = temp.create({ [M1]: MIGRATIONS[M1], [M2]: MIGRATIONS[M2] });
  await applyMigrations(db, dir);
  fs.rmSync(path.join(dir, M2), { recursive: true });
  writeMigration(dir, M3, MIGRATIONS[M3]);

  const error = await rejection(applyMigrations(db, dir));

  expect(error.code).toBe('MIGRATION_MISSING');
  expect(error.migration).toBe(M2);
  expect(error.message).toContain(`Migration ${M2} is applied to this database, but its folder is missing from ${dir}`);
  expect(error.message).toContain('restore the folder');
  expect(await tableExists('branch')).toBe(false);
  expect(await history()).toHaveLength(2);
});

test('a failing migration leaves nothing behind and is named', async () => {
  const failing = '20240102000000_broken';
  const dir = temp.create({
    [M1]: MIGRATIONS[M1],
    // Its first statement succeeds, its second fails: the first must be rolled back too.
    [failing]: 'CREATE TABLE half_done (id int);\nALTER TABLE member ADD COLUMN oops no_such_type;\n',
    [M3]: MIGRATIONS[M3],
  });

  const error = await rejection(applyMigrations(db, dir));

  expect(error.code).toBe('MIGRATION_FAILED');
  expect(error.migration).toBe(failing);
  expect(error.message).toContain(`Migration ${failing} failed and was rolled back`);
  expect(error.message).toContain('no_such_type');
  expect(await tableExists('half_done')).toBe(false);
  expect(await tableExists('branch')).toBe(false); // later migrations not attempted
  expect((await history()).map((row) => row.migration_name)).toEqual([M1]); // earlier ones kept

  // Fixed (never applied anywhere), it goes through on the next run.
  writeMigration(dir, failing, 'CREATE TABLE half_done (id int);\n');
  expect(await applyMigrations(db, dir)).toEqual({ applied: [failing, M3], alreadyApplied: 1 });
});

test("Prisma's own BEGIN/COMMIT in a script does not end the migration's transaction", async () => {
  const failing = '20240101000000_enum_then_broken';
  const dir = temp.create({
    // As Prisma writes it when an enum loses a value; the statement after it fails.
    [failing]:
      "-- AlterEnum\nBEGIN;\nCREATE TYPE role AS ENUM ('A', 'C');\nCOMMIT;\n\nCREATE TABLE t (r no_such_type);\n",
  });

  expect((await rejection(applyMigrations(db, dir))).code).toBe('MIGRATION_FAILED');
  const [type] = await db.query<{ present: boolean }>(`SELECT to_regtype('role') IS NOT NULL AS present`);
  expect(type?.present).toBe(false); // the part before COMMIT was rolled back with the rest

  writeMigration(dir, failing, "BEGIN;\nCREATE TYPE role AS ENUM ('A', 'C');\nCOMMIT;\nCREATE TABLE t (r role);\n");
  expect(await applyMigrations(db, dir)).toEqual({ applied: [failing], alreadyApplied: 0 });
  expect((await history())[0]?.checksum).toBe(
    sha256(fs.readFileSync(path.join(dir, failing, 'migration.sql'), 'utf8')),
  );
});

test('an unfinished earlier attempt stops everything until resolved', async () => {
  const dir = temp.create({ [M1]: MIGRATIONS[M1], [M2]: MIGRATIONS[M2] });
  await applyMigrations(db, temp.create({ [M1]: MIGRATIONS[M1] }));
  // What Prisma's CLI leaves after a migration failed part-way (PostgreSQL runs it without a
  // transaction there).
  await db.query(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, applied_steps_count)
     VALUES ('00000000-0000-4000-8000-000000000000', $1, $2, 'error: boom', 0)`,
    [sha256(MIGRATIONS[M2]), M2],
  );

  const error = await rejection(applyMigrations(db, dir));
  expect(error.code).toBe('MIGRATION_FAILED');
  expect(error.migration).toBe(M2);
  expect(error.message).toContain(`Migration ${M2} was started at`);
  expect(error.message).toContain(`prisma migrate resolve --rolled-back ${M2}`);
  expect(await tableExists('member_city_idx')).toBe(false);

  // Marked rolled back (`prisma migrate resolve --rolled-back`), it is applied again.
  await db.exec(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL`);
  expect(await applyMigrations(db, dir)).toEqual({ applied: [M2], alreadyApplied: 1 });
});

test('two runs at once apply each migration once', async () => {
  const dir = temp.create(MIGRATIONS);

  const [a, b] = await Promise.all([applyMigrations(db, dir), applyMigrations(db, dir)]);

  expect([...a.applied, ...b.applied].sort()).toEqual([M1, M2, M3]);
  expect((await history()).map((row) => row.migration_name)).toEqual([M1, M2, M3]);
});

test('an unusable migrations folder is refused before touching the database', async () => {
  const missing = path.join(temp.create({}), 'nope');
  expect((await rejection(applyMigrations(db, missing))).code).toBe('MIGRATION_INVALID');

  const noScript = temp.create({ [M1]: MIGRATIONS[M1] });
  fs.mkdirSync(path.join(noScript, M2));
  const error = await rejection(applyMigrations(db, noScript));
  expect(error.code).toBe('MIGRATION_INVALID');
  expect(error.message).toContain(`${M2} in ${noScript} has no migration.sql`);

  const otherDatabase = temp.create({ [M1]: MIGRATIONS[M1] });
  fs.writeFileSync(path.join(otherDatabase, 'migration_lock.toml'), 'provider = "sqlite"\n');
  expect((await rejection(applyMigrations(db, otherDatabase))).code).toBe('MIGRATION_INVALID');

  expect(await tableExists('_prisma_migrations')).toBe(false);
});

const FAKE_ONLY_SET_TIMEOUT: NonNullable<FakeTimersConfig['doNotFake']> = [
  'Date',
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
];

describe("Prisma's schema engine", () => {
  const schema = [{ path: 'schema.prisma', content: 'datasource db {\n  provider = "postgresql"\n}\n' }];

  test('sees migrations applied here as applied, unedited and not failed', async () => {
    const dir = temp.create(MIGRATIONS);
    await applyMigrations(db, dir);
    const folder = await readMigrationsFolder(dir);

    const diagnosis = await withSchemaEngine(pg, schema, (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: migrationList(folder),
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      }),
    );

    expect(diagnosis).toMatchObject({
      hasMigrationsTable: true,
      history: null,
      editedMigrationNames: [],
      failedMigrationNames: [],
    });
  });

  test('applies migrations that this runner then sees as applied', async () => {
    const dir = temp.create(MIGRATIONS);
    const folder = await readMigrationsFolder(dir);

    // The engine arms a 10 s timeout around its advisory lock and leaves it running, which would
    // hold Jest's worker open; with a fake setTimeout it never fires and is cleared afterwards.
    jest.useFakeTimers({ doNotFake: FAKE_ONLY_SET_TIMEOUT });
    const output = await withSchemaEngine(pg, schema, (engine) =>
      engine.applyMigrations({ migrationsList: migrationList(folder), filters: NO_FILTERS }),
    ).finally(() => {
      jest.clearAllTimers();
      jest.useRealTimers();
    });

    expect(output.appliedMigrationNames).toEqual([M1, M2, M3]);
    expect(await applyMigrations(db, dir)).toEqual({ applied: [], alreadyApplied: 3 });
  });
});
