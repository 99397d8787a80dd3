import type { SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';

/**
 * Sees every SQL statement Prisma sends, whatever the driver, by wrapping the driver adapter.
 * Tests use it to prove batching (N references, one query); it records SQL text only, never
 * parameters, which may hold personal data.
 */
export class QueryLog {
  readonly statements: string[] = [];
  private recording = false;
  /** Statements sent and not yet answered, and sent in all (the metrics read these). */
  inFlight = 0;
  sent = 0;

  /** Records the statements `fn` causes and returns them. */
  async during(fn: () => Promise<unknown>): Promise<string[]> {
    const start = this.statements.length;
    this.recording = true;
    try {
      await fn();
    } finally {
      this.recording = false;
    }
    return this.statements.slice(start);
  }

  wrap(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
    const record = (query: SqlQuery) => {
      if (this.recording) this.statements.push(query.sql);
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const log = this;
    const queryable = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(object, property, receiver) {
          const value = Reflect.get(object, property, receiver);
          if (typeof value !== 'function') return value;
          if (property === 'queryRaw' || property === 'executeRaw') {
            return async (query: SqlQuery) => {
              record(query);
              log.inFlight++;
              log.sent++;
              try {
                return await value.call(object, query);
              } finally {
                log.inFlight--;
              }
            };
          }
          if (property === 'startTransaction') {
            return async (...args: unknown[]) => queryable(await value.apply(object, args));
          }
          return value.bind(object);
        },
      });
    return new Proxy(factory, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (property === 'connect') return async () => queryable(await value.call(object));
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
  }
}
