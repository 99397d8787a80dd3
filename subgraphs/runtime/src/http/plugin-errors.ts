import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Codes that say the request was refused as the caller sent it. */
const REFUSAL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * A plugin that refuses a request from a hook Apollo does not expect errors from (graphql-armor's
 * token limit throws while parsing, then again from `unexpectedErrorProcessingRequest`) gets
 * HTTP 500 for the caller's mistake. Wrapped, such a refusal keeps its message and code and is
 * answered 400.
 */
export function refusalsAnsweredWith400<Context extends BaseContext>(
  plugins: ApolloServerPlugin<Context>[],
): ApolloServerPlugin<Context>[] {
  return plugins.map((plugin) => {
    const unexpected = plugin.unexpectedErrorProcessingRequest;
    if (!unexpected) return plugin;
    // The plugin's own object stays the prototype: hooks and `this` work as before.
    const wrapped: ApolloServerPlugin<Context> = Object.create(plugin);
    wrapped.unexpectedErrorProcessingRequest = async (event) => {
      try {
        await unexpected.call(plugin, event);
      } catch (error) {
        const code = error instanceof GraphQLError ? error.extensions.code : undefined;
        if (typeof code === 'string' && REFUSAL_CODES.has(code)) {
          throw new GraphQLError((error as GraphQLError).message, { extensions: { code, http: { status: 400 } } });
        }
        throw error;
      }
    };
    return wrapped;
  });
}
