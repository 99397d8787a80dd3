import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import { envPrefix } from '../config';

/**
 * How one service is called by another (the gateway calling a subgraph, HR/payroll calling the
 * CAO): a time limit per attempt, reads asked again after a passing failure, and a circuit
 * breaker that stops asking a service that keeps failing, so callers get an answer at once
 * instead of waiting out a timeout each, and the service is not flooded while it comes back.
 * Writes are never asked twice: one that failed on the way back may have been carried out.
 */
export interface CallSettings {
  /** Limit for one attempt of a read (query). */
  readTimeoutMs: number;
  /** Limit for a write (mutation): long enough for the slowest legitimate one (a payroll run). */
  writeTimeoutMs: number;
  /** How many times a read is asked again after a connection failure or a 5xx. */
  readRetries: number;
  /** Consecutive failures (unreachable, 5xx, out of time) that open the circuit. */
  breakAfter: number;
  /** How long an open circuit fails fast before one call may test the service again. */
  halfOpenAfterMs: number;
}

/**
 * Defaults. A 20,000-payslip payroll run takes 6–14 s and one for ten times the sector about a
 * minute on PostgreSQL (three on PGlite, BENCHMARKS.md): writes to HR/payroll get 5 minutes,
 * others 1 minute; reads 10 s, far above any read's normal time.
 */
const DEFAULTS: CallSettings = {
  readTimeoutMs: 10_000,
  writeTimeoutMs: 60_000,
  readRetries: 2,
  breakAfter: 5,
  halfOpenAfterMs: 2_000,
};
const WRITE_TIMEOUT_BY_SERVICE: Record<string, number> = { 'hr-payroll': 300_000 };

function positiveFromEnv(names: string[], fallback: number): number {
  for (const name of names) {
    const raw = process.env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not "${raw}".`);
    return value;
  }
  return fallback;
}

/**
 * Settings for calls to `service`: `<SERVICE>_TIMEOUT_MS`, `<SERVICE>_WRITE_TIMEOUT_MS`,
 * `<SERVICE>_READ_RETRIES`, `<SERVICE>_BREAK_AFTER`, `<SERVICE>_HALF_OPEN_AFTER_MS`, each
 * falling back to the same name with `SUBGRAPH_` for every service, then to the defaults above.
 */
export function callSettingsFromEnv(service: string): CallSettings {
  const own = envPrefix(service);
  const setting = (suffix: string, fallback: number) =>
    positiveFromEnv([`${own}_${suffix}`, `SUBGRAPH_${suffix}`], fallback);
  return {
    readTimeoutMs: setting('TIMEOUT_MS', DEFAULTS.readTimeoutMs),
    writeTimeoutMs: setting('WRITE_TIMEOUT_MS', WRITE_TIMEOUT_BY_SERVICE[service] ?? DEFAULTS.writeTimeoutMs),
    readRetries: setting('READ_RETRIES', DEFAULTS.readRetries),
    breakAfter: Math.max(1, setting('BREAK_AFTER', DEFAULTS.breakAfter)),
    halfOpenAfterMs: setting('HALF_OPEN_AFTER_MS', DEFAULTS.halfOpenAfterMs),
  };
}

/** An answer without GraphQL and with a 5xx status: the service is in trouble, not the request. */
export class ServiceHttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status} without a GraphQL answer`);
    this.name = 'ServiceHttpError';
  }
}

const CONNECTION_FAILURE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_SOCKET|UND_ERR_CLOSED|other side closed|socket hang up|fetch failed/i;

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; extensions?: { response?: { status?: unknown } } } | null;
  const status = e?.extensions?.response?.status ?? e?.status;
  return typeof status === 'number' ? status : undefined;
}

function textOf(error: unknown, depth = 0): string {
  if (!error || typeof error !== 'object' || depth > 3) return '';
  const { name, message, code, cause } = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    cause?: unknown;
  };
  return `${String(name)} ${String(message)} ${String(code)} ${textOf(cause, depth + 1)}`;
}

/** Worth asking again (reads only): the service could not be reached, or answered 5xx. */
export function isPassingFailure(error: unknown): boolean {
  if (error instanceof BrokenCircuitError || error instanceof TaskCancelledError) return false;
  const status = statusOf(error);
  if (status !== undefined) return status >= 500;
  return CONNECTION_FAILURE.test(textOf(error));
}

/** Counts against the service's circuit: a passing failure, or no answer in time. */
export function isOutage(error: unknown): boolean {
  return error instanceof TaskCancelledError || isPassingFailure(error);
}

/** Why a call did not get through, in the words the error and the log use. */
export type Unanswered = 'circuit open' | 'timed out' | 'unreachable';

export function unansweredBecause(error: unknown): Unanswered | null {
  if (error instanceof BrokenCircuitError) return 'circuit open';
  if (error instanceof TaskCancelledError) return 'timed out';
  return isOutage(error) ? 'unreachable' : null;
}

export type CallKind = 'read' | 'write';
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface ServiceCalls {
  readonly service: string;
  readonly settings: CallSettings;
  /** Runs one call; `signal` aborts it when its time is up (`timeoutMs` per attempt, else the setting). */
  run<T>(kind: CallKind, call: (signal: AbortSignal) => Promise<T>, timeoutMs?: number): Promise<T>;
  breakerState(): BreakerState;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * The calls to one service. `onStateChange` hears the breaker open, half-open and close (the
 * log says it once, not for every call refused while it is open).
 */
export function serviceCalls(
  service: string,
  settings: CallSettings = callSettingsFromEnv(service),
  onStateChange?: (state: BreakerState) => void,
): ServiceCalls {
  const breaker: CircuitBreakerPolicy = circuitBreaker(handleWhen(isOutage), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakAfter),
  });
  if (onStateChange) breaker.onStateChange((state) => onStateChange(STATES[state]));
  // Decorrelated jitter (cockatiel's default generator): callers that failed together do not
  // come back together.
  const readRetry = retry(handleWhen(isPassingFailure), {
    maxAttempts: settings.readRetries,
    backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1_000 }),
  });
  const limit = (ms: number) => timeout(ms, TimeoutStrategy.Aggressive);
  const reads: IPolicy = wrap(readRetry, breaker, limit(settings.readTimeoutMs));
  const writes: IPolicy = wrap(breaker, limit(settings.writeTimeoutMs));
  const policy = (kind: CallKind, timeoutMs?: number): IPolicy => {
    if (timeoutMs === undefined) return kind === 'read' ? reads : writes;
    return kind === 'read' ? wrap(readRetry, breaker, limit(timeoutMs)) : wrap(breaker, limit(timeoutMs));
  };
  return {
    service,
    settings,
    run: (kind, call, timeoutMs) => policy(kind, timeoutMs).execute(({ signal }) => call(signal)),
    breakerState: () => STATES[breaker.state],
  };
}
