import type { ServiceName } from './config';
import type { SubgraphContext } from './context';
import { PlatformError } from './errors';
import { describeError, logError, loggedAlready } from './http/log';

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
  logError(`${label} did not answer`, { service, cause });
  const error = new PlatformError(
    'INTERNAL_SERVER_ERROR',
    `The ${label} did not answer, so nothing was saved; please try again shortly.`,
  );
  loggedAlready.add(error);
  return error;
}

/**
 * One GraphQL request to another subgraph of the platform, with the caller's token (that
 * subgraph checks who asks, as for any request) and a time limit. When it cannot be reached
 * or answers no GraphQL, the log says why and the caller gets INTERNAL_SERVER_ERROR with a
 * sentence; what it answered, errors included, is the caller's to interpret.
 */
export async function askService<Data>(
  ctx: Pick<SubgraphContext, 'serviceUrl' | 'authorization'>,
  service: ServiceName,
  request: { query: string; variables?: object; label: string; timeoutMs?: number },
): Promise<ServiceAnswer<Data>> {
  let response: Response;
  try {
    response = await fetch(ctx.serviceUrl(service), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(ctx.authorization ? { authorization: ctx.authorization } : {}),
      },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw unavailable(service, request.label, describeError(error));
  }
  const body = (await response.json().catch(() => null)) as {
    data?: Data | null;
    errors?: ServiceError[];
  } | null;
  if (!body || (body.data === undefined && !body.errors?.length)) {
    throw unavailable(service, request.label, `HTTP ${response.status} without a GraphQL answer`);
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
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
  logError(`${label} answered with an error`, { service, code: code ?? 'none' });
  const failure = new PlatformError('INTERNAL_SERVER_ERROR', `The ${label} could not answer; please try again later.`);
  loggedAlready.add(failure);
  return failure;
}
