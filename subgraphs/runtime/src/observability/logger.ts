import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Level, type LevelWithSilent, type Logger } from 'pino';
import { maskPersonalData } from './mask';
import { currentRequest } from './request-context';

/**
 * The platform's log: one JSON line per event on stdout (pino), with `service`, `requestId` and
 * `traceId` of the request being served. Never personal data: keys that may hold it are
 * censored by pino's redaction, and every string that is logged is masked besides
 * (`maskPersonalData`), since a cause's message may quote a value. Callers pass what happened,
 * where and why; never a request, its body or its variables.
 */

/** Keys whose values never reach the log, at the top and one level down. */
const PERSONAL_KEYS = [
  'variables',
  'body',
  'query',
  'authorization',
  'cookie',
  'token',
  'password',
  'bsn',
  'iban',
  'email',
  'name',
  'firstName',
  'lastName',
  'givenName',
  'familyName',
];
const REDACT_PATHS = [...PERSONAL_KEYS, ...PERSONAL_KEYS.map((key) => `*.${key}`)];

const maskValue = (value: unknown): unknown => (typeof value === 'string' ? maskPersonalData(value) : value);

/** Ids made or checked here (`request-context.ts`, OpenTelemetry): hex and digits, never masked. */
const ID_KEYS = new Set(['requestId', 'traceId', 'spanId']);

function maskObject(object: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(object)) {
    if (ID_KEYS.has(key)) continue;
    if (typeof value === 'string') object[key] = maskPersonalData(value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      object[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
    }
  }
  return object;
}

/** Jest runs quiet unless LOG_LEVEL says otherwise; a test that reads the log uses `captureLogs`. */
const defaultLevel = (): LevelWithSilent =>
  (process.env.LOG_LEVEL as LevelWithSilent | undefined) || (process.env.JEST_WORKER_ID ? 'silent' : 'info');

/**
 * Pretty lines only for a person at a terminal in development, and only where pino-pretty (a
 * development dependency) is installed; JSON everywhere else (LOG_FORMAT=json forces it).
 */
function defaultWrite(): (line: string) => void {
  const wantsPretty =
    process.stdout.isTTY && process.env.NODE_ENV !== 'production' && process.env.LOG_FORMAT !== 'json';
  if (wantsPretty) {
    try {
      const pretty = require('pino-pretty') as (options: object) => { write(line: string): void };
      const stream = pretty({ colorize: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l', sync: true });
      return (line) => stream.write(line);
    } catch {
      // Not installed (a production install): JSON it is.
    }
  }
  // Synchronous: the lines are few (errors, warnings, start-up), and none is lost at exit.
  const stdout = pino.destination({ dest: 1, sync: true });
  return (line) => void stdout.write(line);
}

let write = defaultWrite();

export const logger: Logger = pino(
  {
    level: defaultLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: maskObject },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        // The message and its interpolation values may quote a value too.
        const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
    // What every line carries: the service and request being served, and the active trace.
    mixin() {
      const request = currentRequest();
      const fields: Record<string, string> = {};
      if (request) {
        fields.service = request.service;
        fields.requestId = request.requestId;
        if (request.traceId) fields.traceId = request.traceId;
      }
      const span = trace.getActiveSpan()?.spanContext();
      if (span && isSpanContextValid(span)) {
        fields.traceId = span.traceId;
        fields.spanId = span.spanId;
      }
      return fields;
    },
  },
  { write: (line: string) => write(line) },
);

/** One event at `level`; `details` name what happened and where, never personal data. */
export function logEvent(
  level: Level,
  message: string,
  details: Record<string, string | number | boolean | null | undefined> = {},
): void {
  if (!logger.isLevelEnabled(level)) return;
  const fields = Object.fromEntries(
    Object.entries(details).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  logger[level](fields, message);
}

export interface CapturedLogs {
  /** Every line written since the capture began, as written. */
  readonly lines: string[];
  /** The lines as objects. */
  entries(): Record<string, unknown>[];
  stop(): void;
}

/**
 * Keeps the log's lines instead of writing them, at `level` (tests that read what the platform
 * logged). `stop` restores the output and the level.
 */
export function captureLogs(level: LevelWithSilent = 'trace'): CapturedLogs {
  const before = { write, level: logger.level };
  const lines: string[] = [];
  write = (line) => void lines.push(line);
  logger.level = level;
  return {
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      write = before.write;
      logger.level = before.level;
    },
  };
}
