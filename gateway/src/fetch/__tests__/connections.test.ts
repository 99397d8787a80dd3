import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { agentFetcher, subgraphAgent, withCallSignal } from '../connections';

/** A stand-in subgraph: answers each request as `answer` says, and records what it was sent. */
async function subgraph(answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const received: { headers: http.IncomingHttpHeaders; body: string; url?: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body, url: req.url });
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql?x=1`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}>;

describe('the fetcher of the data sources (undici request over the agent)', () => {
  const agent = subgraphAgent(4);
  const fetcher = agentFetcher(agent) as unknown as Fetch;
  afterAll(() => agent.close());

  test('sends the method, headers and body to the path and query of the URL, and reads a JSON answer', async () => {
    const upstream = await subgraph((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=30, public' });
      res.end(JSON.stringify({ data: { ok: true } }));
    });
    try {
      const response = await fetcher(upstream.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
        body: '{"query":"{ ok }"}',
      });
      expect(response.ok).toBe(true);
      expect(response.status).toBe(200);
      expect(response.url).toBe(upstream.url);
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('max-age=30, public');
      expect(response.headers.get('x-absent')).toBeNull();
      expect(await response.json()).toEqual({ data: { ok: true } });
      expect(upstream.received).toHaveLength(1);
      expect(upstream.received[0]!.url).toBe('/graphql?x=1');
      expect(upstream.received[0]!.headers.authorization).toBe('Bearer abc');
      expect(upstream.received[0]!.body).toBe('{"query":"{ ok }"}');
    } finally {
      await upstream.close();
    }
  });

  test('a refusal keeps its status, status text and body, for the error the caller gets', async () => {
    const upstream = await subgraph((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' });
      res.end('shutting down');
    });
    try {
      const response = await fetcher(upstream.url, { method: 'POST', headers: {}, body: '{}' });
      expect(response.ok).toBe(false);
      expect(response.status).toBe(503);
      expect(response.statusText).toBe('Service Unavailable');
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.text()).toBe('shutting down');
    } finally {
      await upstream.close();
    }
  });

  test("the call's time limit aborts a request the subgraph does not answer", async () => {
    const upstream = await subgraph(() => undefined); // never answers
    try {
      const signal = AbortSignal.timeout(100);
      const started = Date.now();
      await expect(
        withCallSignal(signal, () => fetcher(upstream.url, { method: 'POST', headers: {}, body: '{}' })),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      upstream.received.length = 0;
      await upstream.close().catch(() => undefined);
    }
  });
});
