import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** graphql-js ends a message with its guesses: "… Did you mean "name"?", "… Did you mean the enum value "X"?". */
const SUGGESTION = /\s*Did you mean\b[\s\S]*$/;

export const withoutSuggestions = (message: string) => message.replace(SUGGESTION, '');

const clean = (errors: readonly GraphQLFormattedError[] | undefined) =>
  errors?.map((error) =>
    SUGGESTION.test(error.message) ? { ...error, message: withoutSuggestions(error.message) } : error,
  );

/**
 * In production no error names a field, argument, type or enum value the caller did not
 * write ("Did you mean …"), so the schema cannot be guessed piece by piece. Applied to every
 * answer, whatever raised the error: validation, variable coercion, or a subgraph's answer
 * that the gateway passes on.
 */
export function noSuggestionsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            const result = response.body.singleResult;
            if (result.errors) result.errors = clean(result.errors);
          } else {
            const initial = response.body.initialResult;
            if (initial.errors) initial.errors = clean(initial.errors);
          }
        },
      };
    },
  };
}
