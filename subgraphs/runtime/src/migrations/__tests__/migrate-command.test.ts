import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { envPrefix } from '../../config';
import { SUBGRAPH_REGISTRY } from '../../registry';
import { describeLocation, migrationsDirOf } from '../deploy';

// `pnpm migrate` as a deployment runs it: the real command in a child process, against a
// database of its own (a temporary PGlite folder; on PostgreSQL, when MEMBERS_DATABASE_URL is
// set, a throwaway schema in that database), never the tests' shared databases.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const SCRIPT = path.join(ROOT, 'subgraphs', 'runtime', 'scripts', 'migrate.ts');
const MEMBERS = SUBGRAPH_REGISTRY.find((subgraph) => subgraph.name === 'members')!;
const MIGRATIONS = fs
  .readdirSync(migrationsDirOf(MEMBERS), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pnpm migrate <args>` (its script, without pnpm) with only the given database variables. */
function migrate(args: string[], env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.endsWith('_DATABASE_URL') && name !== 'SAMEN_STERK_DATA_DIR'),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', SCRIPT, ...args],
      { cwd: ROOT, env: { ...clean, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

const tamperedChecksum = 'f'.repeat(64);

describe('pnpm migrate on a PGlite data folder', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-command-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('applies, then says up to date, then refuses a changed migration with a message and exit code 1', async () => {
    const env = { SAMEN_STERK_DATA_DIR: dataDir };
    const first = await migrate(['members'], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim()).toBe(
      `members: applied ${MIGRATIONS.length} migration${MIGRATIONS.length === 1 ? '' : 's'} (${MIGRATIONS.join(', ')}) to PGlite in ${path.join(dataDir, 'members')}.`,
    );

    const second = await migrate(['members'], env);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toMatch(/^members: up to date \(\d+ migrations? applied earlier\) in PGlite in /);

    // Someone edited an applied migration: here, its recorded checksum no longer matches the file.
    const pglite = new PGlite(path.join(dataDir, 'members'));
    await pglite.query('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', [
      tamperedChecksum,
      MIGRATIONS[0],
    ]);
    await pglite.close();
    const third = await migrate(['members'], env);
    expect(third.code).toBe(1);
    expect(third.stdout).toBe('');
    const [summary] = third.stderr.split('\n');
    expect(summary).toBe(
      `members: NOT migrated (PGlite in ${path.join(dataDir, 'members')}): migration ${MIGRATIONS[0]} was changed after it was applied (its checksum differs).`,
    );
    expect(third.stderr).toContain('restore the file from version control');
  }, 180_000);

  test('says which subgraph names exist when given another (exit code 2)', async () => {
    const run = await migrate(['member'], { SAMEN_STERK_DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no subgraph "member"; the registered ones are members, cao,');
  });

  test('an unreachable PostgreSQL is one sentence and exit code 1, without the password', async () => {
    const run = await migrate(['members'], {
      MEMBERS_DATABASE_URL: 'postgresql://someone:not-a-real-password@127.0.0.1:1/members',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^members: NOT migrated \(PostgreSQL at 127\.0\.0\.1:1\/members\): its database cannot be reached \(.*ECONNREFUSED.*\)\.$/,
    );
    expect(run.stderr).not.toContain('not-a-real-password');
  });
});

const postgresUrl = process.env[`${envPrefix('members')}_DATABASE_URL`];

// On PostgreSQL only: the suite's PostgreSQL run (README, CI) has the database this needs.
if (postgresUrl)
  describe('pnpm migrate on PostgreSQL', () => {
    // A schema of its own in the members database; the connection's search_path points there,
    // so the tests' own tables in that database are not touched.
    const schema = `migrate_command_${randomBytes(4).toString('hex')}`;
    let admin: Client;
    let url: string;
    beforeAll(async () => {
      admin = new Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const withSchema = new URL(postgresUrl!);
      withSchema.searchParams.set('options', `-c search_path=${schema}`);
      url = withSchema.toString();
    });
    afterAll(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    test('applies, then says up to date, then refuses a changed migration with a message and exit code 1', async () => {
      const env = { MEMBERS_DATABASE_URL: url };
      const where = describeLocation({ kind: 'postgres', url });
      const first = await migrate(['members'], env);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout.trim()).toBe(
        `members: applied ${MIGRATIONS.length} migration${MIGRATIONS.length === 1 ? '' : 's'} (${MIGRATIONS.join(', ')}) to ${where}.`,
      );
      const [applied] = (await admin.query(`SELECT count(*)::int AS n FROM ${schema}._prisma_migrations`)).rows;
      expect(applied.n).toBe(MIGRATIONS.length);

      const second = await migrate(['members'], env);
      expect(second).toMatchObject({ code: 0, stderr: '' });
      expect(second.stdout).toMatch(/^members: up to date \(\d+ migrations? applied earlier\) in PostgreSQL at /);

      await admin.query(`UPDATE ${schema}._prisma_migrations SET checksum = $1 WHERE migration_name = $2`, [
        tamperedChecksum,
        MIGRATIONS[0],
      ]);
      const third = await migrate(['members'], env);
      expect(third.code).toBe(1);
      expect(third.stderr.split('\n')[0]).toBe(
        `members: NOT migrated (${where}): migration ${MIGRATIONS[0]} was changed after it was applied (its checksum differs).`,
      );
    }, 180_000);
  });
