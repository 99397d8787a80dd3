import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Graceful shutdown of one HTTP server: on stop it refuses what is new and finishes what it has.
 * - no new connections (the listening socket closes);
 * - a new request on a connection kept open is answered 503 with `Retry-After` and the JSON
 *   error shape of every other refusal (code SERVICE_UNAVAILABLE), and the connection closed;
 * - requests under way run to the end, for at most `SHUTDOWN_GRACE_MS` (default 10 s; an
 *   orchestrator's SIGKILL comes after 30 s), then the connections still open are cut;
 * only then does the caller close the database (`runSubgraph`'s stop).
 */
export interface Draining {
  /** The request handler to serve: the app's, until stopping starts. */
  handler: Handler;
  /** Refuses new requests, waits for those under way (at most the grace period), closes. */
  close(server: Server): Promise<void>;
  /** Requests under way now. */
  inFlight(): number;
}

export function graceMsFromEnv(): number {
  const raw = process.env.SHUTDOWN_GRACE_MS;
  const value = raw === undefined || raw === '' ? 10_000 : Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`SHUTDOWN_GRACE_MS must be a whole number ≥ 0, not "${raw}".`);
  return value;
}

const REFUSAL = JSON.stringify({
  errors: [
    {
      message: 'This service is shutting down; please try again in a few seconds.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    },
  ],
});

export function draining(app: Handler, graceMs = graceMsFromEnv()): Draining {
  let stopping = false;
  let inFlight = 0;
  let allDone: (() => void) | undefined;
  const handler: Handler = (req, res) => {
    if (stopping) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', connection: 'close' });
      res.end(REFUSAL);
      return;
    }
    inFlight++;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      inFlight--;
      if (inFlight === 0) allDone?.();
    };
    res.on('finish', done);
    res.on('close', done);
    app(req, res);
  };
  return {
    handler,
    inFlight: () => inFlight,
    close: async (server) => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle kept-alive connections would otherwise hold `close` open until their timeout.
      server.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (allDone = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
        ]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
