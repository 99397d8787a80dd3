import type { GraphQLFormattedError } from 'graphql';

/** A GraphQL answer over HTTP; `Data` is what the caller knows the query selects. */
export interface GraphQLResponse<Data = unknown> {
  status: number;
  data?: Data | null;
  errors?: GraphQLFormattedError[];
}

/** POSTs a GraphQL request over HTTP, as a member system would. */
export async function graphql<Data = unknown>(
  url: string,
  query: string,
  {
    variables,
    token,
    headers,
  }: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // A new connection each time: the platform runs in this process, so a long reset (seeding)
      // blocks the loop past the server's keep-alive timeout, and a reused idle socket is reset
      // under the next request (ECONNRESET) as the server closes it.
      connection: 'close',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

/** The error codes of a response, for compact assertions. */
export const errorCodes = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((e) => e.extensions?.code);

/**
 * The selection of one page of a connection, as `allPages` follows it: the count, where the next
 * page starts, and `fields` of each node.
 */
export const pageOf = (fields: string) => `totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } }`;

/** The nodes of a connection's edges. */
export const nodes = <Node>(connection: { edges: { node: Node }[] }) => connection.edges.map((edge) => edge.node);
