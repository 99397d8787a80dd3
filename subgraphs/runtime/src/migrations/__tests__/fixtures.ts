import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE, LOCK_FILE_CONTENT, MIGRATION_FILE } from '../folder';

/** Temporary migrations folders in Prisma's layout, removed by `removeAll()`. */
export class TempMigrations {
  private readonly dirs: string[] = [];

  /** A new folder holding `migrations` (folder name → SQL) and Prisma's lock file. */
  create(migrations: Record<string, string> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-test-'));
    this.dirs.push(dir);
    fs.writeFileSync(path.join(dir, LOCK_FILE), LOCK_FILE_CONTENT);
    for (const [name, sql] of Object.entries(migrations)) writeMigration(dir, name, sql);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function writeMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, MIGRATION_FILE), sql);
}
