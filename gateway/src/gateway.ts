import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  createTokenVerifier,
  envPrefix,
  formatError,
  GATEWAY_SECRET_HEADER,
  gatewaySecretFromEnv,
  identityOf,
  isProduction,
  listen,
  type Identity,
  type RunningServer,
  type TokenVerifier,
} from '@samen-sterk/subgraph-runtime';
import express from 'express';

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
}

/** Forwards the caller's token and proves to the subgraph that the request comes from us. */
class PlatformDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    const authorization = (context as Partial<GatewayContext>).authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}

/** Query limits (graphql-armor): deep, wide or costly queries are refused before planning. */
const armor = new ApolloArmor({
  maxDepth: { n: 15 },
  maxAliases: { n: 20 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 3000 },
  // Connections nest deeply (edges { node { … } }), so each level weighs only a little more.
  costLimit: { maxCost: 20000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.1 },
  blockFieldSuggestion: { enabled: isProduction() },
});

/** The gateway: Apollo Server over the committed supergraph, with `/healthz` and `/readyz`. */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const tokens = options.tokens ?? createTokenVerifier();
  const gatewaySecret = options.gatewaySecret ?? gatewaySecretFromEnv();
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = options.subgraphUrls?.[name] ?? process.env[`${envPrefix(name)}_URL`] ?? url!;
      subgraphUrls.set(name, resolved);
      return new PlatformDataSource(resolved, gatewaySecret);
    },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    // Shutdown is ours (stop HTTP, then Apollo, then the database), not Apollo's signal handlers.
    stopOnTerminationSignals: false,
    ...protection,
    plugins: [...protection.plugins],
    validationRules: [...protection.validationRules],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        // Checked here too, so a bad token fails fast; every subgraph checks it again.
        identity: await identityOf(tokens, req.headers.authorization),
        authorization: req.headers.authorization ?? null,
      }),
    }),
  );

  const http = await listen(app, options.port);
  return {
    name: 'gateway',
    url: `http://127.0.0.1:${http.port}/graphql`,
    port: http.port,
    stop: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
