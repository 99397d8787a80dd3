import express from 'express';
import { request, Agent } from 'node:http';
import { listen } from '../http/server';

/** A GET over a given agent (a kept-alive connection, or a new one): status, headers, body. */
function get(port: number, path: string, agent: Agent | false) {
  return new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('graceful shutdown', () => {
  test('a request under way finishes; a new one is refused (503 with Retry-After, or no connection)', async () => {
    let release!: () => void;
    let started!: () => void;
    const slowStarted = new Promise<void>((resolve) => (started = resolve));
    const app = express();
    app.get('/slow', (_req, res) => {
      started();
      release = () => res.json({ done: true });
    });
    app.get('/fast', (_req, res) => res.json({ ok: true }));
    const server = await listen(app, 0);
    const keptAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    // A kept-alive connection, open before stopping, as the gateway's would be.
    expect((await get(server.port, '/fast', keptAlive)).status).toBe(200);

    const slow = get(server.port, '/slow', false);
    await slowStarted;
    const stopped = server.close();

    const onKeptConnection = await get(server.port, '/fast', keptAlive).catch((error: Error) => error);
    if (!('status' in onKeptConnection)) {
      expect(onKeptConnection.message).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up/);
    } else {
      expect(onKeptConnection.status).toBe(503);
      expect(onKeptConnection.retryAfter).toBe('5');
      expect(JSON.parse(onKeptConnection.body).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    }
    await expect(get(server.port, '/fast', false)).rejects.toThrow(/ECONNREFUSED/);

    release();
    expect(await slow).toEqual({ status: 200, retryAfter: undefined, body: '{"done":true}' });
    await stopped;
    keptAlive.destroy();
  });

  test('a request that outlasts the grace period is cut, so stopping ends', async () => {
    process.env.SHUTDOWN_GRACE_MS = '100';
    try {
      const app = express();
      let started!: () => void;
      const slowStarted = new Promise<void>((resolve) => (started = resolve));
      app.get('/never', () => started());
      const server = await listen(app, 0);
      const never = get(server.port, '/never', false).catch((error: Error) => error);
      await slowStarted;
      await server.close();
      expect(String(((await never) as Error).message)).toMatch(/socket hang up|ECONNRESET/);
    } finally {
      delete process.env.SHUTDOWN_GRACE_MS;
    }
  });
});
