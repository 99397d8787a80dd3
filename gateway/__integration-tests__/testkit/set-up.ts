import type { TestPlatform } from './platform';

/**
 * A query a test needs to set itself up (not what it tests): its data, typed as the caller
 * says the query answers; any error stops the set-up with the errors in the message.
 */
export async function setUpQuery<Data>(
  tp: TestPlatform,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Data> {
  const res = await tp.query<Data>(query, { token, variables });
  if (res.errors) throw new Error(`set-up query failed: ${JSON.stringify(res.errors)}`);
  return res.data as Data;
}
