/**
 * The one error type of the platform's pure rules (`domain/` folders). A rule that refuses its
 * input throws a DomainError naming why (`reason`, a stable word such as `INVALID_AMOUNT`), the
 * input at fault (`field`, a path such as `input.hours`, or null when no single input is) and a
 * sentence a person understands. It knows nothing of GraphQL: the error formatter of every
 * service maps it, once, to the platform's code (`kind`, BAD_USER_INPUT unless said otherwise)
 * with `extensions.field`.
 */
export type DomainErrorKind = 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly reason: string,
    readonly field: string | null,
    message: string,
    readonly kind: DomainErrorKind = 'BAD_USER_INPUT',
  ) {
    super(message);
  }
}

/**
 * Whether `error` is a DomainError. By brand as well as by class: under Jest's module registry
 * (and across worker threads) the same class can exist twice, and `instanceof` would miss one.
 */
export function isDomainError(error: unknown): error is DomainError {
  if (error instanceof DomainError) return true;
  const candidate = error as Partial<DomainError> | null;
  return (
    !!candidate &&
    candidate.name === 'DomainError' &&
    typeof candidate.reason === 'string' &&
    typeof candidate.message === 'string' &&
    typeof candidate.kind === 'string'
  );
}

/**
 * Runs `rule`, placing the `field` of a DomainError it throws under `prefix` (`hours` becomes
 * `input.hours`): a rule names its own inputs; the service knows where they sit in the request.
 */
export function withinField<T>(prefix: string, rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = error.field === null ? prefix : `${prefix}.${error.field}`;
    throw new DomainError(error.reason, field, error.message, error.kind);
  }
}
