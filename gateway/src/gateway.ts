import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  answerTheRestAsJson,
  createTokenVerifier,
  envPrefix,
  formatErrorFor,
  acceptedGatewaySecrets,
  gatewaySecretFromEnv,
  graphqlRequestParsing,
  identityOf,
  inputErrorsPlugin,
  isProduction,
  listen,
  metricsEndpoint,
  observabilityPlugin,
  observeHttp,
  refusalsAnsweredWith400,
  resumeRequestContext,
  graphqlSpan,
  requestLimits,
  type Identity,
  type RunningServer,
  type TokenVerifier,
} from '@samen-sterk/subgraph-runtime';
import cors from 'cors';
import express from 'express';
import { demoSignInRoutes, explorerRoutes, type DemoUser } from './explorer';
import { coalesceIdenticalQueries } from './plugins/coalesce-queries';
import { publicReadsCache } from './plugins/public-reads-cache';
import { observedDataSource } from './plugins/subgraph-observability';
import { subgraphAgent } from './fetch/connections';
import { PlatformDataSource } from './fetch/data-source';

export interface GatewayContext {
  identity: Identity | null;
  /** The caller's Authorization header, forwarded so each subgraph checks the token itself. */
  authorization: string | null;
}

export interface GatewayOptions {
  supergraphSdl: string;
  port: number;
  /** Subgraph URL by name, overriding the supergraph's (and `<NAME>_URL`). */
  subgraphUrls?: Record<string, string>;
  tokens?: TokenVerifier;
  gatewaySecret?: string;
  /**
   * The demo seed's sample users, for the development explorer's "sign in as" picker and
   * `POST /dev/sign-in`. Ignored in production, where neither exists.
   */
  demoUsers?: readonly DemoUser[];
  /**
   * Browser origins allowed to call the gateway (CORS), such as the portal's. Default: the
   * comma-separated `CORS_ORIGINS`; in development also any http://localhost or 127.0.0.1 port.
   */
  corsOrigins?: readonly string[];
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Which browser origins may call the gateway: the listed ones; in development any local one. */
function corsOriginCheck(listed: readonly string[]) {
  const development = !isProduction();
  return (origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) => {
    callback(null, origin !== undefined && (listed.includes(origin) || (development && LOCAL_ORIGIN.test(origin))));
  };
}

/** The gateway: Apollo Server over the committed supergraph, with `/healthz` and `/readyz`. */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const tokens = options.tokens ?? createTokenVerifier();
  const gatewaySecret = options.gatewaySecret ?? gatewaySecretFromEnv();
  const subgraphUrls = new Map<string, string>();
  const agent = subgraphAgent();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = options.subgraphUrls?.[name] ?? process.env[`${envPrefix(name)}_URL`] ?? url!;
      subgraphUrls.set(name, resolved);
      return observedDataSource(name, new PlatformDataSource<GatewayContext>(name, resolved, gatewaySecret, agent));
    },
  });
  // Request limits (subgraph-runtime's limits/): deep, wide or costly requests are refused
  // before planning, and one caller has only so many in flight. Read from the environment now.
  const protection = requestLimits<GatewayContext>({ tokens, entryPoint: 'gateway' });
  // Answers made only of public fields, kept (plugins/public-reads-cache.ts); PUBLIC_READS_CACHE=off: none.
  const publicReads =
    process.env.PUBLIC_READS_CACHE === 'off'
      ? null
      : publicReadsCache<GatewayContext>({ identify: (authorization) => identityOf(tokens, authorization) });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatErrorFor('gateway'),
    // Shutdown is ours (stop HTTP, then Apollo, then the database), not Apollo's signal handlers.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: protection.allowBatchedHttpRequests,
    // Refusals from plugins that throw where Apollo expects no errors are answered 400, not 500.
    // No Apollo landing page (Sandbox comes from a CDN): in development `explorerRoutes` serves
    // GraphiQL from our own files instead; in production a browser gets no page.
    plugins: refusalsAnsweredWith400([
      observabilityPlugin<GatewayContext>('gateway'),
      // The answer's cache policy is computed (the public-reads cache uses it) but not sent: a
      // `public` header on an answer to a signed-in caller would let a shared proxy give the
      // directory to someone who is not signed in.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...protection.plugins,
      inputErrorsPlugin<GatewayContext>(),
      ...(publicReads?.plugins ?? []),
      ApolloServerPluginLandingPageDisabled(),
    ]),
    validationRules: [...protection.validationRules],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Request id, metrics and log first; /metrics only for the platform in production (runtime's metrics.ts).
  app.use(observeHttp('gateway'));
  // Prometheus may still show the previous secret while it is being rotated (GATEWAY_SECRET_PREVIOUS).
  app.get(
    '/metrics',
    metricsEndpoint('gateway', { secret: acceptedGatewaySecrets(gatewaySecret), production: isProduction() }),
  );
  const corsOrigins =
    options.corsOrigins ??
    (process.env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  // A browser client may read the request id, to quote it when something went wrong.
  app.use(cors({ origin: corsOriginCheck(corsOrigins), maxAge: 600, exposedHeaders: ['x-request-id'] }));
  if (!isProduction()) {
    app.use(explorerRoutes());
    app.use(demoSignInRoutes(options.demoUsers ?? []));
  }
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.all(
      [...subgraphUrls].map(async ([name, url]) => {
        const ready = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(2000) })
          .then((r) => r.ok)
          .catch(() => false);
        return [name, ready ? 'ready' : 'unreachable'] as const;
      }),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  app.use(
    '/graphql',
    // JSON answers for bodies that are no JSON, too large, of another type (request-errors.ts).
    ...graphqlRequestParsing({ limit: '1mb' }),
    resumeRequestContext,
    graphqlSpan('gateway'),
    // Identical queries of one caller in flight together run once (plugins/coalesce-queries.ts);
    // only the one that runs counts against the caller's requests in flight.
    ...(process.env.COALESCE_QUERIES === 'off' ? [] : [coalesceIdenticalQueries()]),
    protection.inFlight,
    // A public answer kept for this very request is sent without Apollo Server's pipeline.
    ...(publicReads ? [publicReads.answerFromMemory] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        // Checked here too, so a bad token fails fast; every subgraph checks it again.
        identity: await identityOf(tokens, req.headers.authorization),
        authorization: req.headers.authorization ?? null,
      }),
    }),
  );

  answerTheRestAsJson(app, 'gateway', ['/healthz', '/readyz', '/metrics']);

  const http = await listen(app, options.port);
  return {
    name: 'gateway',
    url: `http://127.0.0.1:${http.port}/graphql`,
    port: http.port,
    stop: async () => {
      await http.close();
      await apollo.stop();
      await agent.close();
    },
  };
}
