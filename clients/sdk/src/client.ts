import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type DocumentNode, type OperationTypeNode } from 'graphql';
import {
  errorFromPayloads,
  NetworkError,
  SamenSterkError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
  withIdempotencyKey,
  type GraphQLErrorPayload,
} from './errors';
import {
  PayslipPdfDocument,
  SubmitOrderDocument,
  type SubmitOrderInput,
  type SubmitOrderMutation,
} from './generated/graphql';

/**
 * Where the bearer token comes from: a fixed token, or a function the client calls for the first
 * request and again (with `refresh: true`) when the platform answers `UNAUTHENTICATED`, for
 * example because the token expired.
 */
export type TokenSource = string | ((context: { refresh: boolean }) => string | Promise<string>);

export interface RetryOptions {
  /** How many times a query is sent at most, the first time included (default 3; 1: never again). */
  attempts?: number;
  /** The wait before the first repetition; it doubles each time, with jitter (default 300 ms). */
  baseDelayMs?: number;
  /** The longest wait between two attempts, also when the platform asks for more (default 5 s). */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** Without one, only what needs no token works (`verifyCertificate`). */
  token?: TokenSource;
  /** Retries of queries; mutations are sent once. */
  retry?: RetryOptions;
  /** How long one attempt may take (default 30 s). */
  timeoutMs?: number;
  /** Another `fetch` (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
  /** Sent with every request, e.g. `{ 'user-agent': 'our-erp/1.0' }`. */
  headers?: Record<string, string>;
}

/** A Relay connection as the platform's lists answer. */
export interface Connection<Node> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ReadonlyArray<{ node: Node }>;
}

export interface PaginateOptions {
  /** Nodes per page when the variables name no `first` (default 50). */
  pageSize?: number;
  /** A walk stops with an error after this many pages (default 1,000), never loops forever. */
  maxPages?: number;
}

/** A payslip PDF, decoded. */
export interface PayslipFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** `submitOrder`'s input; `idempotencyKey` is made up (a UUID) when not given. */
export type SubmitOrderArgs = Omit<SubmitOrderInput, 'idempotencyKey'> & { idempotencyKey?: string };

export type SubmittedOrder = SubmitOrderMutation['submitOrder'];

/** Variables are optional when the operation needs none. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

interface Answer {
  status: number;
  retryAfterMs: number | undefined;
  body: { data?: unknown; errors?: GraphQLErrorPayload[] } | undefined;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);
const printed = new WeakMap<DocumentNode, { text: string; kind: OperationTypeNode; name: string }>();

function operationOf(document: DocumentNode) {
  let known = printed.get(document);
  if (!known) {
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) throw new Error('A document for the SDK holds exactly one operation.');
    const operation = operations[0]!;
    known = { text: print(document), kind: operation.operation, name: operation.name?.value ?? 'anonymous' };
    printed.set(document, known);
  }
  return known;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in seconds (the platform's form), as milliseconds. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Base64 to bytes, without Node's Buffer (runs in browsers too). */
function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A new idempotency key for `submitOrder`: keep it with the order in your system to resend safely. */
export const newIdempotencyKey = (): string => globalThis.crypto.randomUUID();

/**
 * The Samen Sterk API for a member's system. `request` sends one of the SDK's operations (or
 * your own typed document) and answers its typed data, or throws a `SamenSterkError`.
 */
export class SamenSterkClient {
  /** The gateway this client talks to. */
  readonly url: string;
  private readonly tokenSource: TokenSource | undefined;
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly headers: Record<string, string>;
  private token: Promise<string> | undefined;
  private lastToken: string | undefined;
  private refreshing: { failed: string | undefined; token: Promise<string> } | undefined;

  constructor(options: ClientOptions) {
    if (!/^https?:\/\//.test(options.url)) throw new Error(`The gateway URL must start with http:// or https://.`);
    const attempts = options.retry?.attempts ?? 3;
    if (!Number.isInteger(attempts) || attempts < 1) throw new Error('retry.attempts is a whole number, 1 or more.');
    this.url = options.url;
    this.tokenSource = options.token;
    this.attempts = attempts;
    this.baseDelayMs = options.retry?.baseDelayMs ?? 300;
    this.maxDelayMs = options.retry?.maxDelayMs ?? 5000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.headers = options.headers ?? {};
  }

  /** Sends one operation and answers its data; any error of the answer is thrown, typed by its code. */
  async request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    ...[variables]: VariablesArg<Variables>
  ): Promise<Result> {
    const operation = operationOf(document);
    let token = await this.currentToken();
    let refreshed = false;
    for (;;) {
      try {
        return (await this.send(operation, variables, token)) as Result;
      } catch (error) {
        // A refused token: once per request, ask the token source for a new one. A mutation is
        // sent again only when nothing of it ran (no data came back).
        const canRefresh = typeof this.tokenSource === 'function' && !refreshed;
        const partlyRan = operation.kind === 'mutation' && error instanceof SamenSterkError && error.data != null;
        if (!(error instanceof UnauthenticatedError) || !canRefresh || partlyRan) throw error;
        refreshed = true;
        token = await this.refreshToken(token);
      }
    }
  }

  /**
   * Every node of a Relay connection, page by page (`first`/`after`, following
   * `pageInfo.endCursor`): `for await (const member of client.paginate(MembersDirectoryDocument, {},
   * (data) => data.members)) …`. `select` finds the connection in the answer.
   */
  async *paginate<Result, Variables extends { first?: number | null; after?: string | null }, Node>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Omit<Variables, 'after'>,
    select: (data: Result) => Connection<Node> | null | undefined,
    options: PaginateOptions = {},
  ): AsyncGenerator<Node, void, undefined> {
    const maxPages = options.maxPages ?? 1000;
    const first = variables.first ?? options.pageSize ?? 50;
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 1; ; page++) {
      if (page > maxPages) {
        throw new Error(`Stopped after ${maxPages} pages of ${operationOf(document).name} (maxPages).`);
      }
      const vars = { ...variables, first, after } as unknown as Variables;
      const data: Result = await this.request(document, ...([vars] as VariablesArg<Variables>));
      const connection = select(data);
      if (!connection) return;
      for (const edge of connection.edges) yield edge.node;
      const next = connection.pageInfo.endCursor ?? null;
      if (!connection.pageInfo.hasNextPage || next === null || connection.edges.length === 0) return;
      if (seen.has(next)) throw new Error(`${operationOf(document).name} answered the cursor ${next} twice.`);
      seen.add(next);
      after = next;
    }
  }

  /** `paginate` into an array. */
  async all<Result, Variables extends { first?: number | null; after?: string | null }, Node>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Omit<Variables, 'after'>,
    select: (data: Result) => Connection<Node> | null | undefined,
    options?: PaginateOptions,
  ): Promise<Node[]> {
    const nodes: Node[] = [];
    for await (const node of this.paginate(document, variables, select, options)) nodes.push(node);
    return nodes;
  }

  /**
   * Places an order. Without an `idempotencyKey` the SDK makes one (a UUID); sending the same
   * order again with the key the answer (or the error) carries returns the first order, so an
   * order whose answer got lost is not placed twice.
   */
  async submitOrder(input: SubmitOrderArgs): Promise<SubmittedOrder> {
    const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey();
    try {
      const data = await this.request(SubmitOrderDocument, { input: { ...input, idempotencyKey } });
      return data.submitOrder;
    } catch (error) {
      throw error instanceof SamenSterkError ? withIdempotencyKey(error, idempotencyKey) : error;
    }
  }

  /** A payslip as a PDF (the member's HR, its payroll service, or the employee once paid). */
  async payslipPdf(id: string): Promise<PayslipFile> {
    const { payslipPdf } = await this.request(PayslipPdfDocument, { id });
    if (!payslipPdf) throw new SamenSterkError('NOT_FOUND', `Payslip ${id} has no PDF.`);
    return {
      fileName: payslipPdf.fileName,
      contentType: payslipPdf.contentType,
      bytes: decodeBase64(payslipPdf.base64),
    };
  }

  private currentToken(): Promise<string | undefined> | string | undefined {
    const source = this.tokenSource;
    if (typeof source !== 'function') return source;
    if (!this.token) this.token = this.fetchToken(source, false);
    return this.token;
  }

  /** A new token after `failed` was refused; requests refused with the same token share one refresh. */
  private refreshToken(failed: string | undefined): Promise<string> | string {
    const source = this.tokenSource as Exclude<TokenSource, string>;
    if (this.lastToken !== undefined && this.lastToken !== failed) return this.lastToken;
    if (this.refreshing && this.refreshing.failed === failed) return this.refreshing.token;
    const token = this.fetchToken(source, true);
    this.refreshing = { failed, token };
    this.token = token;
    return token;
  }

  private fetchToken(source: Exclude<TokenSource, string>, refresh: boolean): Promise<string> {
    const token = Promise.resolve()
      .then(() => source({ refresh }))
      .then((value) => {
        if (typeof value !== 'string' || value === '') throw new Error('The token source gave no token.');
        this.lastToken = value;
        return value;
      });
    // A failed token source is asked again by the next request.
    token.catch(() => {
      if (this.token === token) this.token = undefined;
    });
    return token;
  }

  /** One operation, with retries for queries. */
  private async send(
    operation: { text: string; kind: OperationTypeNode; name: string },
    variables: Record<string, unknown> | undefined,
    token: string | undefined,
  ): Promise<unknown> {
    const attempts = operation.kind === 'query' ? this.attempts : 1;
    for (let attempt = 1; ; attempt++) {
      let answer: Answer;
      try {
        answer = await this.post(operation, variables, token);
        return this.dataOf(answer);
      } catch (error) {
        const retryable =
          error instanceof NetworkError ||
          error instanceof TooManyRequestsError ||
          error instanceof ServiceUnavailableError ||
          (error instanceof SamenSterkError && error.status !== undefined && RETRYABLE_STATUS.has(error.status));
        if (!retryable || attempt >= attempts) throw error;
        const backoff = this.baseDelayMs * 2 ** (attempt - 1);
        const asked = (error as SamenSterkError).extensions.retryAfterMs;
        const wait = Math.min(
          this.maxDelayMs,
          typeof asked === 'number' ? Math.max(asked, backoff) : backoff / 2 + (Math.random() * backoff) / 2,
        );
        await sleep(wait);
      }
    }
  }

  private async post(
    operation: { text: string; name: string },
    variables: Record<string, unknown> | undefined,
    token: string | undefined,
  ): Promise<Answer> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers: {
          ...this.headers,
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: operation.text, operationName: operation.name, variables: variables ?? {} }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw new NetworkError('NETWORK_ERROR', `No answer from ${this.url} (${operation.name}): ${describe(cause)}`, {
        cause,
      });
    }
    const retryAfter = retryAfterMs(response.headers.get('retry-after'));
    const text = await response.text().catch(() => '');
    let body: Answer['body'];
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      body = undefined;
    }
    if (!body || typeof body !== 'object' || (!('data' in body) && !Array.isArray(body.errors))) {
      throw new NetworkError(
        'NETWORK_ERROR',
        `${this.url} answered ${operation.name} with HTTP ${response.status} and no GraphQL answer.`,
        { status: response.status, extensions: { code: 'NETWORK_ERROR', retryAfterMs: retryAfter } },
      );
    }
    return { status: response.status, retryAfterMs: retryAfter, body };
  }

  private dataOf({ status, body, retryAfterMs: retryAfter }: Answer): unknown {
    if (body?.errors && body.errors.length > 0) {
      const error = errorFromPayloads(body.errors, { status, data: body.data ?? undefined });
      if (retryAfter === undefined) throw error;
      throw errorFromPayloads(
        body.errors.map((e, i) => (i === 0 ? { ...e, extensions: { ...e.extensions, retryAfterMs: retryAfter } } : e)),
        { status, data: body.data ?? undefined },
      );
    }
    return body?.data;
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}

/** A client for the gateway at `url`. */
export const createClient = (options: ClientOptions): SamenSterkClient => new SamenSterkClient(options);
