/**
 * The few raw-SQL operations the runtime needs outside Prisma (migrations, readiness, test
 * resets), with one implementation per driver: embedded PGlite and PostgreSQL (node-postgres).
 */
export interface SqlExecutor {
  /** Runs one or more statements without parameters (a whole migration file, say). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement ($1, $2, …) and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}
