import type { Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { getOperationAST, parse, type OperationTypeNode } from 'graphql';

/**
 * Identical queries of one caller in flight at the same moment are answered once: the first runs,
 * the others wait for its answer and get a copy. A member system that asks the same thing from
 * twenty connections (a dashboard refreshed by many screens, a retry storm) then costs the
 * platform one request, not twenty.
 *
 * "Identical" is the same `Authorization` header (so the same caller, with the same rights: an
 * answer is never shared between two callers), the same document, operation name, variables and
 * extensions. Only queries are shared; a mutation always runs as often as it is sent. Nothing is
 * kept after the answer went out: this is not a cache, a request arriving a moment later runs.
 * The caller's limits (in-flight, cost) were already counted for every request before this.
 */
export interface CoalesceOptions {
  /** Documents whose operation type is remembered (parsing one is the only work done here). */
  maxKnownDocuments?: number;
}

/** Documents longer than this (characters) or with more tokens are never shared. */
const MAX_SHARED_DOCUMENT = 20_000;
const MAX_SHARED_TOKENS = 3_000;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number>;
  body: Buffer;
}

/** Headers that belong to one request and are not copied to another's answer. */
const OWN_HEADERS = new Set(['x-request-id', 'traceparent', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

export function coalesceIdenticalQueries(options: CoalesceOptions = {}): RequestHandler {
  const maxKnown = options.maxKnownDocuments ?? 1000;
  const kinds = new Map<string, OperationTypeNode | null>();
  const inFlight = new Map<string, Promise<Answer | null>>();

  const kindOf = (query: string, operationName: string | undefined): OperationTypeNode | null => {
    // Large documents are not shared: they go straight on to the caller's limits, so nobody can
    // make the gateway parse (or remember) big documents ahead of them.
    if (query.length > MAX_SHARED_DOCUMENT) return null;
    // Remembered by a digest, not by the text: a thousand documents cost a thousand short keys.
    const key = createHash('sha256')
      .update(operationName ?? '')
      .update('\u0000')
      .update(query)
      .digest('base64');
    let kind = kinds.get(key);
    if (kind === undefined) {
      try {
        kind = getOperationAST(parse(query, { maxTokens: MAX_SHARED_TOKENS }), operationName)?.operation ?? null;
      } catch {
        kind = null; // Apollo Server answers the syntax error (or the document limits) itself
      }
      if (kinds.size >= maxKnown) kinds.delete(kinds.keys().next().value!);
      kinds.set(key, kind);
    }
    return kind;
  };

  return (req, res, next) => {
    const key = keyOf(req, kindOf);
    if (!key) return next();
    const running = inFlight.get(key);
    if (running) {
      void running.then((answer) => (answer ? send(res, answer) : next()), next);
      return;
    }
    const answer = captured(res);
    inFlight.set(key, answer);
    void answer.finally(() => inFlight.delete(key));
    next();
  };
}

/** The key of a query worth sharing, or null for anything else (mutations, GET, odd bodies). */
function keyOf(
  req: Request,
  kindOf: (query: string, operationName: string | undefined) => OperationTypeNode | null,
): string | null {
  if (req.method !== 'POST') return null;
  const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return null;
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  if (kindOf(body.query, operationName) !== 'query') return null;
  return createHash('sha256')
    .update(req.headers.authorization ?? '')
    .update('\u0000')
    .update(JSON.stringify([body.query, operationName ?? null, body.variables ?? null, body.extensions ?? null]))
    .digest('base64');
}

/** Records the answer the first request sends, for the others waiting on it. */
function captured(res: Response): Promise<Answer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding as BufferEncoding));
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, typeof encoding === 'string' ? encoding : 'utf8');
      return write(chunk, encoding, callback);
    }) as Response['write'];
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, typeof encoding === 'string' ? encoding : 'utf8');
      const headers: Answer['headers'] = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value !== undefined && !OWN_HEADERS.has(name)) headers[name] = value;
      }
      resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
      return end(chunk, encoding, callback);
    }) as Response['end'];
    // A connection closed before the answer: the others run on their own.
    res.on('close', () => resolve(null));
  });
}

function send(res: Response, answer: Answer) {
  if (res.headersSent || res.destroyed) return;
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}
