import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Agent, fetch as undiciFetch } from 'undici';

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

/** A fetcher for `RemoteGraphQLDataSource` over the agent, aborted when the call's time is up. */
type Fetcher = RemoteGraphQLDataSource['fetcher'];

export function agentFetcher(agent: Agent): Fetcher {
  return (async (url: string, init?: Record<string, unknown>) =>
    undiciFetch(url, {
      ...(init as object),
      dispatcher: agent,
      signal: callSignal.getStore(),
    })) as unknown as Fetcher;
}
