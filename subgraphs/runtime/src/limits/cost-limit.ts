import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ErrorCode } from '../errors';
import type { RequestLimits } from './config';
import { requestCost, type RequestCost } from './cost';
import { CALLER_HEADER } from './in-flight';

const QUERY_TOO_COSTLY: ErrorCode = 'QUERY_TOO_COSTLY';
const TOO_MANY_REQUESTS: ErrorCode = 'TOO_MANY_REQUESTS';

export interface CostLimitOptions<Context> {
  limits: Pick<RequestLimits, 'maxCost' | 'defaultPageSize' | 'maxPageSize' | 'maxListItems'>;
  /** The cost one caller's requests in flight may have together. */
  costInFlightPerCaller: number;
  /** Whether the gateway sent this operation: its refusals then answer 200, which it passes on. */
  answerWith200?: (context: Context) => boolean;
}

/**
 * Refuses, after validation and before anything runs (at the gateway: before the query is
 * planned), a request whose cost is above `maxCost` (QUERY_TOO_COSTLY) or that asks for a
 * page or a list over its maximum (BAD_USER_INPUT on that argument), with HTTP 400. Then
 * counts the cost against the caller's budget in flight (caller as set by `inFlightLimit`;
 * requests without one, from the gateway to a subgraph, were counted at the gateway): over it,
 * TOO_MANY_REQUESTS with 429, and the cost is given back when the answer is sent.
 */
export function costLimitPlugin<Context extends BaseContext>(
  options: CostLimitOptions<Context>,
): ApolloServerPlugin<Context> {
  const { limits } = options;
  const costInFlight = new Map<string, number>();
  const costOf = rememberedCosts(limits);
  return {
    async requestDidStart() {
      let reserved: { caller: string; cost: number } | undefined;
      return {
        async didResolveOperation({ schema, document, operationName, request, contextValue }) {
          const report = costOf(schema, document, operationName, request.variables);
          if (!report) return; // variables that do not fit: refused before anything runs anyway
          const refusal = costRefusal(report, limits, options.answerWith200?.(contextValue) ? 200 : undefined);
          if (refusal) throw refusal;
          const caller = request.http?.headers.get(CALLER_HEADER);
          if (!caller) return;
          const running = costInFlight.get(caller) ?? 0;
          if (running > 0 && running + report.cost > options.costInFlightPerCaller) {
            throw new GraphQLError(
              `Your requests running now cost ${running} together; this one (${report.cost}) would take them over ${options.costInFlightPerCaller}. Send it when they have been answered.`,
              {
                extensions: {
                  code: TOO_MANY_REQUESTS,
                  http: { status: options.answerWith200?.(contextValue) ? 200 : 429 },
                },
              },
            );
          }
          costInFlight.set(caller, running + report.cost);
          reserved = { caller, cost: report.cost };
        },
        async willSendResponse() {
          if (!reserved) return;
          const left = (costInFlight.get(reserved.caller) ?? 0) - reserved.cost;
          if (left > 0) costInFlight.set(reserved.caller, left);
          else costInFlight.delete(reserved.caller);
          reserved = undefined;
        },
      };
    },
  };
}

/**
 * Why a costed request is refused, if it is: a page or a list over its maximum (BAD_USER_INPUT on
 * that argument), else a cost over `maxCost` (QUERY_TOO_COSTLY); HTTP 400 unless `status` says
 * otherwise. Also what another gateway put in front refuses with (platform/src/hive-gateway.ts).
 */
export function costRefusal(
  report: RequestCost,
  limits: Pick<RequestLimits, 'maxCost'>,
  status = 400,
): GraphQLError | undefined {
  const violation = report.violations[0];
  if (violation) {
    return new GraphQLError(violation.message, {
      extensions: { code: 'BAD_USER_INPUT', field: violation.field, http: { status } },
    });
  }
  if (report.cost <= limits.maxCost) return undefined;
  const cost = Number.isFinite(report.cost) ? String(report.cost) : 'more than can be counted';
  return new GraphQLError(
    `This request would cost ${cost}; the limit is ${limits.maxCost}. Ask for fewer items (a smaller \`first\`, shorter lists, fewer aliases) or split it into several requests.`,
    {
      extensions: {
        code: QUERY_TOO_COSTLY,
        ...(Number.isFinite(report.cost) ? { cost: report.cost } : {}),
        maxCost: limits.maxCost,
        http: { status },
      },
    },
  );
}

const COSTS_PER_DOCUMENT = 64;
const LARGEST_REMEMBERED_VARIABLES = 2_000;

/**
 * `requestCost`, remembered per schema, parsed document (Apollo Server keeps one per query
 * text), operation name and variables: the same question asked again, as a member system or
 * the portal does all day, is costed once. Each document keeps the costs of at most 64 sets of
 * variables, and variables longer than 2,000 characters as JSON are costed every time.
 */
function rememberedCosts(limits: CostLimitOptions<BaseContext>['limits']) {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, RequestCost | undefined>>>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | undefined,
  ): RequestCost | undefined => {
    const key = JSON.stringify([operationName ?? null, variables ?? null]);
    if (key.length > LARGEST_REMEMBERED_VARIABLES) {
      return requestCost({ schema, document, operationName, variables, limits });
    }
    let byDocument = bySchema.get(schema);
    if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
    let costs = byDocument.get(document);
    if (!costs) byDocument.set(document, (costs = new Map()));
    if (costs.has(key)) return costs.get(key);
    const report = requestCost({ schema, document, operationName, variables, limits });
    if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
    costs.set(key, report);
    return report;
  };
}
