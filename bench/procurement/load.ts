// Placing the orders: the same planned orders through the gateway and, as the peer, straight to
// the procurement subgraph with the headers the gateway forwards (the caller's token and the
// gateway's secret, gateway/src/gateway.ts `willSendRequest`), in alternating rounds.
import { GATEWAY_SECRET_HEADER, gatewaySecretFromEnv, signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { IN_FLIGHT, MEMBERS, random, type CatalogueContract } from './common';

export interface PlannedOrder {
  memberId: string;
  contractId: string;
  idempotencyKey: string;
  lines: { itemId: string; quantity: number }[];
}

/** `orders` orders of 1–3 lines of 1–10 units, member i mod 60, from a fixed seed. */
export function plan(contracts: CatalogueContract[], orders: number): PlannedOrder[] {
  const next = random(20261201);
  const orderable = contracts.filter((c) => c.items.length > 0);
  return Array.from({ length: orders }, (_, i) => {
    const contract = orderable[Math.floor(next() * orderable.length)]!;
    const count = Math.min(contract.items.length, 1 + Math.floor(next() * 3));
    const items = [...contract.items].sort(() => next() - 0.5).slice(0, count);
    return {
      memberId: demoId('member', 1 + (i % MEMBERS)),
      contractId: contract.id,
      idempotencyKey: `bench-${i}`,
      lines: items.map((item) => ({ itemId: item.id, quantity: 1 + Math.floor(next() * 10) })),
    };
  });
}

/** Where the orders go: the gateway, or the subgraph itself as the gateway would call it. */
export interface Route {
  name: 'gateway' | 'direct';
  url: string;
  headers: Record<string, string>;
}

export function routes(gatewayUrl: string, procurementUrl: string): Route[] {
  return [
    { name: 'gateway', url: gatewayUrl, headers: {} },
    { name: 'direct', url: procurementUrl, headers: { [GATEWAY_SECRET_HEADER]: gatewaySecretFromEnv() } },
  ];
}

export interface Placed {
  elapsed: number;
  /** CPU time of this process (user + system, µs) while this route's orders were placed. */
  cpu: number;
  latencies: number[];
  failures: Map<string, number>;
  statuses: Map<string, number>;
}

export const emptyPlaced = (): Placed => ({
  elapsed: 0,
  cpu: 0,
  latencies: [],
  failures: new Map(),
  statuses: new Map(),
});
export const placedCount = (placed: Placed) => [...placed.statuses.values()].reduce((a, b) => a + b, 0);

const SUBMIT = 'mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id status } }';

const tokens = new Map<string, Promise<string>>();
/** One caller (sub) per route, worker and member: the gateway runs at most four requests of a caller at once. */
function tokenFor(route: Route, worker: number, memberId: string) {
  const sub = `bench-buyer-${route.name}-${worker}-${memberId.slice(-4)}`;
  if (!tokens.has(sub)) tokens.set(sub, signDevelopmentToken({ sub, roles: ['member-purchaser'], memberId }));
  return tokens.get(sub)!;
}

/** Sends one order; the latency, and its status or the error it met. */
export async function submit(route: Route, order: PlannedOrder, worker = 0) {
  const token = await tokenFor(route, worker, order.memberId);
  const started = performance.now();
  const response = await fetch(route.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...route.headers },
    body: JSON.stringify({ query: SUBMIT, variables: { input: order } }),
  });
  const body = (await response.json()) as {
    data?: { submitOrder?: { status: string } };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const latency = performance.now() - started;
  if (body.errors?.length) {
    const error = `${body.errors[0]!.extensions?.code ?? response.status}: ${body.errors[0]!.message.slice(0, 120)}`;
    return { latency, error };
  }
  return { latency, status: body.data!.submitOrder!.status };
}

/** Sends `orders` by `route`, IN_FLIGHT at a time, and adds the figures to `into`. */
export async function placeOrders(route: Route, orders: PlannedOrder[], into: Placed) {
  let nextOrder = 0;
  const worker = async (w: number) => {
    for (let i = nextOrder++; i < orders.length; i = nextOrder++) {
      const outcome = await submit(route, orders[i]!, w);
      into.latencies.push(outcome.latency);
      if (outcome.error) into.failures.set(outcome.error, (into.failures.get(outcome.error) ?? 0) + 1);
      else into.statuses.set(outcome.status!, (into.statuses.get(outcome.status!) ?? 0) + 1);
    }
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, w) => worker(w)));
  const used = process.cpuUsage(cpu);
  into.elapsed += performance.now() - started;
  into.cpu += used.user + used.system;
}

/**
 * Every planned order once by each route, in `rounds` rounds that alternate which route goes
 * first (gateway, direct; direct, gateway; …), so that warm-up and the tables' growth fall on
 * both alike. Each route's copy of an order has its own idempotency key. With `share` below 1
 * the direct route sends only that part of each round's orders (the first ones).
 */
export async function compareRoutes(both: Route[], orders: PlannedOrder[], run: string, rounds: number, share = 1) {
  const placed = new Map(both.map((route) => [route.name, emptyPlaced()]));
  const size = Math.ceil(orders.length / rounds);
  for (let r = 0; r < rounds; r++) {
    const slice = orders.slice(r * size, (r + 1) * size);
    if (slice.length === 0) break;
    for (const route of r % 2 === 0 ? both : [...both].reverse()) {
      const sent = route.name === 'direct' ? slice.slice(0, Math.ceil(slice.length * share)) : slice;
      const keyed = sent.map((o) => ({ ...o, idempotencyKey: `${o.idempotencyKey}-${run}-${route.name}` }));
      await placeOrders(route, keyed, placed.get(route.name)!);
    }
  }
  for (const p of placed.values()) p.latencies.sort((a, b) => a - b);
  return placed;
}
