import type { SqlExecutor } from '@samen-sterk/subgraph-runtime';
import { contentHash } from './databases';
import { errorCodes, type GraphQLResponse } from './graphql';

/**
 * The request is refused with `code` (BAD_USER_INPUT by default) naming `field`, and the
 * database it was aimed at holds exactly what it held before (rows and audit log alike).
 */
export async function expectRefused(
  database: { sql: SqlExecutor },
  request: () => Promise<GraphQLResponse>,
  { code = 'BAD_USER_INPUT', field }: { code?: string; field?: string },
): Promise<GraphQLResponse> {
  const before = await contentHash(database.sql);
  const res = await request();
  expect({ codes: errorCodes(res), field: res.errors?.[0]?.extensions?.field }).toEqual({ codes: [code], field });
  expect(await contentHash(database.sql)).toEqual(before);
  return res;
}

/** The list, after checking it has something in it: a loop of assertions over nothing proves nothing. */
export function nonEmpty<Item>(list: readonly Item[]): readonly Item[] {
  expect(list.length).toBeGreaterThan(0);
  return list;
}
