import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { decodeBase64 } from '@pothos/core';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { PlatformError } from '../errors';

/**
 * Relay connection arguments (`first`, `last`, `before`, `after`) of every connection field of a
 * subgraph, checked once before execution: a negative page size, a cursor that is no cursor of
 * ours, or a combination the connections do not page by, is the caller's mistake:
 * BAD_USER_INPUT, `extensions.field` naming the argument (or the variable that gave it). Left to
 * Pothos and Prisma they fail inside the resolver (for a nested connection, inside its
 * parent's), as INTERNAL_SERVER_ERROR.
 *
 * How large a page may be is not checked here (the connections' own maximum).
 */

const PAGE_SIZES = ['first', 'last'] as const;
const CURSORS = ['after', 'before'] as const;

/** A connection: its type is `…Connection` with `edges` and `pageInfo`, and it takes `first`. */
function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return !!fields.edges && !!fields.pageInfo && field.args.some((arg) => arg.name === 'first');
}

/**
 * Our cursors are Pothos-Prisma cursors over the `id` column, which is text everywhere:
 * base64 of `GPC:S:<id>`. Anything else (garbage, an offset cursor, a cursor of another type
 * such as a number or a compound key) is refused here rather than failing in the database.
 */
export function isOurCursor(cursor: string): boolean {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(cursor) || cursor.length > 400) return false;
  try {
    const decoded = decodeBase64(cursor);
    return /^GPC:S:[^\s]{1,200}$/.test(decoded);
  } catch {
    return false;
  }
}

const bad = (field: string, message: string) =>
  new PlatformError('BAD_USER_INPUT', message, { field, http: { status: 400 } });

/**
 * Throws BAD_USER_INPUT for the first connection argument of `operation` (in `document`) that
 * cannot be right. Variables that do not coerce are left to GraphQL, which names them.
 */
export function checkConnectionArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown> = {},
): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (coerced.errors) return;
  const variables = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        if (node !== operation) return false;
      },
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field || !isConnectionField(field)) return;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(field, node, variables);
        } catch {
          return; // left to execution, which reports it
        }
        for (const name of PAGE_SIZES) {
          const value = values[name];
          if (value === undefined || value === null) continue;
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
            throw bad(name, `"${name}" is how many to give: a whole number, 0 or more.`);
          }
        }
        for (const name of CURSORS) {
          const value = values[name];
          if (value === undefined || value === null) continue;
          if (typeof value !== 'string' || !isOurCursor(value)) {
            throw bad(
              name,
              `"${name}" takes a cursor this list gave (pageInfo.endCursor, pageInfo.startCursor or an edge's cursor), as it was given.`,
            );
          }
        }
        const has = (name: string) => values[name] !== undefined && values[name] !== null;
        const clash = (
          [
            ['before', 'after'],
            ['first', 'before'],
            ['last', 'after'],
          ] as const
        ).find(([a, b]) => has(a) && has(b));
        if (clash) {
          const [a, b] = clash;
          throw bad(
            b,
            `"${a}" and "${b}" cannot be used together: page forwards with first and after, backwards with last and before.`,
          );
        }
      },
    }),
  );
}

/** Runs `checkConnectionArguments` on every operation before it executes. */
export function connectionArgumentsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkConnectionArguments(schema, document, operation, request.variables ?? {});
        },
      };
    },
  };
}
