/**
 * `pnpm migration:new <name>`: writes the next Prisma migration of a subgraph,
 * prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql, holding the SQL that takes the
 * existing migrations to prisma/schema.prisma. Offline, with Prisma's wasm schema engine over an
 * in-memory PGlite (no database, no downloaded engine binary).
 *
 * Run from inside a subgraph folder, or from anywhere with `--subgraph <folder under subgraphs/>`.
 * Refuses when the schema has no change. Review the SQL before committing: renames come out as
 * drop-and-add, and data moves are yours to write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrationDrift } from '../src/migrations/drift';
import { LOCK_FILE, LOCK_FILE_CONTENT, MIGRATION_FILE } from '../src/migrations/folder';

const USAGE = 'Usage: pnpm migration:new <name> [--subgraph <subgraph>]   e.g. pnpm migration:new add_member_email';
const SUBGRAPHS_DIR = path.resolve(__dirname, '..', '..');

class UsageError extends Error {}

interface Arguments {
  name: string;
  subgraph: string | null;
}

function parseArguments(argv: string[]): Arguments {
  let subgraph: string | null = null;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--subgraph') {
      subgraph = argv[++i] ?? null;
      if (!subgraph) throw new UsageError('--subgraph needs a subgraph name.');
    } else if (arg.startsWith('--subgraph=')) {
      subgraph = arg.slice('--subgraph='.length);
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError('');
    } else if (arg === '--') {
      // pnpm passes it through in some versions; it separates nothing here.
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option ${arg}.`);
    } else {
      names.push(arg);
    }
  }
  if (names.length !== 1)
    throw new UsageError(names.length === 0 ? 'Give the migration a name.' : 'Give one name only.');
  return { name: migrationSlug(names[0] ?? ''), subgraph };
}

/** snake_case from whatever was typed ("Add member e-mail" → add_member_e_mail). */
function migrationSlug(raw: string): string {
  const slug = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new UsageError(`"${raw}" has no letters or digits to name a migration with.`);
  // The folder name is recorded in _prisma_migrations.migration_name, a varchar(255).
  if (slug.length > 200) throw new UsageError('The name is too long (at most 200 characters).');
  return slug;
}

function subgraphFolder(subgraph: string | null): string {
  const dir = subgraph ? path.join(SUBGRAPHS_DIR, subgraph) : process.cwd();
  if (!fs.existsSync(path.join(dir, 'prisma', 'schema.prisma'))) {
    throw new UsageError(
      subgraph
        ? `subgraphs/${subgraph} has no prisma/schema.prisma.`
        : `${dir} has no prisma/schema.prisma: run this inside a subgraph folder, or pass --subgraph <name>.`,
    );
  }
  return dir;
}

/** Prisma's migration timestamp: UTC, YYYYMMDDHHMMSS. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const dir = subgraphFolder(args.subgraph);
  const schemaPath = path.join(dir, 'prisma', 'schema.prisma');
  const migrationsDir = path.join(dir, 'prisma', 'migrations');
  const shown = (file: string): string => path.relative(process.cwd(), file) || '.';

  const sql = await migrationDrift(schemaPath, migrationsDir);
  if (sql === '') {
    console.error(`No change: ${shown(migrationsDir)} already matches ${shown(schemaPath)}. No migration written.`);
    process.exitCode = 1;
    return;
  }

  const folderName = `${timestamp(new Date())}_${args.name}`;
  const existing = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir) : [];
  // Migrations run in folder-name order, so the new one must sort last.
  const later = existing.filter((name) => name >= folderName && name !== LOCK_FILE);
  if (later.length > 0) {
    throw new UsageError(
      `${folderName} would not sort after ${later.join(', ')}; check the clock, or wait a second and retry.`,
    );
  }
  const migrationDir = path.join(migrationsDir, folderName);
  fs.mkdirSync(migrationDir, { recursive: true });
  fs.writeFileSync(path.join(migrationDir, MIGRATION_FILE), sql, 'utf8');
  const lockFile = path.join(migrationsDir, LOCK_FILE);
  if (!fs.existsSync(lockFile)) fs.writeFileSync(lockFile, LOCK_FILE_CONTENT, 'utf8');

  console.log(`Wrote ${shown(path.join(migrationDir, MIGRATION_FILE))}. Review it before committing:`);
  console.log(sql);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    if (error.message) console.error(error.message);
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
