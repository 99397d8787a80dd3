import crypto from 'node:crypto';

/**
 * The load's clients: each sends one request at a time through the balancer's gateway frontend
 * and, when it fails for a passing reason, sends the SAME request again (same body, same
 * idempotency key) after a growing, jittered pause. Which failures are passing, and why a retry
 * is safe for each operation:
 *
 * - no answer (connection refused, reset, timed out) or HTTP 502/503/504/429: the request may or
 *   may not have been carried out;
 * - an answer whose error is SERVICE_UNAVAILABLE: the gateway (or hr-payroll, asking members and
 *   the CAO) could not reach a service; for a write that may have been carried out too.
 *
 * Retrying is safe for the three operations of this load, and only for them as written here:
 * - `submitOrder` carries an idempotency key: under the member's advisory lock the key is looked
 *   up in the database (unique per member) and the first order is answered again;
 * - `enrol` is unique per employee and session (unique key `active_session_id, employee_id`,
 *   checked under the session's row lock): a repeat writes nothing and answers CONFLICT on
 *   `employeeId`, which after a failed attempt means "done by an earlier attempt";
 * - `calculatePayrollRun` recalculates the same month into the same run while it is CALCULATED
 *   (payslips replaced in one transaction); the load never approves a run. A CONFLICT on a retry
 *   means an earlier attempt of ours is still running (the run's unique key): asked again.
 * Anything else a mutation answers is final: retrying it would be guessing.
 */

export type Kind = 'order' | 'enrolment' | 'payroll';
export const KINDS: Kind[] = ['order', 'enrolment', 'payroll'];
export type Phase = 'warm-up' | 'before kill' | 'after kill' | 'restarting' | 'after restart';
export const PHASES: Phase[] = ['warm-up', 'before kill', 'after kill', 'restarting', 'after restart'];

export interface GraphQLError {
  message?: string;
  extensions?: { code?: string; field?: string; service?: string };
}
export interface Answer<Data> {
  data?: Data | null;
  errors?: GraphQLError[];
}

/** What became of one request (all its attempts). */
export interface Outcome<Data> {
  kind: Kind;
  phase: Phase;
  ms: number;
  attempts: number;
  /** 'ok': a 200 answer without errors; 'earlier': a retry found it done by an earlier attempt. */
  result: 'ok' | 'earlier' | 'refused' | 'failed';
  /** The last attempt's cause: an error code, `HTTP 502`, `no answer`. */
  code: string | null;
  /** Causes of the attempts retried. */
  retriedFor: string[];
  data: Data | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Caller {
  url: string;
  token: string;
  /** The phase a request starting now counts in. */
  phase: () => Phase;
  /** No new attempts after this moment (ms since 1970): a request still failing then has failed. */
  giveUpAt: () => number;
}

/**
 * Sends one GraphQL request until it is answered for good. `doneEarlier` tells, for a refusal
 * after a failed attempt, whether it means an earlier attempt went through; `retryOnRetry`
 * whether a refusal after a failed attempt is worth another one.
 */
export async function send<Data>(
  caller: Caller,
  kind: Kind,
  query: string,
  variables: Record<string, unknown>,
  {
    doneEarlier = () => false,
    retryOnRetry = () => false,
  }: { doneEarlier?: (e: GraphQLError) => boolean; retryOnRetry?: (e: GraphQLError) => boolean } = {},
): Promise<Outcome<Data>> {
  const body = JSON.stringify({ query, variables });
  const started = Date.now();
  const phase = caller.phase();
  const retriedFor: string[] = [];
  const finish = (result: Outcome<Data>['result'], code: string | null, data: Data | null = null): Outcome<Data> => ({
    kind,
    phase,
    ms: Date.now() - started,
    attempts: retriedFor.length + 1,
    result,
    code,
    retriedFor,
    data,
  });
  for (;;) {
    let cause: string;
    try {
      const response = await fetch(caller.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${caller.token}`,
          'x-request-id': `scale-out-${crypto.randomUUID()}`,
        },
        body,
        signal: AbortSignal.timeout(120_000),
      });
      const answer = (await response.json().catch(() => null)) as Answer<Data> | null;
      const error = answer?.errors?.[0];
      if (response.status === 200 && answer?.data && !error) return finish('ok', null, answer.data);
      if ([429, 502, 503, 504].includes(response.status) && !error?.extensions?.code) cause = `HTTP ${response.status}`;
      else if (error?.extensions?.code === 'SERVICE_UNAVAILABLE' || error?.extensions?.code === 'TOO_MANY_REQUESTS')
        cause = error.extensions.code;
      else if (!error) cause = `HTTP ${response.status}`;
      else {
        const field = error.extensions?.field;
        const code = `${error.extensions?.code ?? 'no code'}${field ? ` (${field})` : ''}`;
        if (retriedFor.length > 0 && doneEarlier(error)) return finish('earlier', code);
        if (!(retriedFor.length > 0 && retryOnRetry(error))) return finish('refused', code);
        cause = `${code} on a retry`;
      }
    } catch (error) {
      cause = (error as Error).name === 'TimeoutError' ? 'timed out' : 'no answer';
    }
    if (Date.now() >= caller.giveUpAt() || retriedFor.length >= 12) return finish('failed', cause);
    retriedFor.push(cause);
    const pause = Math.min(2000, 100 * 2 ** (retriedFor.length - 1));
    await sleep(pause / 2 + Math.random() * pause);
  }
}

/** Per kind: requests sent, their attempts and outcomes, latencies by phase. */
export class Figures {
  readonly outcomes: Outcome<unknown>[] = [];
  add(outcome: Outcome<unknown>) {
    this.outcomes.push(outcome);
  }

  table(): string[] {
    const lines = [
      '| kind | sent | acknowledged | done earlier | retried (attempts) | refused by code | failed by cause |',
      '|---|---|---|---|---|---|---|',
    ];
    for (const kind of KINDS) {
      const of = this.outcomes.filter((o) => o.kind === kind);
      const count = (result: Outcome<unknown>['result']) => of.filter((o) => o.result === result).length;
      const retried = of.filter((o) => o.attempts > 1);
      const extra = retried.reduce((n, o) => n + o.attempts - 1, 0);
      const retriedCauses = tally(retried.flatMap((o) => o.retriedFor));
      lines.push(
        `| ${kind} | ${of.length} | ${count('ok')} | ${count('earlier')} | ${retried.length} (${extra} more${
          retriedCauses ? `: ${retriedCauses}` : ''
        }) | ${tally(of.filter((o) => o.result === 'refused').map((o) => o.code!)) || '—'} | ${
          tally(of.filter((o) => o.result === 'failed').map((o) => o.code!)) || '—'
        } |`,
      );
    }
    return lines;
  }

  latencies(): string[] {
    const lines = ['| kind | phase | requests | p50 ms | p99 ms | max ms |', '|---|---|---|---|---|---|'];
    for (const kind of KINDS)
      for (const phase of PHASES) {
        const ms = this.outcomes
          .filter((o) => o.kind === kind && o.phase === phase && o.result !== 'failed')
          .map((o) => o.ms)
          .sort((a, b) => a - b);
        if (ms.length === 0) continue;
        lines.push(
          `| ${kind} | ${phase} | ${ms.length} | ${percentile(ms, 0.5)} | ${percentile(ms, 0.99)} | ${ms.at(-1)} |`,
        );
      }
    return lines;
  }
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/** `3× HTTP 502, 1× no answer` */
export function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([v, n]) => `${n}× ${v}`)
    .join(', ');
}
