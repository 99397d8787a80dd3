import type { Pool, PoolClient } from 'pg';

/**
 * What Prisma cannot send, a PostgreSQL transaction may still need: COPY, through the pooled
 * connection the interactive transaction holds (a Prisma transaction on PostgreSQL is one pooled
 * connection from BEGIN to COMMIT). The pool's connections are known by their server process id.
 */
/** A pooled PostgreSQL connection (node-postgres). */
export type TransactionConnection = PoolClient;

const connectionsByClient = new WeakMap<object, Map<number, PoolClient>>();

/** Remembers `pool`'s connections by server process id, for `transactionConnection(prisma, …)`. */
export function trackConnections(prisma: object, pool: Pool) {
  const connections = new Map<number, PoolClient>();
  const pid = (client: PoolClient) => (client as PoolClient & { processID: number | null }).processID;
  pool.on('connect', (client) => {
    const id = pid(client);
    if (id !== null) connections.set(id, client);
  });
  pool.on('remove', (client) => {
    const id = pid(client);
    if (id !== null && connections.get(id) === client) connections.delete(id);
  });
  connectionsByClient.set(prisma, connections);
}

/**
 * The PostgreSQL connection that the interactive transaction `tx` of `prisma` runs on, or null
 * on PGlite. Send on it only between the transaction's own statements (one statement at a time
 * on a connection): what it runs is part of the transaction, committed or rolled back with it.
 */
export async function transactionConnection(
  prisma: object,
  tx: { $queryRawUnsafe<T = unknown>(sql: string): Promise<T> },
): Promise<PoolClient | null> {
  const connections = connectionsByClient.get(prisma);
  if (!connections) return null;
  const [row] = await tx.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
  const connection = connections.get(Number(row!.pid));
  if (!connection) throw new Error('The transaction runs on a connection this pool does not know.');
  return connection;
}
