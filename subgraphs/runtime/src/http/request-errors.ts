import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { describeError, logError, whereThrown } from './log';

/**
 * Every way a request can fail before GraphQL sees it (a body that is no JSON or too large, a
 * wrong content type or method, an unknown path) is answered as GraphQL over HTTP answers
 * errors: JSON, `{ errors: [{ message, extensions: { code } }] }`, with the HTTP status that
 * says what went wrong. Never a stack trace, never the body echoed, and the body never logged
 * (Express's default error handler does both).
 */
export function sendJsonError(
  res: Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  res
    .status(status)
    .set(headers)
    .json({ errors: [{ message, extensions: { code } }] });
}

const GRAPHQL_METHODS = ['GET', 'POST'];
const NO_QUERY = 'The request carries no GraphQL query: send a JSON object such as {"query": "{ __typename }"}.';

const sizeInWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;

/**
 * What `/graphql` needs before Apollo: GET or POST; a POST with a JSON body (content type
 * `application/json`) of at most `limit`, holding an object with a `query`.
 */
export function graphqlRequestParsing({ limit }: { limit: string | number }): RequestHandler[] {
  const methods: RequestHandler = (req, res, next) => {
    if (GRAPHQL_METHODS.includes(req.method)) return next();
    sendJsonError(
      res,
      405,
      'METHOD_NOT_ALLOWED',
      `${req.method} is not answered here: send GraphQL requests with POST (or queries with GET).`,
      { allow: GRAPHQL_METHODS.join(', ') },
    );
  };
  const contentType: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    if (!hasBody) return sendJsonError(res, 400, 'BAD_REQUEST', NO_QUERY);
    if (req.is('application/json')) return next();
    sendJsonError(
      res,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the request as JSON, with the header "Content-Type: application/json".',
    );
  };
  const parse = express.json({ limit, strict: false });
  const shape: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return sendJsonError(
        res,
        400,
        'BAD_REQUEST',
        Array.isArray(body)
          ? 'Send one GraphQL request at a time: a JSON object, not a list (batching is not supported).'
          : 'The request body must be a JSON object such as {"query": "{ __typename }"}.',
      );
    }
    const { query, extensions } = body as { query?: unknown; extensions?: { persistedQuery?: unknown } };
    if (typeof query !== 'string' && !extensions?.persistedQuery) {
      return sendJsonError(res, 400, 'BAD_REQUEST', NO_QUERY);
    }
    next();
  };
  return [methods, contentType, parse, shape];
}

/** For paths that answer only GET (health and readiness): anything else is 405. */
export const onlyGet: RequestHandler = (req, res) =>
  sendJsonError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not answered here; use GET.`, {
    allow: 'GET, HEAD',
  });

/** Any path nobody answers. The path itself is not repeated: it may carry what it should not. */
export const notFound: RequestHandler = (_req, res) =>
  sendJsonError(
    res,
    404,
    'NOT_FOUND',
    'There is nothing here: GraphQL answers at /graphql, health at /healthz and readiness at /readyz.',
  );

/** body-parser's errors carry a `type`; their `body` (the request's) must go nowhere. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

/**
 * The last handler: errors of body parsing become JSON answers with 4xx statuses and are not
 * logged (they are the caller's, and carry the body); anything else is ours: logged (what,
 * where, never the body) and answered INTERNAL_SERVER_ERROR without details.
 */
export function jsonErrors(service: string): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    void next;
    if (res.headersSent) {
      logError(`${service}: request failed after the answer started`, { cause: describeError(error) });
      res.end();
      return;
    }
    const { type, status, limit } = (error ?? {}) as BodyParserError;
    if (type === 'entity.too.large') {
      const most = typeof limit === 'number' ? ` (at most ${sizeInWords(limit)})` : '';
      return sendJsonError(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than this endpoint accepts${most}.`,
      );
    }
    if (type === 'entity.parse.failed') {
      return sendJsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      return sendJsonError(
        res,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the body as UTF-8 JSON, without a content encoding this endpoint does not know.',
      );
    }
    if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
      return sendJsonError(res, status, 'BAD_REQUEST', 'The request body could not be read; send it again, whole.');
    }
    logError(`${service}: unexpected error while handling a request`, {
      method: req.method,
      cause: describeError(error),
      at: whereThrown(error),
    });
    sendJsonError(
      res,
      500,
      'INTERNAL_SERVER_ERROR',
      'Something went wrong on our side; it has been logged. Please try again later.',
    );
  };
}

/**
 * Closes an app's routes: other methods on the GET-only paths get 405, unknown paths 404, and
 * errors the JSON answers of `jsonErrors`. Call after every route is added.
 */
export function answerTheRestAsJson(app: express.Express, service: string, getOnlyPaths: string[]): void {
  app.all(getOnlyPaths, onlyGet);
  app.use(notFound);
  app.use(jsonErrors(service));
}
