import { NotFoundError } from '../errors';

/**
 * "Load it by id; not found if it is missing or not the caller's": the one way every subgraph
 * reads a row that belongs to a member. Another member's row is answered exactly like one that
 * does not exist (NOT_FOUND, naming `what` and the id), so an id reveals nothing.
 *
 * `load` reads the row (in the caller's transaction, if any); `visible` is the subgraph's
 * access rule for it (from `access.ts`).
 */
export async function findVisible<Row>(
  what: string,
  id: string,
  load: (id: string) => Promise<Row | null | undefined>,
  visible: (row: Row) => boolean | Promise<boolean>,
): Promise<Row> {
  const row = await load(id);
  if (row === null || row === undefined || !(await visible(row))) throw new NotFoundError(what, id);
  return row;
}

/**
 * A finder for one kind of row, made once in a subgraph's `data/` folder:
 * `const findRun = visibleFinder('Payroll run', (db, id) => db.payrollRun.findUnique(...), canManage…)`,
 * then `findRun(ctx.db, ctx.identity, id)` anywhere.
 */
export function visibleFinder<Db, Caller, Row>(
  what: string,
  load: (db: Db, id: string) => Promise<Row | null | undefined>,
  visible: (caller: Caller, row: Row) => boolean | Promise<boolean>,
) {
  return (db: Db, caller: Caller, id: string): Promise<Row> =>
    findVisible(
      what,
      id,
      (key) => load(db, key),
      (row) => visible(caller, row),
    );
}
