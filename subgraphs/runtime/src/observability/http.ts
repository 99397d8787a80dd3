import { trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { logEvent, logger } from './logger';
import { metricsFor, routeLabel } from './metrics';
import { requestContext, requestContextOf } from './request-context';
import { SERVICE_ATTRIBUTE } from './service-attribute';

/**
 * First middleware of every service (gateway and subgraphs): the request's id and context
 * (`request-context.ts`), its service on the HTTP server span, and when answered, the HTTP
 * counter and (at debug level) one log line: method, route, status, time. Never the URL's query
 * string or the body.
 */
export function observeHttp(service: string): RequestHandler {
  const metrics = metricsFor(service);
  const enterContext = requestContext(service);
  return (req, res, next) => {
    const started = performance.now();
    const span = trace.getActiveSpan();
    span?.setAttribute(SERVICE_ATTRIBUTE, service);
    res.once('finish', () => {
      const route = routeLabel(req.originalUrl.split('?')[0]!);
      metrics.httpRequests.inc({ route, method: req.method, status: String(res.statusCode) });
      if (logger.isLevelEnabled('debug')) {
        // 'finish' comes from the socket, outside the request's context: name it here.
        logEvent('debug', 'request answered', {
          service,
          requestId: requestContextOf(res)?.requestId,
          traceId: span?.spanContext().traceId ?? requestContextOf(res)?.traceId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        });
      }
    });
    enterContext(req, res, next);
  };
}
