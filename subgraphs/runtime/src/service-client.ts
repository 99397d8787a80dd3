import { Kind, OperationTypeNode, parse } from 'graphql';
import type { ServiceName } from './config';
import type { SubgraphContext } from './context';
import { PlatformError } from './errors';
import { describeError, logError, loggedAlready } from './http/log';
import { currentRequest, REQUEST_ID_HEADER } from './observability/request-context';
import { ServiceHttpError, serviceCalls, unansweredBecause, type ServiceCalls } from './resilience/policies';
import { serviceUnavailable } from './resilience/unavailable';

/** An error another subgraph answered with, as much of it as a caller may act on. */
export interface ServiceError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export interface ServiceAnswer<Data> {
  data: Data | null;
  errors: ServiceError[];
}

/**
 * The calls to each other service from this process, one circuit breaker per service and
 * address (`resilience/policies.ts`; settings from `<SERVICE>_TIMEOUT_MS` and the like): a
 * service moved to another address starts with a closed circuit.
 */
const callsTo = new Map<string, ServiceCalls>();

function callsOf(service: ServiceName, url: string): ServiceCalls {
  const key = `${service} ${url}`;
  let calls = callsTo.get(key);
  if (!calls) {
    calls = serviceCalls(service, undefined, (state) =>
      logError(`the circuit to another service is ${state}`, { calledService: service }),
    );
    callsTo.set(key, calls);
  }
  return calls;
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

/**
 * One GraphQL request to another subgraph of the platform, with the caller's token (that
 * subgraph checks who asks, as for any request). Each attempt has a time limit (`timeoutMs`,
 * else the service's setting); a read (a query) is asked again, twice by default, with growing
 * and jittered pauses, when the service cannot be reached or answers 5xx without GraphQL; a
 * write (a mutation) never, since it may have been carried out. A service that keeps failing
 * opens its circuit: calls fail at once until it is tried again a moment later. When it cannot
 * answer, the log says why and the caller gets SERVICE_UNAVAILABLE naming the service; what it
 * answered, errors included, is the caller's to interpret.
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
  const kind = read ? 'read' : 'write';
  const body = JSON.stringify({ query, variables: request.variables ?? {} });
  const url = ctx.serviceUrl(service);
  // The request id goes along so both services' logs tell one story (trace context: tracing.ts).
  const requestId = currentRequest()?.requestId;
  const attempt = async (signal: AbortSignal): Promise<ServiceAnswer<Data>> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(ctx.authorization ? { authorization: ctx.authorization } : {}),
        ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
      },
      body,
      signal,
    });
    const answer = (await response.json().catch(() => null)) as {
      data?: Data | null;
      errors?: ServiceError[];
    } | null;
    if (answer && (answer.data !== undefined || answer.errors?.length)) {
      return { data: answer.data ?? null, errors: answer.errors ?? [] };
    }
    throw new ServiceHttpError(response.status);
  };
  try {
    return await callsOf(service, url).run(kind, attempt, request.timeoutMs);
  } catch (error) {
    const because = unansweredBecause(error);
    // An open circuit was logged when it opened.
    if (because !== 'circuit open')
      logError(`${request.label} did not answer`, { calledService: service, cause: describeError(error) });
    if (because) throw serviceUnavailable(service, because, kind, request.label);
    const failure = new PlatformError(
      'INTERNAL_SERVER_ERROR',
      `The ${request.label} could not answer; please try again later.`,
    );
    loggedAlready.add(failure);
    throw failure;
  }
}

/**
 * An error of another subgraph as ours: who may not ask stays UNAUTHENTICATED or FORBIDDEN, one
 * who asks too much at once TOO_MANY_REQUESTS, a service it could not reach SERVICE_UNAVAILABLE;
 * anything else is our fault (INTERNAL_SERVER_ERROR), logged here with the service's code.
 */
export function refusedBy(service: ServiceName, label: string, error: ServiceError): PlatformError {
  const code = error.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'TOO_MANY_REQUESTS') {
    return new PlatformError(code, `The ${label} refused: ${error.message}`);
  }
  if (code === 'SERVICE_UNAVAILABLE') {
    return new PlatformError(code, error.message, { service: (error.extensions as { service?: string }).service });
  }
  logError(`${label} answered with an error`, { calledService: service, code: code ?? 'none' });
  const failure = new PlatformError('INTERNAL_SERVER_ERROR', `The ${label} could not answer; please try again later.`);
  loggedAlready.add(failure);
  return failure;
}

export * from './service-types';
