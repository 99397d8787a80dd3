import fs from 'node:fs';
import path from 'node:path';
import { migrationDrift } from '../drift';
import { TempMigrations, writeMigration } from './fixtures';

// Each migrationDrift replays the migrations in its own in-memory PGlite: the first one in this
// file takes seconds to start, later ones start from a snapshot of it.
const temp = new TempMigrations();
afterAll(() => temp.removeAll());

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const MEMBER = `model Member {
  id   String @id
  name String

  @@map("member")
}
`;

function schemaFile(content: string): string {
  const file = path.join(temp.create(), 'schema.prisma');
  fs.writeFileSync(file, content);
  return file;
}

test('without migrations, the whole schema is missing', async () => {
  const schema = schemaFile(DATASOURCE + MEMBER);
  const sql = await migrationDrift(schema, path.join(path.dirname(schema), 'no-migrations-yet'));
  expect(sql).toContain('CREATE TABLE "member"');
  expect(sql).toContain('CONSTRAINT "member_pkey" PRIMARY KEY ("id")');
});

test('migrations matching the schema leave nothing to do', async () => {
  const schema = schemaFile(DATASOURCE + MEMBER);
  const migrations = temp.create();
  writeMigration(migrations, '20240101000000_init', await migrationDrift(schema, migrations));

  expect(await migrationDrift(schema, migrations)).toBe('');
});

test('a schema change yields only the change', async () => {
  const schema = schemaFile(DATASOURCE + MEMBER);
  const migrations = temp.create();
  writeMigration(migrations, '20240101000000_init', await migrationDrift(schema, migrations));
  fs.writeFileSync(schema, DATASOURCE + MEMBER.replace('name String', 'name String\n  city String?'));

  const sql = await migrationDrift(schema, migrations);

  expect(sql).toContain('ALTER TABLE "member" ADD COLUMN     "city" TEXT;');
  expect(sql).not.toContain('CREATE TABLE');
});

test('a schema split over several files is read whole', async () => {
  const dir = path.join(temp.create(), 'schema');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'schema.prisma'), DATASOURCE);
  fs.writeFileSync(path.join(dir, 'member.prisma'), MEMBER);

  expect(await migrationDrift(dir, temp.create())).toContain('CREATE TABLE "member"');
});

test('a migration that does not run is reported by name', async () => {
  const schema = schemaFile(DATASOURCE + MEMBER);
  const migrations = temp.create({ '20240101000000_broken': 'CREATE TABLE member (id text REFERENCES nowhere(id));' });

  await expect(migrationDrift(schema, migrations)).rejects.toThrow(
    /20240101000000_broken[\s\S]*relation "nowhere" does not exist/,
  );
});

test('an invalid schema is reported', async () => {
  const schema = schemaFile(DATASOURCE + 'model Member {\n  id Strin @id\n}\n');
  await expect(migrationDrift(schema, temp.create())).rejects.toThrow(/Strin/);
});
