import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import type Decimal from 'decimal.js';
import { actsForMember, hasRole } from '../auth/identity';
import type { Role } from '../auth/roles';
import type { SubgraphContext } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import InputGuardPlugin from './input-guard';
import { DateScalar, DateTimeScalar, DecimalScalar } from './scalars';

/** Scopes every subgraph can ask for in `authScopes`. */
export interface PlatformAuthScopes {
  /** Any verified caller. */
  signedIn: boolean;
  /** The caller holds this role. */
  role: Role;
  /** The caller holds any of these roles. */
  anyRole: Role[];
  /** The caller acts for this member through a member role. */
  memberOf: string;
}

/**
 * A subgraph's own access rules, as Pothos scope loaders: for each scope, whether the caller
 * has it (a boolean), or a function of the scope's parameter (a member id, an employee id…),
 * which may load what it needs. Pothos caches each answer for the request.
 */
export type ScopeLoaders<Scopes extends object> = {
  [K in keyof Scopes]: boolean | ((parameter: Scopes[K]) => boolean | Promise<boolean>);
};

/** The sentence a caller reads when a scope refuses them (signed in, but not allowed). */
export type ScopeRefusals<Scopes extends object> = { [K in keyof Scopes]?: string };

export interface PlatformBuilderTypes<PrismaTypes extends object, Db, Scopes extends object = object> {
  PrismaTypes: PrismaTypes;
  Context: SubgraphContext<Db>;
  AuthScopes: PlatformAuthScopes & Scopes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: Decimal; Output: Decimal | string | { toFixed(): string } };
  };
}

/** The scopes a refusal names, depth first: the first is the one the caller lacked first. */
export function failedScopes(failure: AuthFailure): string[] {
  if ('failures' in failure) return failure.failures.flatMap(failedScopes);
  if ('scope' in failure) return [failure.scope];
  return [];
}

/**
 * One builder per subgraph, all configured alike: federation, Prisma (the client comes from the
 * request context, so tests and production can hand in different databases), Relay
 * connections, scope-based auth with the platform's roles and member scope, and the scalars.
 *
 * Access is declared: the subgraph hands in its own scope loaders (`access.ts`); a field says
 * what it needs (`authScopes: (_, args) => ({ managesEmployeesOf: args.memberId })`); when a
 * scope refuses, the error is built here, once: UNAUTHENTICATED without a token, otherwise
 * FORBIDDEN with the subgraph's sentence for the scope that failed (`refusals`). Every query and
 * mutation requires a signed-in caller first; a field adds what else it needs.
 */
export function createSubgraphBuilder<PrismaTypes extends object, Db, Scopes extends object = object>(options: {
  /** The generated `getDatamodel()` of the subgraph's Prisma schema. */
  dmmf: unknown;
  /** The subgraph's own scopes, for the request's caller. */
  scopes?: (ctx: SubgraphContext<Db>) => ScopeLoaders<Scopes>;
  /** What a signed-in caller reads when one of the subgraph's scopes refuses them. */
  refusals?: ScopeRefusals<Scopes>;
}) {
  const refusalFor = (failure: AuthFailure): string | undefined => {
    const refusals = (options.refusals ?? {}) as Record<string, string | undefined>;
    for (const scope of failedScopes(failure)) if (refusals[scope]) return refusals[scope];
    return undefined;
  };
  const builder = new SchemaBuilder<PlatformBuilderTypes<PrismaTypes, Db, Scopes>>({
    // Auth first: plugins listed earlier wrap resolvers outermost; federation must come last.
    // The input guard first: no resolver and no auth check sees a control character or absurd text.
    plugins: [InputGuardPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DirectivesPlugin, FederationPlugin],
    defaultFieldNullability: false,
    prisma: {
      client: (ctx: SubgraphContext<Db>) => ctx.db as never,
      dmmf: options.dmmf as never,
      filterConnectionTotalCount: true,
      onUnusedQuery: null,
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      edgesFieldOptions: { nullable: false },
      nodeFieldOptions: { nullable: false },
      // Every subgraph defines PageInfo alike; federation must be told they may share it.
      pageInfoTypeOptions: { shareable: true },
    },
    scopeAuth: {
      authScopes: (ctx) =>
        ({
          signedIn: !!ctx.identity,
          role: (role: Role) => hasRole(ctx.identity, role),
          anyRole: (roles: Role[]) => hasRole(ctx.identity, ...roles),
          memberOf: (memberId: string) => actsForMember(ctx.identity, memberId),
          ...options.scopes?.(ctx),
        }) as never,
      unauthorizedError: (_parent, ctx, _info, result) => {
        if (!ctx.identity) return new UnauthenticatedError();
        const sentence = refusalFor(result.failure);
        return sentence ? new ForbiddenError(sentence) : new ForbiddenError();
      },
    },
  });

  builder.addScalarType('Date', DateScalar);
  builder.addScalarType('DateTime', DateTimeScalar);
  builder.addScalarType('Decimal', DecimalScalar);
  // Signed in by default: every query and mutation needs a verified caller before its own scopes
  // are asked, so a field that declares nothing is never open to anonymous callers.
  builder.queryType({ authScopes: { signedIn: true } as never });
  builder.mutationType({ authScopes: { signedIn: true } as never });
  builder.pageInfoRef();
  return builder;
}

export type SubgraphBuilder<PrismaTypes extends object, Db, Scopes extends object = object> = ReturnType<
  typeof createSubgraphBuilder<PrismaTypes, Db, Scopes>
>;
