import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { envPrefix, SUBGRAPH_REGISTRY } from '@samen-sterk/subgraph-runtime';

/**
 * The processes of a scale-out run on this machine: a throwaway PostgreSQL cluster (started by
 * `.ci/postgres.sh`, one database per subgraph of the registry), two replicas of every subgraph
 * and of the gateway, each its own Node process in production mode, and Debian's HAProxy in front
 * of each service. Everything started here is stopped by `stopAll`, whatever happened before.
 */

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '..', '..');

export const SUBGRAPHS = SUBGRAPH_REGISTRY.map((s) => s.name);
export type ServiceName = 'gateway' | (typeof SUBGRAPHS)[number];
export const SERVICES: ServiceName[] = ['gateway', ...SUBGRAPHS];
export const REPLICAS = ['a', 'b'] as const;
export type ReplicaName = (typeof REPLICAS)[number];

/**
 * Ports 4700–4799: the balancer's frontends on 4700 (gateway) and 4701… (subgraphs, registry
 * order), its statistics on 4709, and replica r of service i on 4710 + 10·i + r.
 */
export const BASE_PORT = Number(process.env.SCALE_OUT_BASE_PORT ?? 4700);
export const frontendPort = (service: ServiceName) => BASE_PORT + SERVICES.indexOf(service);
export const STATS_PORT = BASE_PORT + 9;
export const replicaPort = (service: ServiceName, replica: ReplicaName) =>
  BASE_PORT + 10 + 10 * SERVICES.indexOf(service) + REPLICAS.indexOf(replica);
export const frontendUrl = (service: ServiceName) => `http://127.0.0.1:${frontendPort(service)}/graphql`;

export interface Postgres {
  port: number;
  bin: string;
  /** `<NAME>_DATABASE_URL` of every subgraph. */
  urls: Record<string, string>;
  databaseOf: (subgraph: string) => string;
  /** What `pg_throwaway_stop` needs (PG_TMP, PG_BIN, PG_AS). */
  env: Record<string, string>;
}

export interface Replica {
  service: ServiceName;
  replica: ReplicaName;
  port: number;
  process: ChildProcess;
  log: string;
  exited: Promise<number | null>;
}

/** Secrets made for this run only: production refuses the development ones. */
export const SECRETS = {
  JWT_SECRET: crypto.randomBytes(32).toString('base64url'),
  GATEWAY_SECRET: crypto.randomBytes(32).toString('base64url'),
  ACADEMY_BADGE_KEY: JSON.stringify(
    crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
  ),
};

const state = {
  workDir: fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'samen-sterk-scale-out-')),
  postgres: null as Postgres | null,
  replicas: new Set<Replica>(),
  haproxy: null as ChildProcess | null,
  stopping: false,
};
export const workDir = () => state.workDir;

const POSTGRES_SH = path.join(ROOT, '.ci', 'postgres.sh');

/** Starts the throwaway cluster with `.ci/postgres.sh` (sourced by bash) and reads back what it exported. */
export async function startPostgres(port: number): Promise<Postgres> {
  const names = SUBGRAPHS.map((n) => `'${n}'`).join(' ');
  const { stdout } = await run('bash', ['-c', `. '${POSTGRES_SH}' && pg_throwaway_start ${names} >&2 && env -0`], {
    env: { ...process.env, PG_PORT: String(port) },
    maxBuffer: 16 * 1024 * 1024,
  });
  const env = Object.fromEntries(
    stdout
      .split('\0')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  ) as Record<string, string>;
  const urls = Object.fromEntries(SUBGRAPHS.map((n) => [n, env[`${envPrefix(n)}_DATABASE_URL`]!]));
  state.postgres = {
    port,
    bin: env.PG_BIN!,
    urls,
    databaseOf: (subgraph) => new URL(urls[subgraph]!).pathname.slice(1),
    env: { PG_TMP: env.PG_TMP!, PG_BIN: env.PG_BIN!, PG_AS: env.PG_AS ?? '' },
  };
  return state.postgres;
}

async function stopPostgres() {
  const postgres = state.postgres;
  if (!postgres) return;
  state.postgres = null;
  await run('bash', ['-c', `. '${POSTGRES_SH}' && pg_throwaway_stop`], {
    env: { ...process.env, ...postgres.env },
  }).catch(() => undefined);
}

/** Rows of one SQL query in a subgraph's database (psql of the cluster; the query answers JSON). */
export async function sql<Row>(subgraph: string, query: string): Promise<Row[]> {
  const postgres = state.postgres!;
  const { stdout } = await run(
    path.join(postgres.bin, 'psql'),
    [
      ...['-h', '127.0.0.1', '-p', String(postgres.port), '-U', 'postgres', '-d', postgres.databaseOf(subgraph)],
      ...['-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-c'],
      `SELECT coalesce(json_agg(q), '[]'::json) FROM (${query}) q`,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Row[];
}

/** The environment every replica shares: production, this run's secrets, the balancer's addresses. */
function serviceEnv(postgres: Postgres): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: 'production',
    APOLLO_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: process.env.SCALE_OUT_LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'json',
    DATABASE_POOL_SIZE: '5',
    HOST: '127.0.0.1',
    ...SECRETS,
  };
  for (const name of SUBGRAPHS) {
    env[`${envPrefix(name)}_DATABASE_URL`] = postgres.urls[name];
    env[`${envPrefix(name)}_URL`] = frontendUrl(name);
  }
  return env;
}

/** Starts one replica as its own process; its output goes to a log file in the work folder. */
export function startReplica(service: ServiceName, replica: ReplicaName, { seed = false } = {}): Replica {
  if (state.stopping) throw new Error('stopping: no more replicas');
  const port = replicaPort(service, replica);
  const log = path.join(state.workDir, `${service}-${replica}.log`);
  const out = fs.openSync(log, 'a');
  const main = service === 'gateway' ? 'gateway/src/main.ts' : `subgraphs/${service}/src/main.ts`;
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: ROOT,
    env: { ...serviceEnv(state.postgres!), [`${envPrefix(service)}_PORT`]: String(port), SEED: seed ? '1' : '0' },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started: Replica = { service, replica, port, process: child, log, exited };
  state.replicas.add(started);
  void exited.then(() => state.replicas.delete(started));
  return started;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the replica answers 200 on /readyz; fails when it exits first or takes too long. */
export async function readyz(replica: Replica, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  let exited = false;
  void replica.exited.then(() => (exited = true));
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`${replica.service}-${replica.replica} exited while starting (${tailOf(replica.log)})`);
    const ok = await fetch(`http://127.0.0.1:${replica.port}/readyz`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return Date.now() - started;
    await sleep(250);
  }
  throw new Error(
    `${replica.service}-${replica.replica} not ready after ${timeoutMs / 1000} s (${tailOf(replica.log)})`,
  );
}

/** The last lines of a log, for a start-up that failed (the services never log personal data). */
function tailOf(log: string) {
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  return `log ${log}: ${text.trim().split('\n').slice(-5).join(' | ') || '(empty)'}`;
}

/** SIGKILL: no goodbye, no graceful shutdown; the database sees its connections drop. */
export async function kill(replica: Replica) {
  replica.process.kill('SIGKILL');
  await replica.exited;
}

/**
 * HAProxy's configuration: one frontend per service on its own port, a backend of its two
 * replicas checked on /readyz (twice a second while a check fails, so a dead replica is marked
 * down within about a second), a connection refused tried again on the other replica, and the
 * statistics (CSV) on `STATS_PORT`.
 */
export function haproxyConfig(): string {
  const lines = [
    'global',
    '  maxconn 4096',
    '',
    'defaults',
    '  mode http',
    '  option httplog',
    '  balance roundrobin',
    // A request whose connection was refused goes to the other replica (never a request a server
    // has started on: POSTs are not replayed).
    '  retries 3',
    '  option redispatch 1',
    '  timeout connect 1s',
    '  timeout client 120s',
    '  timeout server 120s',
    '  timeout queue 10s',
    '  timeout check 3s',
    '  default-server inter 1s fastinter 250ms downinter 1s fall 2 rise 2',
    '',
    'listen stats',
    `  bind 127.0.0.1:${STATS_PORT}`,
    '  stats enable',
    '  stats uri /stats',
    '  stats refresh 1s',
  ];
  for (const service of SERVICES) {
    lines.push(
      '',
      `frontend ${service}`,
      `  bind 127.0.0.1:${frontendPort(service)}`,
      `  default_backend ${service}-replicas`,
      '',
      `backend ${service}-replicas`,
      '  option httpchk GET /readyz',
      '  http-check expect status 200',
      ...REPLICAS.map((r) => `  server ${service}-${r} 127.0.0.1:${replicaPort(service, r)} check`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Debian's HAProxy: on the PATH, or where the package puts it (/usr/sbin is not on every user's PATH), or `HAPROXY`. */
function haproxyBinary(): string {
  if (process.env.HAPROXY) return process.env.HAPROXY;
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'haproxy'))
    .find((file) => fs.existsSync(file));
  const found = onPath ?? ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find((file) => fs.existsSync(file));
  if (!found) throw new Error('HAProxy not found: apt-get install -y haproxy (or set HAPROXY to its path)');
  return found;
}

/** Checks the configuration and starts HAProxy in the foreground (a child of this process). */
export async function startHaproxy(): Promise<void> {
  const haproxy = haproxyBinary();
  const config = path.join(state.workDir, 'haproxy.cfg');
  fs.writeFileSync(config, haproxyConfig());
  await run(haproxy, ['-c', '-q', '-f', config]).catch((error: { stderr?: string }) => {
    throw new Error(`haproxy refused its configuration: ${error.stderr ?? String(error)}`);
  });
  const out = fs.openSync(path.join(state.workDir, 'haproxy.log'), 'a');
  const child = spawn(haproxy, ['-db', '-f', config], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  state.haproxy = child;
  child.once('exit', () => {
    if (state.haproxy === child) state.haproxy = null;
  });
  for (let i = 0; i < 40; i++) {
    if (await serverStates().catch(() => null)) return;
    await sleep(250);
  }
  throw new Error('haproxy did not start (see haproxy.log in the work folder)');
}

/** Each replica's state as HAProxy sees it (`UP`, `DOWN`, `UP 1/2`, …) and its counters. */
export interface ServerState {
  status: string;
  /** Requests sent to it. */
  sessions: number;
  /** Connection errors, retries and redispatches away from it. */
  connectionErrors: number;
  retries: number;
  redispatches: number;
}

export async function serverStates(): Promise<Record<string, ServerState>> {
  const csv = await fetch(`http://127.0.0.1:${STATS_PORT}/stats;csv`, { signal: AbortSignal.timeout(2000) }).then((r) =>
    r.text(),
  );
  const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
  const columns = header!.split(',');
  const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
  const states: Record<string, ServerState> = {};
  for (const row of rows.map((r) => r.split(','))) {
    const name = at(row, 'svname');
    if (name === 'FRONTEND' || name === 'BACKEND' || !at(row, 'pxname').endsWith('-replicas')) continue;
    states[name] = {
      status: at(row, 'status'),
      sessions: Number(at(row, 'stot') || 0),
      connectionErrors: Number(at(row, 'econ') || 0),
      retries: Number(at(row, 'wretr') || 0),
      redispatches: Number(at(row, 'wredis') || 0),
    };
  }
  return states;
}

/** Waits until HAProxy has every named replica UP (its checks passed `rise` times). */
export async function balancerSeesUp(names: string[], timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const states = await serverStates().catch(() => ({}) as Record<string, ServerState>);
    if (names.every((n) => states[n]?.status === 'UP')) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`the balancer did not see ${names.join(', ')} up within ${timeoutMs / 1000} s`);
}

/**
 * Stops everything this run started: replicas (SIGTERM, SIGKILL after a grace period), HAProxy,
 * the PostgreSQL cluster; the work folder goes too unless `keepLogs`.
 */
export async function stopAll({ keepLogs = false } = {}) {
  state.stopping = true;
  const replicas = [...state.replicas];
  for (const r of replicas) r.process.kill('SIGTERM');
  const grace = setTimeout(() => replicas.forEach((r) => r.process.kill('SIGKILL')), 8000);
  await Promise.all(replicas.map((r) => r.exited));
  clearTimeout(grace);
  const haproxy = state.haproxy;
  if (haproxy && haproxy.exitCode === null && haproxy.signalCode === null) {
    const exited = new Promise((resolve) => haproxy.once('exit', resolve));
    haproxy.kill('SIGTERM');
    await exited;
  }
  await stopPostgres();
  if (!keepLogs) fs.rmSync(state.workDir, { recursive: true, force: true });
}

/** Stopping synchronously at the very last moment (the process exits): kill what is left. */
export function killLeftovers() {
  for (const r of state.replicas) r.process.kill('SIGKILL');
  state.haproxy?.kill('SIGKILL');
}
