import { PGlite } from '@electric-sql/pglite';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as EngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { LOCK_FILE, LOCK_FILE_CONTENT, MIGRATION_FILE, type MigrationsFolder } from './folder';
import importEsm = require('./load-esm.cjs');

/**
 * Prisma's schema engine compiled to WebAssembly, driven in-process over PGlite. The Prisma CLI
 * would download a native engine binary, which this machine (and a fresh checkout offline)
 * cannot; the wasm build needs nothing but Node.
 */

export type { SchemaEngine };
export type SchemaFile = SchemaContainer;

// TypeScript's ES2023 library has no WebAssembly types (they come with "DOM"); what is used here:
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  Module: { imports(module: object): { module: string }[] };
  instantiate(
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ exports: Record<string, unknown> }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

type Bindings = typeof EngineBindings;
let bindings: Promise<Bindings> | undefined;

/** The engine's JS bindings wired to its wasm instance; once per process (once per Jest module registry). */
function loadBindings(): Promise<Bindings> {
  bindings ??= instantiateEngine().catch((error: unknown) => {
    bindings = undefined; // let a later call try again
    throw error;
  });
  return bindings;
}

async function instantiateEngine(): Promise<Bindings> {
  // The package's entry point does `import … from "./schema_engine_bg.wasm"`, which Node 20
  // cannot load; so load its JS glue (an ES module) and instantiate the wasm file by hand.
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = (await importEsm(pathToFileURL(gluePath).href)) as Bindings;
  const module = await wasmApi.compile(await fs.readFile(gluePath.replace(/\.js$/, '.wasm')));
  // The wasm imports its host functions from the glue module (by its file name).
  const imports: Record<string, Record<string, unknown>> = {};
  for (const { module: name } of wasmApi.Module.imports(module))
    imports[name] = glue as unknown as Record<string, unknown>;
  const instance = await wasmApi.instantiate(module, imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * Runs `fn` with a schema engine connected to `database` for both its main and its shadow
 * connection: so `database` must be a scratch database whenever the engine needs a shadow one
 * (a diff from migrations replays them there). The engine is freed afterwards.
 */
export async function withSchemaEngine<T>(
  database: PGlite,
  schemaFiles: SchemaFile[],
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const factory = bindMigrationAwareSqlAdapterFactory(pgliteAdapterFactory(database));
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      // The engine's own JSON log lines: its errors reach us as rejections, so these are noise.
      () => undefined,
      factory,
    );
  } catch (error) {
    throw engineError(error, factory.errorRegistry);
  }
  try {
    return await fn(engine);
  } catch (error) {
    throw engineError(error, factory.errorRegistry);
  } finally {
    engine.free();
  }
}

/** The engine's view of a migrations folder. */
export function migrationList(folder: MigrationsFolder): MigrationList {
  return {
    baseDir: folder.dir,
    // The engine needs the lock file to know the database; before the first migration there is
    // none yet, and PostgreSQL is the only database here.
    lockfile: { path: LOCK_FILE, content: folder.lockFile ?? LOCK_FILE_CONTENT },
    shadowDbInitScript: '',
    migrationDirectories: folder.migrations.map((migration) => ({
      path: migration.name,
      migrationFile: {
        path: MIGRATION_FILE,
        content:
          migration.sql === null
            ? { tag: 'error', value: `${migration.file} does not exist` }
            : { tag: 'ok', value: migration.sql },
      },
    })),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

let emptyDataDir: Promise<Blob> | undefined;

/**
 * A new, empty in-memory PGlite. The first one runs initdb (a few seconds); later ones start
 * from a snapshot of it (about a second).
 */
export async function scratchDatabase(): Promise<PGlite> {
  if (emptyDataDir) return PGlite.create({ loadDataDir: await emptyDataDir });
  const first = await PGlite.create();
  emptyDataDir = first.dumpDataDir('none');
  try {
    await emptyDataDir;
  } catch (error) {
    emptyDataDir = undefined;
    await first.close();
    throw error;
  }
  return first;
}

function pgliteAdapterFactory(database: PGlite): SqlMigrationAwareDriverAdapterFactory {
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the shape the
  // engine calls is the same.
  const base = new PrismaPGlite(database) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const connect = async (): Promise<SqlDriverAdapter> => {
    const adapter = await base.connect();
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw: (query) => adapter.executeRaw(query),
      startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
      getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
      dispose: () => adapter.dispose(),
      // The adapter (0.7.2) does not await its script: a failing migration would surface as an
      // unhandled rejection, and the engine would carry on as if it had succeeded.
      executeScript: async (script) => {
        await database.exec(script);
      },
    };
  };
  return { provider: base.provider, adapterName: base.adapterName, connect, connectToShadowDb: connect };
}

/**
 * The engine's error, with the wasm backtrace dropped and the JavaScript errors it only refers
 * to ("External error id#3") written out.
 */
function engineError(error: unknown, registry: ErrorRegistry): Error {
  const raw = messageOf(error);
  const backtrace = raw.search(/\n\s*0: schema_engine/);
  const message = (backtrace === -1 ? raw : raw.slice(0, backtrace))
    .replace(/^external connector error\n/m, '')
    .replace(/External error id#(\d+)/g, (reference, id: string) => {
      const record = registry.consumeError(Number(id));
      return record ? messageOf(record.error) : reference;
    })
    .trim();
  return new Error(`Prisma schema engine: ${message}`, { cause: error });
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The Prisma schema at `schemaPath`: one .prisma file, or a folder of them (multi-file schema). */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  const resolved = path.resolve(schemaPath);
  if (!(await fs.stat(resolved)).isDirectory()) {
    return [{ path: resolved, content: await fs.readFile(resolved, 'utf8') }];
  }
  const entries = await fs.readdir(resolved, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.prisma'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (files.length === 0) throw new Error(`No .prisma files in ${resolved}`);
  return Promise.all(files.map(async (file) => ({ path: file, content: await fs.readFile(file, 'utf8') })));
}
