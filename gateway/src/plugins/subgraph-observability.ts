import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  BoundedLabel,
  currentRequest,
  LATENCY_BUCKETS,
  metricsFor,
  REQUEST_ID_HEADER,
} from '@samen-sterk/subgraph-runtime';
import { Counter, Histogram } from 'prom-client';

/**
 * The gateway's view of each subgraph: requests, latency and errors by code in its metrics,
 * and the caller's request id passed on (`x-request-id`), so one id finds the request in every
 * service's log. W3C trace context goes out with the HTTP instrumentation when tracing is on,
 * under @apollo/gateway's own `gateway.fetch` span.
 *
 * It wraps a data source's `process` and leaves what the data source does (headers, errors,
 * resilience) to the data source.
 */

interface SubgraphMetrics {
  requests: Counter<'subgraph'>;
  duration: Histogram<'subgraph'>;
  errors: Counter<'subgraph' | 'code'>;
  codes: BoundedLabel;
}

let made: { registry: unknown; metrics: SubgraphMetrics } | undefined;

function subgraphMetrics(): SubgraphMetrics {
  const { registry } = metricsFor('gateway');
  if (made?.registry === registry) return made.metrics;
  const registers = [registry];
  const metrics: SubgraphMetrics = {
    requests: new Counter({
      name: 'gateway_subgraph_requests_total',
      help: 'Requests the gateway sent to a subgraph',
      labelNames: ['subgraph'],
      registers,
    }),
    duration: new Histogram({
      name: 'gateway_subgraph_request_duration_seconds',
      help: 'Time a subgraph took to answer the gateway, failures included',
      labelNames: ['subgraph'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: 'gateway_subgraph_errors_total',
      help: 'Errors of subgraph requests: in the answer by code, or the request failed (FETCH_FAILED, or the code given)',
      labelNames: ['subgraph', 'code'],
      registers,
    }),
    codes: new BoundedLabel(40),
  };
  made = { registry, metrics };
  return metrics;
}

type Headers = NonNullable<GraphQLDataSourceProcessOptions['request']['http']>['headers'];

export function observedDataSource<Source extends GraphQLDataSource>(subgraph: string, source: Source): Source {
  const metrics = subgraphMetrics();
  const process = source.process.bind(source);
  source.process = async (options) => {
    const request = currentRequest();
    if (request) {
      // The data source copies these headers into the request it sends.
      options.request.http ??= { method: 'POST', url: '', headers: new globalThis.Headers() as unknown as Headers };
      options.request.http.headers.set(REQUEST_ID_HEADER, request.requestId);
    }
    const started = performance.now();
    metrics.requests.inc({ subgraph });
    try {
      const response = await process(options);
      for (const error of response.errors ?? []) {
        const code = metrics.codes.value(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        metrics.errors.inc({ subgraph, code });
      }
      return response;
    } catch (error) {
      const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
      metrics.errors.inc({ subgraph, code: metrics.codes.value(typeof code === 'string' ? code : 'FETCH_FAILED') });
      throw error;
    } finally {
      metrics.duration.observe({ subgraph }, (performance.now() - started) / 1000);
    }
  };
  return source;
}
