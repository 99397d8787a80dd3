/**
 * A process-wide copy of data that changes seldom and is read by nearly every request (a CAO's
 * published salary tables, the statutory minimum wages): read once, shared by every request, and
 * read again only when it changed.
 *
 * Whether it changed is asked of the database with a cheap fingerprint (the ids and times of the
 * rows, a handful), at most once every `revalidateMs` (default 0: every time; callers ask once per
 * request). The data can change behind this process's back: another replica publishes, a test
 * restores a database, an operator loads a backup. A copy is never trusted without its
 * fingerprint, and the service that writes also calls `invalidate(db)` once its transaction
 * committed. Requests arriving while a read is under way wait for that read. Copies are kept per
 * database client (a WeakMap), so two platforms in one process (tests) never see each other's.
 * What is cached must be treated as read-only by its users.
 */
export interface SnapshotOptions<Db, Value> {
  /** Reads the whole value. */
  load(db: Db): Promise<Value>;
  /** A cheap question whose answer changes whenever the value does. */
  fingerprint(db: Db): Promise<string>;
  revalidateMs?: number;
}

interface Entry<Value> {
  value: Promise<Value>;
  fingerprint: Promise<string>;
  checkedAt: number;
  /** Set when this process changed the data: read again at the next request. */
  stale: boolean;
}

export interface Snapshot<Db, Value> {
  get(db: Db): Promise<Value>;
  invalidate(db: Db): void;
}

const revalidateFromEnv = () => {
  const raw = Number(process.env.SNAPSHOT_REVALIDATE_MS);
  return Number.isFinite(raw) && raw >= 0 ? raw : 0;
};

export function snapshot<Db extends object, Value>(options: SnapshotOptions<Db, Value>): Snapshot<Db, Value> {
  const entries = new WeakMap<Db, Entry<Value>>();
  const revalidateMs = options.revalidateMs ?? revalidateFromEnv();

  const read = (db: Db): Entry<Value> => {
    // The fingerprint is taken before the value, so a change between the two reads the value
    // again next time rather than keeping it for ever.
    const fingerprint = options.fingerprint(db);
    const value = fingerprint.then(() => options.load(db));
    const entry: Entry<Value> = { value, fingerprint, checkedAt: Date.now(), stale: false };
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (entries.get(db) === entry) entries.delete(db);
    });
    entries.set(db, entry);
    return entry;
  };

  const revalidate = async (db: Db, entry: Entry<Value>): Promise<Value> => {
    entry.checkedAt = Date.now();
    const [known, now] = await Promise.all([entry.fingerprint, options.fingerprint(db)]);
    if (known === now || entries.get(db) !== entry) return (entries.get(db) ?? entry).value;
    return (entries.get(db) === entry ? read(db) : entries.get(db)!).value;
  };

  return {
    get(db) {
      const entry = entries.get(db);
      if (!entry || entry.stale) return read(db).value;
      if (revalidateMs > 0 && Date.now() - entry.checkedAt < revalidateMs) return entry.value;
      return revalidate(db, entry);
    },
    invalidate(db) {
      const entry = entries.get(db);
      if (entry) entry.stale = true;
    },
  };
}
