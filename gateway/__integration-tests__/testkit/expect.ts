import type { SqlExecutor } from '@samen-sterk/subgraph-runtime';
import { contentHash } from './databases';
import { errorCodes, type GraphQLResponse } from './graphql';

/** The request succeeded: no errors, and data, typed as the caller says the query answers. */
export function expectOk<Data>(res: GraphQLResponse<Data>): Data {
  expect(res.errors).toBeUndefined();
  expect(res.data).toBeTruthy();
  return res.data as Data;
}

/**
 * The request was refused with exactly one error of `code`; with `field`, the error names that
 * argument (`input.bsn`), with `null` it names none. Without data for the refused field.
 */
export function expectRefused(res: GraphQLResponse<unknown>, code: string, field?: string | null): void {
  const refusal = { codes: errorCodes(res), ...(field === undefined ? {} : { field: errorField(res) ?? null }) };
  expect(refusal).toEqual({ codes: [code], ...(field === undefined ? {} : { field }) });
}

/**
 * As `expectRefused`, and the database the request was aimed at holds exactly what it held
 * before (rows and audit log alike): a refusal writes nothing.
 */
export async function expectRefusedWithoutWrites<Data>(
  database: { sql: SqlExecutor },
  request: () => Promise<GraphQLResponse<Data>>,
  code: string,
  field?: string | null,
): Promise<GraphQLResponse<Data>> {
  const before = await contentHash(database.sql);
  const res = await request();
  expectRefused(res, code, field);
  expect(await contentHash(database.sql)).toEqual(before);
  return res;
}

/** The field (argument path) a refusal names, if any. */
export const errorField = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.field as string | undefined;

/** The list, after checking it has something in it: a loop of assertions over nothing proves nothing. */
export function nonEmpty<Item>(list: readonly Item[]): readonly Item[] {
  expect(list.length).toBeGreaterThan(0);
  return list;
}

/** The first error of an answer, if any (to read its `extensions.field`). */
export const firstError = (res: GraphQLResponse) => res.errors?.[0];
