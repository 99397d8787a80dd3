// Load with one subgraph killed midway and restarted (`pnpm bench:kill [seconds per phase]`):
// callers keep asking the members directory, the CAO and a member with its staff (members +
// hr-payroll) while hr-payroll is stopped and later started again on its port. Prints, per
// phase, the requests answered, whole and partial answers and errors by code, and how long the
// gateway took to answer whole again after the restart (its circuit half-opens by itself).
import { startPlatform, SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import { signDevelopmentToken, startSubgraphServer } from '@samen-sterk/subgraph-runtime';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

const PHASE_MS = Number(process.argv[2] ?? 5) * 1000;
const KILLED = 'hr-payroll';
const QUERIES = {
  members: '{ members(first: 10) { edges { node { id name city } } } }',
  cao: '{ caoVersions(first: 3) { totalCount edges { node { id name } } } }',
  'member + staff': `query MemberWithStaff($id: ID!) { member(id: $id) { id name employees(first: 5) { totalCount } } }`,
};
type Kind = keyof typeof QUERIES;
type Phase = 'before' | 'down' | 'after';

interface Tally {
  answered: number;
  whole: number;
  partial: number;
  failed: number;
  codes: Record<string, number>;
  services: Record<string, number>;
}
const tally = () => ({ answered: 0, whole: 0, partial: 0, failed: 0, codes: {}, services: {} }) as Tally;

async function main() {
  const memory = { kind: 'pglite' as const, dataDir: null };
  const platform = await startPlatform({ location: () => memory, port: () => 0, seed: true });
  const killed = platform.subgraphs[KILLED]!;
  const memberId = '00000000-0000-4000-8000-000000000001';
  const url = platform.gateway.url;
  let phase: Phase = 'before';
  let running = true;
  const figures: Record<Phase, Record<Kind, Tally>> = {
    before: { members: tally(), cao: tally(), 'member + staff': tally() },
    down: { members: tally(), cao: tally(), 'member + staff': tally() },
    after: { members: tally(), cao: tally(), 'member + staff': tally() },
  };
  let restartedAt = Number.NaN; // set when hr-payroll is started again
  let recoveredAfterMs: number | undefined;

  // Six callers per query (each its own token: a caller has at most 4 requests in flight).
  const caller = async (kind: Kind, n: number) => {
    // The member's HR sees its staff; the association's admin the directory and the CAO.
    const token = await signDevelopmentToken(
      kind === 'member + staff'
        ? { sub: `bench-${kind}-${n}`, roles: ['member-hr'], memberId }
        : { sub: `bench-${kind}-${n}`, roles: ['platform-admin'] },
    );
    while (running) {
      const at = phase;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERIES[kind], variables: kind === 'member + staff' ? { id: memberId } : {} }),
      }).then(
        (r) => r.json() as Promise<{ data?: unknown; errors?: { extensions?: { code?: string; service?: string } }[] }>,
        () => null,
      );
      const t = figures[at][kind];
      t.answered++;
      if (!res) {
        t.failed++;
        t.codes['(no answer)'] = (t.codes['(no answer)'] ?? 0) + 1;
        continue;
      }
      if (!res.errors) t.whole++;
      else if (res.data) t.partial++;
      else t.failed++;
      for (const e of res.errors ?? []) {
        const code = e.extensions?.code ?? '(none)';
        t.codes[code] = (t.codes[code] ?? 0) + 1;
        if (e.extensions?.service) t.services[e.extensions.service] = (t.services[e.extensions.service] ?? 0) + 1;
      }
      if (kind === 'member + staff' && at === 'after' && !res.errors && recoveredAfterMs === undefined) {
        recoveredAfterMs = Date.now() - restartedAt;
      }
    }
  };
  const callers = (Object.keys(QUERIES) as Kind[]).flatMap((kind) => [0, 1, 2, 3, 4, 5].map((n) => caller(kind, n)));

  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const started = Date.now();
  await wait(PHASE_MS);
  const { port } = killed.server;
  await killed.server.stop();
  phase = 'down';
  const downAt = Date.now();
  await wait(PHASE_MS);
  const definition = SUBGRAPH_DEFINITIONS.find((d) => d.name === KILLED)!;
  const server = await startSubgraphServer({
    name: KILLED,
    schema: definition.schema,
    database: killed.database,
    port,
    serviceUrls: () => Object.fromEntries(Object.entries(platform.subgraphs).map(([n, s]) => [n, s.server.url])),
  });
  restartedAt = Date.now();
  phase = 'after';
  await wait(PHASE_MS);
  running = false;
  await Promise.all(callers);
  const endedAt = Date.now();

  const seconds: Record<Phase, number> = {
    before: (downAt - started) / 1000,
    down: (restartedAt - downAt) / 1000,
    after: (endedAt - restartedAt) / 1000,
  };
  console.log(
    '(a request counts in the phase it was sent in: some sent just before the stop are answered without hr-payroll)',
  );
  console.log(
    `\n${KILLED} stopped after ${seconds.before.toFixed(1)} s, down ${seconds.down.toFixed(1)} s, then restarted on port ${port}`,
  );
  console.log('| phase | query | answered | per s | whole | partial | failed | errors by code (service) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const p of ['before', 'down', 'after'] as Phase[]) {
    for (const kind of Object.keys(QUERIES) as Kind[]) {
      const t = figures[p][kind];
      const codes =
        Object.entries(t.codes)
          .map(([c, n]) => `${n}× ${c}`)
          .join(', ') || '—';
      const services = Object.entries(t.services)
        .map(([s, n]) => `${n}× ${s}`)
        .join(', ');
      console.log(
        `| ${p} | ${kind} | ${t.answered} | ${(t.answered / seconds[p]).toFixed(0)} | ${t.whole} | ${t.partial} | ${t.failed} | ${codes}${services ? ` (${services})` : ''} |`,
      );
    }
  }
  console.log(
    recoveredAfterMs === undefined
      ? `\nNOT recovered within ${seconds.after.toFixed(1)} s after the restart`
      : `\nwhole answers again ${recoveredAfterMs} ms after the restart`,
  );
  await server.stop();
  await platform.stop();
  if (recoveredAfterMs === undefined) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
