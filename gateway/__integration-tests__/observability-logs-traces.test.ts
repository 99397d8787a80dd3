import {
  captureLogs,
  SERVICE_ATTRIBUTE,
  startTracing,
  stopTracing,
  type CapturedLogs,
} from '@samen-sterk/subgraph-runtime';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { hrOf } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { brokenBsn } from './testkit/employees';
import { M1 } from './testkit/ids';
import { bsnSequence, hireInputFor } from './testkit/people';
import { usePlatform } from './testkit/use-platform';

// Traces: one request through the gateway that crosses into two subgraphs makes one trace: the
// gateway's spans, each subgraph's (its HTTP server span a child of the gateway's call), and the
// database's. (Tracing is started once per Jest process here: instrumentations patch Node's HTTP
// module, which all test files of a process share.)
//
// Logs: everything every service writes while requests carrying a BSN, an IBAN, names and an e-mail
// address pass through: a hire, a refused hire, a hire that fails inside a subgraph. The log
// tells each event (service, request id, trace id, error code); none of those values reaches it.

const nextBsn = bsnSequence(29_800_000);
const FIRST_NAME = 'Wilhelmina';
const LAST_NAME = 'Oosterhuis-Verbeek';
const EMAIL = 'w.oosterhuis@voorbeeld.nl';
const IBAN = 'NL91ABNA0417164300';
const bsns: string[] = [];
const hire = (bsn: string) => {
  bsns.push(bsn);
  return hireInputFor(M1, bsn, { firstName: FIRST_NAME, lastName: LAST_NAME, email: EMAIL, iban: IBAN });
};

const exporter = new InMemorySpanExporter();
let logs: CapturedLogs;
const printed: string[] = [];
// Log, console and tracing are caught before the platform starts (hooks run in the order they
// are declared): every level, start-up included.
beforeAll(() => {
  logs = captureLogs('trace');
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    jest
      .spyOn(console, method)
      .mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
  startTracing({
    serviceName: 'samen-sterk-test',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
});
const tp = usePlatform();
afterAll(async () => {
  logs.stop();
  jest.restoreAllMocks();
  await stopTracing();
});

const HIRE = `mutation HireEmployee($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`;

/** A hire through the gateway as member 1's HR, with `requestId` as `x-request-id`. */
async function send(input: object, requestId?: string) {
  const response = await fetch(tp.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await hrOf(M1)}`,
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify({ query: HIRE, variables: { input } }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { body, requestId: response.headers.get('x-request-id'), codes: body.errors?.map((e) => e.extensions?.code) };
}

/** The log's entries of one request, once its services have answered. */
const entriesOf = (requestId: string) => logs.entries().filter((entry) => entry.requestId === requestId);
/**
 * The same once each service's line for the finished HTTP exchange is written: that comes when
 * the answer has left, which may be after the caller has it.
 */
async function settledEntriesOf(requestId: string, services = 1) {
  for (let waited = 0; waited < 3_000; waited += 20) {
    const answered = entriesOf(requestId).filter((e) => e.msg === 'request answered');
    if (answered.length >= services) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return entriesOf(requestId);
}
const servicesOf = (entries: Record<string, unknown>[]) => [...new Set(entries.map((e) => e.service))].sort();

test('a hire: each service logs it under the caller\u2019s request id and one trace id; the answer carries the id', async () => {
  const res = await send(hire(nextBsn()), 'hire-ok-1');
  expect(res.codes).toBeUndefined();
  expect(res.requestId).toBe('hire-ok-1');
  const entries = await settledEntriesOf('hire-ok-1', 3);
  // The gateway, hr-payroll, and the CAO, which hr-payroll asked for the wage.
  expect(servicesOf(entries)).toEqual(['cao', 'gateway', 'hr-payroll']);
  expect(entries.map((e) => typeof e.traceId)).not.toContain('undefined');
  expect(new Set(entries.map((e) => e.traceId)).size).toBe(1);
  expect(entries.filter((e) => e.msg === 'graphql request answered').map((e) => e.service)).toContain('hr-payroll');
});

test('a request id that is missing, or could be personal data, is replaced by a generated one', async () => {
  const bsn = nextBsn();
  bsns.push(bsn);
  for (const given of [undefined, bsn, 'a@b.nl']) {
    const res = await send({}, given);
    expect(res.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await settledEntriesOf(res.requestId!)).length).toBeGreaterThan(0);
  }
});

test('a refused hire (a BSN failing the 11-proof): logged as the caller\u2019s BAD_USER_INPUT, without the input', async () => {
  const res = await send(hire(brokenBsn(nextBsn())), 'hire-refused-1');
  expect(res.codes).toEqual(['BAD_USER_INPUT']);
  const refusals = (await settledEntriesOf('hire-refused-1', 2)).filter(
    (e) => e.msg === 'graphql request answered with errors',
  );
  expect(servicesOf(refusals)).toEqual(['gateway', 'hr-payroll']);
  for (const entry of refusals) {
    expect(entry).toMatchObject({
      level: 'info',
      codes: 'BAD_USER_INPUT',
      operation: expect.stringMatching(/^HireEmployee/),
    });
  }
});

const STAFF = `query MemberStaff($id: ID!) {
  member(id: $id) { name employees(first: 3) { totalCount edges { node { id } } } }
}`;

const serviceOf = (span: ReadableSpan) => span.attributes[SERVICE_ATTRIBUTE];
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** The spans of the trace whose gateway GraphQL span is named `graphql.query <operation>`, once it has ended. */
async function traceOf(operation: string): Promise<ReadableSpan[]> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const spans = exporter.getFinishedSpans();
    const graphqlSpan = spans.find((s) => s.name === `graphql.query ${operation}` && serviceOf(s) === 'gateway');
    const inTrace = graphqlSpan
      ? spans.filter((s) => s.spanContext().traceId === graphqlSpan.spanContext().traceId)
      : [];
    // The gateway's HTTP server span ends last, after the answer is written.
    if (inTrace.some((s) => s.kind === SpanKind.SERVER && serviceOf(s) === 'gateway')) return inTrace;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No finished trace for ${operation}`);
}

test('a request across members and hr-payroll is one trace: gateway, both subgraphs and their databases', async () => {
  exporter.reset();
  const data = expectOk(
    await tp.query<{ member: { name: string; employees: { totalCount: number } } }>(STAFF, {
      token: await hrOf(M1),
      variables: { id: M1 },
    }),
  );
  expect(data.member.employees.totalCount).toBeGreaterThan(0);

  const spans = await traceOf('MemberStaff');
  expect(spans.length).toBeGreaterThan(0);
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));

  // Every service took part, each with its HTTP server span and its GraphQL span.
  for (const service of ['gateway', 'members', 'hr-payroll']) {
    const own = spans.filter((s) => serviceOf(s) === service);
    expect({ service, server: own.some((s) => s.kind === SpanKind.SERVER) }).toEqual({ service, server: true });
    expect({ service, graphql: own.some((s) => s.name.startsWith('graphql.query')) }).toEqual({
      service,
      graphql: true,
    });
  }
  // Each subgraph's server span is a child of a call the gateway made (W3C trace context).
  const subgraphServers = spans.filter((s) => s.kind === SpanKind.SERVER && serviceOf(s) !== 'gateway');
  expect(subgraphServers.length).toBeGreaterThanOrEqual(2);
  for (const server of subgraphServers) {
    const caller = byId.get(parentOf(server)!);
    expect({ kind: caller?.kind, service: caller && serviceOf(caller) }).toEqual({
      kind: SpanKind.CLIENT,
      service: 'gateway',
    });
  }
  // Prisma's spans, with the SQL statements, in both subgraphs.
  const database = spans.filter((s) => s.name.startsWith('prisma:'));
  expect(new Set(database.map(serviceOf))).toEqual(new Set(['members', 'hr-payroll']));
  expect(database.some((s) => s.name === 'prisma:client:db_query' || s.name === 'prisma:engine:db_query')).toBe(true);

  // The work of a request hangs under its GraphQL span: each Prisma span under its subgraph's,
  // each call to a subgraph under the gateway's.
  const graphqlAbove = (span: ReadableSpan) => {
    for (let up = byId.get(parentOf(span) ?? ''); up; up = byId.get(parentOf(up) ?? '')) {
      if (up.name.startsWith('graphql.')) return up;
    }
    return undefined;
  };
  for (const span of [...database, ...subgraphServers]) {
    const above = graphqlAbove(span);
    const expected = span.kind === SpanKind.SERVER ? 'gateway' : serviceOf(span);
    expect({ span: span.name, under: above && serviceOf(above) }).toEqual({ span: span.name, under: expected });
  }

  // One tree: every span but the root has its parent in the trace.
  const roots = spans.filter((s) => !byId.has(parentOf(s) ?? ''));
  expect(roots).toHaveLength(1);
});

test('a public answer sent from memory is still traced under its operation name', async () => {
  const token = await hrOf(M1);
  const directory = `query TracedDirectory { members(first: 2) { edges { node { id name } } } }`;
  expectOk(await tp.query(directory, { token }));
  exporter.reset();
  expectOk(await tp.query(directory, { token }));
  const spans = await traceOf('TracedDirectory');
  const graphql = spans.filter((s) => s.name === 'graphql.query TracedDirectory' && serviceOf(s) === 'gateway');
  expect(graphql).toHaveLength(1);
  expect(graphql[0]!.attributes).toMatchObject({
    'graphql.operation.name': 'TracedDirectory',
    'graphql.answered_from': 'public-reads',
  });
  // Answered by the gateway alone: it called no subgraph, and no subgraph took part.
  expect(spans.filter((s) => s.kind === SpanKind.CLIENT && serviceOf(s) === 'gateway').map((s) => s.name)).toEqual([]);
  expect(spans.filter((s) => serviceOf(s) !== undefined && serviceOf(s) !== 'gateway').map((s) => s.name)).toEqual([]);
});

test('a hire failing inside hr-payroll (the CAO service is down): an error with its cause, request and trace id', async () => {
  await tp.platform.subgraphs.cao!.server.stop(); // the last test of the file: the CAO stays down
  const res = await send(hire(nextBsn()), 'hire-failed-1');
  // The CAO is behind hr-payroll: the hire is refused as a service that cannot be reached now.
  expect(res.codes).toEqual(['SERVICE_UNAVAILABLE']);
  const entries = await settledEntriesOf('hire-failed-1', 2);
  const errors = entries.filter((e) => e.level === 'error');
  // hr-payroll's, with the cause: the fault is there, not in the gateway, which passes it on.
  expect(errors).toEqual([
    expect.objectContaining({
      service: 'hr-payroll',
      msg: 'CAO service did not answer',
      calledService: 'cao',
      cause: expect.stringMatching(/ECONNREFUSED/),
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    }),
  ]);
  const answered = entries.filter((e) => e.msg === 'graphql request answered with errors');
  expect(answered.map((e) => [e.service, e.codes]).sort()).toEqual([
    ['gateway', 'SERVICE_UNAVAILABLE'],
    ['hr-payroll', 'SERVICE_UNAVAILABLE'],
  ]);
  expect(answered[0]!.traceId).toBe(answered[1]!.traceId);
});

test('nothing personal reached the log or the console: no BSN, IBAN, name or e-mail address', () => {
  const everything = [...logs.lines, ...printed].join('\n');
  expect(logs.lines.length).toBeGreaterThan(0);
  expect(bsns.length).toBeGreaterThan(0);
  for (const value of [...bsns, IBAN, FIRST_NAME, LAST_NAME, EMAIL, 'voorbeeld.nl']) {
    expect({ value, found: everything.includes(value) }).toEqual({ value, found: false });
  }
  // Every line is JSON with the fields operators search by.
  for (const entry of logs.entries()) {
    expect(entry).toEqual(
      expect.objectContaining({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) }),
    );
  }
});
