import { Kind, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { PlatformError } from '../errors';
import { unansweredBecause, type CallKind } from '../resilience/policies';
import { serviceUnavailable } from '../resilience/unavailable';
import { describeError, logError, loggedAlready } from './log';

/**
 * The gateway's side of a subgraph that fails: the log says which subgraph, for which of the
 * caller's operations and where in it, and the cause (connection refused, a timeout, an HTTP
 * status), never the variables or bodies; the caller gets a sentence and no internals.
 */
export interface SubgraphCall {
  service: string;
  /** The caller's operation name, if it gave one. */
  operationName?: string | null;
  /** Where in the caller's result the answer goes (entity fetches); empty for root fields. */
  path?: readonly (string | number)[];
  /** The operation the gateway sent the subgraph, parsed or as text. */
  document?: DocumentNode;
  query?: string;
  /** A read is safe to ask again; a write that timed out may have been carried out. */
  kind?: CallKind;
}

/** The root fields an operation asks (`wage`, `_entities`). */
function rootFields({ document, query }: SubgraphCall): string | undefined {
  let parsed = document;
  try {
    parsed ??= query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
  const operation = parsed?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return undefined;
  const names = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return names.length ? names.join(',') : undefined;
}

const whereIn = (call: SubgraphCall) => ({
  subgraph: call.service,
  operation: call.operationName || '(anonymous)',
  path: call.path?.length ? call.path.join('.') : undefined,
  fields: rootFields(call),
});

interface ErrorResponse {
  status?: number;
  statusText?: string;
  body?: unknown;
}

const errorsIn = (body: unknown): GraphQLFormattedError[] =>
  body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)
    ? (body as { errors: GraphQLFormattedError[] }).errors
    : [];

/**
 * A subgraph that could not be asked, or answered with an HTTP error: logged, and what the
 * caller gets instead: SERVICE_UNAVAILABLE naming the service when it was down, too slow or
 * its circuit open (`resilience/`), UNAUTHENTICATED when it refused the caller's token, and
 * INTERNAL_SERVER_ERROR naming it for anything else (an answer we could not use: our fault).
 * An open circuit is not logged per call: the breaker's state change was.
 */
export function subgraphFailure(call: SubgraphCall, error: unknown): PlatformError {
  const response = (error as { extensions?: { response?: ErrorResponse } } | null)?.extensions?.response;
  if (response?.status === 401) {
    const message = errorsIn(response.body)[0]?.message ?? 'Your token was refused: sign in again.';
    return new PlatformError('UNAUTHENTICATED', message);
  }
  const because = unansweredBecause(error);
  if (because !== 'circuit open') {
    let cause: string;
    if (response?.status) {
      // Codes only: a subgraph's messages may repeat the caller's values.
      const codes = [...new Set(errorsIn(response.body).map((e) => String(e.extensions?.code ?? 'no code')))];
      cause =
        `HTTP ${response.status} ${response.statusText ?? ''}`.trim() + (codes.length ? ` (${codes.join(', ')})` : '');
    } else {
      cause = describeError(error);
    }
    logError('gateway: a subgraph failed', { ...whereIn(call), cause });
  }
  if (because) return serviceUnavailable(call.service, because, call.kind ?? 'read');
  const failure = new PlatformError(
    'INTERNAL_SERVER_ERROR',
    `The ${call.service} service could not answer; please try again later.`,
    { service: call.service },
  );
  loggedAlready.add(failure);
  return failure;
}

/**
 * Internal errors a subgraph answered with (their cause is in the subgraph's log): the gateway
 * logs which subgraph, operation and paths.
 */
export function logSubgraphErrors(call: SubgraphCall, errors: readonly GraphQLFormattedError[] | undefined): void {
  const internal = (errors ?? []).filter(
    (e) => (e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR',
  );
  if (internal.length === 0) return;
  logError('gateway: a subgraph reported an internal error (its log has the cause)', {
    ...whereIn(call),
    errorPaths: internal.map((e) => e.path?.join('.') ?? '(none)').join(', '),
  });
}
