// `pnpm bench:limits`: what the request limits do to the attack reported in issue 8 (20 aliases
// of `wages(requests: $r)` with 2,000 look-ups each), to the costliest request still allowed,
// and to an unrelated caller's `members(first: 1)` meanwhile, compared with the same caller
// idle in the same run. The whole platform runs in this process on in-memory PGlite, as in
// `pnpm start`. Prints figures; asserts nothing.
import { DEFAULT_REQUEST_LIMITS, requestLimitsFromEnv, signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { startPlatform } from '@samen-sterk/platform';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

const PEER_ROUNDS = Number(process.env.ROUNDS ?? 40);
/** How long each flood lasts, at most. */
const FLOOD_MS = Number(process.env.FLOOD_MS ?? 8000);

const WAGE_FIELDS = `monthly hourly monthlyFullTime basis liftedToMinimumWage afterEffect
  version { id name fullTimeHoursPerWeek holidayAllowance { percent paymentMonth accrualStartMonth } }
  minimumWage { hourly } explanation`;
const aliasedWages = (aliases: number) =>
  `query ($r: [WageRequest!]!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: wages(requests: $r) { ${WAGE_FIELDS} }`).join(' ')} }`;
const wageRequests = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ scale: 5, step: 1 + (i % 3), on: '2024-03-01', hoursPerWeek: '24', age: 30 }));

interface Answer {
  status: number;
  ms: number;
  code?: string;
  bytes: number;
}

async function post(url: string, token: string, query: string, variables?: object): Promise<Answer> {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    ms: performance.now() - start,
    code: body.errors?.[0]?.extensions?.code,
    bytes: text.length,
  };
}

const quantile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const latency = (label: string, samples: number[]) =>
  console.log(
    `${label.padEnd(52)} n=${String(samples.length).padStart(3)}  p50 ${ms(quantile(samples, 0.5)).padStart(10)}  p95 ${ms(quantile(samples, 0.95)).padStart(10)}  max ${ms(quantile(samples, 1)).padStart(10)}`,
  );

/** Peak resident memory above the start while `fn` runs, sampled every 5 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakGrowth: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakGrowth: peak - base };
  } finally {
    clearInterval(timer);
  }
}

/** The peer asks `members(first: 1)` one after another, `rounds` times or until `until` settles. */
async function peerLatencies(gateway: string, token: string, rounds: number, until?: Promise<unknown>) {
  let done = false;
  void until?.finally(() => (done = true));
  const samples: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < rounds && !(until && done); i++) {
    const answer = await post(gateway, token, `{ members(first: 1) { totalCount } }`);
    if (answer.status !== 200 || answer.code) failures.push(`${answer.status} ${answer.code ?? ''}`);
    samples.push(answer.ms);
  }
  return { samples, failures };
}

/** One caller sends `parallel` requests at a time, again and again, for `durationMs`. */
async function flood(durationMs: number, parallel: number, send: () => Promise<Answer>) {
  const answers: Answer[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < end) {
        const answer = await send();
        answers.push(answer);
        if (answer.status === 429) await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }),
  );
  return { answers };
}

const describeCounts = (answers: Answer[]) =>
  Object.entries(
    answers.reduce<Record<string, number>>((counts, a) => {
      const key = `${a.status}${a.code ? ` ${a.code}` : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    }, {}),
  )
    .map(([key, count]) => `${count}× ${key}`)
    .join(', ');

async function main() {
  const limits = requestLimitsFromEnv();
  const bootStart = performance.now();
  const memory = { kind: 'pglite' as const, dataDir: null };
  const platform = await startPlatform({ location: () => memory, port: () => 0, seed: true });
  console.log(`platform up in ${((performance.now() - bootStart) / 1000).toFixed(1)} s, one process, in-memory PGlite`);
  console.log(
    `limits: cost ${limits.maxCost} per request and ${limits.maxCostInFlightPerCaller} in flight per caller, ` +
      `${limits.maxRequestsInFlightPerCaller} requests in flight per caller, ${limits.maxRequestsInFlight} in all, ` +
      `pages ≤ ${limits.maxPageSize}, lists ≤ ${limits.maxListItems} (wages ≤ 2000)` +
      (limits.maxCost === DEFAULT_REQUEST_LIMITS.maxCost ? '' : ' (from the environment)'),
  );
  const gateway = platform.gateway.url;
  const attacker = await signDevelopmentToken({ sub: 'bench-attacker', roles: ['platform-admin'] });
  const peer = await signDevelopmentToken({ sub: 'bench-peer', roles: ['platform-admin'] });

  const attack = aliasedWages(20);
  const attackVariables = { r: wageRequests(2000) };
  const attackBytes = JSON.stringify({ query: attack, variables: attackVariables }).length;
  // The costliest request allowed: two aliases of 1,250 look-ups (2 × 1,250 × 4 = 10,000).
  const worst = aliasedWages(2);
  const worstVariables = { r: wageRequests(1250) };

  // Warm-up: plans, JIT, the CAO version cache.
  for (let i = 0; i < 3; i++) {
    await post(gateway, peer, `{ members(first: 1) { totalCount } }`);
    await post(gateway, attacker, worst, worstVariables);
  }

  console.log(`process RSS after start and warm-up: ${mb(process.memoryUsage().rss)}`);

  console.log('\n-- the reported attack: 20 aliases × wages(2,000 requests), 40,000 look-ups --');
  console.log(`request size ${(attackBytes / 1024).toFixed(0)} KB`);
  const refusals: Answer[] = [];
  const { peakGrowth: attackRss } = await withPeakRss(async () => {
    for (let i = 0; i < 10; i++) refusals.push(await post(gateway, attacker, attack, attackVariables));
  });
  console.log(`answer: ${describeCounts(refusals)}`);
  latency(
    'refusal time, alone',
    refusals.map((a) => a.ms),
  );
  console.log(`peak RSS growth over 10 refusals: ${mb(attackRss)}`);

  console.log('\n-- the costliest request still allowed: 2 aliases × wages(1,250 requests) --');
  const allowed: Answer[] = [];
  const { peakGrowth: worstRss } = await withPeakRss(async () => {
    for (let i = 0; i < 10; i++) allowed.push(await post(gateway, attacker, worst, worstVariables));
  });
  console.log(
    `cost 2 × 1,250 × 4 = 10,000 (limit ${limits.maxCost}); answer: ${describeCounts(allowed)}, ${(allowed[0]!.bytes / 1024).toFixed(0)} KB`,
  );
  latency(
    'time, alone',
    allowed.map((a) => a.ms),
  );
  console.log(`peak RSS growth over 10 in a row: ${mb(worstRss)}`);

  console.log(`\n-- an unrelated caller: members(first: 1), one after another --`);
  const idle = await peerLatencies(gateway, peer, PEER_ROUNDS);
  latency('peer, idle', idle.samples);

  for (const [label, parallel, query, variables] of [
    ['the attack, 4 at a time (as reported)', 4, attack, attackVariables],
    ['the costliest allowed, 8 at a time', 8, worst, worstVariables],
  ] as const) {
    const running = withPeakRss(() => flood(FLOOD_MS, parallel, () => post(gateway, attacker, query, variables)));
    const under = await peerLatencies(gateway, peer, 10_000, running);
    const { result, peakGrowth } = await running;
    latency(`peer, under ${label}`, under.samples);
    console.log(
      `  attacker: ${describeCounts(result.answers)} in ${(FLOOD_MS / 1000).toFixed(0)} s; peak RSS growth ${mb(peakGrowth)}` +
        (under.failures.length ? `; peer failures: ${under.failures.join(', ')}` : ''),
    );
  }

  console.log(`\nprocess RSS at the end: ${mb(process.memoryUsage().rss)}`);
  await platform.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
