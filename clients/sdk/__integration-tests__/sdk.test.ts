import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  academyAdmin,
  COMPLETE,
  COURSE,
  scheduleSession,
} from '../../../gateway/__integration-tests__/testkit/academy';
import { hrOf, payrollFor, tokenOf } from '../../../gateway/__integration-tests__/testkit/actors';
import { badTokens } from '../../../gateway/__integration-tests__/testkit/auth';
import { expectOk } from '../../../gateway/__integration-tests__/testkit/expect';
import { employeesOf, M1, UNKNOWN_ID } from '../../../gateway/__integration-tests__/testkit/ids';
import { approveAndPay, calculateRun } from '../../../gateway/__integration-tests__/testkit/payroll';
import { COTTON_BAG, BAGS, ROLL, LABELS } from '../../../gateway/__integration-tests__/testkit/procurement-orders';
import { usePlatform } from '../../../gateway/__integration-tests__/testkit/use-platform';
import { useTokens } from '../../../gateway/__integration-tests__/testkit/use-tokens';
import { main as erpOrder } from '../examples/erp-order';
import { main as hrSync } from '../examples/hr-sync';
import { main as learningSystem } from '../examples/learning-system';
import {
  BadUserInputError,
  createClient,
  EnrolDocument,
  ForbiddenError,
  MeDocument,
  MembersDirectoryDocument,
  NetworkError,
  NotFoundError,
  OrderDocument,
  OrdersDocument,
  PayslipPdfDocument,
  SamenSterkError,
  UnauthenticatedError,
  type ClientOptions,
  type TokenSource,
} from '../src';

// The SDK against the real platform (every subgraph and the gateway, in this process, on free
// ports): typed errors of real refusals, a token refreshed after UNAUTHENTICATED, pagination
// over a real connection, retries of queries (never of mutations) through a proxy that answers
// 503, the idempotency key of submitOrder, and the three examples.
const tp = usePlatform();
const tokens = useTokens({
  buyer: () => tokenOf('member-purchaser', M1, 'sdk-buyer'),
  hr: () => hrOf(M1, 'sdk-hr'),
  payroll: () => payrollFor(M1, { sub: 'sdk-payroll' }),
  academy: () => academyAdmin('sdk-academy'),
  expired: badTokens.expired,
});

/** Requests the client sent, by operation name. */
function countingFetch() {
  const sent: string[] = [];
  const counted: typeof fetch = async (input, init) => {
    sent.push((JSON.parse(String(init?.body)) as { operationName: string }).operationName);
    return fetch(input, init);
  };
  return { sent, fetch: counted };
}

const sdk = (token: TokenSource | undefined, options: Partial<ClientOptions> = {}) =>
  createClient({ url: tp.url, token, retry: { baseDelayMs: 5 }, ...options });

/** The error a promise is rejected with (and a failure when it is not rejected). */
async function refusal(promise: Promise<unknown>): Promise<SamenSterkError> {
  const outcome = await promise.then(
    () => new Error('expected the platform to refuse this'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof SamenSterkError)) throw outcome;
  return outcome;
}

/**
 * A proxy in front of the gateway, as a load balancer would be: `answer503` next requests get a
 * 503 without reaching the gateway; `loseAnswers` next requests reach it, but their answer is
 * replaced by a 503 (the answer got lost on its way back).
 */
async function startProxy(target: string) {
  const state = { answer503: 0, loseAnswers: 0, received: [] as string[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.received.push((JSON.parse(body) as { operationName: string }).operationName);
      if (state.answer503 > 0) {
        state.answer503--;
        res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        return;
      }
      const headers = Object.fromEntries(
        ['authorization', 'content-type'].flatMap((name) =>
          req.headers[name] ? [[name, String(req.headers[name])]] : [],
        ),
      );
      const answer = await fetch(target, { method: 'POST', headers, body });
      const text = await answer.text();
      if (state.loseAnswers > 0) {
        state.loseAnswers--;
        res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
let proxy: Awaited<ReturnType<typeof startProxy>>;
beforeAll(async () => {
  proxy = await startProxy(tp.url);
});
afterAll(() => proxy?.close());
beforeEach(() => Object.assign(proxy.state, { answer503: 0, loseAnswers: 0, received: [] }));

/** Member 1's orders with this idempotency key. */
async function ordersWithKey(key: string) {
  const orders = await sdk(tokens.buyer).all(OrdersDocument, { memberId: M1 }, (data) => data.orders);
  return orders.filter((order) => order.idempotencyKey === key);
}

/** How many orders member 1 has. */
const orderCount = async () =>
  (await sdk(tokens.buyer).request(OrdersDocument, { memberId: M1, first: 1 })).orders.totalCount;

describe('typed errors', () => {
  test('a refused order line is a BadUserInputError naming the field, with the key of the submission', async () => {
    const before = await orderCount();
    const error = await refusal(
      sdk(tokens.buyer).submitOrder({ memberId: M1, contractId: LABELS, lines: [{ itemId: ROLL, quantity: 0 }] }),
    );
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('input.lines.0.quantity');
    expect(error.path).toEqual(['submitOrder']);
    expect(error.message).toMatch(/\w+ \w+/);
    expect(error.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await orderCount()).toBe(before);
  });

  test("another member's or an unknown order is a NotFoundError; HR placing an order a ForbiddenError", async () => {
    const notFound = await refusal(sdk(tokens.buyer).request(OrderDocument, { id: UNKNOWN_ID }));
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.code).toBe('NOT_FOUND');
    const forbidden = await refusal(
      sdk(tokens.hr).submitOrder({ memberId: M1, contractId: LABELS, lines: [{ itemId: ROLL, quantity: 1 }] }),
    );
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.code).toBe('FORBIDDEN');
  });

  test('without a token a payslip is an UnauthenticatedError', async () => {
    const error = await refusal(sdk(undefined).request(PayslipPdfDocument, { id: UNKNOWN_ID }));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});

describe('tokens', () => {
  test('an expired token from the callback is refreshed once, and the request then succeeds', async () => {
    const asked: boolean[] = [];
    const client = sdk(({ refresh }) => {
      asked.push(refresh);
      return refresh ? tokens.buyer : tokens.expired;
    });
    const { me } = await client.request(MeDocument);
    expect(me.userId).toBe('sdk-buyer');
    expect(asked).toEqual([false, true]);
    // The new token is kept for the next requests.
    await client.request(MeDocument);
    expect(asked).toEqual([false, true]);
  });

  test('requests refused at once with the same token share one refresh', async () => {
    const asked: boolean[] = [];
    const client = sdk(({ refresh }) => {
      asked.push(refresh);
      return refresh ? tokens.buyer : tokens.expired;
    });
    const answers = await Promise.all([1, 2, 3].map(() => client.request(MeDocument)));
    expect(answers.map((answer) => answer.me.userId)).toEqual(['sdk-buyer', 'sdk-buyer', 'sdk-buyer']);
    expect(asked).toEqual([false, true]);
  });

  test('a static expired token, or a callback that only has expired ones, ends in UnauthenticatedError', async () => {
    const fixed = await refusal(sdk(tokens.expired).request(MeDocument));
    expect(fixed).toBeInstanceOf(UnauthenticatedError);
    expect(fixed.status).toBe(401);
    let asked = 0;
    const stale = await refusal(sdk(() => (asked++, tokens.expired)).request(MeDocument));
    expect(stale).toBeInstanceOf(UnauthenticatedError);
    expect(asked).toBe(2);
  });
});

describe('pagination', () => {
  test('walks every page of the members directory', async () => {
    const counting = countingFetch();
    const client = sdk(tokens.buyer, { fetch: counting.fetch });
    const { members } = await client.request(MembersDirectoryDocument, { first: 1 });
    const all = await client.all(MembersDirectoryDocument, { first: 10 }, (data) => data.members);
    expect(members.totalCount).toBe(62);
    expect(all).toHaveLength(62);
    expect(new Set(all.map((member) => member.id)).size).toBe(62);
    expect(counting.sent.filter((name) => name === 'MembersDirectory')).toHaveLength(1 + 7);
  });

  test('is bounded: a walk longer than maxPages stops with an error', async () => {
    const walk = sdk(tokens.buyer).all(MembersDirectoryDocument, { first: 10 }, (data) => data.members, {
      maxPages: 3,
    });
    await expect(walk).rejects.toThrow('Stopped after 3 pages of MembersDirectory (maxPages)');
  });
});

describe('retries', () => {
  test('a query answered 503 is sent again and succeeds', async () => {
    proxy.state.answer503 = 1;
    const { members } = await sdk(tokens.buyer, { url: proxy.url }).request(MembersDirectoryDocument, { first: 5 });
    expect(members.edges).toHaveLength(5);
    expect(proxy.state.received).toEqual(['MembersDirectory', 'MembersDirectory']);
  });

  test('a query is sent at most `attempts` times, then the 503 is thrown', async () => {
    proxy.state.answer503 = 10;
    const error = await refusal(
      sdk(tokens.buyer, { url: proxy.url, retry: { attempts: 3, baseDelayMs: 5 } }).request(MeDocument),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.status).toBe(503);
    expect(proxy.state.received).toEqual(['Me', 'Me', 'Me']);
  });

  test('a mutation answered 503 is not sent again; nothing was ordered', async () => {
    const before = await orderCount();
    proxy.state.answer503 = 1;
    const error = await refusal(
      sdk(tokens.buyer, { url: proxy.url }).submitOrder({
        memberId: M1,
        contractId: BAGS,
        lines: [{ itemId: COTTON_BAG, quantity: 1 }],
      }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.status).toBe(503);
    expect(proxy.state.received).toEqual(['SubmitOrder']);
    expect(error.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await orderCount()).toBe(before);
  });
});

describe('submitOrder', () => {
  test('an order whose answer got lost, sent again with its key, is ordered once', async () => {
    proxy.state.loseAnswers = 1;
    const order = { memberId: M1, contractId: BAGS, lines: [{ itemId: COTTON_BAG, quantity: 1 }] };
    const lost = await refusal(sdk(tokens.buyer, { url: proxy.url }).submitOrder(order));
    expect(lost).toBeInstanceOf(NetworkError);
    expect(proxy.state.received).toEqual(['SubmitOrder']);
    const key = lost.idempotencyKey!;
    expect(await ordersWithKey(key)).toHaveLength(1); // it did reach the platform

    const again = await sdk(tokens.buyer).submitOrder({ ...order, idempotencyKey: key });
    const third = await sdk(tokens.buyer).submitOrder({ ...order, idempotencyKey: key });
    expect(third.id).toBe(again.id);
    expect(again.idempotencyKey).toBe(key);
    expect(again.lines).toHaveLength(1);
    const stored = await ordersWithKey(key);
    expect(stored.map((o) => o.id)).toEqual([again.id]);
  });

  test('each submitOrder without a key gets a new one: two calls are two orders', async () => {
    const order = { memberId: M1, contractId: LABELS, lines: [{ itemId: ROLL, quantity: 3 }] };
    const [a, b] = [await sdk(tokens.buyer).submitOrder(order), await sdk(tokens.buyer).submitOrder(order)];
    expect(a!.id).not.toBe(b!.id);
    expect(a!.idempotencyKey).not.toBe(b!.idempotencyKey);
  });
});

describe('the examples', () => {
  test('the ERP places an order, sends it again with its key, and follows it', async () => {
    const said: string[] = [];
    const result = await erpOrder(sdk(tokens.buyer), (line) => said.push(line));
    expect(result.resentOrderId).toBe(result.orderId);
    expect(result.status).toBe('APPROVED'); // two units are below the member's approval threshold
    expect(said[0]).toBe('Signed in for Kringloop De Ommekeer (member-purchaser).');
    expect(said.join('\n')).toContain(`Placed order ${result.orderId}`);
    expect(said.join('\n')).toContain(`still order ${result.orderId}, not a second order`);
    expect(await ordersWithKey(result.idempotencyKey)).toHaveLength(1);
  });

  test("the HR tool syncs the member's employees and downloads the latest run's payslips as PDFs", async () => {
    const run = await calculateRun(tp, tokens.payroll, M1, 2026, 1);
    await approveAndPay(tp, run.id, tokens.hr, tokens.payroll);
    expect(run.slips.length).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-payslips-'));
    try {
      const said: string[] = [];
      const result = await hrSync(sdk(tokens.hr), (line) => said.push(line), dir);
      expect(result.employees).toBe(12);
      expect(result.run?.id).toBe(run.id);
      expect(result.run?.status).toBe('PAID');
      expect(result.files).toHaveLength(run.slips.length);
      for (const file of result.files) {
        expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      expect(said).toContain(`Downloaded ${run.slips.length} payslip PDFs of 2026-01 to ${path.resolve(dir)}.`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the learning system reads the member's enrolments and verifies its certificates", async () => {
    const employeeId = employeesOf(1)[3]!;
    const session = await scheduleSession(tp, tokens.academy, COURSE['BHV-101'], 8, { startsInMs: 4000 });
    const { enrol } = await sdk(tokens.hr).request(EnrolDocument, { sessionId: session, employeeId });
    expect(enrol.status).toBe('ENROLLED');
    await new Promise((resolve) => setTimeout(resolve, 4500)); // a result is recorded from the start on
    expectOk(await tp.query(COMPLETE, { token: tokens.academy, variables: { id: enrol.id, result: 'Goed' } }));

    const said: string[] = [];
    const result = await learningSystem(sdk(tokens.hr), (line) => said.push(line));
    expect(result.courses).toBe(12);
    expect(result.enrolments.map((e) => [e.id, e.status])).toContainEqual([enrol.id, 'COMPLETED']);
    expect(result.certificates.length).toBeGreaterThan(0);
    for (const certificate of result.certificates) {
      expect(certificate.employeeId).toBe(employeeId);
      expect(certificate.verifiedStatus).toBe('VALID');
    }
    const first = result.certificates[0]!;
    expect(said.find((line) => line.startsWith(`Certificate ${first.code}: "${first.title}"`))).toMatch(
      /checked without a token: VALID\.$/,
    );
  });
});
