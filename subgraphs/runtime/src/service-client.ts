import { Kind, OperationTypeNode, parse } from 'graphql';
import type { ServiceName } from './config';
import type { SubgraphContext } from './context';
import { PlatformError } from './errors';
import { describeError, logError, loggedAlready } from './http/log';
import { currentRequest, REQUEST_ID_HEADER } from './observability/request-context';

/** An error another subgraph answered with, as much of it as a caller may act on. */
export interface ServiceError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export interface ServiceAnswer<Data> {
  data: Data | null;
  errors: ServiceError[];
}

/** Our fault, not the caller's: logged here with its cause, told to the caller in a sentence. */
function unavailable(service: ServiceName, label: string, cause: string): PlatformError {
  logError(`${label} did not answer`, { calledService: service, cause });
  const error = new PlatformError(
    'INTERNAL_SERVER_ERROR',
    `The ${label} did not answer, so nothing was saved; please try again shortly.`,
  );
  loggedAlready.add(error);
  return error;
}

/**
 * A GraphQL operation sent to another subgraph, parsed once, with the types of its answer and
 * its variables. The types are generated from the other subgraph's committed SDL (see
 * `service-types.ts`), so a question that no longer fits its schema fails a test, not a payroll run.
 */
export interface ServiceOperation<Data, Variables> {
  document: string;
  name: string | null;
  /** Reads (`query`) are asked again after a failure to reach the service; writes never. */
  kind: OperationTypeNode;
  /** Carries the types only; never set. */
  readonly types?: { data: Data; variables: Variables };
}

export function serviceOperation<Data, Variables = Record<string, never>>(
  document: string,
): ServiceOperation<Data, Variables> {
  const operations = parse(document).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error(`A service operation holds one operation, not ${operations.length}.`);
  return { document, name: operations[0]!.name?.value ?? null, kind: operations[0]!.operation };
}

/** Whether a document reads only; one that does not parse counts as a write (never repeated). */
function readsOnly(query: string): boolean {
  try {
    return serviceOperation(query).kind === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
}

/** Pauses before asking again, for reads whose service could not be reached (connection refused or reset, 5xx). */
const READ_RETRY_PAUSES_MS = [100, 400];

/**
 * One GraphQL request to another subgraph of the platform, with the caller's token (that
 * subgraph checks who asks, as for any request) and a time limit for all attempts together.
 * A read (a query) is asked again, twice at most, when the service cannot be reached or answers
 * 5xx without GraphQL; a write (a mutation) never, since it may have been carried out. When it
 * still cannot be reached or answers no GraphQL, the log says why and the caller gets
 * INTERNAL_SERVER_ERROR with a sentence naming the service; what it answered, errors included,
 * is the caller's to interpret.
 */
export async function askService<Data, Variables extends object = object>(
  ctx: Pick<SubgraphContext, 'serviceUrl' | 'authorization'>,
  service: ServiceName,
  request: {
    query: string | ServiceOperation<Data, Variables>;
    variables?: Variables;
    label: string;
    timeoutMs?: number;
  },
): Promise<ServiceAnswer<Data>> {
  const query = typeof request.query === 'string' ? request.query : request.query.document;
  const read = typeof request.query === 'string' ? readsOnly(query) : request.query.kind === OperationTypeNode.QUERY;
  const deadline = AbortSignal.timeout(request.timeoutMs ?? 10_000);
  const body = JSON.stringify({ query, variables: request.variables ?? {} });
  // The request id goes along so both services' logs tell one story (trace context: tracing.ts).
  const requestId = currentRequest()?.requestId;
  for (let attempt = 0; ; attempt++) {
    let cause: string;
    let worthRetrying: boolean;
    try {
      const response = await fetch(ctx.serviceUrl(service), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(ctx.authorization ? { authorization: ctx.authorization } : {}),
          ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
        },
        body,
        signal: deadline,
      });
      const answer = (await response.json().catch(() => null)) as {
        data?: Data | null;
        errors?: ServiceError[];
      } | null;
      if (answer && (answer.data !== undefined || answer.errors?.length)) {
        return { data: answer.data ?? null, errors: answer.errors ?? [] };
      }
      cause = `HTTP ${response.status} without a GraphQL answer`;
      worthRetrying = response.status >= 500;
    } catch (error) {
      cause = describeError(error);
      // Out of time is out of time; anything else (refused, reset) may pass.
      worthRetrying = !deadline.aborted;
    }
    const pause = read && worthRetrying ? READ_RETRY_PAUSES_MS[attempt] : undefined;
    if (pause === undefined || deadline.aborted) {
      throw unavailable(service, request.label, attempt > 0 ? `${cause} (${attempt + 1} attempts)` : cause);
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * An error of another subgraph as ours: who may not ask stays UNAUTHENTICATED or FORBIDDEN, one
 * who asks too much at once TOO_MANY_REQUESTS;
 * anything else is our fault (INTERNAL_SERVER_ERROR), logged here with the service's code.
 */
export function refusedBy(service: ServiceName, label: string, error: ServiceError): PlatformError {
  const code = error.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'TOO_MANY_REQUESTS') {
    return new PlatformError(code, `The ${label} refused: ${error.message}`);
  }
  logError(`${label} answered with an error`, { calledService: service, code: code ?? 'none' });
  const failure = new PlatformError('INTERNAL_SERVER_ERROR', `The ${label} could not answer; please try again later.`);
  loggedAlready.add(failure);
  return failure;
}

export * from './service-types';
