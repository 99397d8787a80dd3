import { cacheControlFromInfo } from '@apollo/cache-control-types';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Which of a subgraph's fields are public reads: the same for every signed-in person of the
 * sector (the members directory, a course catalogue), so that an answer made only of them may be
 * kept and given to anyone signed in. Listed field by field, per type: a field not listed,
 * including one added tomorrow, keeps the answer private. Mutations are never listed.
 */
export interface PublicReads {
  /** How long an answer made only of public fields may be kept, in seconds. */
  maxAgeSeconds: number;
  /** Type name → its public field names (`Query: ['members', 'member']`). */
  fields: Readonly<Record<string, readonly string[]>>;
}

/**
 * Marks every field an operation resolves with a cache hint (Apollo Server's cache control):
 * public for the listed ones, not to be kept (max-age 0) for every other. Apollo Server then
 * answers a request that touched only public fields, without errors, with
 * `Cache-Control: max-age=N, public`, and every other with `no-store`. The gateway keeps an
 * answer only when each subgraph that contributed to it said so (`gateway/src/fetch/cache-policy.ts`).
 */
export function publicReadsPlugin<Context extends BaseContext>(reads: PublicReads): ApolloServerPlugin<Context> {
  const allowed = new Map(Object.entries(reads.fields).map(([type, names]) => [type, new Set(names)]));
  const publicHint = { maxAge: reads.maxAgeSeconds, scope: 'PUBLIC' as const };
  const privateHint = { maxAge: 0 };
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              const open = allowed.get(info.parentType.name)?.has(info.fieldName) ?? false;
              cacheControlFromInfo(info).setCacheHint(open ? publicHint : privateHint);
            },
          };
        },
      };
    },
  };
}
