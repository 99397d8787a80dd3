// `pnpm test:scale-out [--seconds 24] [--no-restart] [--keep-logs]`: the platform scaled out on
// this machine, for real. A throwaway PostgreSQL cluster (.ci/postgres.sh), two replicas of every
// subgraph and two of the gateway (each its own process, NODE_ENV=production, secrets made for
// the run), Debian's HAProxy in front of every service (`apt-get install -y haproxy`). A mixed
// load runs through the balancer: orders, Academy enrolments, payroll runs (scale-out/load.ts
// says which failures are retried and why that is safe). After a warm-up and a third of
// --seconds, one replica of every subgraph and one gateway replica are killed (SIGKILL); 3 s
// later they start again, and the load goes on until they are back at the balancer and have
// served a few seconds. Afterwards the databases are checked (scale-out/checks.ts): what was
// acknowledged is there, once; seats, budgets and volumes add up. Prints the figures; exits 1
// when a check fails. Ports 4700–4799 (SCALE_OUT_BASE_PORT), PostgreSQL on 56900
// (SCALE_OUT_PG_PORT). Every process and the cluster are stopped at the end, also on failure or
// Ctrl-C; --keep-logs keeps the work folder with each process's log.
import { parseArgs } from 'node:util';
import {
  balancerSeesUp,
  frontendUrl,
  kill,
  killLeftovers,
  readyz,
  REPLICAS,
  SECRETS,
  serverStates,
  SERVICES,
  startHaproxy,
  startPostgres,
  startReplica,
  stopAll,
  SUBGRAPHS,
  workDir,
  type Replica,
  type ServerState,
  type ServiceName,
} from './scale-out/cluster';
import { checkEnrolments, checkOrders, checkPayroll, sectorQuantities, type Check } from './scale-out/checks';
import { Figures, type Phase } from './scale-out/load';
import {
  acknowledged,
  enrolmentClient,
  enrolmentQueue,
  orderClient,
  payrollClient,
  prepare,
  tokenSigner,
  TRAINING_BUDGET,
  type Load,
} from './scale-out/workload';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.SCALE_OUT_SECONDS ?? '24' },
    'no-restart': { type: 'boolean', default: false },
    'keep-logs': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(options.seconds);
if (!(SECONDS >= 6)) throw new Error('--seconds: at least 6');
const KILLED = 'a';
/** The killed replicas start again this long after the kill (unless --no-restart). */
const RESTART_AFTER_MS = 3000;
/** With restarts: the load goes on this long after the restarted replicas are UP again. */
const AFTER_UP_MS = 6000;
/** Not counted as "before kill": each process's first requests (compiling, connecting) are slow. */
const WARM_UP_MS = 4000;

const say = (text: string) => console.log(`[${process.uptime().toFixed(1).padStart(5)} s] ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The killed replicas as the balancer saw them: when it stopped sending, when it sent again. */
interface Watch {
  name: string;
  killedAt: number;
  downAfterMs?: number;
  atKill?: ServerState;
  atDown?: ServerState;
  restartedAt?: number;
  readyAfterMs?: number;
  upAfterMs?: number;
  atUp?: ServerState;
}

async function main() {
  const started = Date.now();
  say(`work folder ${workDir()} (processes' logs)`);
  // Not PG_PORT: .ci/run exports that for the test suite's own cluster, still running.
  const postgres = await startPostgres(Number(process.env.SCALE_OUT_PG_PORT ?? 56900));
  say(`PostgreSQL on port ${postgres.port}, databases: ${SUBGRAPHS.join(', ')}`);
  await startHaproxy();
  say(`HAProxy: gateway on ${frontendUrl('gateway')}, each subgraph on its own frontend`);

  // Migrations and demo data once: the first replica of each subgraph seeds (SEED=1); the
  // second starts when the first is ready (migrations are under an advisory lock besides).
  const replicas = new Map<string, Replica>();
  const name = (service: ServiceName, replica: string) => `${service}-${replica}`;
  await Promise.all(
    SUBGRAPHS.map(async (service) => {
      const first = startReplica(service, 'a', { seed: true });
      replicas.set(name(service, 'a'), first);
      await readyz(first);
      const second = startReplica(service, 'b');
      replicas.set(name(service, 'b'), second);
      await readyz(second);
    }),
  );
  for (const r of REPLICAS) replicas.set(name('gateway', r), startReplica('gateway', r));
  await Promise.all(REPLICAS.map((r) => readyz(replicas.get(name('gateway', r))!)));
  await balancerSeesUp([...replicas.keys()]);
  say(`${replicas.size} replicas ready and UP at the balancer, in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const sign = tokenSigner(SECRETS.JWT_SECRET);
  const ack = acknowledged();
  const url = frontendUrl('gateway');
  await prepare(url, sign, ack);
  say(
    `${ack.sessions.length} sessions scheduled (${ack.sessions.map((s) => s.capacity).join('+')} seats), budgets €${TRAINING_BUDGET} for ${ack.budgetYear}; payroll months ${ack.months.join(', ')} of ${ack.payrollYear}`,
  );
  const volumesBefore = await sectorQuantities();

  // The load: a warm-up (each process's first requests are slow), a third of --seconds (at
  // least 6 s) before the kill; with restarts, on until the restarted replicas are UP at the
  // balancer and have served for AFTER_UP_MS more.
  let phase: Phase = 'warm-up';
  const loadMs = SECONDS * 1000;
  const loadStarted = Date.now();
  let endsAt = loadStarted + WARM_UP_MS + loadMs;
  let restarting = !options['no-restart'];
  const hardEnd = endsAt + 60_000;
  const running = () => Date.now() < endsAt || (restarting && Date.now() < hardEnd);
  const figures = new Figures();
  const runTag = `${Date.now().toString(36)}`;
  const load: Load = {
    caller: (token) => ({ url, token, phase: () => phase, giveUpAt: () => Math.max(Date.now(), endsAt) + 30_000 }),
    running,
    figures,
    ack,
    sign,
    runTag,
  };
  const queue = enrolmentQueue(ack);
  const clients = [
    orderClient(load, 1),
    orderClient(load, 2),
    enrolmentClient(load, 1, queue),
    enrolmentClient(load, 2, queue),
    payrollClient(load, 1),
    payrollClient(load, 2),
  ];
  say(`load: ${clients.length} clients (2 ordering, 2 enrolling, 2 running payroll)`);

  await sleep(WARM_UP_MS);
  phase = 'before kill';
  await sleep(Math.max(6000, loadMs / 3));
  const victims = SERVICES.map((service) => replicas.get(name(service, KILLED))!);
  const atKill = await serverStates();
  const killedAt = Date.now();
  await Promise.all(victims.map(kill));
  phase = 'after kill';
  say(`SIGKILL: ${victims.map((v) => `${v.service}-${v.replica}`).join(', ')}`);
  const watches: Watch[] = victims.map((v) => ({
    name: name(v.service, v.replica),
    killedAt,
    atKill: atKill[name(v.service, v.replica)],
  }));
  const watching = watchDown(watches, hardEnd);

  if (restarting) {
    await sleep(RESTART_AFTER_MS);
    phase = 'restarting';
    say(`restarting ${watches.map((w) => w.name).join(', ')} (no SEED)`);
    await Promise.all(
      victims.map(async (v) => {
        const watch = watches.find((w) => w.name === name(v.service, v.replica))!;
        watch.restartedAt = Date.now();
        const again = startReplica(v.service, v.replica);
        replicas.set(watch.name, again);
        watch.readyAfterMs = await readyz(again, Math.max(5000, hardEnd - Date.now())).catch(() => undefined);
        if (watch.readyAfterMs === undefined) return;
        await balancerSeesUp([watch.name], Math.max(5000, hardEnd - Date.now()))
          .then(() => (watch.upAfterMs = Date.now() - watch.restartedAt!))
          .catch(() => undefined);
      }),
    );
    const states = await serverStates();
    for (const w of watches) w.atUp = states[w.name];
    if (watches.every((w) => w.upAfterMs !== undefined)) {
      phase = 'after restart';
      endsAt = Math.max(endsAt, Date.now() + AFTER_UP_MS);
      say(`restarted replicas UP at the balancer; load goes on until ${((endsAt - loadStarted) / 1000).toFixed(0)} s`);
    } else say('not every restarted replica came UP in time');
    restarting = false;
  }
  await Promise.all(clients);
  await watching;
  const atEnd = await serverStates();
  say(`load over after ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

  // Figures.
  console.log('\nRequests (one request counts once, whatever its attempts; latency: first send to final answer)');
  for (const line of figures.table()) console.log(line);
  console.log('');
  for (const line of figures.latencies()) console.log(line);
  console.log('\nThe killed replicas at the balancer (checks on /readyz every 1 s, every 250 ms while failing)');
  console.log(
    '| replica | marked DOWN after the kill | requests moved to the other replica meanwhile | ready after restart | UP again after restart | requests it served after UP |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const w of watches) {
    const moved =
      w.atDown && w.atKill
        ? w.atDown.redispatches - w.atKill.redispatches + w.atDown.retries - w.atKill.retries
        : undefined;
    const served = w.atUp && atEnd[w.name] ? atEnd[w.name]!.sessions - w.atUp.sessions : undefined;
    const restarted = w.restartedAt !== undefined;
    console.log(
      `| ${w.name} | ${ms(w.downAfterMs)} | ${moved ?? '?'} | ${restarted ? ms(w.readyAfterMs) : 'not restarted'} | ${
        restarted ? ms(w.upAfterMs) : '—'
      } | ${served ?? '—'} |`,
    );
  }

  // Invariants, in the databases.
  const checks: Check[] = [
    ...(await checkOrders(ack, runTag, volumesBefore)),
    ...(await checkEnrolments(ack)),
    ...(await checkPayroll(ack)),
  ];
  const acknowledgedOf = (kind: string) => figures.outcomes.filter((o) => o.kind === kind && o.result === 'ok').length;
  for (const kind of ['order', 'enrolment', 'payroll'])
    checks.push({
      name: `load: ${kind} requests were acknowledged before and after the kill`,
      ok: (['before kill', 'after kill'] as Phase[]).every((p) =>
        figures.outcomes.some((o) => o.kind === kind && o.phase === p && o.result === 'ok'),
      ),
      detail: `${acknowledgedOf(kind)} acknowledged`,
    });
  checks.push({
    name: 'balancer: every killed replica was marked DOWN',
    ok: watches.every((w) => w.downAfterMs !== undefined),
    detail: watches.map((w) => `${w.name} ${ms(w.downAfterMs)}`).join(', '),
  });
  if (!options['no-restart'])
    checks.push({
      name: 'balancer: every restarted replica came UP again and served requests',
      ok: watches.every((w) => w.upAfterMs !== undefined && atEnd[w.name]!.sessions > (w.atUp?.sessions ?? Infinity)),
      detail: watches
        .map((w) => `${w.name} ${ms(w.upAfterMs)}, ${w.atUp ? atEnd[w.name]!.sessions - w.atUp.sessions : 0} requests`)
        .join('; '),
    });
  console.log('\nChecks (in the databases, after the load)');
  for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  const failed = checks.filter((c) => !c.ok);
  console.log(
    `\n${failed.length === 0 ? 'All checks passed' : `${failed.length} check(s) FAILED`} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
  );
  return failed.length === 0;
}

const ms = (value: number | undefined) => (value === undefined ? 'not seen' : `${(value / 1000).toFixed(2)} s`);

/** Polls the balancer's statistics every 100 ms until each killed replica is marked DOWN. */
async function watchDown(watches: Watch[], until: number) {
  while (watches.some((w) => w.downAfterMs === undefined) && Date.now() < until) {
    const states = await serverStates().catch(() => null);
    const now = Date.now();
    for (const w of watches) {
      const state = states?.[w.name];
      if (w.downAfterMs !== undefined || !state?.status.startsWith('DOWN')) continue;
      w.downAfterMs = now - w.killedAt;
      w.atDown = state;
    }
    await sleep(100);
  }
}

// Every process and the cluster go, whatever happens: a failure, Ctrl-C, SIGTERM.
let stopping: Promise<void> | null = null;
const cleanUp = () =>
  (stopping ??= stopAll({ keepLogs: options['keep-logs'] }).catch((error: unknown) => {
    console.error('cleaning up:', error instanceof Error ? error.message : error);
  }));
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (interrupted) return; // a terminal's Ctrl-C reaches pnpm, tsx and this process alike
    interrupted = true;
    console.error(`\n${signal}: stopping every process and the cluster`);
    void cleanUp().then(() => process.exit(130));
  });
process.on('exit', killLeftovers);

main()
  .then(
    (ok) => (process.exitCode = ok ? 0 : 1),
    (error: unknown) => {
      if (interrupted) return;
      console.error(`\nscale-out failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  )
  .finally(() => cleanUp());
