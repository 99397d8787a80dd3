import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  checkFloatLiterals,
  costRefusal,
  documentLimitsForEnvelop,
  inputErrorDetails,
  recordArgumentPaths,
  GATEWAY_SECRET_HEADER,
  gatewaySecretFromEnv,
  REQUEST_ID_HEADER,
  requestCost,
  requestLimitsFromEnv,
  type RequestLimits,
  type RunningServer,
} from '@samen-sterk/subgraph-runtime';
import { GraphQLError } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Hive Gateway (`@graphql-hive/gateway-runtime`) in front of the subgraphs instead of ours: the
 * one place that says how it is set up, for the gateway benchmark (`bench/gateway`) and the
 * integration tests run through it (`TEST_GATEWAY=hive` or `hive-rust`). Like ours it serves the
 * committed supergraph, forwards the caller's Authorization and `x-request-id` and adds the
 * gateway secret, which the subgraphs require of federation's entry points. It is loaded only
 * when asked for (`@samen-sterk/platform/hive`); `pnpm start` never loads it.
 */

/** Hive's own query planner (JavaScript), or its Rust one (`@graphql-hive/router-runtime`). */
export type HivePlanner = 'js' | 'rust';

export interface HiveGatewayOptions {
  /** The committed supergraph; its subgraph URLs are replaced by `subgraphUrls`. */
  supergraphSdl: string;
  /** Where each subgraph of the supergraph runs now, by name. */
  subgraphUrls: Record<string, string>;
  planner?: HivePlanner;
  /** Default `GATEWAY_SECRET` (the development secret outside production). */
  gatewaySecret?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Our request limits as far as Hive can hold them (default: read from the environment, as
   * our gateway does), or `false` for Hive's defaults (the benchmark's published figures).
   */
  limits?: RequestLimits | false;
}

/** The committed supergraph with each subgraph's URL replaced by where it runs now. */
export function supergraphAt(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_match, name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`No URL for subgraph ${name}`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
}

/**
 * Our cost limit (the runtime's `cost.ts`) before anything runs: an operation costing more than
 * `maxCost` is QUERY_TOO_COSTLY, a page or a list over its maximum BAD_USER_INPUT on that
 * argument, both with HTTP 400, as at our gateway. (Our gateway's per-caller budgets in flight
 * are its own and have no counterpart here.)
 */
function costLimit(limits: RequestLimits): GatewayPlugin {
  return {
    onExecute({ args }) {
      const report = requestCost({
        schema: args.schema,
        document: args.document,
        operationName: args.operationName,
        variables: args.variableValues as Record<string, unknown> | undefined,
        limits,
      });
      const refusal = report && costRefusal(report, limits);
      if (refusal) throw refusal;
    },
  };
}

/**
 * One of Hive's own errors before execution in our API's terms (docs/design.md): a value the
 * caller wrote that GraphQL refused is BAD_USER_INPUT naming the variable or argument, in a
 * sentence that does not repeat the value (graphql-js's "got invalid value …" repeats the whole
 * variable, a BSN in it too); any other validation error is GRAPHQL_VALIDATION_FAILED.
 */
function inOurTerms(error: GraphQLError, validation: boolean): GraphQLError {
  const input = inputErrorDetails(error);
  if (input) {
    return new GraphQLError(input.message, {
      nodes: error.nodes,
      extensions: { code: 'BAD_USER_INPUT', field: input.field, http: { status: 400 } },
    });
  }
  if (!validation || error.extensions.code !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/**
 * Without this, Hive answers a variable it cannot coerce (an Int past 32 bits, a Date that is
 * no date) and a failed validation with no `extensions.code` at all, and repeats the refused
 * variable in the message. The same functions as our gateway's (the runtime's input-errors.ts).
 */
function inputErrors(): GatewayPlugin {
  return {
    onValidate({ params }) {
      recordArgumentPaths(params.documentAST);
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map((error) => inOurTerms(error, true)));
      };
    },
    onExecute({ args }) {
      checkFloatLiterals(args.schema, args.document);
    },
    // A variable Hive cannot coerce fails execution before it starts: its error reaches the
    // answer only here.
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || !result.errors || result.data != null) return;
      const errors = result.errors.map((error) => (error instanceof GraphQLError ? inOurTerms(error, false) : error));
      setResult({ ...result, errors });
    },
  };
}

/** Starts Hive Gateway over the supergraph on `127.0.0.1`, in this process. */
export async function startHiveGateway(options: HiveGatewayOptions): Promise<RunningServer> {
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  const rust = options.planner === 'rust' ? await import('@graphql-hive/router-runtime') : null;
  const secret = options.gatewaySecret ?? gatewaySecretFromEnv();
  const limits = options.limits === undefined ? requestLimitsFromEnv() : options.limits;
  const runtime = createGatewayRuntime({
    supergraph: supergraphAt(options.supergraphSdl, options.subgraphUrls),
    ...(rust ? { unifiedGraphHandler: rust.unifiedGraphHandler } : {}),
    // Its log lines could carry a caller's variables; the subgraphs log what went wrong.
    logging: false,
    graphiql: false,
    landingPage: false,
    // The caller's request id (or a new one) goes to every subgraph and back to the caller.
    requestId: { headerName: REQUEST_ID_HEADER },
    propagateHeaders: {
      // Each subgraph checks the caller's token itself; the secret proves the call is the gateway's.
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
        [GATEWAY_SECRET_HEADER]: secret,
      }),
    },
    ...(limits
      ? {
          // One operation per HTTP request, as at ours: a batch would multiply every limit.
          batching: false,
          plugins: () => [documentLimitsForEnvelop(limits), inputErrors(), costLimit(limits)],
        }
      : {}),
  });
  const server = http.createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    name: 'gateway',
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}
