import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerToken, createTokenVerifier, type TokenVerifier } from '../auth/tokens';
import {
  acceptedGatewaySecrets,
  gatewaySecretFromEnv,
  isProduction,
  serviceUrlFromEnv,
  type ServiceName,
} from '../config';
import { LoaderRegistry, type SubgraphContext } from '../context';
import type { Database } from '../database/database';
import { PlatformError } from '../errors';
import { requestLimits } from '../limits';
import {
  metricsEndpoint,
  observabilityPlugin,
  observeHttp,
  resumeRequestContext,
  graphqlSpan,
  watchDatabase,
} from '../observability';
import { draining } from '../resilience/graceful-shutdown';
import { connectionArgumentsPlugin } from './connection-args';
import { formatErrorFor, platformErrorIn } from './errors';
import { gatewayOnlyPlugin } from './gateway-only';
import { inputErrorDetails, inputErrorsPlugin } from './input-errors';
import { refusalsAnsweredWith400 } from './plugin-errors';
import { answerTheRestAsJson, graphqlRequestParsing } from './request-errors';

// What the gateway shares with the subgraphs' servers (the package's index exports this file).
export { formatErrorFor } from './errors';
export { checkFloatLiterals, inputErrorDetails, inputErrorsPlugin, recordArgumentPaths } from './input-errors';
export { describeError, logError, redact } from './log';
export * from '../observability';
export { refusalsAnsweredWith400 } from './plugin-errors';
export { answerTheRestAsJson, graphqlRequestParsing, sendJsonError } from './request-errors';
export { logSubgraphErrors, subgraphFailure, type SubgraphCall } from './subgraph-calls';

export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

export interface SubgraphServerOptions<Db> {
  name: string;
  schema: GraphQLSchema;
  database: Database<Db>;
  port: number;
  host?: string;
  tokens?: TokenVerifier;
  gatewaySecret?: string;
  plugins?: ApolloServerPlugin<SubgraphContext<Db>>[];
  /** Other subgraphs' endpoints, when not the defaults (tests, the all-in-one platform). */
  serviceUrls?: () => Partial<Record<ServiceName, string>>;
}

export interface RunningServer {
  name: string;
  /** The GraphQL endpoint. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Does `given` equal the secret, or one of the secrets accepted (during a rotation, two)? */
export function secretMatches(given: unknown, expected: string | readonly string[]): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  // Every candidate is compared, so the time taken does not tell which one matched.
  return (typeof expected === 'string' ? [expected] : expected).reduce((found, secret) => {
    const b = Buffer.from(secret);
    return (a.length === b.length && timingSafeEqual(a, b)) || found;
  }, false);
}

/** The request's identity; a token that is present but not valid fails the request (401). */
export async function identityOf(tokens: TokenVerifier, authorization: string | undefined) {
  try {
    const token = bearerToken(authorization);
    return token ? await tokens.verify(token) : null;
  } catch (error) {
    if (error instanceof PlatformError) {
      throw new PlatformError(error.code, error.message, { http: { status: 401 } });
    }
    throw error;
  }
}

/**
 * A bad variable (a Date that is no date, say) or literal (an Int out of range, a negative
 * `first`) is the caller's mistake, but Apollo Server answers it with HTTP 400, which the gateway
 * reports as a failed subgraph. Answer the gateway 200 with the BAD_USER_INPUT error instead, so
 * it passes it on to the caller as it is. A direct caller gets the 400.
 */
function badInputAnsweredWith200<
  Context extends BaseContext & { viaGateway?: boolean },
>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors, contextValue }) {
          if (!contextValue?.viaGateway) return;
          const allBadInput =
            !!errors?.length &&
            errors.every(
              (e) =>
                e.extensions?.code === 'BAD_USER_INPUT' ||
                platformErrorIn(e)?.code === 'BAD_USER_INPUT' ||
                inputErrorDetails(e) !== null,
            );
          if (response.http.status === 400 && allBadInput) response.http.status = 200;
        },
      };
    },
  };
}

/** Liveness and readiness probes plus `/graphql`, on one Express app. */
export async function listen(
  app: express.Express,
  port: number,
  host = process.env.HOST || '127.0.0.1',
): Promise<{ port: number; close(): Promise<void> }> {
  // Stopping refuses new requests and lets those under way finish (resilience/graceful-shutdown.ts).
  const drain = draining(app);
  return new Promise((resolve, reject) => {
    const server = createServer(drain.handler);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({ port: address.port, close: () => drain.close(server) });
    });
    server.on('error', reject);
    // Callers keep idle connections open for a few seconds (fetch: 4 s) and reuse them. Were the
    // server to close an idle connection first (Node's default: 5 s), a request sent on it at
    // that moment would meet a reset: rare, but certain on a busy machine, where a timer fires
    // late. So the server waits longer than any caller keeps a connection idle.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  });
}

/** How long the server keeps an idle connection: longer than callers keep theirs (see `listen`). */
export const KEEP_ALIVE_MS = 65_000;

/** Starts one subgraph: Apollo Server behind Express with `/healthz`, `/readyz`, `/graphql`. */
export async function startSubgraphServer<Db>(options: SubgraphServerOptions<Db>): Promise<RunningServer> {
  const tokens = options.tokens ?? createTokenVerifier();
  const gatewaySecret = options.gatewaySecret ?? gatewaySecretFromEnv();
  // The current secret, and during a rotation the previous one (config.ts).
  const acceptedSecrets = acceptedGatewaySecrets(gatewaySecret);
  // The same request limits as the gateway's (a subgraph may be reachable inside a cluster).
  const protection = requestLimits<SubgraphContext<Db>>({
    tokens,
    entryPoint: 'subgraph',
    fromGateway: (req) => secretMatches(req.headers[GATEWAY_SECRET_HEADER], acceptedSecrets),
    contextFromGateway: (context) => context.viaGateway,
  });
  const apollo = new ApolloServer<SubgraphContext<Db>>({
    schema: options.schema,
    formatError: formatErrorFor(options.name),
    // Shutdown is ours (stop HTTP, then Apollo, then the database), not Apollo's signal handlers.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // Refusals from plugins that throw where Apollo expects no errors are answered 400, not 500.
    plugins: refusalsAnsweredWith400([
      observabilityPlugin(options.name),
      gatewayOnlyPlugin() as ApolloServerPlugin<SubgraphContext<Db>>,
      inputErrorsPlugin(),
      connectionArgumentsPlugin(),
      // Traces go to Apollo's cloud, which this platform does not use.
      ApolloServerPluginInlineTraceDisabled(),
      badInputAnsweredWith200(),
      ...protection.plugins,
      ...(options.plugins ?? []),
    ]),
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: protection.allowBatchedHttpRequests,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Request id, metrics and log first; /metrics only for the platform in production (metrics.ts).
  app.use(observeHttp(options.name));
  app.get('/metrics', metricsEndpoint(options.name, { secret: acceptedSecrets, production: isProduction() }));
  watchDatabase(options.name, options.database);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await options.database.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable', service: options.name });
  });
  app.use(
    '/graphql',
    protection.inFlight,
    // JSON answers for bodies that are no JSON, too large, of another type (request-errors.ts).
    ...graphqlRequestParsing({ limit: '2mb' }),
    resumeRequestContext,
    graphqlSpan(options.name),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        db: options.database.prisma,
        identity: await identityOf(tokens, req.headers.authorization),
        viaGateway: secretMatches(req.headers[GATEWAY_SECRET_HEADER], acceptedSecrets),
        authorization: req.headers.authorization ?? null,
        serviceUrl: (name: ServiceName) => options.serviceUrls?.()[name] ?? serviceUrlFromEnv(name),
        loaders: new LoaderRegistry(),
      }),
    }),
  );

  answerTheRestAsJson(app, options.name, ['/healthz', '/readyz', '/metrics']);

  const http = await listen(app, options.port, options.host);
  return {
    name: options.name,
    url: `http://127.0.0.1:${http.port}/graphql`,
    port: http.port,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
