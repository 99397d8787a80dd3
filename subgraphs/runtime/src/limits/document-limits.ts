import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor, EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { RequestLimits } from './config';

type DocumentLimits = Pick<RequestLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxTokens'>;

/**
 * Which of graphql-armor's protections the limits turn on, for our servers (Apollo) and for
 * another gateway put in front of the subgraphs (envelop: Hive Gateway in the tests and the
 * gateway benchmark) alike. Armor's own cost limit is off: it cannot see variables; `cost.ts` can.
 */
const armorConfig = (limits: DocumentLimits, blockFieldSuggestion: boolean) => ({
  maxDepth: { n: limits.maxDepth },
  maxAliases: { n: limits.maxAliases },
  maxDirectives: { n: limits.maxDirectives },
  maxTokens: { n: limits.maxTokens },
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: blockFieldSuggestion },
});

/**
 * Limits on the document alone (graphql-armor): depth, aliases, directives and tokens. A
 * document over one is refused with GRAPHQL_VALIDATION_FAILED (the token limit while it is
 * being parsed).
 */
export function documentLimits<Context extends BaseContext>(
  limits: DocumentLimits,
): { plugins: ApolloServerPlugin<Context>[]; validationRules: ValidationRule[] } {
  // Suggestions are removed from every error by `suggestions.ts`, not only from validation's.
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits, false)).protect();
  return { plugins: plugins as ApolloServerPlugin<Context>[], validationRules };
}

/**
 * The same limits as an envelop plugin, for a gateway built on envelop (Hive Gateway): depth,
 * aliases, directives and tokens, and with `hideSuggestions` no "Did you mean …" in
 * validation's errors.
 */
export function documentLimitsForEnvelop(limits: DocumentLimits & Pick<RequestLimits, 'hideSuggestions'>) {
  const config = armorConfig(limits, limits.hideSuggestions);
  // By default a validation rule of armor's throws, which envelop answers as an unexpected error
  // (200, no code); reported as a validation error it is refused like any other (400).
  const reported = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return EnvelopArmorPlugin({
    ...config,
    maxDepth: { ...config.maxDepth, ...reported },
    maxAliases: { ...config.maxAliases, ...reported },
    maxDirectives: { ...config.maxDirectives, ...reported },
  });
}
