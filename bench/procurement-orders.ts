// `pnpm bench:procurement [orders] [synthetic lines] [direct orders]`: joint procurement under load.
// Starts the whole platform in this process (PGlite in memory by default; PostgreSQL for each
// subgraph whose <SUBGRAPH>_DATABASE_URL is set, e.g. PROCUREMENT_DATABASE_URL), then 60 members'
// purchasers place `orders` orders (default 10,000), 50 in flight at once, against the demo
// contracts whose prices fall by the sector's volume: each order 1–3 lines of random quantities,
// with its own idempotency key. The same orders go twice: through the gateway, and (the peer)
// straight to the procurement subgraph with the headers the gateway forwards (all of them, or
// the first `direct orders` of them, spread over the rounds), in alternating
// rounds (bench/procurement/load.ts); orders per second and latency of both, side by side, and
// one order alone by each (with the SQL statements it takes).
// Then it verifies from the stored data that no update was lost and that every line has its
// tier's price (bench/procurement/verify.ts), and times a spend report over `synthetic lines`
// (default 1,000,000) order lines, in the database and through the gateway
// (bench/procurement/spend-report.ts). Prints every figure; exits non-zero only when a
// verification fails. BENCH_CPU_PROFILE=<folder> profiles the order phase (procurement/profile.ts).
import { startPlatform } from '@samen-sterk/platform';
import { envPrefix } from '@samen-sterk/subgraph-runtime';
import {
  benchMembers,
  catalogue,
  count,
  IN_FLIGHT,
  MEMBERS,
  ms,
  percentile,
  seconds,
  type Sql,
} from './procurement/common';
import { compareRoutes, placedCount, plan, routes, submit, type Placed, type Route } from './procurement/load';
import { profiled } from './procurement/profile';
import {
  insertSyntheticLines,
  spendPerMemberAndCategory,
  spendThroughTheGateway,
  SYNTHETIC,
} from './procurement/spend-report';
import { verifyPrices, verifyVolumes } from './procurement/verify';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
const ORDERS = Number(process.argv[2]) || 10_000;
const SYNTHETIC_LINES = Number(process.argv[3]) || 1_000_000;
/** Orders the peer (straight to the subgraph) sends: the first ones of the same plan; default all. */
const DIRECT_ORDERS = Math.min(ORDERS, Number(process.argv[4]) || ORDERS);
/** Rounds of the gateway/direct comparison (each route goes first in every other round). */
const ROUNDS = 4;
/** Orders sent one at a time by each route before the load, for the latency of an order alone. */
const ALONE = 20;

const signed = (x: number) => `${x < 0 ? '−' : '+'}${ms(Math.abs(x))}`;

function figures(route: string, placed: Placed) {
  const ok = placedCount(placed);
  const l = placed.latencies;
  return (
    `  ${route.padEnd(8)} ${count(ok).padStart(7)} orders in ${seconds(placed.elapsed).padStart(9)}: ` +
    `${((ok / placed.elapsed) * 1000).toFixed(1).padStart(6)} orders/s; latency p50 ${ms(percentile(l, 50))}, ` +
    `p95 ${ms(percentile(l, 95))}, p99 ${ms(percentile(l, 99))}, max ${ms(l.at(-1) ?? NaN)}; ` +
    `this process's CPU ${ms(placed.cpu / 1000 / ok)} an order; ` +
    `statuses ${JSON.stringify(Object.fromEntries(placed.statuses))}`
  );
}

/** One order at a time by each route: its latency alone, and the SQL statements it takes. */
async function alone(
  both: Route[],
  orders: ReturnType<typeof plan>,
  queryLog: { during(fn: () => Promise<unknown>): Promise<string[]> },
) {
  const result = [];
  for (const route of both) {
    const latencies: number[] = [];
    let statements: string[] = [];
    for (const [i, order] of orders.entries()) {
      const keyed = {
        ...order,
        idempotencyKey: `${order.idempotencyKey}-alone-${Date.now().toString(36)}-${route.name}`,
      };
      statements = await queryLog.during(async () => {
        const outcome = await submit(route, keyed);
        if (outcome.error) throw new Error(`${route.name}: ${outcome.error}`);
        if (i > 0) latencies.push(outcome.latency); // the first warms up
      });
    }
    latencies.sort((a, b) => a - b);
    result.push({ route: route.name, p50: percentile(latencies, 50), statements });
  }
  return result;
}

async function main() {
  const onPostgres = (service: string) => !!process.env[`${envPrefix(service)}_DATABASE_URL`];
  const platform = await startPlatform({
    location: (name) => (onPostgres(name) ? undefined : { kind: 'pglite', dataDir: null }),
    port: () => 0,
    seed: true,
  });
  const outcome = { failed: false };
  try {
    const procurement = platform.subgraphs['procurement']!;
    const sql: Sql = procurement.database.sql;
    const where = onPostgres('procurement')
      ? `PostgreSQL (a pool of ${process.env.DATABASE_POOL_SIZE ?? 10} connections)`
      : 'PGlite (in memory)';
    // A rerun on PostgreSQL: the last run's synthetic rows go first (they carry no sector volume).
    await sql.query(`DELETE FROM "order" WHERE id LIKE '${SYNTHETIC}%'`);
    // The bench's members order without an approver and without a budget; their settings come back afterwards.
    const members = benchMembers();
    const kept = await sql.query(`SELECT * FROM member_procurement_settings WHERE member_id = ANY($1::text[])`, [
      members,
    ]);
    await sql.query(`DELETE FROM member_procurement_settings WHERE member_id = ANY($1::text[])`, [members]);
    await sql.query(
      `INSERT INTO member_procurement_settings (member_id, approval_threshold, yearly_budget, over_budget, updated_at)
       SELECT m, 1000000000, NULL, 'REFUSE', now() FROM unnest($1::text[]) m`,
      [members],
    );

    const contracts = await catalogue(sql);
    console.log(
      `${where}: ${count(ORDERS)} orders by ${MEMBERS} members, ${IN_FLIGHT} in flight, against ${contracts.length} contracts ` +
        `(${contracts.reduce((n, c) => n + c.items.length, 0)} items; ${contracts.filter((c) => c.tierBasis === 'CONTRACT_AMOUNT').length} priced by contract amount); ` +
        `each order once through the gateway and once straight to the procurement subgraph, in ${ROUNDS} alternating rounds`,
    );
    const both = routes(platform.gateway.url, procurement.server.url);
    const orders = plan(contracts, ORDERS);
    const single = await alone(both, orders.slice(0, ALONE), procurement.database.queryLog);
    console.log(
      `  one order alone (p50 of ${ALONE - 1}): ${single.map((s) => `${s.route} ${ms(s.p50)}`).join(', ')}; ` +
        `${single[1]!.statements.length} SQL statements an order (BEGIN and COMMIT not counted)`,
    );
    const placed = await profiled('orders', () =>
      compareRoutes(both, orders, Date.now().toString(36), ROUNDS, DIRECT_ORDERS / ORDERS),
    );
    const [gateway, direct] = [placed.get('gateway')!, placed.get('direct')!];
    console.log(figures('gateway', gateway));
    console.log(figures('direct', direct));
    const perOrder = (p: Placed) => p.elapsed / placedCount(p);
    console.log(
      `  the gateway's share: ${ms(perOrder(gateway) - perOrder(direct))} of ${ms(perOrder(gateway))} per order at ${IN_FLIGHT} in flight ` +
        `(${((100 * (perOrder(gateway) - perOrder(direct))) / perOrder(gateway)).toFixed(0)}%); ` +
        `p50 ${signed(percentile(gateway.latencies, 50) - percentile(direct.latencies, 50))}, ` +
        `alone ${signed(single[0]!.p50 - single[1]!.p50)}`,
    );
    for (const [route, p] of placed)
      for (const [error, n] of p.failures) console.log(`  refused ${n}× (${route}): ${error}`);

    const volumes = await verifyVolumes(sql);
    console.log(
      `  sector volume = sum of the lines not rejected or cancelled: ${volumes.mismatches.length === 0 ? 'yes' : 'NO'} ` +
        `(${volumes.checked} contract/item volumes checked)`,
    );
    for (const m of volumes.mismatches.slice(0, 10)) console.log(`    ${m}`);
    const prices = await verifyPrices(sql, contracts);
    console.log(
      `  every line priced at the tier reached by the volume before it plus its order: ${prices.failures.length === 0 ? 'yes' : 'NO'} ` +
        `(${count(prices.orders)} orders, ${count(prices.lines)} lines replayed in ` +
        `${prices.hasSequence ? 'lock_sequence order' : 'submitted_at order'}` +
        `${prices.hasSequence ? '' : `; ${prices.ties} groups of orders in the same millisecond, the largest ${prices.largestTie}, replayed in the order that fits`})`,
    );
    for (const s of prices.skipped) console.log(`    not replayed: ${s}`);
    for (const f of prices.failures.slice(0, 10)) console.log(`    ${f}`);
    outcome.failed = volumes.mismatches.length > 0 || prices.failures.length > 0;

    const lines = await insertSyntheticLines(sql, SYNTHETIC_LINES);
    const perMember = await spendPerMemberAndCategory(sql);
    console.log(
      `  spend report: ${count(lines.totalLines)} order lines in the table (${count(lines.orders * 4)} synthetic in ${count(lines.orders)} orders, ` +
        `inserted in ${seconds(lines.insertMs)}, ANALYZE ${seconds(lines.analyzeMs)}); spend per member and category in the database ` +
        `(${perMember.groups} groups): ${perMember.runs.map(ms).join(', ')} (first, then warm)`,
    );
    for (const r of await spendThroughTheGateway(sql, platform.gateway.url)) {
      console.log(
        `  procurementSpend(groupBy: ${r.groupBy}) for the sector (${r.groups} groups): through the gateway ${r.gateway.map(ms).join(', ')}; ` +
          `its SQL in the database ${r.sql.map(ms).join(', ')}; same result: ${r.error ? `no answer (${r.error})` : r.same ? 'yes' : 'NO'}`,
      );
      if (!r.same && !r.error) outcome.failed = true;
    }
    if (onPostgres('procurement')) await sql.query(`DELETE FROM "order" WHERE id LIKE '${SYNTHETIC}%'`);
    await sql.query(`DELETE FROM member_procurement_settings WHERE member_id = ANY($1::text[])`, [members]);
    for (const row of kept as Record<string, unknown>[])
      await sql.query(
        `INSERT INTO member_procurement_settings (member_id, approval_threshold, yearly_budget, over_budget, updated_at)
         VALUES ($1, $2, $3, $4::"OverBudget", $5)`,
        [row.member_id, row.approval_threshold, row.yearly_budget, row.over_budget, row.updated_at],
      );
  } finally {
    await platform.stop();
  }
  if (outcome.failed) {
    console.error('Verification failed.');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
