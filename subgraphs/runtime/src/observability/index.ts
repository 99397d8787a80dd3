export { watchDatabase } from './database-metrics';
export { graphqlSpan, observabilityPlugin, observePublicReadAnswer } from './graphql-plugin';
export { observeHttp } from './http';
export { captureLogs, logEvent, logger, type CapturedLogs } from './logger';
export { maskPersonalData } from './mask';
export {
  BoundedLabel,
  LATENCY_BUCKETS,
  metricsEndpoint,
  metricsFor,
  serviceHistogram,
  type ServiceMetrics,
} from './metrics';
export {
  currentRequest,
  REQUEST_ID_HEADER,
  requestIdFrom,
  resumeRequestContext,
  withRequestContext,
  type RequestContext,
} from './request-context';
export { SERVICE_ATTRIBUTE } from './service-attribute';
export { startTracing, stopTracing, type TracingOptions } from './tracing';
