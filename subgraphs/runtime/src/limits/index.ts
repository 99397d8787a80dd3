import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import type { ValidationRule } from 'graphql';
import { bearerToken, type TokenVerifier } from '../auth/tokens';
import { requestLimitsFromEnv, type RequestLimits } from './config';
import { costLimitPlugin } from './cost-limit';
import { documentLimits } from './document-limits';
import { clientAddress, inFlightLimit } from './in-flight';
import { noSuggestionsPlugin } from './suggestions';

export * from './config';
export { maxItems, MAX_ITEMS, requestCost, type LimitViolation, type RequestCost } from './cost';
export { withoutSuggestions } from './suggestions';
export { documentLimitsForEnvelop } from './document-limits';
export { costRefusal } from './cost-limit';

export interface RequestLimitOptions<Context extends BaseContext> {
  /** Checks the caller's token, to count their requests by who they are. */
  tokens: TokenVerifier;
  /**
   * `gateway`: every caller is counted. `subgraph`: requests that carry the gateway's secret
   * were counted at the gateway and are not counted again; direct callers are, with the
   * larger `maxDirectRequestsInFlightPerCaller` (subgraphs ask each other for a caller).
   */
  entryPoint: 'gateway' | 'subgraph';
  /** At a subgraph: whether the request carries the gateway's secret. */
  fromGateway?: (req: Request) => boolean;
  /** At a subgraph: whether the gateway sent this operation (its refusals then answer 200). */
  contextFromGateway?: (context: Context) => boolean;
  /** Defaults to `requestLimitsFromEnv()`, read now. */
  limits?: RequestLimits;
}

export interface RequestLimitsProtection<Context extends BaseContext> {
  limits: RequestLimits;
  /** Apollo Server plugins: document limits, the cost limit, production's error messages. */
  plugins: ApolloServerPlugin<Context>[];
  validationRules: ValidationRule[];
  /** One operation per HTTP request: a batch would multiply every limit above. */
  allowBatchedHttpRequests: false;
  /** Express middleware in front of `/graphql`: the in-flight limits. */
  inFlight: RequestHandler;
}

/**
 * Everything that bounds one request, the same at the gateway and in every subgraph: depth,
 * aliases, directives and tokens of the document, its cost with its variables (page sizes
 * and list lengths, each under its maximum), requests and their cost in flight per caller,
 * requests in flight in total, and in production no "Did you mean …" in any error.
 */
export function requestLimits<Context extends BaseContext>(
  options: RequestLimitOptions<Context>,
): RequestLimitsProtection<Context> {
  const limits = options.limits ?? requestLimitsFromEnv();
  const gateway = options.entryPoint === 'gateway';
  const document = documentLimits<Context>(limits);
  const callerOf = async (req: Request): Promise<string | undefined> => {
    if (!gateway && options.fromGateway?.(req)) return undefined;
    // A token that fails here fails the request too (401); until then it counts by address.
    const identity = await Promise.resolve()
      .then(() => bearerToken(req.headers.authorization))
      .then((token) => (token ? options.tokens.verify(token) : null))
      .catch(() => null);
    return identity ? `user:${identity.userId}` : `address:${clientAddress(req)}`;
  };
  return {
    limits,
    plugins: [
      ...document.plugins,
      costLimitPlugin<Context>({
        limits,
        costInFlightPerCaller: gateway ? limits.maxCostInFlightPerCaller : limits.maxDirectCostInFlightPerCaller,
        answerWith200: options.contextFromGateway,
      }),
      ...(limits.hideSuggestions ? [noSuggestionsPlugin<Context>()] : []),
    ],
    validationRules: document.validationRules,
    allowBatchedHttpRequests: false,
    inFlight: inFlightLimit({
      perCaller: gateway ? limits.maxRequestsInFlightPerCaller : limits.maxDirectRequestsInFlightPerCaller,
      total: limits.maxRequestsInFlight,
      callerOf,
    }),
  };
}
