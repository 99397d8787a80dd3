import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ConflictError, isPlatformError, PlatformError } from '../errors';
import { isDomainError, type DomainError } from '../pure/domain-error';
import { inputErrorDetails } from './input-errors';
import { describeError, logError, loggedAlready, whereThrown } from './log';

const INTERNAL_MESSAGE = 'Something went wrong on our side; it has been logged. Please try again later.';

/** What only the server may see: the HTTP status Apollo reads, stack traces. */
const PRIVATE_EXTENSIONS = new Set(['http', 'stacktrace', 'exception']);

const publicExtensions = (extensions: Record<string, unknown> | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(extensions ?? {}).filter(([key]) => !PRIVATE_EXTENSIONS.has(key)));

/**
 * What a client sees of an error, for `service`'s Apollo Server (gateway or subgraph):
 *
 * - the platform's own errors as they are;
 * - input GraphQL refused before execution (a variable it could not coerce, a literal of the
 *   wrong type or out of range, a scalar's refusal) as BAD_USER_INPUT with `extensions.field`;
 * - database constraint violations as CONFLICT or NOT_FOUND;
 * - other parse and validation errors as they are;
 * - anything else as INTERNAL_SERVER_ERROR with no details: those go to the log (what and where,
 *   never variables or bodies, which may hold personal data).
 *
 * Never a stack trace or the HTTP status Apollo keeps in `extensions`.
 */
export function formatErrorFor(service?: string) {
  const where = service ? `${service}: ` : '';
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = platformErrorIn(error) ?? unwrapResolverError(error);
    const input = inputErrorDetails(error);
    if (isPlatformError(original)) {
      const extensions = publicExtensions(original.extensions);
      if (original.code === 'BAD_USER_INPUT' && extensions.field === undefined && input) extensions.field = input.field;
      if (original.code === 'INTERNAL_SERVER_ERROR' && !loggedAlready.has(original)) {
        logError(`${where}internal error`, {
          code: 'INTERNAL_SERVER_ERROR',
          path: formatted.path?.join('.'),
          cause: original.message,
        });
      }
      return { ...formatted, message: original.message, extensions };
    }
    if (input) {
      return {
        message: input.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', field: input.field },
      };
    }
    const mapped = fromDatabaseError(original);
    if (mapped) return { ...formatted, message: mapped.message, extensions: publicExtensions(mapped.extensions) };
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      return { ...formatted, extensions: publicExtensions(formatted.extensions) }; // parse/validation errors
    }
    // A subgraph's internal error passed on by the gateway is no Error here (it came as JSON):
    // the subgraph logged its cause, the gateway's data source which subgraph and operation.
    const fromSubgraph = !!formatted.extensions?.serviceName && !(original instanceof Error);
    if (!fromSubgraph) {
      logError(`${where}internal error`, {
        code: 'INTERNAL_SERVER_ERROR',
        path: formatted.path?.join('.'),
        cause: describeError(original),
        at: whereThrown(original),
      });
    }
    return {
      message: INTERNAL_MESSAGE,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** `formatErrorFor` without a service name in the log. */
export const formatError = formatErrorFor();

/**
 * The platform error behind an error, if any. A scalar that refuses a value written in the
 * query (a Date that is no date) fails validation; Apollo wraps that as
 * GRAPHQL_VALIDATION_FAILED, but it is the caller's input, and our error says why.
 */
export function platformErrorIn(error: unknown): PlatformError | null {
  if (isPlatformError(error)) return error;
  const cause = (error as { originalError?: unknown } | null)?.originalError;
  if (isPlatformError(cause)) return cause;
  const domain = isDomainError(error) ? error : isDomainError(cause) ? cause : null;
  return domain ? fromDomainError(domain) : null;
}

/**
 * A pure rule's refusal (`DomainError`, from a `domain/` folder) as the platform's error: its
 * kind is the code, its field the `extensions.field`. The one place the two meet.
 */
export function fromDomainError(error: DomainError): PlatformError {
  return new PlatformError(error.kind, error.message, error.field === null ? {} : { field: error.field });
}

/** Prisma's known request errors that a person can act on. */
function fromDatabaseError(error: unknown): PlatformError | null {
  const code = (error as { code?: unknown })?.code;
  if (code === 'P2002') {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    return new ConflictError(`This already exists${Array.isArray(target) ? ` (same ${target.join(', ')})` : ''}.`);
  }
  if (code === 'P2025') return new PlatformError('NOT_FOUND', 'What you asked to change does not exist (any more).');
  if (code === 'P2003')
    return new ConflictError('Other records still refer to this, so it cannot be removed or changed.');
  if (code === 'P2034') return new ConflictError('Someone else changed this at the same time; try again.');
  return null;
}
