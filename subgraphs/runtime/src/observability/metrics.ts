import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { timingSafeEqual } from 'node:crypto';

/**
 * Prometheus metrics, one registry per service: all services may share one process, and each
 * answers `GET /metrics` with its own (plus the process's default metrics, kept once).
 */

/** Seconds; a GraphQL request here takes milliseconds to a few seconds. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A label whose values come from callers (operation names, error codes) keeps at most `max`
 * distinct values; the rest count as `(other)`, so nobody can grow the metrics without bound.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  value(given: string | null | undefined, missing = '(anonymous)'): string {
    if (!given) return missing;
    if (this.seen.has(given)) return given;
    if (this.seen.size >= this.max || !/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(given)) return '(other)';
    this.seen.add(given);
    return given;
  }
}

export interface ServiceMetrics {
  service: string;
  registry: Registry;
  operationNames: BoundedLabel;
  errorCodes: BoundedLabel;
  httpRequests: Counter<'route' | 'method' | 'status'>;
  graphqlRequests: Counter<'operation' | 'type'>;
  graphqlDuration: Histogram<'operation' | 'type'>;
  graphqlErrors: Counter<'operation' | 'code'>;
}

/** Default metrics of the process (CPU, memory, event loop, GC), registered once. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const services = new Map<string, ServiceMetrics>();

/** `service`'s metrics, made on first use and kept for the process (counters only grow). */
export function metricsFor(service: string): ServiceMetrics {
  let metrics = services.get(service);
  if (metrics) return metrics;
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const registers = [registry];
  metrics = {
    service,
    registry,
    operationNames: new BoundedLabel(200),
    errorCodes: new BoundedLabel(40),
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    graphqlRequests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations answered, by operation name and type',
      labelNames: ['operation', 'type'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to its answer, by operation name and type',
      labelNames: ['operation', 'type'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by operation name and error code',
      labelNames: ['operation', 'code'],
      registers,
    }),
  };
  services.set(service, metrics);
  return metrics;
}

export { LATENCY_BUCKETS };

/**
 * A histogram of `service`'s own (a payroll run's duration, say), in its registry; the same one
 * again when asked twice.
 */
export function serviceHistogram<Label extends string>(
  service: string,
  config: { name: string; help: string; labelNames: readonly Label[]; buckets: number[] },
): Histogram<Label> {
  const { registry } = metricsFor(service);
  const existing = registry.getSingleMetric(config.name);
  if (existing) return existing as Histogram<Label>;
  return new Histogram<Label>({ ...config, registers: [registry] });
}

/** The route label: the known paths, everything else as one. */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
export const routeLabel = (path: string): string => (ROUTES.has(path) ? path : '(other)');

/** Whether `given` is one of the accepted secrets; every one is compared (no early answer to time). */
const matches = (given: string | undefined, expected: string | readonly string[]): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  return (typeof expected === 'string' ? [expected] : expected).reduce((found, secret) => {
    const b = Buffer.from(secret);
    return (a.length === b.length && timingSafeEqual(a, b)) || found;
  }, false);
};

/**
 * `GET /metrics` in Prometheus's text format. In production only for a caller that shows the
 * gateway secret, as `x-gateway-secret` or as a bearer token (Prometheus's `authorization`
 * setting): operation names and error rates tell outsiders too much. In development, open.
 */
export function metricsEndpoint(
  service: string,
  /** `secret`: the gateway secret, or the secrets accepted during a rotation. */
  options: { secret: string | readonly string[]; production: boolean },
): RequestHandler {
  const metrics = metricsFor(service);
  return async (req, res) => {
    if (options.production) {
      const header = req.headers['x-gateway-secret'];
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!matches(typeof header === 'string' ? header : bearer, options.secret)) {
        res.status(403).json({
          errors: [
            { message: 'The metrics are for the platform\u2019s own monitoring.', extensions: { code: 'FORBIDDEN' } },
          ],
        });
        return;
      }
    }
    const text = (await metrics.registry.metrics()) + (await processMetrics().metrics());
    res.type(metrics.registry.contentType).send(text);
  };
}
