import { PGlite } from '@electric-sql/pglite';
import { migrateDatabase, openDatabase } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import { postgresUrlFor, TEMPLATE_DIR_ENV, templatePath } from './databases';

/**
 * Once per test run: for each subgraph on PGlite, a database migrated and seeded, dumped to a
 * file that every test file loads (PostgreSQL runs need none: tests reset the real database).
 *
 * Every test file loads five of these, so their size is most of a test file's start: a dump with
 * PostgreSQL's defaults is 40 MB (a 16 MB write-ahead log segment and the template databases
 * beside ours) and loads in about 1.8 s. With 1 MB log segments and without the templates (which
 * only CREATE DATABASE needs) it is 16 MB and loads in about 1.0 s.
 */
export default async function globalSetup(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samen-sterk-test-'));
  process.env[TEMPLATE_DIR_ENV] = dir;
  await Promise.all(
    SUBGRAPH_DEFINITIONS.filter((d) => !postgresUrlFor(d.name)).map(async (definition) => {
      const instance = new PGlite({ initDbStartParams: ['--wal-segsize=1'] });
      const database = await openDatabase({ kind: 'pglite-instance', instance }, definition.createClient);
      await migrateDatabase(database, definition.migrationsDir);
      await definition.seed?.(database.prisma);
      for (const template of ['template1', 'template0']) {
        await instance.exec(`ALTER DATABASE ${template} IS_TEMPLATE false`);
        await instance.exec(`DROP DATABASE ${template}`);
      }
      await instance.exec('CHECKPOINT');
      const dump = await instance.dumpDataDir('gzip');
      fs.writeFileSync(templatePath(dir, definition.name), Buffer.from(await dump.arrayBuffer()));
      await database.close();
    }),
  );
}
