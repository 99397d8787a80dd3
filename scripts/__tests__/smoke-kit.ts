import { SUBGRAPH_REGISTRY, signDevelopmentToken, type DevelopmentTokenClaims } from '@samen-sterk/subgraph-runtime';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// What the smoke test needs to drive the real `pnpm start` from outside: free ports for every
// service of the registry, a new data folder, the process group and what it printed, Ctrl-C, and
// plain HTTP requests to the gateway it printed.

const ROOT = path.resolve(__dirname, '..', '..');
export const postgres = Object.keys(process.env).some((name) => name.endsWith('_DATABASE_URL'));
/** CI has two slow cores and runs other test files beside this one. */
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 40_000;

export interface Started {
  child: ChildProcess;
  /** stdout and stderr as they came. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  gatewayUrl: string;
}

const running = new Set<ChildProcess>();
const transcripts: string[] = [];
let dataDir: string | undefined;
let ports: Record<string, string> = {};

/** `<NAME>_PORT` of a service, as the start script reads it. */
const portVariable = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_PORT`;

/** A new data folder and free ports for the gateway, the portal and every registered subgraph. */
export async function prepareSmokeRun(): Promise<void> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samen-sterk-smoke-'));
  const names = ['gateway', 'portal', ...SUBGRAPH_REGISTRY.map((subgraph) => subgraph.name)];
  const free = await freePorts(names.length);
  ports = Object.fromEntries(names.map((name, i) => [portVariable(name), String(free[i])]));
}

/** Never leave a platform running, whatever failed; remove the data folder. */
export function cleanUpSmokeRun(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Runs a test body; when it throws, shows what `pnpm start` printed so far. */
export function withTranscript(body: () => Promise<void>) {
  return async () => {
    try {
      await body();
    } catch (error) {
      console.error(`pnpm start printed:\n${transcripts.join('\n\n')}`);
      throw error;
    }
  };
}

/** Free ports, held all at once so that no two are the same. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const found = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return found;
}

/** `pnpm start [args]` in its own process group; resolves when it prints the gateway's URL. */
export async function pnpmStart(args: string[]): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    SAMEN_STERK_DATA_DIR: dataDir!,
    APOLLO_TELEMETRY_DISABLED: '1',
  };
  // As from a terminal: not Jest's test mode or Node options, nor what `pnpm test` set for itself.
  for (const name of Object.keys(env)) {
    if (/^(npm_|pnpm_)/i.test(name) || ['NODE_ENV', 'NODE_OPTIONS', 'JEST_WORKER_ID', 'INIT_CWD'].includes(name)) {
      delete env[name];
    }
  }
  const child = spawn('pnpm', ['start', ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const transcript = transcripts.push('') - 1;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    transcripts[transcript] = `$ pnpm start ${args.join(' ')}\n${output}`;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`pnpm start printed no gateway URL within ${READY_TIMEOUT_MS / 1000} s`)),
      READY_TIMEOUT_MS,
    );
    const look = () => {
      // The ready line, then the URLs; the hint on Ctrl-C comes last.
      if (!/platform ready in[\s\S]*Ctrl-C stops everything/.test(output)) return;
      const url = /^\s*gateway\s+(http:\/\/\S+)/m.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url);
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`pnpm start ended before it was ready (code ${code}, signal ${signal})`));
    });
  });
  return { child, output: () => output, exited, gatewayUrl };
}

/** Ctrl-C in a terminal: SIGINT to every process of the group. */
export async function interrupt(started: Started) {
  process.kill(-started.child.pid!, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`pnpm start did not stop within ${STOP_TIMEOUT_MS / 1000} s`)),
      STOP_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([started.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a user must never see from `pnpm start`: failures and stack traces. */
export function expectQuietRun(output: string) {
  expect(output).not.toMatch(/ELIFECYCLE|Command failed/);
  // A stack frame: "    at fn (file.ts:12:3)" or "    at file.js:12:3".
  expect(output).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/^\[error\]/m);
  expect(output).not.toMatch(/Unhandled|uncaught/i);
}

/** A GraphQL answer's body, as far as the smoke test reads it (`data` as its query asked). */
export interface GraphQLBody {
  data?: any;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** The parsed body, when it was JSON. */
  json: GraphQLBody | undefined;
}

export async function post(url: string, body: string, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: GraphQLBody | undefined;
  try {
    json = JSON.parse(text) as GraphQLBody;
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

export const token = (claims: Partial<DevelopmentTokenClaims> & Pick<DevelopmentTokenClaims, 'roles'>) =>
  signDevelopmentToken({ sub: `smoke-${randomUUID()}`, ...claims });

/** A GraphQL request that must succeed; returns `data`. */
export async function query(url: string, text: string, variables: Record<string, unknown>, as: string) {
  const answer = await post(url, JSON.stringify({ query: text, variables }), as);
  if (answer.status !== 200 || !answer.json || answer.json.errors) {
    throw new Error(`${text.trim().split('\n')[0]} answered ${answer.status}: ${answer.text.slice(0, 2000)}`);
  }
  return answer.json.data;
}

/** A GraphQL request that must fail; returns its errors. */
export async function refused(url: string, text: string, variables: Record<string, unknown>, as: string) {
  const answer = await post(url, JSON.stringify({ query: text, variables }), as);
  expect(answer.json?.errors?.length).toBeGreaterThan(0);
  return answer.json!.errors!;
}

/** A BSN that passes the 11-proof, different on every run. */
export function newBsn(): string {
  for (;;) {
    const eight = String(randomInt(10_000_000, 99_999_999));
    const sum = [...eight].reduce((acc, digit, i) => acc + Number(digit) * (9 - i), 0);
    if (sum % 11 < 10 && sum >= 11) return `${eight}${sum % 11}`;
  }
}

/** The gateway's port and the data folder of this run (after `prepareSmokeRun`). */
export const gatewayPort = () => ports[portVariable('gateway')]!;
export const dataFolder = () => dataDir!;
export { READY_TIMEOUT_MS, STOP_TIMEOUT_MS };
