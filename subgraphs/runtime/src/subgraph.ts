import path from 'node:path';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { GraphQLSchema } from 'graphql';
import { portFromEnv, type ServiceName } from './config';
import { databaseLocationFromEnv, openDatabase, type Database, type DatabaseLocation } from './database/database';
import { publicReadsPlugin, type PublicReads } from './http/public-reads';
import { startSubgraphServer, type RunningServer } from './http/server';
import { describeError, logError, whereThrown } from './http/log';
import { startTracing, stopTracing } from './observability/tracing';
import { migrateDatabase } from './migrations/migrate-database';

export { migrateDatabase } from './migrations/migrate-database';

/** Everything the runtime needs to know about one subgraph. */
export interface SubgraphDefinition<Client extends { $disconnect(): Promise<void> }> {
  name: ServiceName;
  schema: GraphQLSchema;
  /** Prisma's migrations folder of the subgraph. */
  migrationsDir: string;
  createClient: (adapter: SqlDriverAdapterFactory) => Client;
  /** Demo data for the embedded default; must do nothing when data is already there. */
  seed?: (client: Client) => Promise<unknown>;
  /** Work the service does by itself now and then (the Academy closes sessions that started). */
  jobs?: readonly PeriodicJob<Client>[];
  /** Fields the same for everyone signed in, whose answers the gateway may keep (`http/public-reads.ts`). */
  publicReads?: PublicReads;
}

/**
 * A job run every `intervalMs` while the service runs, first once right after it starts; never
 * two runs of one job at once. A failure is logged (without data) and the next run comes as usual.
 */
export interface PeriodicJob<Client> {
  name: string;
  intervalMs: number;
  run: (client: Client) => Promise<unknown>;
}

/**
 * A subgraph's definition from its package folder: the migrations are always in
 * `<package>/prisma/migrations`, the client is the subgraph's generated Prisma client on the
 * runtime's driver adapter. `sourceDir` is the `__dirname` of the subgraph's `src/index.ts`.
 */
export function defineSubgraph<Client extends { $disconnect(): Promise<void> }>(definition: {
  name: ServiceName;
  schema: GraphQLSchema;
  sourceDir: string;
  Client: new (options: { adapter: SqlDriverAdapterFactory }) => Client;
  seed?: (client: Client) => Promise<unknown>;
  jobs?: readonly PeriodicJob<Client>[];
  publicReads?: PublicReads;
}): SubgraphDefinition<Client> {
  const { Client, sourceDir, ...rest } = definition;
  return {
    ...rest,
    migrationsDir: path.join(sourceDir, '..', 'prisma', 'migrations'),
    createClient: (adapter) => new Client({ adapter }),
  };
}

export interface RunningSubgraph<Client> {
  server: RunningServer;
  database: Database<Client>;
  stop(): Promise<void>;
}

export interface RunOptions {
  location?: DatabaseLocation;
  port?: number;
  seed?: boolean;
  log?: (message: string) => void;
  /** Other subgraphs' endpoints, when not the defaults. */
  serviceUrls?: () => Partial<Record<ServiceName, string>>;
}

/** Opens the subgraph's database, applies pending migrations, seeds if asked, and serves it. */
export async function runSubgraph<Client extends { $disconnect(): Promise<void> }>(
  definition: SubgraphDefinition<Client>,
  options: RunOptions = {},
): Promise<RunningSubgraph<Client>> {
  const log = options.log ?? (() => undefined);
  const database = await openDatabase(
    options.location ?? databaseLocationFromEnv(definition.name),
    definition.createClient,
  );
  try {
    await migrateDatabase(database, definition.migrationsDir, (message) => log(`${definition.name}: ${message}`));
    if (options.seed && definition.seed) await definition.seed(database.prisma);
    const server = await startSubgraphServer({
      name: definition.name,
      schema: definition.schema,
      database,
      port: options.port ?? portFromEnv(definition.name),
      serviceUrls: options.serviceUrls,
      plugins: definition.publicReads ? [publicReadsPlugin(definition.publicReads)] : [],
    });
    const jobs = startJobs(definition, database.prisma);
    return {
      server,
      database,
      stop: async () => {
        await jobs.stop();
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Starts a definition's periodic jobs; `stop` cancels the next runs and waits for running ones. */
function startJobs<Client extends { $disconnect(): Promise<void> }>(
  definition: SubgraphDefinition<Client>,
  client: Client,
) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of definition.jobs ?? []) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const run = job
        .run(client)
        .catch((error: unknown) =>
          logError('a periodic job failed', {
            service: definition.name,
            job: job.name,
            cause: describeError(error),
            at: whereThrown(error),
          }),
        )
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    const timer = setInterval(tick, job.intervalMs);
    timer.unref();
    timers.push(timer);
    setImmediate(tick);
  }
  return {
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all([...running]);
    },
  };
}

/** A subgraph's own `main`: run it alone (as deployments do) until SIGINT or SIGTERM. */
export function runSubgraphFromCommandLine<Client extends { $disconnect(): Promise<void> }>(
  definition: SubgraphDefinition<Client>,
) {
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  startTracing({ serviceName: definition.name }); // only when OTEL_* variables ask for it
  const running = runSubgraph(definition, { seed: process.env.SEED === '1', log: console.log });
  // Ctrl-C during start-up stops it once it has started (a database is never left half-open).
  const signals = stopOnSignals(async () => {
    await (await running.catch(() => undefined))?.stop();
    await stopTracing();
  });
  running
    .then(({ server }) => {
      if (!signals.stopping()) console.log(`${definition.name} subgraph ready at ${server.url}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

/**
 * Ctrl-C (SIGINT) and SIGTERM stop a service in order and end the process with exit code 0
 * (1 when stopping failed or took longer than `timeoutMs`). One Ctrl-C may arrive more than
 * once: the terminal signals every process of the group, and pnpm and tsx pass it on as well.
 * The handlers therefore stay registered and ignore repeats: a process left without a SIGINT
 * handler under tsx exits with 130 at once, which pnpm reports as a failed command.
 * `stopping()` tells whether a signal came (a start-up still under way then says nothing more).
 */
export function stopOnSignals(stop: () => Promise<unknown>, { timeoutMs = 30_000 } = {}): { stopping: () => boolean } {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    const timer = setTimeout(() => {
      console.error(`Stopping took longer than ${timeoutMs / 1000} s; exiting.`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { stopping: () => stopping };
}
