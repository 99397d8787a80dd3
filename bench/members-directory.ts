// `pnpm bench:members`: latency of typical directory queries through the gateway, and what
// resolving 100 Member references costs, on embedded PGlite (or PostgreSQL when
// MEMBERS_DATABASE_URL is set). Prints figures; asserts nothing.
import { signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { startPlatform } from '@samen-sterk/platform';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

const ROUNDS = Number(process.env.ROUNDS ?? 300);

async function post(
  url: string,
  token: string,
  query: string,
  variables?: object,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[]; data?: any };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} n=${samples.length}  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`);
}

async function time(rounds: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main() {
  const bootStart = performance.now();
  const memory = process.env.MEMBERS_DATABASE_URL ? undefined : { kind: 'pglite' as const, dataDir: null };
  const platform = await startPlatform({ location: () => memory, port: () => 0, seed: true });
  console.log(
    `platform up (migrate + seed + serve) in ${((performance.now() - bootStart) / 1000).toFixed(2)} s on ${platform.subgraphs.members!.database.kind}`,
  );
  const token = await signDevelopmentToken({ sub: 'bench', roles: ['platform-admin'] });
  const gateway = platform.gateway.url;

  const list = `{ members(first: 50) { totalCount edges { node { id name city keurmerk { status nextAuditDue } } } } }`;
  const nested = `{ members(first: 20) { edges { node { name branches(first: 30) { totalCount edges { node { name address { postcode city } } } } } } } }`;
  const filtered = `query($f: MemberFilter) { members(first: 50, filter: $f) { totalCount edges { node { name } } } }`;
  await post(gateway, token, list); // warm-up

  summary('members(first: 50), via gateway', await time(ROUNDS, () => post(gateway, token, list)));
  summary('20 members × their shops, via gateway', await time(ROUNDS, () => post(gateway, token, nested)));
  summary(
    'filter: auditDueBefore + status, via gateway',
    await time(ROUNDS, () =>
      post(gateway, token, filtered, { f: { auditDueBefore: '2027-06-01', keurmerkStatus: 'CERTIFIED' } }),
    ),
  );

  const ids: string[] = (
    await post(gateway, token, `{ members(first: 62) { edges { node { id } } } }`)
  ).members.edges.map((e: any) => e.node.id);
  const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Member', id: ids[i % ids.length] }));
  const members = platform.subgraphs.members!;
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id name } } }`;
  const secret = { 'x-gateway-secret': process.env.GATEWAY_SECRET ?? 'samen-sterk-development-gateway-secret' };
  let statements: string[] = [];
  const samples = await time(ROUNDS, async () => {
    statements = await members.database.queryLog.during(() =>
      post(members.server.url, token, entities, { r: representations }, secret),
    );
  });
  summary('_entities with 100 Member references', samples);
  console.log(`SQL statements per _entities request: ${statements.length}`);
  console.log(
    `peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  await platform.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
