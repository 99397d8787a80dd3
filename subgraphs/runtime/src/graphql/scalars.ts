import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { formatCalendarDate, parseCalendarDate } from '../pure/calendar-date';
import { PlatformError } from '../errors';

/**
 * A scalar's refusal of a value. Written in the query, the value's node comes along, so that the
 * error can name the argument (`extensions.field`, see `http/input-errors.ts`); as a variable,
 * GraphQL names the variable itself.
 */
export class ScalarValueError extends PlatformError {
  constructor(
    message: string,
    readonly valueNode?: ValueNode,
  ) {
    super('BAD_USER_INPUT', message);
  }
}

/**
 * The platform's scalars (docs/design.md, "Scalars"). Inputs are strict: a value that is not exactly
 * of the form gets BAD_USER_INPUT rather than a guess.
 */
const badScalar = (message: string) => new ScalarValueError(message);

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw badScalar(`${scalar} must be written as a string.`);
  return ast.value;
}

/** `parse` applied to a literal; a refusal carries the literal's node. */
function parsedLiteral<T>(ast: ValueNode, scalar: string, parse: (value: string) => T): T {
  try {
    return parse(literalString(ast, scalar));
  } catch (error) {
    if (error instanceof ScalarValueError) throw new ScalarValueError(error.message, ast);
    throw error;
  }
}

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? parseCalendarDate(value) : null;
  if (!date) throw badScalar(`"${String(value)}" is not a calendar date; write it as YYYY-MM-DD.`);
  return date;
}

export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: 'A calendar date without time of day, `YYYY-MM-DD`.',
  serialize: (value) => {
    if (value instanceof Date) return formatCalendarDate(value);
    return formatCalendarDate(parseDate(value));
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parsedLiteral(ast, 'Date', parseDate),
});

function parseDateTime(value: unknown): Date {
  const ok =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = ok ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw badScalar(`"${String(value)}" is not a date-time with a zone (ISO 8601).`);
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A moment in time, ISO 8601 with zone, e.g. `2026-03-01T09:30:00Z`.',
  serialize: (value) => (value instanceof Date ? value : parseDateTime(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parsedLiteral(ast, 'DateTime', parseDateTime),
});

function parseDecimal(value: unknown): Decimal {
  // Strings only: a JSON number may already have lost digits to floating point.
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value.trim())) {
    throw badScalar(`"${String(value)}" is not a decimal; write it as a string such as "2201.94".`);
  }
  return new Decimal(value.trim());
}

export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. `"2201.94"`. Money is in euros.',
  serialize: (value) => {
    if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
    // A string keeps its written scale: money formatted as "2440.90" stays so.
    if (typeof value === 'string') return parseDecimal(value) && value.trim();
    // Prisma's Decimal is a decimal.js instance of its own copy; its string form is exact.
    if (value && typeof (value as { toFixed?: unknown }).toFixed === 'function') {
      return String((value as { toFixed: () => string }).toFixed());
    }
    throw new TypeError(`Decimal cannot represent ${typeof value}`);
  },
  parseValue: parseDecimal,
  parseLiteral: (ast) => parsedLiteral(ast, 'Decimal', parseDecimal),
});
