import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';

/**
 * How long the gateway may keep an answer (its response cache, `plugins/public-reads.ts`): no
 * longer, and no more widely, than every subgraph that contributed to it allows in its
 * `Cache-Control` header. A subgraph answer without that header (nearly all: only public
 * reads carry one) makes the whole answer uncacheable.
 *
 * Apollo's data source does this for the requests it sends itself; ours also applies it to a
 * request that joined one under way (`dedup.ts`), which Apollo's would not see, so a shared
 * private answer can never leave a query marked cacheable.
 */
export function restrictCachePolicy(
  options: GraphQLDataSourceProcessOptions,
  headers: { get(name: string): string | null } | undefined,
) {
  if (!('incomingRequestContext' in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy;
  if (!policy || !('restrict' in policy)) return;
  policy.restrict(hintOf(headers?.get('cache-control') ?? null));
}

function hintOf(header: string | null): { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } {
  const directives = new Map(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split('='))
      .map(([name, value]) => [name ?? '', value ?? ''] as const),
  );
  const maxAge = directives.get('max-age');
  if (!maxAge || !/^\d+$/.test(maxAge) || directives.has('no-store')) return { maxAge: 0 };
  return { maxAge: Number(maxAge), scope: directives.has('public') ? 'PUBLIC' : 'PRIVATE' };
}
