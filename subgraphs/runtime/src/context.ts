import DataLoader from 'dataloader';
import type { Identity } from './auth/identity';
import type { ServiceName } from './config';

/**
 * What every resolver gets: the subgraph's database, the verified caller (null when the
 * request carries no token), and per-request DataLoaders so that N references cost one query.
 */
export interface SubgraphContext<Db = unknown> {
  db: Db;
  identity: Identity | null;
  /** Whether the request came through the gateway (it carried the gateway's secret). */
  viaGateway: boolean;
  /** The caller's Authorization header, to pass on when this subgraph asks another one. */
  authorization: string | null;
  /** Where another subgraph's GraphQL endpoint is (for service-to-service questions). */
  serviceUrl(name: ServiceName): string;
  loaders: LoaderRegistry;
}

/** DataLoaders live for one request, so their caches never serve one caller's rows to another. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /**
   * The request's loader called `name`, created on first use. `batch` receives the keys
   * collected in one tick and returns one value (or null) per key, in the same order.
   */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | null)[]>): DataLoader<K, V | null> {
    let loader = this.loaders.get(name) as DataLoader<K, V | null> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V | null>(batch);
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Batch helper: rows found by id, returned in the order of the requested ids. */
export const byIdInOrder = <Row extends { id: string }>(ids: readonly string[], rows: Row[]) => {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
};
