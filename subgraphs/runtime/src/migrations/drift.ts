import { NO_FILTERS, migrationList, readSchemaFiles, scratchDatabase, withSchemaEngine } from './engine';
import { readMigrationsFolder } from './folder';

/** What Prisma's engine prints for a diff with nothing in it. */
const EMPTY_MIGRATION = '-- This is an empty migration.';

/**
 * The SQL still needed to go from the migrations in `migrationsDir` to the datamodel of
 * `schemaPath` (a schema.prisma file or a folder of .prisma files): '' when they are in sync,
 * otherwise exactly the script the next migration should hold.
 *
 * The migrations are replayed in a throwaway in-memory PGlite (the "shadow database"); no real
 * database is touched.
 */
export async function migrationDrift(schemaPath: string, migrationsDir: string): Promise<string> {
  const [schemaFiles, folder] = await Promise.all([readSchemaFiles(schemaPath), readMigrationsFolder(migrationsDir)]);
  const shadow = await scratchDatabase();
  try {
    const { stdout } = await withSchemaEngine(shadow, schemaFiles, (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationList(folder) },
        to: { tag: 'schemaDatamodel', files: schemaFiles },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      }),
    );
    const script = stdout ?? '';
    return script.trim() === '' || script.trim() === EMPTY_MIGRATION ? '' : script;
  } finally {
    await shadow.close();
  }
}
