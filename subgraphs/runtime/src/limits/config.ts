import { isProduction } from '../config';

/**
 * What one request may ask of the platform. The gateway and every subgraph use the same
 * values, read from the environment when a server starts (not when this module loads), so a
 * server started with other variables (tests, benchmarks) gets them.
 */
export interface RequestLimits {
  /** Nesting depth of selections. */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in the document (a 1 MB query is refused before it is parsed whole). */
  maxTokens: number;
  /** The largest cost a request may have (see `cost.ts`). */
  maxCost: number;
  /** `first`/`last` when a connection is asked without either (as Pothos pages by default). */
  defaultPageSize: number;
  /** The largest `first`/`last` of any connection; a larger one is refused, not cut short. */
  maxPageSize: number;
  /**
   * Items in a list argument that declares no maximum of its own (in the gateway's schema
   * none do, so this is the ceiling there). Fields declare theirs with `maxItems(n)`.
   */
  maxListItems: number;
  /** Requests one caller (token subject, else client address) may have in flight. */
  maxRequestsInFlightPerCaller: number;
  /**
   * At a subgraph, for direct callers (no gateway secret). A caller's gateway requests are
   * counted at the gateway; the calls a subgraph makes to another for them (hr-payroll asks
   * cao with the caller's token) arrive here, a few per gateway request, so the allowance
   * is a multiple of the gateway's, never one shared counter (that could deadlock).
   */
  maxDirectRequestsInFlightPerCaller: number;
  /**
   * The cost of one caller's requests in flight together: with the default (the largest
   * cost of one request) a caller runs one of the costliest requests at a time, or several
   * smaller ones, and cannot keep the process busy with a handful of them at once.
   */
  maxCostInFlightPerCaller: number;
  /** The same for a subgraph's direct callers (see `maxDirectRequestsInFlightPerCaller`). */
  maxDirectCostInFlightPerCaller: number;
  /** Requests one server has in flight, whoever sends them; beyond it the server is busy. */
  maxRequestsInFlight: number;
  /** Production: error messages never suggest field, argument or enum value names. */
  hideSuggestions: boolean;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxDepth: 15,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 10_000,
  defaultPageSize: 20,
  maxPageSize: 100,
  maxListItems: 2000,
  maxRequestsInFlightPerCaller: 4,
  maxDirectRequestsInFlightPerCaller: 16,
  maxCostInFlightPerCaller: 10_000,
  maxDirectCostInFlightPerCaller: 40_000,
  maxRequestsInFlight: 64,
  hideSuggestions: false,
};

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, not "${raw}".`);
  return value;
}

/** The limits in force: the defaults, each overridable by its variable (`MAX_QUERY_COST`, …). */
export function requestLimitsFromEnv(overrides: Partial<RequestLimits> = {}): RequestLimits {
  const d = DEFAULT_REQUEST_LIMITS;
  const perCaller = positiveInteger('MAX_REQUESTS_IN_FLIGHT_PER_CALLER', d.maxRequestsInFlightPerCaller);
  const maxCost = positiveInteger('MAX_QUERY_COST', d.maxCost);
  const costPerCaller = positiveInteger('MAX_COST_IN_FLIGHT_PER_CALLER', maxCost);
  return {
    maxDepth: positiveInteger('MAX_QUERY_DEPTH', d.maxDepth),
    maxAliases: positiveInteger('MAX_QUERY_ALIASES', d.maxAliases),
    maxDirectives: positiveInteger('MAX_QUERY_DIRECTIVES', d.maxDirectives),
    maxTokens: positiveInteger('MAX_QUERY_TOKENS', d.maxTokens),
    maxCost,
    // Pothos pages connections by its own defaults (20, at most 100), per field and not
    // configurable as a whole: these must stay equal to them, so they are not variables.
    defaultPageSize: d.defaultPageSize,
    maxPageSize: d.maxPageSize,
    maxListItems: positiveInteger('MAX_LIST_ITEMS', d.maxListItems),
    maxRequestsInFlightPerCaller: perCaller,
    maxDirectRequestsInFlightPerCaller: positiveInteger('MAX_DIRECT_REQUESTS_IN_FLIGHT_PER_CALLER', perCaller * 4),
    maxCostInFlightPerCaller: costPerCaller,
    maxDirectCostInFlightPerCaller: positiveInteger('MAX_DIRECT_COST_IN_FLIGHT_PER_CALLER', costPerCaller * 4),
    maxRequestsInFlight: positiveInteger('MAX_REQUESTS_IN_FLIGHT', d.maxRequestsInFlight),
    hideSuggestions: isProduction(),
    ...overrides,
  };
}
