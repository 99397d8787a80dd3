// The platform's errors as typed errors (docs/design.md, "Errors"). Programs match on the class
// or on `code`; `message` is a sentence for a person; `field` names the argument that was
// wrong (`input.lines[0].quantity`) where the platform says which.

/** The codes the platform answers with, and the SDK's own for a request that got no answer. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  /** A service behind the gateway did not answer; `service` names it. The rest of the answer is in `data`. */
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_REQUESTS'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  /** No answer, or one that is not the platform's JSON (connection refused, a proxy's 502). */
  | 'NETWORK_ERROR';

/** One error as the platform sends it (`errors[]` of a GraphQL answer). */
export interface GraphQLErrorPayload {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface ErrorDetails {
  /** Where in the answer it happened (`['submitOrder']`). */
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  /** The HTTP status of the answer. */
  status?: number;
  /** The answer's other errors, when it carried several. */
  others?: readonly SamenSterkError[];
  /** What the answer's `data` held next to the errors (fields that did resolve), if anything. */
  data?: unknown;
  /** The idempotency key of the `submitOrder` that failed: send it again with this key. */
  idempotencyKey?: string;
  cause?: unknown;
}

export class SamenSterkError extends Error {
  readonly code: ErrorCode | (string & {});
  /** The argument that was wrong, as a path (`input.email`); set for BAD_USER_INPUT and some refusals. */
  readonly field: string | undefined;
  readonly path: readonly (string | number)[] | undefined;
  /** Everything the platform put in `extensions` (`code`, `field`, `id`, `cost`, …). */
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly status: number | undefined;
  /** Every error of the answer, this one first. */
  readonly errors: readonly SamenSterkError[];
  readonly data: unknown;
  readonly idempotencyKey: string | undefined;

  constructor(code: string, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.extensions = details.extensions ?? { code };
    this.field = typeof this.extensions.field === 'string' ? this.extensions.field : undefined;
    this.path = details.path;
    this.status = details.status;
    this.errors = [this, ...(details.others ?? [])];
    this.data = details.data;
    this.idempotencyKey = details.idempotencyKey;
  }
}

export class UnauthenticatedError extends SamenSterkError {}
export class ForbiddenError extends SamenSterkError {}
/** An argument is wrong; `field` names it (`input.lines[0].quantity`). */
export class BadUserInputError extends SamenSterkError {}
export class NotFoundError extends SamenSterkError {}
export class ConflictError extends SamenSterkError {}
export class InternalServerError extends SamenSterkError {}
/**
 * A service behind the gateway (`service`: `members`, `hr-payroll`, …) is down or slow; what the
 * other services answered is in `data`. Queries are asked again; after a write that timed out,
 * check whether it was made before sending it again.
 */
export class ServiceUnavailableError extends SamenSterkError {
  get service(): string | undefined {
    return typeof this.extensions.service === 'string' ? this.extensions.service : undefined;
  }
}
/** The request costs more than the platform allows: ask for smaller pages or fewer fields. */
export class QueryTooCostlyError extends SamenSterkError {}
/** Too many requests of this caller in flight: send the next when one has been answered. */
export class TooManyRequestsError extends SamenSterkError {}
/** The platform could not read the request (bad JSON, unknown field, …): a bug in the caller. */
export class InvalidRequestError extends SamenSterkError {}
/**
 * No answer from the platform, or one that is not its JSON. For a mutation it is unknown whether
 * it was applied: `submitOrder` can be sent again with the same idempotency key.
 */
export class NetworkError extends SamenSterkError {}

const CLASSES: Record<string, ErrorClass> = {
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  BAD_USER_INPUT: BadUserInputError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
  INTERNAL_SERVER_ERROR: InternalServerError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
  QUERY_TOO_COSTLY: QueryTooCostlyError,
  TOO_MANY_REQUESTS: TooManyRequestsError,
  BAD_REQUEST: InvalidRequestError,
  PAYLOAD_TOO_LARGE: InvalidRequestError,
  UNSUPPORTED_MEDIA_TYPE: InvalidRequestError,
  METHOD_NOT_ALLOWED: InvalidRequestError,
  GRAPHQL_PARSE_FAILED: InvalidRequestError,
  GRAPHQL_VALIDATION_FAILED: InvalidRequestError,
  NETWORK_ERROR: NetworkError,
};

type ErrorClass = new (code: string, message: string, details?: ErrorDetails) => SamenSterkError;

const classOf = (code: string): ErrorClass => CLASSES[code] ?? SamenSterkError;

const codeOf = (payload: GraphQLErrorPayload) =>
  typeof payload.extensions?.code === 'string' ? payload.extensions.code : 'INTERNAL_SERVER_ERROR';

/** The typed error for one error of an answer (an unknown code gives the base class). */
export function errorFromPayload(payload: GraphQLErrorPayload, details: ErrorDetails = {}): SamenSterkError {
  const code = codeOf(payload);
  const Class = classOf(code);
  return new Class(code, payload.message, {
    ...details,
    path: payload.path,
    extensions: { ...payload.extensions, code },
  });
}

/** The typed error for an answer's `errors`: the first one, with all of them in `errors`. */
export function errorFromPayloads(
  payloads: readonly GraphQLErrorPayload[],
  details: Omit<ErrorDetails, 'others'> = {},
): SamenSterkError {
  const [first, ...rest] = payloads;
  const others = rest.map((payload) => errorFromPayload(payload, { status: details.status }));
  return errorFromPayload(first ?? { message: 'The platform answered with an empty error list.' }, {
    ...details,
    others,
  });
}

/** The same error with the idempotency key of the order that was being submitted. */
export function withIdempotencyKey(error: SamenSterkError, idempotencyKey: string): SamenSterkError {
  const Class = error.constructor as ErrorClass;
  return new Class(error.code, error.message, {
    path: error.path,
    extensions: error.extensions,
    status: error.status,
    others: error.errors.slice(1),
    data: error.data,
    idempotencyKey,
    cause: error.cause,
  });
}
