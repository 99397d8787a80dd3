// `pnpm bench:gateway [seconds]`: our gateway against Hive Gateway, in the same run, on the same
// subgraphs. Starts every subgraph once (seeded, in-memory PGlite) in a process of its own, and
// each gateway in its own process: ours, Hive Gateway with its defaults, and Hive Gateway with
// its Rust query planner. For each question (queries.ts) it first checks that every gateway gives
// the same answer, then loads each with autocannon (20 connections, `seconds` each, default 10,
// after 2 s of warm-up), the gateways taking turns for BENCH_ROUNDS rounds, and prints each
// gateway's median round: requests per second, p50 and p99, the gateway's CPU per request (its
// own process's), the subgraphs' CPU, GraphQL calls and SQL statements per request, and the
// ratio of ours to each peer. The one-subgraph question is also sent straight to the members subgraph, to show
// what a gateway adds. Exits non-zero when an answer differs or a request failed.
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ChildMessage } from './child';
import { benchQueries, type BenchQuery } from './queries';

const SECONDS = Number(process.argv[2]) || 10;
const CONNECTIONS = 20;
// BENCH_ROUNDS: how often each gateway is measured per question, alternating (default 3); the
// report gives each gateway's median round.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 3);
const ALL_GATEWAYS = ['ours', 'hive', 'hive-rust', 'ours-traced'] as const;
type GatewayKind = (typeof ALL_GATEWAYS)[number] | 'direct';
// BENCH_GATEWAYS=ours,hive-rust and BENCH_QUESTIONS=overview narrow a run (when profiling).
const GATEWAYS = ALL_GATEWAYS.filter((kind) => (process.env.BENCH_GATEWAYS?.split(',') ?? [kind]).includes(kind));

// One token for every request, as the issue's measurement: a member system asking one thing at
// twenty connections. The per-caller limits (4 in flight by default) would refuse most of that
// at our gateway and in the subgraphs; they are raised here, for every process alike.
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  APOLLO_TELEMETRY_DISABLED: '1',
  JWT_SECRET: process.env.JWT_SECRET ?? 'gateway-benchmark-secret-at-least-32-characters',
  GATEWAY_SECRET: process.env.GATEWAY_SECRET ?? 'gateway-benchmark-gateway-secret',
  MAX_REQUESTS_IN_FLIGHT_PER_CALLER: '256',
  MAX_DIRECT_REQUESTS_IN_FLIGHT_PER_CALLER: '256',
  MAX_REQUESTS_IN_FLIGHT: '256',
  MAX_COST_IN_FLIGHT_PER_CALLER: '10000000',
  MAX_DIRECT_COST_IN_FLIGHT_PER_CALLER: '10000000',
  LOG_LEVEL: 'error',
};
Object.assign(process.env, { JWT_SECRET: ENV.JWT_SECRET, GATEWAY_SECRET: ENV.GATEWAY_SECRET });

interface Child {
  process: ChildProcess;
  url: string;
  urls?: Record<string, string>;
  cpuMicros(): Promise<number>;
}

/** Where the traced gateway sends its spans (OTLP over HTTP): counted and dropped. */
async function spanSink() {
  let exports = 0;
  let bytes = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports: () => exports,
    bytes: () => bytes,
    close: () => server.close(),
  };
}

/** Fails when a child does not answer in time, rather than waiting for ever. */
function within<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// BENCH_CPU_PROFILE=<folder>: every child writes a V8 CPU profile there when it ends.
const PROFILE = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];

function start(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Child> {
  const child = fork(path.join(__dirname, script), args, {
    env,
    execArgv: ['--import', 'tsx', ...PROFILE],
    stdio: 'inherit',
  });
  const cpuWaiters: ((micros: number) => void)[] = [];
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited with ${code}`)));
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'failed') reject(new Error(message.error));
      if (message.kind === 'cpu') cpuWaiters.shift()?.(message.micros);
      if (message.kind === 'ready') {
        resolve({
          process: child,
          url: message.url,
          urls: message.urls,
          cpuMicros: () =>
            within(
              new Promise((done) => {
                cpuWaiters.push(done);
                child.send('cpu');
              }),
              10,
              `CPU time of ${script} ${args.join(' ')}`,
            ),
        });
      }
    });
  });
}

/** Ends a child: it exits when its IPC channel closes (child.ts); killed if it lingers. */
async function stop(child: Child) {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.disconnect();
  const kill = setTimeout(() => child.process.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(kill);
}

async function ask(url: string, headers: Record<string, string>, question: BenchQuery) {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: question.query, variables: question.variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors?.length) {
    throw new Error(`${url} answered ${question.name} with ${response.status}: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

interface Row {
  kind: GatewayKind;
  rps: number;
  p50: number;
  p99: number;
  gatewayCpuMs: number | null;
  subgraphCpuMs: number;
  /** GraphQL requests the subgraphs answered, per request to the gateway. */
  subgraphRequests: number;
  /** SQL statements the subgraphs ran, per request to the gateway. */
  statements: number;
}

async function load(url: string, headers: Record<string, string>, question: BenchQuery, seconds: number) {
  const run = autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    body: JSON.stringify({ query: question.query, variables: question.variables }),
  });
  const result = await within(run, seconds + 60, `loading ${url} with ${question.name}`);
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(
      `${question.name} at ${url}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

async function measure(
  kind: GatewayKind,
  gateway: Child | null,
  subgraphs: Child,
  url: string,
  headers: Record<string, string>,
  question: BenchQuery,
): Promise<Row> {
  await load(url, headers, question, 2);
  const [gatewayBefore, subgraphsBefore, countsBefore] = await Promise.all([
    gateway?.cpuMicros(),
    subgraphs.cpuMicros(),
    subgraphCounts(subgraphs.urls!),
  ]);
  const result = await load(url, headers, question, SECONDS);
  const [gatewayAfter, subgraphsAfter, countsAfter] = await Promise.all([
    gateway?.cpuMicros(),
    subgraphs.cpuMicros(),
    subgraphCounts(subgraphs.urls!),
  ]);
  const requests = result.requests.total;
  return {
    kind,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    gatewayCpuMs: gateway ? (gatewayAfter! - gatewayBefore!) / 1000 / requests : null,
    subgraphCpuMs: (subgraphsAfter - subgraphsBefore) / 1000 / requests,
    subgraphRequests: (countsAfter.requests - countsBefore.requests) / requests,
    statements: (countsAfter.statements - countsBefore.statements) / requests,
  };
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

const rowsPerKind = (rows: Row[]) =>
  [...new Set(rows.map((row) => row.kind))]
    .map(
      (kind) =>
        `${kind} ${rows
          .filter((row) => row.kind === kind)
          .map((row) => fixed(row.rps, 0))
          .join('/')}`,
    )
    .join(', ');

/** A counter of a subgraph's Prometheus metrics, summed over its labels. */
async function counterOf(subgraphUrl: string, name: string): Promise<number> {
  const text = await (await fetch(subgraphUrl.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** SQL statements a subgraph has run so far. */
const statementsOf = (subgraphUrl: string) => counterOf(subgraphUrl, 'db_statements_total');

/** GraphQL requests and SQL statements of every subgraph so far. */
async function subgraphCounts(urls: Record<string, string>) {
  const each = await Promise.all(
    Object.values(urls).map(async (url) => ({
      requests: await counterOf(url, 'graphql_requests_total'),
      statements: await statementsOf(url),
    })),
  );
  return {
    requests: each.reduce((sum, counts) => sum + counts.requests, 0),
    statements: each.reduce((sum, counts) => sum + counts.statements, 0),
  };
}

/**
 * SQL statements per request as nested lists grow: they should stay the same (one per list
 * level, batched), not grow with the rows. Each size is asked once, so no answer is kept.
 */
async function statementsPerRequest(
  gatewayUrl: string,
  urls: Record<string, string>,
  headers: Record<string, string>,
  memberId: string,
) {
  const nested = `query Nested($n: Int!, $m: Int!) { members(first: $n) { edges { node { id name
    branches(first: $m) { edges { node { id name address { city } } } } } } } }`;
  const staff = `query Staff($id: ID!, $n: Int!) { member(id: $id) { employees(first: $n) { edges { node { id name
    employments { caoScale wage { monthly } } } } } } }`;
  console.log('\nSQL statements per request as nested lists grow (through our gateway)');
  for (const [n, m] of [
    [5, 5],
    [20, 10],
    [50, 20],
  ] as const) {
    const before = await statementsOf(urls.members!);
    await ask(gatewayUrl, headers, { name: 'nested', label: '', query: nested, variables: { n, m } });
    console.log(`  ${n} members × ${m} shops: ${(await statementsOf(urls.members!)) - before} statements in members`);
  }
  for (const n of [3, 12, 40]) {
    const before = await statementsOf(urls['hr-payroll']!);
    await ask(gatewayUrl, headers, { name: 'staff', label: '', query: staff, variables: { id: memberId, n } });
    console.log(
      `  ${n} employees with employments and wages: ${(await statementsOf(urls['hr-payroll']!)) - before} statements in hr-payroll`,
    );
  }
}

/** Each gateway's median round by requests per second (its other figures from that round). */
function medians(rows: Row[]): Row[] {
  const kinds = [...new Set(rows.map((row) => row.kind))];
  return kinds.map((kind) => {
    const own = rows.filter((row) => row.kind === kind).sort((a, b) => a.rps - b.rps);
    return own[Math.floor((own.length - 1) / 2)]!;
  });
}

function report(question: BenchQuery, all: Row[]) {
  const rows = medians(all);
  console.log(`\n${question.label} (median of ${ROUNDS} rounds; every round: ${rowsPerKind(all)})`);
  console.log('gateway      req/s   p50 ms  p99 ms  gateway CPU/req  subgraphs CPU/req  subgraph calls/req  SQL/req');
  for (const row of rows) {
    console.log(
      `${row.kind.padEnd(10)} ${fixed(row.rps, 0).padStart(7)} ${fixed(row.p50).padStart(8)} ${fixed(row.p99).padStart(7)}` +
        `  ${(row.gatewayCpuMs === null ? '—' : `${fixed(row.gatewayCpuMs, 2)} ms`).padStart(15)}  ${fixed(row.subgraphCpuMs, 2).padStart(13)} ms` +
        `  ${fixed(row.subgraphRequests, 2).padStart(18)}  ${fixed(row.statements, 2).padStart(7)}`,
    );
  }
  const ours = rows.find((row) => row.kind === 'ours');
  if (!ours) return;
  for (const peer of rows.filter((row) => row.kind !== 'ours')) {
    if (peer.kind === 'ours-traced') {
      console.log(
        `tracing every request: ${fixed((1 - peer.rps / ours.rps) * 100)} % fewer requests/s, ` +
          `gateway CPU ${fixed(ours.gatewayCpuMs!, 2)} → ${fixed(peer.gatewayCpuMs!, 2)} ms a request`,
      );
      continue;
    }
    const label = peer.kind === 'direct' ? 'the subgraph called directly' : peer.kind;
    console.log(
      `ours / ${label}: ${fixed(ours.rps / peer.rps, 2)}× the requests/s, ${fixed(ours.p50 / peer.p50, 2)}× the p50`,
    );
  }
}

async function main() {
  const { SEED_COMBINED_ACCOUNTS } = await import('@samen-sterk/members');
  const { signDevelopmentToken } = await import('@samen-sterk/subgraph-runtime');
  const director = SEED_COMBINED_ACCOUNTS[0]!;
  const token = await signDevelopmentToken(
    { sub: director.id, name: director.name, roles: director.claimRoles as never, memberId: director.memberId! },
    { expiresIn: '2h' },
  );
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const questions = benchQueries(director.memberId!, new Date().getFullYear()).filter((question) =>
    (process.env.BENCH_QUESTIONS?.split(',') ?? [question.name]).includes(question.name),
  );

  console.log(
    `gateway benchmark: ${CONNECTIONS} connections, ${SECONDS} s a run, ${ROUNDS} rounds, node ${process.version}`,
  );
  const began = performance.now();
  const subgraphs = await start('serve-subgraphs.ts', [], ENV);
  console.log(`subgraphs up (migrated, seeded) in ${fixed((performance.now() - began) / 1000)} s`);
  const rows = new Map<string, Row[]>(questions.map((question) => [question.name, []]));
  const gateways = new Map<GatewayKind, Child>();
  const sink = await spanSink();
  try {
    // Every gateway is up at once (an idle one costs nothing), so the rounds can alternate.
    for (const kind of GATEWAYS) {
      gateways.set(
        kind,
        await start('serve-gateway.ts', [kind], {
          ...ENV,
          NODE_ENV: 'production',
          BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphs.urls),
          ...(kind === 'ours-traced' ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_BSP_SCHEDULE_DELAY: '1000' } : {}),
        }),
      );
    }
    const ours = gateways.get('ours');
    if (ours) await statementsPerRequest(ours.url, subgraphs.urls!, headers, director.memberId!);
    for (const question of questions) {
      let reference: unknown;
      for (const [kind, gateway] of gateways) {
        const answer = await ask(gateway.url, headers, question);
        if (reference === undefined) reference = answer;
        else if (!isDeepStrictEqual(answer, reference)) throw new Error(`${kind} answers ${question.name} differently`);
      }
      // Rounds alternate the gateways, so a change in the machine's load falls on each alike.
      for (let round = 1; round <= ROUNDS; round++) {
        for (const [kind, gateway] of gateways) {
          const row = await measure(kind, gateway, subgraphs, gateway.url, headers, question);
          rows.get(question.name)!.push(row);
          console.log(`  round ${round}, ${kind}, ${question.name}: ${fixed(row.rps, 0)} req/s`);
        }
      }
    }
    for (const question of questions.filter((q) => q.direct)) {
      const url = subgraphs.urls![question.direct!]!;
      const direct = { ...headers, 'x-gateway-secret': ENV.GATEWAY_SECRET! };
      await ask(url, direct, question);
      rows.get(question.name)!.push(await measure('direct', null, subgraphs, url, direct, question));
    }
  } finally {
    for (const gateway of gateways.values()) await stop(gateway);
    await stop(subgraphs);
    sink.close();
  }
  for (const question of questions) report(question, rows.get(question.name)!);
  if (gateways.has('ours-traced')) {
    console.log(
      `\nours-traced: tracing every request, its spans exported over OTLP (${sink.exports()} exports, ` +
        `${fixed(sink.bytes() / 2 ** 20)} MiB, received by a sink in this process)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
