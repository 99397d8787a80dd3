import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { PlatformError } from '../errors';
import type { SubgraphContext } from '../context';

/** Federation's own entry points: only the gateway may call them. */
const GATEWAY_ONLY_FIELDS = new Set(['_entities', '_service']);

function topLevelFields(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return topLevelFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments[name];
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return topLevelFields(fragment.selectionSet, fragments, seen);
  });
}

/**
 * Refuses `_entities` and `_service` unless the request carries the gateway's shared secret,
 * so nobody can resolve entities around the gateway: HTTP 403 with FORBIDDEN.
 */
export function gatewayOnlyPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.viaGateway) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const fields = topLevelFields(operation!.selectionSet, fragments);
          const refused = fields.find((field) => GATEWAY_ONLY_FIELDS.has(field));
          if (refused) {
            // Refused before execution: 403, not the 500 Apollo gives an error thrown here.
            throw new PlatformError(
              'FORBIDDEN',
              `${refused} is only answered to the gateway; send your query to the gateway.`,
              { http: { status: 403 } },
            );
          }
        },
      };
    },
  };
}
