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

/** What the GraphQL layer wants loaded with a row (Pothos' `query`), so that one query answers. */
export interface Selection<Include, Select = never> {
  include?: Include;
  select?: Select;
}

/** A page of a connection (Pothos' `query` for `prismaConnection`): the selection and where to cut. */
export interface Paged<Include, Select, Cursor> extends Selection<Include, Select> {
  take?: number;
  skip?: number;
  cursor?: Cursor;
}

/**
 * A finder for one kind of row, made once in a subgraph's `data/` folder:
 * `const findRun = visibleFinder('Payroll run', (db, id, query) => db.payrollRun.findUnique(...), canManage…)`,
 * then `findRun(ctx.db, ctx.identity, id)` anywhere, or `findRun(ctx.db, ctx.identity, id, query)`
 * to load what a GraphQL field selected with the row, in the same query.
 */
export function visibleFinder<Db, Caller, Row, Query = undefined>(
  what: string,
  load: (db: Db, id: string, query?: Query) => Promise<Row | null | undefined>,
  visible: (caller: Caller, row: Row) => boolean | Promise<boolean>,
) {
  return (db: Db, caller: Caller, id: string, query?: Query): Promise<Row> =>
    findVisible(
      what,
      id,
      (key) => load(db, key, query),
      (row) => visible(caller, row),
    );
}

/** A finder as a field's read: `...byId(t, readable(findVolunteer))`, the caller from the context. */
export const readable =
  <Db, Caller, Row, Query>(find: (db: Db, caller: Caller, id: string, query?: Query) => Promise<Row>) =>
  (ctx: { db: Db; identity: Caller }, id: string, query: Query) =>
    find(ctx.db, ctx.identity, id, query);

/** The part of a Prisma model a member's list needs. */
interface MemberRowsModel<Query, Order, Row> {
  count(args: { where: { memberId: string } }): Promise<number>;
  findMany(args: Query & { where: { memberId: string }; orderBy: Order }): Promise<Row[]>;
}

/**
 * One member's rows of a model, in a fixed order, for a connection (`ofMember`/`onMember`):
 * `rowsOfMember((db) => db.volunteer, VOLUNTEERS_BY_NAME)` gives how many and a page of them.
 */
export const rowsOfMember = <Db, Query, Order, Row>(
  model: (db: Db) => MemberRowsModel<Query, Order, Row>,
  orderBy: Order,
) => ({
  count: (db: Db, memberId: string) => model(db).count({ where: { memberId } }),
  list: (db: Db, memberId: string, query: Query) => model(db).findMany({ ...query, where: { memberId }, orderBy }),
});
