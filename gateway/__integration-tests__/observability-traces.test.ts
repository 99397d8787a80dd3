import { SERVICE_ATTRIBUTE, startTracing, stopTracing } from '@samen-sterk/subgraph-runtime';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { hrOf } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { M1 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';

// One request through the gateway that crosses into two subgraphs makes one trace: the gateway's
// spans, each subgraph's (its HTTP server span a child of the gateway's call), and the database's.

const exporter = new InMemorySpanExporter();
// Tracing starts before the platform (hooks run in the order declared) and stops after it.
beforeAll(() => {
  expect(startTracing({ serviceName: 'samen-sterk-test', spanProcessors: [new SimpleSpanProcessor(exporter)] })).toBe(
    true,
  );
});
const tp = usePlatform();
afterAll(() => stopTracing());

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

  // One tree: every span but the root has its parent in the trace.
  const roots = spans.filter((s) => !byId.has(parentOf(s) ?? ''));
  expect(roots).toHaveLength(1);
});
