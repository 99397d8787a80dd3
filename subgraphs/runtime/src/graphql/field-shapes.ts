import type { ArgBuilder, InputObjectRef, SchemaTypes } from '@pothos/core';

/**
 * The argument lists and resolvers most fields share, so that a field reads as what it is (its
 * type, access, description) plus the one service call it makes:
 *
 *   updateMember: t.prismaField({
 *     type: MemberRef,
 *     authScopes: { maintainsDirectory: true },
 *     description: 'Changes a member organisation (platform admins).',
 *     ...byIdWithInput(t, UpdateMemberInput, updateMember),
 *   }),
 *
 * The service receives the request context, the arguments and what the caller selected (`query`,
 * for a Prisma field), and returns the row; it checks whose row it is itself.
 */

/** An input type of a subgraph's builder whose values are `T`, for helpers that take one. */
export type InputOf<Builder, T> =
  Builder extends PothosSchemaTypes.SchemaBuilder<infer Types extends SchemaTypes> ? InputObjectRef<Types, T> : never;

interface FieldArgs<Types extends SchemaTypes> {
  arg: ArgBuilder<Types>;
}

/** `(input: X!)`: the service gets the input. */
export function withInput<Types extends SchemaTypes, Input, Query, Result>(
  t: FieldArgs<Types>,
  input: InputObjectRef<Types, Input>,
  service: (ctx: Types['Context'], input: Input, query: Query) => Result,
) {
  return {
    args: { input: t.arg({ type: input, required: true }) },
    resolve: (query: Query, _root: unknown, args: { input: Input }, ctx: Types['Context']) =>
      service(ctx, args.input, query),
  };
}

/** `(id: ID!, input: X!)`: a change to one row; the service gets the id and the input. */
export function byIdWithInput<Types extends SchemaTypes, Input, Query, Result>(
  t: FieldArgs<Types>,
  input: InputObjectRef<Types, Input>,
  service: (ctx: Types['Context'], id: string, input: Input, query: Query) => Result,
) {
  return {
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: input, required: true }) },
    resolve: (query: Query, _root: unknown, args: { id: string; input: Input }, ctx: Types['Context']) =>
      service(ctx, args.id, args.input, query),
  };
}

/** `(id: ID!)`: one row, read or changed; the service gets the id. */
export function byId<Types extends SchemaTypes, Query, Result>(
  t: FieldArgs<Types>,
  service: (ctx: Types['Context'], id: string, query: Query) => Result,
) {
  return {
    args: { id: t.arg.id({ required: true }) },
    resolve: (query: Query, _root: unknown, args: { id: string }, ctx: Types['Context']) =>
      service(ctx, args.id, query),
  };
}

/**
 * A change, then the changed row read back with what the caller selected: for a service that
 * answers with the plain row (`approvePayrollRun(ctx, id)`), `...byId(t, thenRead(approvePayrollRun, readRun))`.
 */
export const thenRead =
  <Ctx, Arg, Query, Result>(
    change: (ctx: Ctx, arg: Arg) => Promise<{ id: string }>,
    read: (ctx: Ctx, id: string, query: Query) => Promise<Result>,
  ) =>
  async (ctx: Ctx, arg: Arg, query: Query) =>
    read(ctx, (await change(ctx, arg)).id, query);

/**
 * `(memberId: ID!)` on a connection of one member's rows: `scope` says who may read them (checked
 * before anything resolves, so `totalCount` alone cannot leak either); the rows come from a
 * `data/` pair, how many and a page of them:
 * `...ofMember(t, (memberId) => ({ managesEmployeesOf: memberId }), runsOf)`.
 */
type DbOf<Types extends SchemaTypes> = Types['Context'] extends { db: infer Db } ? Db : never;

export function ofMember<Types extends SchemaTypes, Scopes, Query, Row>(
  t: FieldArgs<Types>,
  scope: (memberId: string) => Scopes,
  rows: {
    count: (db: DbOf<Types>, memberId: string) => Promise<number>;
    list: (db: DbOf<Types>, memberId: string, query: Query) => Promise<Row[]>;
  },
) {
  return {
    args: { memberId: t.arg.id({ required: true }) },
    authScopes: (_root: unknown, args: { memberId: string }) => scope(args.memberId),
    totalCount: (_connection: unknown, args: { memberId: string }, ctx: { db: DbOf<Types> }) =>
      rows.count(ctx.db, args.memberId),
    resolve: (query: Query, _root: unknown, args: { memberId: string }, ctx: { db: DbOf<Types> }) =>
      rows.list(ctx.db, args.memberId, query),
  };
}

/** The same rows as a field of the member itself (the members subgraph's `Member`, extended here). */
export function onMember<Db, Scopes, Query, Row>(
  scope: (memberId: string) => Scopes,
  rows: {
    count: (db: Db, memberId: string) => Promise<number>;
    list: (db: Db, memberId: string, query: Query) => Promise<Row[]>;
  },
) {
  return {
    authScopes: (member: { id: string }) => scope(member.id),
    totalCount: (member: { id: string }, _args: unknown, ctx: { db: Db }) => rows.count(ctx.db, member.id),
    resolve: (query: Query, member: { id: string }, _args: unknown, ctx: { db: Db }) =>
      rows.list(ctx.db, member.id, query),
  };
}

/** `(filter: F)` on a connection: the rows from a `data/` pair, how many match and a page of them. */
export function withFilter<Types extends SchemaTypes, Filter, Query, Row>(
  t: FieldArgs<Types>,
  filter: InputObjectRef<Types, Filter>,
  rows: {
    count: (db: DbOf<Types>, filter: Filter | null | undefined) => Promise<number>;
    list: (db: DbOf<Types>, filter: Filter | null | undefined, query: Query) => Promise<Row[]>;
  },
) {
  return {
    args: { filter: t.arg({ type: filter, required: false }) },
    totalCount: (_connection: unknown, args: { filter?: Filter | null }, ctx: { db: DbOf<Types> }) =>
      rows.count(ctx.db, args.filter),
    resolve: (query: Query, _root: unknown, args: { filter?: Filter | null }, ctx: { db: DbOf<Types> }) =>
      rows.list(ctx.db, args.filter, query),
  };
}
