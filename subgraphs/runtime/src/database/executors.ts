import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import type { SqlExecutor } from './sql';

type PGliteLike = Pick<PGlite, 'exec' | 'query'> | PGliteTransaction;

/** SqlExecutor on embedded PGlite (one connection; transactions are serialised by PGlite). */
export function pgliteExecutor(db: PGlite): SqlExecutor {
  const on = (target: PGliteLike): SqlExecutor => ({
    exec: async (sql) => {
      await target.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await target.query<Row>(sql, params)).rows,
    transaction: (fn) => {
      // PGlite has no nested transactions; a nested call joins the outer one.
      if (target !== db) return fn(on(target));
      return db.transaction((tx) => fn(on(tx)));
    },
  });
  return on(db);
}

/** SqlExecutor on a node-postgres pool; a transaction holds one pooled connection. */
export function postgresExecutor(pool: Pool): SqlExecutor {
  const onClient = (client: PoolClient): SqlExecutor => ({
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    transaction: (fn) => fn(onClient(client)),
  });
  return {
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(onClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
