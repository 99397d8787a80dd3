import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FloatValueNode,
  type GraphQLSchema,
  type IntValueNode,
  type ValueNode,
} from 'graphql';
import { isPlatformError, PlatformError } from '../errors';

/**
 * Values the caller wrote that GraphQL refused before execution (a variable it could not coerce,
 * a literal of the wrong type or out of range, a scalar that refused its value) are the caller's
 * mistake: BAD_USER_INPUT, with `extensions.field` naming where the value was: the variable
 * (`$on`, `$input.memberSince`) or the argument (`on`, `input.memberSince`).
 */
export interface InputErrorDetails {
  field: string;
  message: string;
}

/** Argument path of every literal value of a document, for errors that name only the value. */
const argumentPaths = new WeakMap<ASTNode, string>();

function recordValue(node: ValueNode, path: string): void {
  argumentPaths.set(node, path);
  if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) {
      const fieldPath = `${path}.${field.name.value}`;
      argumentPaths.set(field, fieldPath);
      recordValue(field.value, fieldPath);
    }
  } else if (node.kind === Kind.LIST) {
    node.values.forEach((value, index) => recordValue(value, `${path}[${index}]`));
  }
}

/** Remembers which argument (or variable default) each literal of `document` belongs to. */
export function recordArgumentPaths(document: DocumentNode): void {
  visit(document, {
    Argument(node) {
      recordValue(node.value, node.name.value);
      return false;
    },
    VariableDefinition(node) {
      if (node.defaultValue) recordValue(node.defaultValue, `$${node.variable.name.value}`);
      return false;
    },
  });
}

/**
 * GraphQL takes a Float literal too large for a double (`1e309`) as Infinity; refuse it like the
 * variable, which GraphQL does refuse.
 */
export function checkFloatLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  // Apollo Server keeps a parsed document per query text: one already found clean against this
  // schema is not walked again (the walk was 4 % of the gateway's CPU a request).
  if (cleanFloatLiterals.get(document) === schema) return;
  const typeInfo = new TypeInfo(schema);
  const check = (node: FloatValueNode | IntValueNode) => {
    const type = typeInfo.getInputType();
    if (!type || getNamedType(type).name !== 'Float' || Number.isFinite(Number.parseFloat(node.value))) return;
    const field = argumentPaths.get(node) ?? '';
    throw new PlatformError('BAD_USER_INPUT', `Float cannot represent ${node.value}: it is too large.`, {
      ...(field ? { field } : {}),
      http: { status: 400 },
    });
  };
  visit(document, visitWithTypeInfo(typeInfo, { FloatValue: check, IntValue: check }));
  cleanFloatLiterals.set(document, schema);
}

/** Documents whose literals `checkFloatLiterals` found clean, with the schema they were checked against. */
const cleanFloatLiterals = new WeakMap<DocumentNode, GraphQLSchema>();

/**
 * Records argument paths as each document is validated, so that a refused literal can be named,
 * and refuses Float literals GraphQL lets through. Install it in every Apollo Server (gateway
 * and subgraphs).
 */
export function inputErrorsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          recordArgumentPaths(document);
        },
        async didResolveOperation({ schema, document }) {
          checkFloatLiterals(schema, document);
        },
      };
    },
  };
}

/** A scalar's refusal of a literal carries the literal, so that the argument can be named. */
export const valueNodeOf = (error: unknown): ASTNode | undefined =>
  (error as { valueNode?: ASTNode } | null)?.valueNode;

const NAME_PATH = /^[_A-Za-z]\w*(?:\.[_A-Za-z]\w*|\[\d+\])*$/;

/** `Variable "$input" got invalid value … at "input.memberSince"; …` → `input.memberSince`. */
function pathInVariable(message: string, variable: string, inner: string | undefined): string {
  const head = inner && message.endsWith(`; ${inner}`) ? message.slice(0, -(inner.length + 2)) : message;
  const at = / at "([^"]*)"$/.exec(head)?.[1];
  return at && NAME_PATH.test(at) && (at === variable || at.startsWith(`${variable}.`) || at.startsWith(`${variable}[`))
    ? at
    : variable;
}

/** An input object's own field that is missing or unknown: the path names that field. */
function withMissingField(path: string, message: string | undefined): string {
  const field = message && /^Field "(?:\w+\.)?(\w+)" (?:of required type|is not defined by type)/.exec(message)?.[1];
  return field && !path.endsWith(`.${field}`) ? `${path}.${field}` : path;
}

/**
 * Where the refused value of `error` was, and what to tell the caller, when `error` is GraphQL
 * refusing the caller's input before execution; null for every other error.
 */
export function inputErrorDetails(error: unknown): InputErrorDetails | null {
  if (!(error instanceof GraphQLError)) return null;
  const inner = error.originalError && error.originalError !== error ? error.originalError : undefined;
  const node = error.nodes?.[0];

  // Variables: graphql-js names the variable in the error's node and the path in the message.
  if (node?.kind === Kind.VARIABLE_DEFINITION) {
    const variable = node.variable.name.value;
    if (!error.message.startsWith(`Variable "$${variable}"`)) return null;
    const path = pathInVariable(error.message, variable, inner?.message);
    const field = `$${withMissingField(path, inner?.message)}`;
    if (isPlatformError(inner)) return { field, message: inner.message };
    // "got invalid value …" repeats the whole value (which may hold personal data): say where
    // and why instead. The other messages ("was not provided", "must not be null") hold none.
    return { field, message: inner ? `Variable "${field}": ${inner.message}` : error.message };
  }

  // Literals: the error (or the scalar's own) names the value node.
  const valueNode = valueNodeOf(inner) ?? valueNodeOf(error) ?? node;
  const argument = valueNode ? argumentPaths.get(valueNode) : undefined;
  if (argument === undefined) return null;
  const code = error.extensions?.code;
  const fromScalar = isPlatformError(inner) && inner.code === 'BAD_USER_INPUT';
  if (!fromScalar && code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'BAD_USER_INPUT' && code !== undefined)
    return null;
  if (fromScalar) return { field: argument, message: inner.message };
  return { field: withMissingField(argument, error.message), message: error.message };
}
