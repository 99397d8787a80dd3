import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { metricsEndpoint, metricsFor } from '../observability/metrics';

// In production a service's /metrics answers only the platform's own monitoring: whoever shows
// the gateway secret, as the gateway's header or as a bearer token (Prometheus's setting).

const SECRET = 'metrics-test-secret-0123456789';
const servers: Server[] = [];

async function serve(production: boolean): Promise<string> {
  const app = express();
  app.get('/metrics', metricsEndpoint('probe', { secret: SECRET, production }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

beforeAll(() => metricsFor('probe').graphqlRequests.inc({ operation: 'Probe', type: 'query' }));

test('in production, no secret or a wrong one: 403 FORBIDDEN, no metrics', async () => {
  const url = await serve(true);
  const refused: Record<string, string>[] = [{}, { 'x-gateway-secret': 'wrong' }, { authorization: 'Bearer wrong' }];
  for (const headers of refused) {
    const response = await fetch(url, { headers });
    const text = await response.text();
    expect({ status: response.status, code: JSON.parse(text).errors[0].extensions.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(text).not.toContain('graphql_requests_total');
  }
});

test('in production, the gateway secret as header or bearer token: the metrics', async () => {
  const url = await serve(true);
  const allowed: Record<string, string>[] = [{ 'x-gateway-secret': SECRET }, { authorization: `Bearer ${SECRET}` }];
  for (const headers of allowed) {
    const response = await fetch(url, { headers });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphql_requests_total{operation="Probe",type="query",service="probe"} 1');
  }
});

test('in development, open to anyone', async () => {
  const response = await fetch(await serve(false));
  expect(response.status).toBe(200);
  expect(await response.text()).toMatch(/^process_cpu_user_seconds_total /m);
});
