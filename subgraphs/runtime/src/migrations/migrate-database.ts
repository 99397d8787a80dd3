import type { Database } from '../database/database';
import { applyMigrations, type ApplyMigrationsResult } from './apply';

/**
 * Applies pending migrations and lets the driver learn the types they created. Every path to a
 * served database goes through here (`pnpm start`, a subgraph alone, the tests' templates), and
 * so does the one-shot `pnpm migrate` that deployments run before a subgraph starts.
 */
export async function migrateDatabase<Client>(
  database: Database<Client>,
  migrationsDir: string,
  log?: (message: string) => void,
): Promise<ApplyMigrationsResult> {
  const result = await applyMigrations(database.sql, migrationsDir, { log });
  await database.schemaChanged();
  return result;
}
