import type { Request, RequestHandler, Response } from 'express';

export interface InFlightLimitOptions {
  /** Requests one caller may have in flight. */
  perCaller: number;
  /** Requests this server may have in flight, from all limited callers together. */
  total: number;
  /**
   * Who is asking: a stable key (token subject, else client address), or undefined for a
   * trusted hop that its sender has counted already (the gateway, at a subgraph).
   */
  callerOf(req: Request): Promise<string | undefined>;
}

/**
 * The request header that carries the caller's key from this middleware to the cost limit
 * (an Apollo plugin sees the request's headers, not Express's request). Whatever a client
 * sends in it is replaced.
 */
export const CALLER_HEADER = 'x-samen-sterk-caller';

function refuse(res: Response, status: 429 | 503, message: string) {
  res
    .status(status)
    .set('retry-after', '1')
    .json({ errors: [{ message, extensions: { code: 'TOO_MANY_REQUESTS' } }] });
}

/**
 * Express middleware that bounds the requests in flight, per caller and in total, so one
 * caller cannot take every worker from the others. A request over the limit is refused at
 * once (429 for the caller's own limit, 503 when the server is full), never queued: a queue
 * would hold memory for the flood, and a request waiting on a slot its own caller holds (a
 * subgraph asking another for it) could wait forever. Each server keeps its own counts, so
 * the subgraphs of an all-in-one process never share one caller's slots.
 */
export function inFlightLimit(options: InFlightLimitOptions): RequestHandler {
  const perCaller = new Map<string, number>();
  let total = 0;
  return async (req, res, next) => {
    const caller = await options.callerOf(req);
    delete req.headers[CALLER_HEADER];
    if (caller === undefined) return next();
    req.headers[CALLER_HEADER] = caller;
    const mine = perCaller.get(caller) ?? 0;
    if (mine >= options.perCaller) {
      return refuse(
        res,
        429,
        `You already have ${mine} requests running, the most one caller may; send the next when one has been answered.`,
      );
    }
    if (total >= options.total) {
      return refuse(res, 503, 'The service is busy with other requests; try again in a moment.');
    }
    perCaller.set(caller, mine + 1);
    total++;
    let released = false;
    res.on('close', () => {
      if (released) return;
      released = true;
      total--;
      const left = (perCaller.get(caller) ?? 1) - 1;
      if (left > 0) perCaller.set(caller, left);
      else perCaller.delete(caller);
    });
    next();
  };
}

/** The client's address, as the socket sees it (behind a proxy, set Express's `trust proxy`). */
export const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
