import { startGateway } from '@samen-sterk/gateway';
import { SUPERGRAPH_PATH } from '@samen-sterk/schema';
import { captureLogs, type CapturedLogs, type RunningServer, type ServiceName } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { platformAdmin } from './testkit/actors';
import { errorCodes, graphql, type GraphQLResponse } from './testkit/graphql';
import { M1 } from './testkit/ids';
import { usePlatform } from './testkit/use-platform';

// Every way a request can fail before GraphQL, and every caller's mistake GraphQL refuses, is
// answered as JSON with a code and a sentence (no stack, no body echoed), at the gateway and at
// each subgraph; our own faults are INTERNAL_SERVER_ERROR, and the log says what happened without
// the request's body, variables or personal data.

const BSN = '171239003';
const IBAN = 'NL91ABNA0417164300';
const EMAIL = 'jan.jansen@example.nl';
const NAME = 'Jansen';
const PERSONAL = [BSN, IBAN, EMAIL, NAME];

let admin: string;
/** What the services printed on the console, and wrote to their log (warnings and errors). */
const printed: string[] = [];
let captured: CapturedLogs;
const logs = () => [...printed, ...captured.lines];
const logged = () => logs().join('\n');

// The console and the log are caught before the platform starts (hooks run in the order they
// are declared), and let go after it has stopped.
beforeAll(() => {
  captured = captureLogs('warn');
  for (const method of ['error', 'warn', 'log', 'info'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map((arg) => (arg instanceof Error ? `${arg.stack}` : String(arg))).join(' '));
    });
  }
});
const tp = usePlatform();
beforeAll(async () => {
  admin = await platformAdmin();
});
afterAll(() => {
  jest.restoreAllMocks();
  captured.stop();
});

const ENDPOINTS = ['gateway', 'members', 'cao', 'hr-payroll'] as const;
const urlOf = (name: (typeof ENDPOINTS)[number]) => (name === 'gateway' ? tp.url : tp.subgraphUrl(name));
const baseOf = (url: string) => url.replace(/\/graphql$/, '');

interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Headers;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
    headers: response.headers,
  };
}

const post = (url: string, body: string | Buffer, contentType = 'application/json') =>
  send(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

/** A JSON answer of one error with this status and code, a sentence, no stack, nothing personal. */
function expectJsonError(answer: Answer, status: number, code: string) {
  expect({ status: answer.status, type: answer.type }).toEqual({
    status,
    type: expect.stringMatching(/^application\/json/),
  });
  const body = JSON.parse(answer.text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]!.extensions.code).toBe(code);
  expect(body.errors[0]!.message).toMatch(/^\S.{15,}\.$/s);
  expect(body.errors[0]!.extensions).not.toHaveProperty('stacktrace');
  expect(body.errors[0]!.extensions).not.toHaveProperty('http');
  expect(answer.text).not.toMatch(/node_modules|\/work\/|\n\s+at |SyntaxError|<html/i);
  for (const value of PERSONAL) expect(answer.text).not.toContain(value);
}

/** Runs `fn` and returns what was logged meanwhile. */
async function logsDuring(fn: () => Promise<void>): Promise<string> {
  const from = { printed: printed.length, captured: captured.lines.length };
  await fn();
  return [...printed.slice(from.printed), ...captured.lines.slice(from.captured)].join('\n');
}

const WITH_PERSONAL_DATA = JSON.stringify({
  query: 'query Find($bsn: String) { __typename }',
  variables: { bsn: BSN, iban: IBAN, email: EMAIL, lastName: NAME },
});

describe.each(ENDPOINTS)('%s: a request that fails before GraphQL is answered in JSON', (name) => {
  test('a malformed JSON body: 400 BAD_REQUEST; the body is neither echoed nor logged', async () => {
    const log = await logsDuring(async () => {
      expectJsonError(await post(urlOf(name), `${WITH_PERSONAL_DATA},`), 400, 'BAD_REQUEST');
      expectJsonError(await post(urlOf(name), `{"query":"x","variables":{"bsn":"${BSN}"}},`), 400, 'BAD_REQUEST');
    });
    expect(log).toBe('');
  });

  test('a body over the size limit: 413 PAYLOAD_TOO_LARGE, nothing logged', async () => {
    const huge = JSON.stringify({ query: '{ __typename }', variables: { bsn: BSN, padding: 'x'.repeat(3_000_000) } });
    const log = await logsDuring(async () => {
      expectJsonError(await post(urlOf(name), huge), 413, 'PAYLOAD_TOO_LARGE');
    });
    expect(log).toBe('');
  });

  test('a body that is not JSON (text, a form, no content type): 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    expectJsonError(await post(urlOf(name), WITH_PERSONAL_DATA, 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectJsonError(
      await post(urlOf(name), `bsn=${BSN}`, 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectJsonError(
      await send(urlOf(name), { method: 'POST', body: Buffer.from(WITH_PERSONAL_DATA) }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  test('an empty body, JSON that is no request object, or a GET with bad parameters: 400 BAD_REQUEST', async () => {
    expectJsonError(
      await send(urlOf(name), { method: 'POST', headers: { 'content-type': 'application/json' } }),
      400,
      'BAD_REQUEST',
    );
    for (const body of ['', '{}', '[]', `["${BSN}"]`, '5', 'null', `"${BSN}"`, `{"variables":{"bsn":"${BSN}"}}`]) {
      expectJsonError(await post(urlOf(name), body), 400, 'BAD_REQUEST');
    }
    const preflight = { 'apollo-require-preflight': 'yes' };
    expectJsonError(await send(`${urlOf(name)}?query=%7B&variables=nope`, { headers: preflight }), 400, 'BAD_REQUEST');
    expectJsonError(await send(`${urlOf(name)}?variables=%7B%7D`, { headers: preflight }), 400, 'BAD_REQUEST');
  });

  test('an unknown path: 404 NOT_FOUND; a method a path does not answer: 405 METHOD_NOT_ALLOWED with Allow', async () => {
    const base = baseOf(urlOf(name));
    expectJsonError(await send(`${base}/nope`), 404, 'NOT_FOUND');
    expectJsonError(await post(`${base}/`, WITH_PERSONAL_DATA), 404, 'NOT_FOUND');
    for (const method of ['DELETE', 'PUT', 'PATCH']) {
      const answer = await send(urlOf(name), { method, headers: { 'content-type': 'application/json' }, body: '{}' });
      expectJsonError(answer, 405, 'METHOD_NOT_ALLOWED');
      expect(answer.headers.get('allow')).toBe('GET, POST');
    }
    const probe = await post(`${base}/healthz`, '{}');
    expectJsonError(probe, 405, 'METHOD_NOT_ALLOWED');
    expect(probe.headers.get('allow')).toMatch(/GET/);
  });

  test('a document over the token limit: 400, not 500', async () => {
    const res = await graphql(urlOf(name), `{ ${'__typename '.repeat(3100)} }`, { token: admin });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors?.[0]?.message).toMatch(/[Tt]oken limit/);
  });
});

describe.each(['members', 'cao', 'hr-payroll'] as const)('%s asked around the gateway', (name) => {
  test('_service and _entities without the gateway secret: 403 FORBIDDEN in JSON, not 500', async () => {
    const service = await graphql(tp.subgraphUrl(name), '{ _service { sdl } }', { token: admin });
    expect(service.status).toBe(403);
    expect(errorCodes(service)).toEqual(['FORBIDDEN']);
    expect(service.errors?.[0]?.extensions).not.toHaveProperty('http');
    const entities = await graphql(
      tp.subgraphUrl(name),
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      { token: admin, variables: { r: [] } },
    );
    expect(entities.status).toBe(403);
    expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
  });
});

test('a refused token carries no HTTP internals in its extensions', async () => {
  const res = await tp.query('{ __typename }', { token: 'not-a-jwt' });
  expect(res.status).toBe(401);
  expect(res.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
});

// A second gateway, started in development mode (where Express used to answer with an HTML stack
// trace and log the body), in front of the real members subgraph, an hr-payroll that is down and
// a stand-in CAO subgraph that fails as told.
describe('a gateway in development mode, with subgraphs that fail', () => {
  let gateway: RunningServer;
  let fakeCao: http.Server;
  let caoAnswers: 'internal error' | 'bad gateway' = 'internal error';

  beforeAll(async () => {
    fakeCao = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (caoAnswers === 'bad gateway') {
          res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            data: null,
            errors: [
              {
                message: 'Something went wrong on our side; it has been logged. Please try again later.',
                path: ['wage'],
                extensions: { code: 'INTERNAL_SERVER_ERROR' },
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => fakeCao.listen(0, '127.0.0.1', resolve));
    // A port nobody listens on: opened, then closed.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      gateway = await startGateway({
        supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
        port: 0,
        subgraphUrls: {
          members: tp.subgraphUrl('members' as ServiceName),
          cao: `http://127.0.0.1:${(fakeCao.address() as AddressInfo).port}/graphql`,
          'hr-payroll': `http://127.0.0.1:${deadPort}/graphql`,
        },
      });
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
  afterAll(async () => {
    await gateway?.stop();
    await new Promise<void>((resolve) => fakeCao?.close(() => resolve()));
  });

  test('a malformed body is answered in JSON without a stack trace, and not logged', async () => {
    const log = await logsDuring(async () => {
      expectJsonError(await post(gateway.url, `${WITH_PERSONAL_DATA},`), 400, 'BAD_REQUEST');
      expectJsonError(await post(gateway.url, Buffer.alloc(1_100_000, 'x')), 413, 'PAYLOAD_TOO_LARGE');
    });
    expect(log).toBe('');
    const invalid = await graphql(gateway.url, '{ nope }', { token: admin });
    expect(invalid.status).toBe(400);
    expect(invalid.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  /** A request to this gateway as the platform admin: its answer, and what was logged meanwhile. */
  const askLogged = async (query: string, variables?: Record<string, unknown>) => {
    let res!: GraphQLResponse;
    const log = await logsDuring(async () => {
      res = await graphql(gateway.url, query, { token: admin, variables });
    });
    return { res, log };
  };

  const HIRE = `mutation HireJan($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`;
  const hire = {
    memberId: M1,
    firstName: 'Jan',
    lastName: NAME,
    birthDate: '1990-05-01',
    bsn: BSN,
    iban: IBAN,
    email: EMAIL,
    address: { street: 'Ambachtsweg', houseNumber: '3', postcode: '3511 AB', city: 'Utrecht' },
    employment: {
      startDate: '2026-03-01',
      contractType: 'PERMANENT',
      functionTitle: 'Winkelmedewerker',
      caoScale: 5,
      caoStep: 3,
      hoursPerWeek: '24',
    },
  };

  test('a subgraph that is down: SERVICE_UNAVAILABLE naming it in a sentence; the log names subgraph, operation and cause, not the variables', async () => {
    const { res, log } = await askLogged(HIRE, { input: hire });
    expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.errors?.[0]?.extensions?.service).toBe('hr-payroll');
    expect(res.errors?.[0]?.message).toMatch(/hr-payroll service could not answer/);
    expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|FetchError/);
    expect(log).toMatch(/"subgraph":"hr-payroll"/);
    expect(log).toMatch(/"operation":"HireJan"/);
    expect(log).toMatch(/"fields":"hireEmployee"/);
    expect(log).toMatch(/ECONNREFUSED/);
    expect(log).not.toMatch(/\[object Object\]/);
    for (const value of PERSONAL) expect(log).not.toContain(value);
  });

  test('a subgraph that reports an internal error: logged as which subgraph, operation and path, not [object Object]', async () => {
    caoAnswers = 'internal error';
    const { res, log } = await askLogged(
      `query WageFor($on: Date!) { wage(scale: 5, step: 3, on: $on, hoursPerWeek: "24") { monthly } }`,
      { on: '2026-03-01' },
    );
    expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(res.errors?.[0]?.message).toMatch(/on our side/);
    expect(log).toMatch(/"subgraph":"cao"/);
    expect(log).toMatch(/"operation":"WageFor"/);
    expect(log).toMatch(/"errorPaths":"wage"/);
    expect(log).not.toMatch(/\[object Object\]/);
  });

  test('a subgraph that answers with an HTTP error page: the caller gets a sentence, the log the status', async () => {
    caoAnswers = 'bad gateway';
    const { res, log } = await askLogged(`{ caoVersions(first: 1) { totalCount } }`);
    expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.errors?.[0]?.message).toMatch(/cao service could not answer/);
    expect(JSON.stringify(res)).not.toMatch(/<html|502/);
    expect(log).toMatch(/"subgraph":"cao","operation":"\(anonymous\)".*"cause":"HTTP 502 Bad Gateway"/);
    expect(log).not.toMatch(/\[object Object\]|<html/);
  });
});

test('nothing personal reached the log in this whole file', () => {
  expect(captured.lines.length).toBeGreaterThan(0); // the failing subgraphs above were logged
  for (const value of PERSONAL) expect(logged()).not.toContain(value);
});
