import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptedGatewaySecrets, DEVELOPMENT_GATEWAY_SECRET, gatewaySecretFromEnv } from '../config';
import { secretMatches } from '../http/server';
import { metricsEndpoint } from '../observability/metrics';

// Rotating the gateway secret without downtime: for a while every service accepts the new one
// (GATEWAY_SECRET) and the old one (GATEWAY_SECRET_PREVIOUS), and sends the new one.

const NEW = 'rotation-test-new-secret-0123456789';
const OLD = 'rotation-test-old-secret-9876543210';
const saved = { previous: process.env.GATEWAY_SECRET_PREVIOUS, nodeEnv: process.env.NODE_ENV };
afterEach(() => {
  for (const [name, value] of [
    ['GATEWAY_SECRET_PREVIOUS', saved.previous],
    ['NODE_ENV', saved.nodeEnv],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

test('without GATEWAY_SECRET_PREVIOUS only the current secret is accepted', () => {
  delete process.env.GATEWAY_SECRET_PREVIOUS;
  expect(acceptedGatewaySecrets(NEW)).toEqual([NEW]);
  process.env.GATEWAY_SECRET_PREVIOUS = '';
  expect(acceptedGatewaySecrets(NEW)).toEqual([NEW]);
  process.env.GATEWAY_SECRET_PREVIOUS = NEW;
  expect(acceptedGatewaySecrets(NEW)).toEqual([NEW]);
});

test('with GATEWAY_SECRET_PREVIOUS both are accepted, nothing else', () => {
  process.env.GATEWAY_SECRET_PREVIOUS = OLD;
  const accepted = acceptedGatewaySecrets(NEW);
  expect(accepted).toEqual([NEW, OLD]);
  expect(secretMatches(NEW, accepted)).toBe(true);
  expect(secretMatches(OLD, accepted)).toBe(true);
  for (const wrong of ['', 'rotation-test', `${NEW}x`, OLD.slice(0, -1), undefined, [NEW]]) {
    expect(secretMatches(wrong, accepted)).toBe(false);
  }
  // One secret, as before.
  expect(secretMatches(NEW, NEW)).toBe(true);
  expect(secretMatches(OLD, NEW)).toBe(false);
});

test('in production the development secret is refused as the previous one too', () => {
  process.env.NODE_ENV = 'production';
  process.env.GATEWAY_SECRET_PREVIOUS = DEVELOPMENT_GATEWAY_SECRET;
  expect(() => acceptedGatewaySecrets(NEW)).toThrow(/GATEWAY_SECRET_PREVIOUS must not be the development secret/);
});

describe('/metrics during a rotation', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const app = express();
    app.get('/metrics', metricsEndpoint('rotation-probe', { secret: [NEW, OLD], production: true }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('Prometheus with the old or the new secret gets the metrics; another secret does not', async () => {
    for (const secret of [NEW, OLD]) {
      expect((await fetch(url, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
      expect((await fetch(url, { headers: { 'x-gateway-secret': secret } })).status).toBe(200);
    }
    expect((await fetch(url, { headers: { authorization: 'Bearer something-else' } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(403);
  });
});

test('in production a placeholder from the deployment files is refused as a secret', () => {
  const saved = process.env.GATEWAY_SECRET;
  process.env.NODE_ENV = 'production';
  process.env.GATEWAY_SECRET = 'REPLACE_ME-64-random-hex-characters';
  try {
    expect(() => gatewaySecretFromEnv()).toThrow(/GATEWAY_SECRET is still the placeholder/);
  } finally {
    if (saved === undefined) delete process.env.GATEWAY_SECRET;
    else process.env.GATEWAY_SECRET = saved;
  }
});
