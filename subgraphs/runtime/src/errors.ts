import { GraphQLError } from 'graphql';

/**
 * The platform's error codes (docs/design.md, "Errors"). Resolvers throw these; the message is
 * written for the person who will read it, and `extensions.code` is what programs match on.
 *
 * Request limits (`limits/`), the same at the gateway and in every subgraph, add two:
 * - `QUERY_TOO_COSTLY` (HTTP 400): the request's cost, counted before it runs from the
 *   operation and its variables, is above the limit; `extensions.cost` and `maxCost` say by
 *   how much. (A page or list over its maximum is BAD_USER_INPUT with `extensions.field`; a
 *   document too deep, too wide or too long is GraphQL's GRAPHQL_VALIDATION_FAILED.)
 * - `TOO_MANY_REQUESTS` (HTTP 429, or 503 when the whole service is full): the caller has
 *   as many requests, or as much cost, in flight as one caller may; send the next when one
 *   has been answered.
 *
 * And one for another service that does not answer (docs/design.md, "Partial answers"):
 * - `SERVICE_UNAVAILABLE`: a subgraph is down, too slow or its circuit breaker is open;
 *   `extensions.service` names it. Not the caller's fault; worth trying again later.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

export class PlatformError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class UnauthenticatedError extends PlatformError {
  constructor(message = 'Sign in first: this request carries no valid token.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends PlatformError {
  constructor(message = 'You do not have access to this.') {
    super('FORBIDDEN', message);
  }
}

/** Bad input; `field` names the offending input field, as a path such as `input.kvkNumber`. */
export class BadUserInputError extends PlatformError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class NotFoundError extends PlatformError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} does not exist or is not visible to you.`, { id });
  }
}

export class ConflictError extends PlatformError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export const isPlatformError = (error: unknown): error is PlatformError => error instanceof PlatformError;
