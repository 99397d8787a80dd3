import { Counter, Gauge } from 'prom-client';
import type { Database } from '../database/database';
import { metricsFor } from './metrics';

/**
 * A service's database use, read when scraped: statements in flight and sent (either driver,
 * counted where Prisma's driver adapter is wrapped: `database/query-log.ts`), and on PostgreSQL
 * the pool's connections and the requests waiting for one. PGlite has no pool: one connection
 * runs one statement at a time, so statements in flight is its queue.
 */
export function watchDatabase(service: string, database: Database<unknown>): void {
  const registers = [metricsFor(service).registry];
  for (const name of ['db_statements_in_flight', 'db_statements_total', 'db_pool_connections', 'db_pool_waiting']) {
    metricsFor(service).registry.removeSingleMetric(name); // a restarted service watches its new database
  }
  new Gauge({
    name: 'db_statements_in_flight',
    help: 'SQL statements sent to the database and not yet answered',
    registers,
    collect() {
      this.set(database.queryLog.inFlight);
    },
  });
  new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to the database',
    registers,
    collect() {
      this.reset();
      this.inc(database.queryLog.sent);
    },
  });
  const pool = database.pool;
  if (!pool) return;
  new Gauge({
    name: 'db_pool_connections',
    help: 'Connections of the PostgreSQL pool, by state',
    labelNames: ['state'],
    registers,
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_waiting',
    help: 'Requests waiting for a connection of the PostgreSQL pool',
    registers,
    collect() {
      this.set(pool.waitingCount);
    },
  });
}
