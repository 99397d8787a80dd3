/**
 * The audit trail every subgraph keeps of changes to data that matters (pay, the agreement,
 * run status): who, when, what before and after. Each subgraph has its own `AuditLogEntry`
 * table (model `AuditLogEntry` in its Prisma schema, same columns); this is the one way rows
 * are written. Snapshots are plain JSON: no personal data beyond what the entity holds.
 */
export interface AuditLogWriter {
  auditLogEntry: { create(args: { data: AuditLogData }): Promise<unknown> };
}

interface AuditLogData {
  actorId: string;
  memberId?: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: object;
  after?: object;
}

export interface Change {
  actorId: string;
  /** The member whose data changed, where the subgraph's log has that column (read per member). */
  memberId?: string;
  /** What happened, in upper snake case: `PUBLISH`, `UPDATE_EMPLOYMENT`, … */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Dates, Decimals and the like as JSON text, as they read in the API. */
const asJson = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as object));

export function recordChange(db: AuditLogWriter, change: Change) {
  return db.auditLogEntry.create({ data: entryOf(change) });
}

/** Many changes made together (an import), in one statement. */
export function recordChanges(
  db: { auditLogEntry: { createMany(args: { data: AuditLogData[] }): Promise<unknown> } },
  changes: Change[],
) {
  return db.auditLogEntry.createMany({ data: changes.map(entryOf) });
}

const entryOf = (change: Change): AuditLogData => ({
  ...change,
  before: asJson(change.before),
  after: asJson(change.after),
});
