export {
  applyMigrations,
  MigrationError,
  type ApplyMigrationsOptions,
  type ApplyMigrationsResult,
  type MigrationErrorCode,
} from './apply';
export { migrationDrift } from './drift';
