import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { observePublicReadAnswer, type Identity } from '@samen-sterk/subgraph-runtime';
import type { Request, RequestHandler } from 'express';

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
 *
 * Two layers keep the same answers. `answerFromMemory` sits in front of Apollo Server: a POST
 * whose body (document, operation name, variables, extensions) is one a public answer was kept
 * for gets that answer's bytes after only its token is checked, without parsing, validating or
 * planning (in a profile under the directory question, Apollo's request pipeline, the response
 * cache plugin's key hashing and the re-serialising of its kept answer were a third of the
 * gateway's CPU). Apollo's response cache plugin behind it answers what that layer does not
 * take: GET requests, other `Accept` types, persisted-query hashes without a document.
 */
export interface PublicReadsCache<Context extends object> {
  plugins: ApolloServerPlugin<Context>[];
  answerFromMemory: RequestHandler;
}

/** Documents longer than this (characters) are answered by Apollo Server, not kept in front of it. */
const MAX_KEPT_DOCUMENT = 20_000;

interface KeptAnswer {
  /** The JSON Apollo Server would send: `{"data":…}`. */
  body: string;
  /** For the metrics and log (the operation Apollo resolved, not what the body claims). */
  operation: string | null;
}

/** The key of a POST body whose answer may be kept in front of Apollo, or null. */
function keyOf(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.length > MAX_KEPT_DOCUMENT) return null;
  return JSON.stringify([query, operationName ?? null, variables ?? null, extensions ?? null]);
}

/** Whether Apollo Server would answer this request as `application/json` (as the kept bytes are sent). */
const acceptsJson = (req: Request) =>
  !req.headers.accept || req.accepts(['application/json', 'application/graphql-response+json']) === 'application/json';

export function publicReadsCache<Context extends { identity: Identity | null }>(options: {
  /** The caller's identity from its Authorization header; null or a throw: not signed in. */
  identify: (authorization: string | undefined) => Promise<Identity | null>;
  maxSizeBytes?: number;
}): PublicReadsCache<Context> {
  const maxSize = options.maxSizeBytes ?? 32 * 1024 * 1024;
  const cache = new InMemoryLRUCache<string>({ maxSize, sizeCalculation: InMemoryLRUCache.sizeCalculation });
  const answers = new InMemoryLRUCache<KeptAnswer>({
    maxSize,
    sizeCalculation: (answer, key) => answer.body.length + key.length,
  });
  const signedIn = async ({ contextValue }: { contextValue: Context }) => contextValue.identity !== null;

  // Counts the mutations answered: a query that was running while one was answered may carry
  // what the mutation changed, so its answer is not kept.
  let generation = 0;
  const keepsAndEmpties: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const startedIn = generation;
      return {
        async willSendResponse({ operation, operationName, response, request, contextValue, overallCachePolicy }) {
          if (operation?.operation === 'mutation') {
            generation++;
            cache.clear();
            answers.clear();
            return;
          }
          // Kept in front of Apollo only what its response cache would keep too (public, no error,
          // for a signed-in caller), asked by POST with a document.
          if (operation?.operation !== 'query' || contextValue.identity === null || startedIn !== generation) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          const policy = overallCachePolicy.policyIfCacheable();
          if (!policy || policy.scope !== 'PUBLIC' || !(policy.maxAge > 0)) return;
          if (request.http?.method !== 'POST') return;
          const key = keyOf(request.http.body);
          if (key === null) return;
          const { data, extensions } = response.body.singleResult;
          const body = JSON.stringify({ data, extensions }) + '\n';
          await answers.set(key, { body, operation: operationName ?? null }, { ttl: policy.maxAge });
        },
      };
    },
  };

  const answerFromMemory: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST' || !acceptsJson(req)) return next();
    const key = keyOf(req.body);
    if (key === null) return next();
    const started = performance.now();
    void (async () => {
      const kept = await answers.get(key);
      if (!kept) return next();
      const identity = await options.identify(req.headers.authorization).catch(() => null);
      // Not signed in (or no longer): Apollo Server answers, with the refusal.
      if (identity === null) return next();
      // As Apollo Server's express integration sends it (no ETag, the length computed by Node).
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(kept.body);
      observePublicReadAnswer('gateway', kept.operation, (performance.now() - started) / 1000);
    })().catch(next);
  };

  return {
    plugins: [
      responseCachePlugin<Context>({
        cache,
        // Answers are kept only when public: never by session.
        sessionId: async () => null,
        shouldReadFromCache: signedIn,
        shouldWriteToCache: signedIn,
      }),
      keepsAndEmpties,
    ],
    answerFromMemory,
  };
}
