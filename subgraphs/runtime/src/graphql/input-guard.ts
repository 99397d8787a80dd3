import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { BadUserInputError } from '../errors';
import { characterCount, forbiddenCharacterIn, forbiddenCharacterMessage, INPUT_MAX_LENGTH } from '../input-checks';

/**
 * The safety net under every field of every subgraph built with `createSubgraphBuilder`: before
 * any resolver runs, each string in the field's arguments (in nested input objects and lists
 * too) is refused with BAD_USER_INPUT, `extensions.field` its path (`input.address.street`,
 * `input.parties.1`), when it holds a control character (NUL and the other C0 and C1 controls,
 * bidirectional overrides and isolates, broken surrogates) or is longer than INPUT_MAX_LENGTH
 * characters. Line feeds, carriage returns and tabs pass here; a field's own text rule
 * (`checkText`) decides whether it is multi-line, and sets its own, smaller, maximum.
 *
 * Nobody has to remember it: a field added tomorrow is covered. It runs outside the auth
 * check, like the parsing of scalars: what it refuses says nothing about the data.
 */
export function checkArguments(args: Record<string, unknown>, longArguments: LongArguments = {}): void {
  for (const [name, value] of Object.entries(args)) checkValue(value, name, longArguments[name] ?? INPUT_MAX_LENGTH);
}

/**
 * A field whose argument is a whole document (a CSV file to import) names it, with its own
 * maximum, in its `extensions`: `extensions: { [LONG_ARGUMENTS]: { csv: 1_000_000 } }`. Only a
 * top-level string argument; control characters are refused all the same.
 */
export const LONG_ARGUMENTS = 'longArguments';
export type LongArguments = Record<string, number>;

function checkValue(value: unknown, path: string, max: number): void {
  if (typeof value === 'string') {
    checkString(value, path, max);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, `${path}.${index}`, INPUT_MAX_LENGTH));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) checkValue(item, `${path}.${key}`, INPUT_MAX_LENGTH);
  }
  // Anything else is a parsed scalar (a Date, a Decimal, a number, a boolean): nothing to check.
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

const labelOf = (path: string) => `The value of ${path}`;

function checkString(value: string, path: string, max: number): void {
  if (value.length > max && characterCount(value) > max) {
    throw new BadUserInputError(path, `${labelOf(path)} is longer than ${max} characters.`);
  }
  const found = forbiddenCharacterIn(value, { lineBreaks: true });
  if (found) throw new BadUserInputError(path, forbiddenCharacterMessage(labelOf(path), found));
}

export class InputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    // Fields without arguments pay nothing.
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    const longArguments = (fieldConfig.extensions?.[LONG_ARGUMENTS] ?? {}) as LongArguments;
    return (parent, args, context, info) => {
      checkArguments(args as Record<string, unknown>, longArguments);
      return resolver(parent, args, context, info);
    };
  }
}

// Pothos knows its plugins by name through this global interface (as its own plugins do).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputGuard: InputGuardPlugin<Types>;
    }
  }
}

const pluginName = 'inputGuard';
SchemaBuilder.registerPlugin(pluginName, InputGuardPlugin);

export default pluginName;
