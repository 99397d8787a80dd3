import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Which service handles the request being served, and its request id, for every log line and
 * span made while serving it. All services may share one process (`pnpm start`, the tests), so
 * the service is per request, not per process.
 */
export interface RequestContext {
  service: string;
  requestId: string;
  /** The caller's W3C trace id (`traceparent`), for the log when this process does not trace. */
  traceId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const REQUEST_ID_HEADER = 'x-request-id';

export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** Runs `fn` as part of `context` (a periodic job, a test). */
export const withRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);

/**
 * A caller's id is kept when it is short and plain (letters, digits, `-_.:`) and carries nothing
 * that looks like personal data (a 9-digit id could be a BSN): ids end up in every log line.
 */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const LOOKS_PERSONAL = /(?<![\d])\d{8,10}(?!\d)/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && ACCEPTABLE_ID.test(given) && !LOOKS_PERSONAL.test(given) ? given : randomUUID();
}

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

const CONTEXT_KEY = 'requestContext';

/** The context `requestContext` gave this request (kept in `res.locals`). */
export const requestContextOf = (res: Response): RequestContext | undefined =>
  res.locals[CONTEXT_KEY] as RequestContext | undefined;

/**
 * First middleware of every service: takes the caller's `x-request-id` (the gateway's, for a
 * subgraph) or makes one, answers with it, and runs the rest of the request in its context.
 */
export function requestContext(service: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const context: RequestContext = { service, requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]) };
    const traceId = TRACEPARENT.exec(String(req.headers.traceparent ?? ''))?.[1];
    if (traceId) context.traceId = traceId;
    res.locals[CONTEXT_KEY] = context;
    res.setHeader(REQUEST_ID_HEADER, context.requestId);
    storage.run(context, next);
  };
}

/**
 * Enters the request's context again. Body parsing resumes the request from stream events,
 * which run outside it; put this after the body is read, in front of GraphQL.
 */
export const resumeRequestContext: RequestHandler = (_req, res, next) => {
  const context = requestContextOf(res);
  if (context) storage.run(context, next);
  else next();
};
