// `npx tsx bench/procurement-orders.ts [orders] [synthetic lines]`: joint procurement under load.
// Starts the whole platform in this process (PGlite in memory by default; PostgreSQL for each
// subgraph whose <SUBGRAPH>_DATABASE_URL is set, e.g. PROCUREMENT_DATABASE_URL), then 60 members'
// purchasers place `orders` orders (default 10,000) through the gateway, 50 in flight at once,
// against the demo contracts whose prices fall by the sector's volume: each order 1–3 lines of
// random quantities, with its own idempotency key. Prints orders per second and p50/p95 latency.
// Then it verifies what concurrency could break, from the stored data:
//   1. no lost update: for every contract and item the sector volume equals the sum of the
//      order lines not rejected or cancelled (and the contract's amount at list price likewise);
//   2. every line's unit price is the price its tier rule gives for the sector volume reached by
//      its order, replaying each contract's orders in the order they took the contract's lock.
//      That order is `lock_sequence` when the column exists; otherwise `submitted_at`, which the
//      order takes while it holds the lock (so it never decreases from one lock holder to the
//      next) but only to the millisecond: orders of the same millisecond are replayed in every
//      order until one fits.
// Last, a spend report over many order lines: inserts `synthetic lines` (default 1,000,000) with
// SQL (generate_series) and times the grouped spend query (per member and category) in the
// database. Prints every figure; exits non-zero only when a verification fails.
import { startPlatform } from '@samen-sterk/platform';
import { envPrefix, signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { demoId, exact, type Exact } from '@samen-sterk/subgraph-runtime/pure';
import {
  contractTierPrice,
  itemTierPrice,
  type ContractTierRule,
  type ItemTierRule,
} from '../subgraphs/procurement/src/domain/pricing';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
const ORDERS = Number(process.argv[2]) || 10_000;
const SYNTHETIC_LINES = Number(process.argv[3]) || 1_000_000;
const MEMBERS = 60;
const IN_FLIGHT = 50;
const SYNTHETIC = 'bench-synthetic-';

type Sql = { query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]> };

/** A small deterministic generator (mulberry32): the same orders every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`;

interface CatalogueContract {
  id: string;
  title: string;
  tierBasis: 'ITEM_QUANTITY' | 'CONTRACT_AMOUNT';
  contractTiers: ContractTierRule[];
  items: { id: string; listPrice: string; tiers: ItemTierRule[] }[];
}

async function catalogue(sql: Sql): Promise<CatalogueContract[]> {
  const contracts = await sql.query<{ id: string; title: string; tier_basis: string }>(
    `SELECT id, title, tier_basis FROM contract WHERE status = 'ACTIVE' AND valid_from <= current_date AND valid_until >= current_date ORDER BY id`,
  );
  const items = await sql.query<{ id: string; contract_id: string; list_price: string }>(
    `SELECT id, contract_id, list_price::text AS list_price FROM item ORDER BY id`,
  );
  const itemTiers = await sql.query<{ item_id: string; from_quantity: number; unit_price: string }>(
    `SELECT item_id, from_quantity, unit_price::text AS unit_price FROM item_tier`,
  );
  const contractTiers = await sql.query<{ contract_id: string; from_amount: string; discount_percent: string }>(
    `SELECT contract_id, from_amount::text AS from_amount, discount_percent::text AS discount_percent FROM contract_tier`,
  );
  return contracts.map((c) => ({
    id: c.id,
    title: c.title,
    tierBasis: c.tier_basis as CatalogueContract['tierBasis'],
    contractTiers: contractTiers
      .filter((t) => t.contract_id === c.id)
      .map((t) => ({ fromAmount: t.from_amount, discountPercent: t.discount_percent })),
    items: items
      .filter((i) => i.contract_id === c.id)
      .map((i) => ({
        id: i.id,
        listPrice: i.list_price,
        tiers: itemTiers
          .filter((t) => t.item_id === i.id)
          .map((t) => ({ fromQuantity: Number(t.from_quantity), unitPrice: t.unit_price })),
      })),
  }));
}

// --- 1. Placing the orders ----------------------------------------------------------------------

interface PlannedOrder {
  memberId: string;
  contractId: string;
  idempotencyKey: string;
  lines: { itemId: string; quantity: number }[];
}

function plan(contracts: CatalogueContract[], run: string): PlannedOrder[] {
  const next = random(20261201);
  const orderable = contracts.filter((c) => c.items.length > 0);
  return Array.from({ length: ORDERS }, (_, i) => {
    const contract = orderable[Math.floor(next() * orderable.length)]!;
    const count = Math.min(contract.items.length, 1 + Math.floor(next() * 3));
    const items = [...contract.items].sort(() => next() - 0.5).slice(0, count);
    return {
      memberId: demoId('member', 1 + (i % MEMBERS)),
      contractId: contract.id,
      idempotencyKey: `bench-${run}-${i}`,
      lines: items.map((item) => ({ itemId: item.id, quantity: 1 + Math.floor(next() * 10) })),
    };
  });
}

async function placeOrders(gatewayUrl: string, orders: PlannedOrder[]) {
  const tokens = new Map<string, Promise<string>>();
  // One caller (sub) per worker and member: the gateway runs at most four requests of a caller at once.
  const tokenFor = (worker: number, memberId: string) => {
    const key = `${worker}:${memberId}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        signDevelopmentToken({
          sub: `bench-buyer-${worker}-${memberId.slice(-4)}`,
          roles: ['member-purchaser'],
          memberId,
        }),
      );
    return tokens.get(key)!;
  };
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const statuses = new Map<string, number>();
  let nextOrder = 0;
  const worker = async (w: number) => {
    for (let i = nextOrder++; i < orders.length; i = nextOrder++) {
      const order = orders[i]!;
      const token = await tokenFor(w, order.memberId);
      const started = performance.now();
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status } }',
          variables: { input: order },
        }),
      });
      const body = (await response.json()) as {
        data?: { submitOrder?: { status: string } };
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      latencies.push(performance.now() - started);
      if (body.errors?.length) {
        const code = `${body.errors[0]!.extensions?.code ?? response.status}: ${body.errors[0]!.message.slice(0, 120)}`;
        failures.set(code, (failures.get(code) ?? 0) + 1);
      } else {
        const status = body.data!.submitOrder!.status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, w) => worker(w)));
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { elapsed, latencies, failures, statuses };
}

// --- 2. Verification ------------------------------------------------------------------------------

const COUNTED = `o.status NOT IN ('REJECTED', 'CANCELLED') AND o.order_date BETWEEN c.valid_from AND c.valid_until`;

/** The sector volume against the order lines it should be the sum of. */
async function verifyVolumes(sql: Sql) {
  const volumes = await sql.query<{ contract_id: string; item_id: string; quantity: number; amount: string }>(
    `SELECT contract_id, item_id, quantity, amount::text AS amount FROM sector_volume`,
  );
  const perItem = await sql.query<{ contract_id: string; item_id: string; quantity: string }>(
    `SELECT o.contract_id, l.item_id, sum(l.quantity)::text AS quantity
       FROM order_line l JOIN "order" o ON o.id = l.order_id JOIN contract c ON c.id = o.contract_id
      WHERE ${COUNTED} GROUP BY o.contract_id, l.item_id`,
  );
  const perContract = await sql.query<{ contract_id: string; amount: string }>(
    `SELECT o.contract_id, sum(l.list_price * l.quantity)::text AS amount
       FROM order_line l JOIN "order" o ON o.id = l.order_id JOIN contract c ON c.id = o.contract_id
      WHERE ${COUNTED} GROUP BY o.contract_id`,
  );
  const stored = new Map(volumes.map((v) => [`${v.contract_id}/${v.item_id}`, v]));
  const mismatches: string[] = [];
  let checked = 0;
  const compare = (key: string, expected: Exact, actual: Exact) => {
    checked++;
    if (!expected.equals(actual)) mismatches.push(`${key}: volume ${actual.toFixed()} but lines ${expected.toFixed()}`);
  };
  const seen = new Set<string>();
  for (const row of perItem) {
    const key = `${row.contract_id}/${row.item_id}`;
    seen.add(key);
    compare(key, exact(row.quantity), exact(stored.get(key)?.quantity ?? 0));
  }
  for (const row of perContract) {
    const key = `${row.contract_id}/`;
    seen.add(key);
    compare(`${key}(amount)`, exact(row.amount), exact(stored.get(key)?.amount ?? 0));
  }
  for (const [key, row] of stored)
    if (!seen.has(key) && (Number(row.quantity) !== 0 || !exact(row.amount).isZero()))
      mismatches.push(`${key}: volume ${row.quantity}/${row.amount} without any order line`);
  return { checked, mismatches };
}

interface StoredOrder {
  id: string;
  ms: number;
  sequence: number | null;
  status: string;
  lines: { itemId: string; quantity: number; unitPrice: string; listPrice: string }[];
}

interface Volume {
  items: Map<string, number>;
  amount: Exact;
}

/** Whether every line of `order` has the price its rule gives at the volume reached including it. */
function pricedRightly(contract: CatalogueContract, order: StoredOrder, volume: Volume) {
  const items = new Map(contract.items.map((i) => [i.id, i]));
  const ordered = new Map<string, number>();
  let listTotal = exact(0);
  for (const line of order.lines) {
    ordered.set(line.itemId, (ordered.get(line.itemId) ?? 0) + line.quantity);
    listTotal = listTotal.plus(exact(line.listPrice).times(line.quantity));
  }
  return order.lines.every((line) => {
    const item = items.get(line.itemId)!;
    const price =
      contract.tierBasis === 'CONTRACT_AMOUNT'
        ? contractTierPrice(line.listPrice, contract.contractTiers, volume.amount.plus(listTotal))
        : itemTierPrice(line.listPrice, item.tiers, (volume.items.get(line.itemId) ?? 0) + ordered.get(line.itemId)!);
    return price.unitPrice.equals(line.unitPrice);
  });
}

function add(volume: Volume, order: StoredOrder): Volume {
  const items = new Map(volume.items);
  let amount = volume.amount;
  for (const line of order.lines) {
    items.set(line.itemId, (items.get(line.itemId) ?? 0) + line.quantity);
    amount = amount.plus(exact(line.listPrice).times(line.quantity));
  }
  return { items, amount };
}

/** Some order of `group` in which every order is priced rightly, from `volume` on; null if none. */
function fitting(contract: CatalogueContract, group: StoredOrder[], volume: Volume, budget: { steps: number }) {
  const walk = (rest: StoredOrder[], at: Volume): Volume | null => {
    if (rest.length === 0) return at;
    for (let i = 0; i < rest.length; i++) {
      if (--budget.steps < 0) return null;
      if (!pricedRightly(contract, rest[i]!, at)) continue;
      const found = walk([...rest.slice(0, i), ...rest.slice(i + 1)], add(at, rest[i]!));
      if (found) return found;
    }
    return null;
  };
  return walk(group, volume);
}

async function verifyPrices(sql: Sql, contracts: CatalogueContract[]) {
  const hasSequence =
    (
      await sql.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'order' AND column_name = 'lock_sequence'`,
      )
    ).length > 0;
  const report = { orders: 0, lines: 0, ties: 0, largestTie: 1, skipped: [] as string[], failures: [] as string[] };
  for (const contract of contracts) {
    const rows = await sql.query<{
      id: string;
      ms: string;
      sequence: string | null;
      status: string;
      item_id: string;
      quantity: number;
      unit_price: string;
      list_price: string;
    }>(
      `SELECT o.id, floor(extract(epoch FROM o.submitted_at) * 1000)::bigint::text AS ms,
              ${hasSequence ? 'o.lock_sequence::text' : 'NULL'} AS sequence, o.status,
              l.item_id, l.quantity, l.unit_price::text AS unit_price, l.list_price::text AS list_price
         FROM "order" o JOIN order_line l ON l.order_id = o.id JOIN contract c ON c.id = o.contract_id
        WHERE o.contract_id = $1 AND o.order_date BETWEEN c.valid_from AND c.valid_until
        ORDER BY o.id, l.position`,
      [contract.id],
    );
    const orders = new Map<string, StoredOrder>();
    for (const row of rows) {
      const order = orders.get(row.id) ?? {
        id: row.id,
        ms: Number(row.ms),
        sequence: row.sequence === null ? null : Number(row.sequence),
        status: row.status,
        lines: [],
      };
      order.lines.push({
        itemId: row.item_id,
        quantity: Number(row.quantity),
        unitPrice: row.unit_price,
        listPrice: row.list_price,
      });
      orders.set(row.id, order);
    }
    const all = [...orders.values()];
    // A rejected or cancelled order gave its volume back at a moment no column records: the
    // orders after it cannot be replayed from the stored data alone.
    if (all.some((o) => o.status === 'REJECTED' || o.status === 'CANCELLED')) {
      report.skipped.push(`${contract.title} (has rejected or cancelled orders)`);
      continue;
    }
    all.sort((a, b) => (hasSequence ? a.sequence! - b.sequence! : a.ms - b.ms));
    // Groups whose order among themselves is unknown: one order each with the sequence, or the
    // orders of one millisecond.
    const groups: StoredOrder[][] = [];
    for (const order of all) {
      const last = groups.at(-1);
      if (!hasSequence && last && last[0]!.ms === order.ms) last.push(order);
      else groups.push([order]);
    }
    let volume: Volume = { items: new Map(), amount: exact(0) };
    for (const group of groups) {
      if (group.length > 1) report.ties++;
      report.largestTie = Math.max(report.largestTie, group.length);
      const budget = { steps: 200_000 };
      const after = fitting(contract, group, volume, budget);
      if (!after) {
        report.failures.push(
          `${contract.title}: ${budget.steps < 0 ? 'could not decide' : 'no order fits'} for ${group.length} order(s) at ${new Date(group[0]!.ms).toISOString()} (${group.map((o) => o.id).join(', ')})`,
        );
        // Carry on from the volume the group adds up to, whatever its order.
        volume = group.reduce(add, volume);
      } else volume = after;
      report.orders += group.length;
      report.lines += group.reduce((n, o) => n + o.lines.length, 0);
    }
  }
  return { hasSequence, ...report };
}

// --- 3. The spend report over many lines ----------------------------------------------------------

async function spendReport(sql: Sql, lines: number) {
  const members = Array.from({ length: MEMBERS }, (_, i) => demoId('member', i + 1));
  const items = await sql.query<{ id: string; contract_id: string; list_price: string; vat_rate: string }>(
    `SELECT id, contract_id, list_price::text AS list_price, vat_rate::text AS vat_rate FROM item ORDER BY id`,
  );
  const prices = items.map((i) => i.list_price);
  const vats = items.map((i) => i.vat_rate);
  const LINES_PER_ORDER = 4;
  const orders = Math.ceil(lines / LINES_PER_ORDER);
  const BATCH = 25_000; // orders a statement
  const started = performance.now();
  for (let from = 0; from < orders; from += BATCH) {
    const to = Math.min(orders, from + BATCH) - 1;
    // Order g: member g mod 60, item g mod n (and its contract), four lines of 1–10 units; a day
    // of the current year; one in twenty cancelled (which the report leaves out).
    await sql.query(
      `INSERT INTO "order" (id, member_id, contract_id, idempotency_key, status, order_date, total, vat_total,
                            list_total, submitted_by, submitted_at)
       SELECT '${SYNTHETIC}' || g, ($1::text[])[1 + g % 60], ($2::text[])[1 + g % k.n],
              '${SYNTHETIC}' || g, (CASE WHEN g % 20 = 0 THEN 'CANCELLED' ELSE 'APPROVED' END)::"OrderStatus",
              x.d, x.p * x.q, round(x.p * x.q * x.v / 100, 2), x.p * x.q, 'bench', x.d::timestamptz
         FROM generate_series($5::int, $6::int) g,
              LATERAL (SELECT cardinality($2::text[]) AS n) k,
              LATERAL (SELECT ($3::numeric[])[1 + g % k.n] AS p, ($4::numeric[])[1 + g % k.n] AS v,
                              (SELECT sum(1 + (g * 7 + s) % 10) FROM generate_series(0, ${LINES_PER_ORDER - 1}) s) AS q,
                              date_trunc('year', current_date)::date + (g % 365) AS d) x`,
      [members, items.map((i) => i.contract_id), prices, vats, from, to],
    );
    await sql.query(
      `INSERT INTO order_line (id, order_id, member_id, item_id, position, quantity, unit_price, list_price, vat_rate, amount)
       SELECT '${SYNTHETIC}' || g || '-' || s, '${SYNTHETIC}' || g, ($1::text[])[1 + g % 60], ($2::text[])[1 + g % k.n],
              s, 1 + (g * 7 + s) % 10, x.p, x.p, x.v, x.p * (1 + (g * 7 + s) % 10)
         FROM generate_series($5::int, $6::int) g CROSS JOIN generate_series(0, ${LINES_PER_ORDER - 1}) s,
              LATERAL (SELECT cardinality($2::text[]) AS n) k,
              LATERAL (SELECT ($3::numeric[])[1 + g % k.n] AS p, ($4::numeric[])[1 + g % k.n] AS v) x`,
      [members, items.map((i) => i.id), prices, vats, from, to],
    );
  }
  const insertMs = performance.now() - started;
  const analyzeStarted = performance.now();
  await sql.query(`ANALYZE "order"`);
  await sql.query(`ANALYZE order_line`);
  const analyzeMs = performance.now() - analyzeStarted;
  const year = new Date().getUTCFullYear();
  const query = `
    SELECT l.member_id, c.category, count(*) AS lines, sum(l.amount)::text AS spend,
           sum((l.list_price - l.unit_price) * l.quantity)::text AS savings
      FROM order_line l
      JOIN "order" o ON o.id = l.order_id
      JOIN item i ON i.id = l.item_id
      JOIN contract c ON c.id = i.contract_id
     WHERE o.status NOT IN ('REJECTED', 'CANCELLED') AND o.order_date BETWEEN $1::date AND $2::date
     GROUP BY l.member_id, c.category
     ORDER BY l.member_id, c.category`;
  const runs: number[] = [];
  let groups = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const rows = await sql.query(query, [`${year}-01-01`, `${year}-12-31`]);
    runs.push(performance.now() - t);
    groups = rows.length;
  }
  const [count] = await sql.query<{ total: string }>(`SELECT count(*)::text AS total FROM order_line`);
  return { orders, insertMs, analyzeMs, runs, groups, totalLines: Number(count!.total) };
}

// --- The run --------------------------------------------------------------------------------------

async function main() {
  const onPostgres = (service: string) => !!process.env[`${envPrefix(service)}_DATABASE_URL`];
  const platform = await startPlatform({
    location: (name) => (onPostgres(name) ? undefined : { kind: 'pglite', dataDir: null }),
    port: () => 0,
    seed: true,
  });
  const outcome = { failed: false };
  try {
    const database = platform.subgraphs['procurement']!.database;
    const sql: Sql = database.sql;
    const where = onPostgres('procurement') ? 'PostgreSQL' : 'PGlite (in memory)';
    // A rerun on PostgreSQL: the last run's synthetic rows go first (they carry no sector volume).
    await sql.query(`DELETE FROM "order" WHERE id LIKE '${SYNTHETIC}%'`);
    // The bench's members order without an approver and without a budget; their settings come back afterwards.
    const members = Array.from({ length: MEMBERS }, (_, i) => demoId('member', i + 1));
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
      `${where}: ${ORDERS.toLocaleString('en')} orders by ${MEMBERS} members, ${IN_FLIGHT} in flight, against ${contracts.length} contracts ` +
        `(${contracts.reduce((n, c) => n + c.items.length, 0)} items; ${contracts.filter((c) => c.tierBasis === 'CONTRACT_AMOUNT').length} priced by contract amount)`,
    );
    const run = Date.now().toString(36);
    const placed = await placeOrders(platform.gateway.url, plan(contracts, run));
    const ok = [...placed.statuses.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  placed ${ok.toLocaleString('en')} orders in ${seconds(placed.elapsed)}: ${((ok / placed.elapsed) * 1000).toFixed(1)} orders/s; ` +
        `latency p50 ${ms(percentile(placed.latencies, 50))}, p95 ${ms(percentile(placed.latencies, 95))}, ` +
        `p99 ${ms(percentile(placed.latencies, 99))}, max ${ms(placed.latencies.at(-1) ?? NaN)}; ` +
        `statuses ${JSON.stringify(Object.fromEntries(placed.statuses))}`,
    );
    for (const [error, count] of placed.failures) console.log(`  refused ${count}×: ${error}`);

    const volumes = await verifyVolumes(sql);
    console.log(
      `  sector volume = sum of the lines not rejected or cancelled: ${volumes.mismatches.length === 0 ? 'yes' : 'NO'} ` +
        `(${volumes.checked} contract/item volumes checked)`,
    );
    for (const m of volumes.mismatches.slice(0, 10)) console.log(`    ${m}`);
    const prices = await verifyPrices(sql, contracts);
    console.log(
      `  every line priced at the tier reached by the volume before it plus its order: ${prices.failures.length === 0 ? 'yes' : 'NO'} ` +
        `(${prices.orders.toLocaleString('en')} orders, ${prices.lines.toLocaleString('en')} lines replayed in ` +
        `${prices.hasSequence ? 'lock_sequence order' : 'submitted_at order'}` +
        `${prices.hasSequence ? '' : `; ${prices.ties} groups of orders in the same millisecond, the largest ${prices.largestTie}, replayed in the order that fits`})`,
    );
    for (const s of prices.skipped) console.log(`    not replayed: ${s}`);
    for (const f of prices.failures.slice(0, 10)) console.log(`    ${f}`);
    outcome.failed = volumes.mismatches.length > 0 || prices.failures.length > 0;

    const spend = await spendReport(sql, SYNTHETIC_LINES);
    console.log(
      `  spend report: ${spend.totalLines.toLocaleString('en')} order lines in the table (${(spend.orders * 4).toLocaleString('en')} synthetic in ${spend.orders.toLocaleString('en')} orders, ` +
        `inserted in ${seconds(spend.insertMs)}, ANALYZE ${seconds(spend.analyzeMs)}); spend per member and category ` +
        `(${spend.groups} groups): ${spend.runs.map(ms).join(', ')} (first, then warm)`,
    );
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
