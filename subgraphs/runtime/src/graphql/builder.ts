import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
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

export interface PlatformBuilderTypes<PrismaTypes extends object, Db> {
  PrismaTypes: PrismaTypes;
  Context: SubgraphContext<Db>;
  AuthScopes: PlatformAuthScopes;
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

/**
 * One builder per subgraph, all configured alike: federation, Prisma (the client comes from the
 * request context, so tests and production can hand in different databases), Relay
 * connections, scope-based auth with the platform's roles and member scope, and the scalars.
 */
export function createSubgraphBuilder<PrismaTypes extends object, Db>(options: {
  /** The generated `getDatamodel()` of the subgraph's Prisma schema. */
  dmmf: unknown;
}) {
  const builder = new SchemaBuilder<PlatformBuilderTypes<PrismaTypes, Db>>({
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
      authScopes: (ctx) => ({
        signedIn: !!ctx.identity,
        role: (role: Role) => hasRole(ctx.identity, role),
        anyRole: (roles: Role[]) => hasRole(ctx.identity, ...roles),
        memberOf: (memberId: string) => actsForMember(ctx.identity, memberId),
      }),
      unauthorizedError: (_parent, ctx) => (ctx.identity ? new ForbiddenError() : new UnauthenticatedError()),
    },
  });

  builder.addScalarType('Date', DateScalar);
  builder.addScalarType('DateTime', DateTimeScalar);
  builder.addScalarType('Decimal', DecimalScalar);
  builder.queryType({});
  builder.mutationType({});
  builder.pageInfoRef();
  return builder;
}

export type SubgraphBuilder<PrismaTypes extends object, Db> = ReturnType<typeof createSubgraphBuilder<PrismaTypes, Db>>;
