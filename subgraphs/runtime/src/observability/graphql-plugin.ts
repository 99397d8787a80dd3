import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
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

/** The GraphQL spans `graphqlSpan` opened, so the plugin knows the active span is one of them. */
const graphqlSpans = new WeakSet<Span>();

/**
 * In front of GraphQL, when tracing: opens the request's GraphQL span and runs the rest of the
 * request in it, so what the resolvers do (Prisma's operations and SQL statements, calls to
 * other services) are its children, not siblings beside it under the HTTP span. The span ends
 * when the answer has been sent (or the connection is gone); `observabilityPlugin` names it
 * after the operation and sets its attributes and status.
 */
export function graphqlSpan(service: string): RequestHandler {
  return (_req, res, next) => {
    if (!trace.getActiveSpan()) return next();
    tracer.startActiveSpan('graphql.request', { attributes: { [SERVICE_ATTRIBUTE]: service } }, (span) => {
      graphqlSpans.add(span);
      res.once('close', () => span.end());
      next();
    });
  };
}

/**
 * Per GraphQL request: the request counter, latency histogram and errors by code for
 * `service`'s metrics (operation names bounded), the name, attributes and status of the
 * request's span (`graphqlSpan`, when tracing), and one log line: at debug when it went well, at info when the caller's request was
 * refused (with the codes, never the variables). Internal errors are logged where they are
 * formatted (`http/errors.ts`), with their cause.
 */
export function observabilityPlugin<Context extends BaseContext>(service: string): ApolloServerPlugin<Context> {
  const metrics = metricsFor(service);
  return {
    async requestDidStart() {
      const started = performance.now();
      const span = activeGraphqlSpan();
      return {
        async didResolveOperation({ operationName, operation }) {
          if (span) nameSpan(span, operation?.operation, operationName);
        },
        async willSendResponse(context) {
          const errors = formattedErrors(context as GraphQLRequestContextWillSendResponse<BaseContext>);
          const codes = errors.map((e) =>
            metrics.errorCodes.value(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
          );
          record(metrics, span, {
            type: context.operation?.operation ?? 'unknown',
            operation: context.operation ? metrics.operationNames.value(context.operationName) : '(invalid)',
            seconds: (performance.now() - started) / 1000,
            codes,
          });
        },
      };
    },
  };
}

/**
 * A query answered from the public reads the gateway keeps, without Apollo Server (so without
 * the plugin above): counted, traced and logged as the plugin does an answer, its span marked.
 */
export function observePublicReadAnswer(service: string, operationName: string | null, seconds: number) {
  const metrics = metricsFor(service);
  const span = activeGraphqlSpan();
  if (span) {
    nameSpan(span, 'query', operationName);
    span.setAttribute('graphql.answered_from', 'public-reads');
  }
  record(metrics, span, {
    type: 'query',
    operation: metrics.operationNames.value(operationName),
    seconds,
    codes: [],
    from: 'public reads',
  });
}

/** The active span when it is one `graphqlSpan` opened. */
function activeGraphqlSpan(): Span | undefined {
  const active = trace.getActiveSpan();
  return active && graphqlSpans.has(active) ? active : undefined;
}

function nameSpan(span: Span, type: string | undefined, operationName: string | null | undefined) {
  span.updateName(`graphql.${type ?? 'request'} ${operationName ?? '(anonymous)'}`);
  span.setAttributes({ 'graphql.operation.name': operationName ?? '', 'graphql.operation.type': type ?? '' });
}

/** One answered GraphQL request: its counters and latency, its span's errors, its log line. */
function record(
  metrics: ReturnType<typeof metricsFor>,
  span: Span | undefined,
  answer: { type: string; operation: string; seconds: number; codes: string[]; from?: string },
) {
  const { type, operation, seconds, codes } = answer;
  metrics.graphqlRequests.inc({ operation, type });
  metrics.graphqlDuration.observe({ operation, type }, seconds);
  for (const code of codes) metrics.graphqlErrors.inc({ operation, code });
  if (span) {
    if (codes.length) span.setAttribute('graphql.error.codes', codes);
    if (codes.some((code) => !CALLER_CODES.has(code))) span.setStatus({ code: SpanStatusCode.ERROR });
  }
  const level = codes.length ? 'info' : 'debug';
  if (logger.isLevelEnabled(level)) {
    const said = codes.length ? 'graphql request answered with errors' : 'graphql request answered';
    logEvent(level, answer.from ? `${said} from ${answer.from}` : said, {
      operation,
      type,
      codes: codes.length ? [...new Set(codes)].join(',') : undefined,
      ms: Math.round(seconds * 10_000) / 10,
    });
  }
}
