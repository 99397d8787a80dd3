import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { GraphQLFormattedError } from 'graphql';
import { logEvent, logger } from './logger';
import { metricsFor } from './metrics';
import { SERVICE_ATTRIBUTE } from './service-attribute';

/** Codes that are the caller's doing: logged at info, not as our errors. */
const CALLER_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
]);

const tracer = trace.getTracer('samen-sterk-graphql');

function formattedErrors(
  context: GraphQLRequestContextWillSendResponse<BaseContext>,
): readonly GraphQLFormattedError[] {
  const body = context.response.body;
  if (body.kind === 'single') return body.singleResult.errors ?? [];
  return context.errors?.map((error) => error.toJSON()) ?? [];
}

/**
 * Per GraphQL request: the request counter, latency histogram and errors by code for
 * `service`'s metrics (operation names bounded), a span named after the operation (when
 * tracing), and one log line: at debug when it went well, at info when the caller's request was
 * refused (with the codes, never the variables). Internal errors are logged where they are
 * formatted (`http/errors.ts`), with their cause.
 */
export function observabilityPlugin<Context extends BaseContext>(service: string): ApolloServerPlugin<Context> {
  const metrics = metricsFor(service);
  return {
    async requestDidStart() {
      const started = performance.now();
      let span: Span | undefined;
      if (trace.getActiveSpan()) {
        span = tracer.startSpan('graphql.request', { attributes: { [SERVICE_ATTRIBUTE]: service } });
      }
      return {
        async didResolveOperation({ operationName, operation }) {
          span?.updateName(`graphql.${operation?.operation ?? 'request'} ${operationName ?? '(anonymous)'}`);
          span?.setAttributes({
            'graphql.operation.name': operationName ?? '',
            'graphql.operation.type': operation?.operation ?? '',
          });
        },
        async willSendResponse(context) {
          const type = context.operation?.operation ?? 'unknown';
          const operation = context.operation ? metrics.operationNames.value(context.operationName) : '(invalid)';
          const seconds = (performance.now() - started) / 1000;
          metrics.graphqlRequests.inc({ operation, type });
          metrics.graphqlDuration.observe({ operation, type }, seconds);
          const errors = formattedErrors(context as GraphQLRequestContextWillSendResponse<BaseContext>);
          const codes = errors.map((e) =>
            metrics.errorCodes.value(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
          );
          for (const code of codes) metrics.graphqlErrors.inc({ operation, code });
          if (span) {
            if (codes.length) span.setAttribute('graphql.error.codes', codes);
            if (codes.some((code) => !CALLER_CODES.has(code))) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
          }
          const level = codes.length ? 'info' : 'debug';
          if (logger.isLevelEnabled(level)) {
            logEvent(level, codes.length ? 'graphql request answered with errors' : 'graphql request answered', {
              operation,
              type,
              codes: codes.length ? [...new Set(codes)].join(',') : undefined,
              ms: Math.round(seconds * 10_000) / 10,
            });
          }
        },
      };
    },
  };
}
