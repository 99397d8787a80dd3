import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureLogs, type CapturedLogs } from '../observability/logger';
import { askService, serviceOperation } from '../service-client';

// Reads are asked again when the other service cannot answer for a moment; writes never (they
// may have been carried out); each attempt has a time limit; a service that keeps failing is not
// asked for a moment (circuit breaker), then tried again.

/** A service that answers each request with the next of `answers` (a status, or a GraphQL body). */
async function fakeService(answers: (number | object)[]) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push(body);
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
      if (typeof answer === 'number') res.writeHead(answer).end('<html>down</html>');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { ctx: { serviceUrl: () => url, authorization: null }, seen, close: () => server.close() };
}

// Each failure is logged once, naming the service; kept out of the test output here.
let logged: CapturedLogs;
beforeEach(() => {
  logged = captureLogs('error');
});
afterEach(() => logged.stop());

const READ = serviceOperation<{ ping: string }>('query Ping { ping }');
const WRITE = serviceOperation<{ touch: boolean }>('mutation Touch { touch }');

test('a read is asked again after a 503, and answers', async () => {
  const service = await fakeService([503, { data: { ping: 'pong' } }]);
  try {
    const answer = await askService(service.ctx, 'cao', { query: READ, label: 'CAO service' });
    expect(answer).toEqual({ data: { ping: 'pong' }, errors: [] });
    expect(service.seen).toHaveLength(2);
  } finally {
    service.close();
  }
});

test('a read that keeps failing is asked three times, then fails naming the service', async () => {
  const service = await fakeService([503]);
  try {
    await expect(askService(service.ctx, 'cao', { query: READ, label: 'CAO service' })).rejects.toThrow(
      'The CAO service could not answer',
    );
    expect(service.seen).toHaveLength(3);
    expect(logged.entries()).toEqual([
      expect.objectContaining({ level: 'error', calledService: 'cao', msg: 'CAO service did not answer' }),
    ]);
  } finally {
    service.close();
  }
});

test('a write is never asked twice', async () => {
  const service = await fakeService([503, { data: { touch: true } }]);
  try {
    await expect(askService(service.ctx, 'members', { query: WRITE, label: 'members directory' })).rejects.toThrow(
      'The members directory could not answer',
    );
    expect(service.seen).toHaveLength(1);
  } finally {
    service.close();
  }
});

test('a query given as text is a read, a mutation as text a write', async () => {
  const service = await fakeService([503, { data: { ping: 'pong' } }]);
  try {
    await askService(service.ctx, 'cao', { query: 'query { ping }', label: 'CAO service' });
    expect(service.seen).toHaveLength(2);
    await expect(
      askService(service.ctx, 'cao', { query: 'mutation { touch }', label: 'CAO service' }),
    ).resolves.toEqual({ data: { ping: 'pong' }, errors: [] });
    expect(service.seen).toHaveLength(3);
  } finally {
    service.close();
  }
});

test('a service that cannot be reached at all fails with the service named', async () => {
  const ctx = { serviceUrl: () => 'http://127.0.0.1:9/graphql', authorization: null };
  await expect(askService(ctx, 'cao', { query: READ, label: 'CAO service', timeoutMs: 2000 })).rejects.toThrow(
    'The CAO service could not answer; please try again later.',
  );
});

test('an answer that does not come in time fails naming the service, without waiting for it', async () => {
  const server = http.createServer(() => undefined); // never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ctx = {
    serviceUrl: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    authorization: null,
  };
  try {
    const started = Date.now();
    const failure = await askService(ctx, 'procurement', {
      query: READ,
      label: 'procurement service',
      timeoutMs: 300,
    }).catch((error: { message: string; extensions: Record<string, unknown> }) => error);
    expect(failure).toMatchObject({
      message: 'The procurement service could not answer in time; please try again later.',
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'procurement' },
    });
    // A timeout is not asked again: the service is slow, not gone.
    expect(Date.now() - started).toBeLessThan(2_000);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a service that keeps failing is not asked for a moment, then asked again and answers', async () => {
  process.env.ACADEMY_HALF_OPEN_AFTER_MS = '300';
  process.env.ACADEMY_READ_RETRIES = '0';
  const service = await fakeService([503, 503, 503, 503, 503, { data: { ping: 'pong' } }]);
  try {
    for (let i = 0; i < 5; i++) {
      await expect(askService(service.ctx, 'academy', { query: READ, label: 'Academy' })).rejects.toThrow(
        'The Academy could not answer; please try again later.',
      );
    }
    expect(service.seen).toHaveLength(5);
    // Open: refused here at once, the service is not asked.
    await expect(askService(service.ctx, 'academy', { query: READ, label: 'Academy' })).rejects.toThrow(
      'The Academy could not answer: it is unavailable at the moment',
    );
    expect(service.seen).toHaveLength(5);
    expect(logged.entries()).toContainEqual(
      expect.objectContaining({ msg: 'the circuit to another service is open', calledService: 'academy' }),
    );
    // A moment later one call tries it again, and it answers.
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(askService(service.ctx, 'academy', { query: READ, label: 'Academy' })).resolves.toEqual({
      data: { ping: 'pong' },
      errors: [],
    });
  } finally {
    delete process.env.ACADEMY_HALF_OPEN_AFTER_MS;
    delete process.env.ACADEMY_READ_RETRIES;
    service.close();
  }
});
