import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Identity } from '@samen-sterk/subgraph-runtime';

/**
 * The gateway keeps answers that every subgraph behind them marked public (the members
 * directory: `PUBLIC_READS` in its access.ts) for as long as they allowed, and answers the same
 * question from anyone signed in from memory. Scoping:
 * - only signed-in callers read or fill it (public here means "the same for everyone of the
 *   sector", never "for anyone on the internet"); a caller without a valid token is not served
 *   from it and gets the subgraphs' refusal as before;
 * - an answer with any error, or one that touched a single private field, is never kept
 *   (`fetch/cache-policy.ts`, `http/public-reads.ts`);
 * - a mutation through this gateway empties it when answered, so whoever changes the directory
 *   reads the change at once; another gateway replica sees it within the answers' max-age.
 */
export function publicReadsCache<Context extends { identity: Identity | null }>(
  options: { maxSizeBytes?: number } = {},
): ApolloServerPlugin<Context>[] {
  const cache = new InMemoryLRUCache<string>({
    maxSize: options.maxSizeBytes ?? 32 * 1024 * 1024,
    sizeCalculation: InMemoryLRUCache.sizeCalculation,
  });
  const signedIn = async ({ contextValue }: { contextValue: Context }) => contextValue.identity !== null;
  const emptiedByMutations: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      let mutation = false;
      return {
        async didResolveOperation({ operation }) {
          mutation = operation?.operation === 'mutation';
        },
        async willSendResponse() {
          if (mutation) cache.clear();
        },
      };
    },
  };
  return [
    responseCachePlugin<Context>({
      cache,
      // Answers are kept only when public: never by session.
      sessionId: async () => null,
      shouldReadFromCache: signedIn,
      shouldWriteToCache: signedIn,
    }),
    emptiedByMutations,
  ];
}
