import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { RequestLimits } from './config';

/**
 * Limits on the document alone (graphql-armor): depth, aliases, directives and tokens. A
 * document over one is refused with GRAPHQL_VALIDATION_FAILED (the token limit while it is
 * being parsed). Armor's own cost limit is off: it cannot see variables; `cost-limit.ts` can.
 */
export function documentLimits<Context extends BaseContext>(
  limits: Pick<RequestLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxTokens'>,
): { plugins: ApolloServerPlugin<Context>[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    costLimit: { enabled: false },
    // Suggestions are removed from every error by `suggestions.ts`, not only from validation's.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin<Context>[], validationRules };
}
