// The spend report over many order lines: `lines` synthetic lines inserted with SQL
// (generate_series), then (1) the grouped spend per member and category timed in the database,
// and (2) the platform's own report, `procurementSpend` through the gateway as the association's
// procurement team, timed against its peer: the same SQL the subgraph runs (services/insight.ts),
// sent straight to the database, whose result it must equal.
import { signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { benchMembers, type Sql } from './common';

export const SYNTHETIC = 'bench-synthetic-';
const RUNS = 3;

/** Inserts `lines` order lines, four an order, of the bench's members this year; then ANALYZE. */
export async function insertSyntheticLines(sql: Sql, lines: number) {
  const members = benchMembers();
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
  const [total] = await sql.query<{ total: string }>(`SELECT count(*)::text AS total FROM order_line`);
  return { orders, insertMs, analyzeMs, totalLines: Number(total!.total) };
}

async function timed<T>(fn: () => Promise<T>) {
  const runs: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    result = await fn();
    runs.push(performance.now() - t);
  }
  return { runs, result: result! };
}

/** Spend per member and category this year, in the database (first run, then warm). */
export async function spendPerMemberAndCategory(sql: Sql) {
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
  const { runs, result } = await timed(() => sql.query(query, [`${year}-01-01`, `${year}-12-31`]));
  return { runs, groups: result.length };
}

interface SpendRow {
  key: string;
  orders: number;
  lines: number;
  spend: string;
  listSpend: string;
}

/** The SQL of `procurementSpend` (subgraphs/procurement/src/services/insight.ts) for the whole sector. */
const SPEND_SQL = {
  MEMBER: 'o.member_id',
  CATEGORY: 'c.category',
} as const;
const spendSql = (key: string) => `
    SELECT ${key} AS key, COUNT(DISTINCT o.id)::int AS orders, COUNT(l.id)::int AS lines,
           SUM(l.amount)::numeric(16, 2)::text AS spend, SUM(l.quantity * l.list_price)::numeric(16, 2)::text AS "listSpend"
      FROM "order" o
      JOIN order_line l ON l.order_id = o.id
      JOIN contract c ON c.id = o.contract_id
     WHERE o.status NOT IN ('REJECTED', 'CANCELLED') AND o.order_date BETWEEN $1::date AND $2::date
     GROUP BY ${key}
     ORDER BY SUM(l.amount) DESC, key ASC`;

/** `procurementSpend` per member and per category through the gateway, and the same SQL in the database. */
export async function spendThroughTheGateway(sql: Sql, gatewayUrl: string) {
  const year = new Date().getUTCFullYear();
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const token = await signDevelopmentToken({ sub: 'bench-association', roles: ['association-procurement'] });
  const report = [];
  for (const groupBy of ['MEMBER', 'CATEGORY'] as const) {
    // A failure here (PGlite: the connection was reset after ~20 s) is a figure, not the end of the run.
    const viaGateway = await timed(async () => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query($from: Date!, $to: Date!, $groupBy: SpendGrouping!) {
            procurementSpend(from: $from, to: $to, groupBy: $groupBy) { key orders lines spend listSpend } }`,
          variables: { from, to, groupBy },
        }),
      });
      const body = (await response.json()) as { data?: { procurementSpend: SpendRow[] }; errors?: unknown[] };
      if (!body.data) throw new Error(`procurementSpend(${groupBy}): ${JSON.stringify(body.errors)}`);
      return body.data.procurementSpend;
    }).catch((error: Error) => ({
      runs: [] as number[],
      result: [] as SpendRow[],
      error: `${error.message}: ${String(error.cause)}`,
    }));
    const inDatabase = await timed(() => sql.query<SpendRow>(spendSql(SPEND_SQL[groupBy]), [from, to]));
    const same =
      JSON.stringify(viaGateway.result.map((r) => [r.key, r.orders, r.lines, r.spend, r.listSpend])) ===
      JSON.stringify(inDatabase.result.map((r) => [r.key, r.orders, r.lines, r.spend, r.listSpend]));
    const error = 'error' in viaGateway ? viaGateway.error : undefined;
    report.push({
      groupBy,
      groups: inDatabase.result.length,
      gateway: viaGateway.runs,
      sql: inDatabase.runs,
      same,
      error,
    });
  }
  return report;
}
