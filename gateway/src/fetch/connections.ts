import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { AsyncLocalStorage } from 'node:async_hooks';
import { STATUS_CODES } from 'node:http';
import { Agent } from 'undici';

/**
 * Connections to the subgraphs: one undici Agent for all of them, which keeps a bounded pool of
 * connections per origin (each subgraph is its own origin) and reuses them. The default fetcher
 * of Apollo's data source (make-fetch-happen) opens sockets without a bound, so a burst of
 * requests to a slow subgraph became a burst of new connections to it.
 *
 * `SUBGRAPH_CONNECTIONS` (default 64) bounds the connections to one subgraph; requests beyond it
 * wait for a free one. Idle connections are kept 4 s, shorter than the subgraphs keep theirs
 * (65 s, `KEEP_ALIVE_MS`), so the gateway never sends on a connection the server is closing.
 */
export function subgraphAgent(connections = Number(process.env.SUBGRAPH_CONNECTIONS ?? 64)): Agent {
  if (!Number.isInteger(connections) || connections < 1) {
    throw new Error(`SUBGRAPH_CONNECTIONS must be a whole number ≥ 1, not "${process.env.SUBGRAPH_CONNECTIONS}".`);
  }
  return new Agent({ connections, keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 });
}

/**
 * The signal of the call under way (its time limit, `resilience/policies.ts`). Apollo's data
 * source calls its fetcher with no signal of ours; the call's own async context carries it.
 */
const callSignal = new AsyncLocalStorage<AbortSignal>();

export const withCallSignal = <T>(signal: AbortSignal, call: () => Promise<T>): Promise<T> =>
  callSignal.run(signal, call);

/** A fetcher for `RemoteGraphQLDataSource`. */
type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * The fetcher of the gateway's data sources: one POST to a subgraph over the agent, aborted when
 * the call's time is up. It uses undici's `request`, not its `fetch`: the WHATWG wrappers
 * (Request, Headers, streams of the Response) cost about as much CPU per call as the rest of
 * the gateway's part of it. What it gives back has what Apollo's data source and ours read of
 * a response: `ok`, `status`, `statusText`, `url`, `headers.get` and the body once, as JSON or
 * text.
 */
export function agentFetcher(agent: Agent): Fetcher {
  return (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const target = new URL(url);
    const answer = await agent.request({
      origin: target.origin,
      path: target.pathname + target.search,
      method: (init.method ?? 'POST') as 'POST',
      headers: init.headers,
      body: init.body,
      signal: callSignal.getStore(),
    });
    const header = (name: string) => {
      const value = answer.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    };
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    return {
      ok,
      status: answer.statusCode,
      statusText: STATUS_CODES[answer.statusCode] ?? '',
      url,
      headers: { get: header, has: (name: string) => header(name) !== null },
      json: () => answer.body.json(),
      text: () => answer.body.text(),
    };
  }) as unknown as Fetcher;
}
