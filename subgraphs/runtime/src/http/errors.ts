import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ConflictError, isPlatformError, PlatformError } from '../errors';

/**
 * What a client sees of an error. The platform's own errors and GraphQL's validation errors
 * pass as they are; database constraint violations become CONFLICT or NOT_FOUND; anything
 * else is INTERNAL_SERVER_ERROR with no details (they go to the log, without variables, which
 * may hold personal data).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = platformErrorIn(error) ?? unwrapResolverError(error);
  if (isPlatformError(original)) return { ...formatted, message: original.message, extensions: original.extensions };
  const mapped = fromDatabaseError(original);
  if (mapped) return { ...formatted, message: mapped.message, extensions: mapped.extensions };
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted; // parse/validation errors
  console.error(
    '[error]',
    formatted.path?.join('.') ?? '',
    original instanceof Error ? original.stack : String(original),
  );
  return {
    message: 'Something went wrong on our side; it has been logged. Please try again later.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The platform error behind an error, if any. A scalar that refuses a value written in the
 * query (a Date that is no date) fails validation; Apollo wraps that as
 * GRAPHQL_VALIDATION_FAILED, but it is the caller's input, and our error says why.
 */
export function platformErrorIn(error: unknown): PlatformError | null {
  if (isPlatformError(error)) return error;
  const cause = (error as { originalError?: unknown } | null)?.originalError;
  return isPlatformError(cause) ? cause : null;
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
