import { logEvent } from '../observability/logger';
import { maskPersonalData } from '../observability/mask';

/**
 * Error events for the platform's log (`observability/logger.ts`, pino, JSON lines).
 *
 * What may never reach it: request bodies, variables, and personal data (BSN, IBAN, names,
 * e-mail addresses). So nothing here takes a request; callers pass what happened, where, and
 * the cause, and causes are described by `describeError`, which leaves out the messages of
 * database errors (they quote the values of the query); the logger masks what looks like a BSN,
 * an IBAN or an e-mail address in whatever is left, and censors keys that hold personal data.
 */

/** Masks what looks like personal data in a text meant for the log. */
export const redact = maskPersonalData;

/** Errors of the database layer, whose messages quote the query's values. */
function isDatabaseError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    /^Prisma|DriverAdapterError|DatabaseError/.test(error.name) ||
    /^Prisma/.test(error.constructor?.name ?? '') ||
    (typeof code === 'string' && /^(P\d{4}|[0-9A-Z]{5})$/.test(code) && !/^E[A-Z]+$/.test(code))
  );
}

/**
 * What an error was, for the log, on one line: name, message (withheld for database errors),
 * `code`, and the chain of causes.
 */
export function describeError(error: unknown, depth = 0): string {
  if (!isErrorLike(error)) {
    if (error && typeof error === 'object') {
      const { message, extensions } = error as { message?: unknown; extensions?: { code?: unknown } };
      return `a non-error value (message: ${String(message ?? 'none')}, code: ${String(extensions?.code ?? 'none')})`;
    }
    return `a non-error value: ${String(error)}`;
  }
  const code = (error as { code?: unknown }).code;
  const message = isDatabaseError(error) ? '(message withheld: it may quote the data)' : error.message;
  let text = `${error.name}: ${message.replace(/\s*\n\s*/g, ' ')}`;
  if (typeof code === 'string' || typeof code === 'number') text += ` [code ${code}]`;
  if (error.cause !== undefined && depth < 3) text += `; caused by ${describeError(error.cause, depth + 1)}`;
  return text;
}

/**
 * An Error, also one made in another realm (Node's `fetch` rejects with a TypeError of its own
 * realm, which `instanceof Error` does not recognise under Jest's VM modules).
 */
const isErrorLike = (error: unknown): error is Error =>
  error instanceof Error ||
  (!!error &&
    typeof error === 'object' &&
    typeof (error as { name?: unknown }).name === 'string' &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { stack?: unknown }).stack === 'string');

/** Where an error was thrown: the first frames of its stack, on one line. */
export function whereThrown(error: unknown): string | undefined {
  if (!isErrorLike(error) || !error.stack) return undefined;
  const frames = error.stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .map((line) => line.trim().replace(/^at /, ''));
  return frames.length ? frames.join(' < ') : undefined;
}

/** Writes one error event: a JSON line with `msg` and the details as fields, personal data masked. */
export function logError(message: string, details: Record<string, string | number | null | undefined> = {}): void {
  logEvent('error', message, details);
}

/** Errors whose cause was logged where they were made, so that formatting them logs nothing more. */
export const loggedAlready = new WeakSet<object>();
