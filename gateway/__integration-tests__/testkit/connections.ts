import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

// The connections of a subgraph's schema (lists with `first`, `after`, …), found by walking it, so
// that a test of paging arguments covers a new list the day it is added.

/** A literal that the type accepts, for required arguments on the way to a connection. */
function literalFor(type: GraphQLInputType): string | null {
  if (isNonNullType(type)) return literalFor(type.ofType);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]?.name ?? null;
  if (isInputObjectType(type)) {
    const parts: string[] = [];
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type) || field.defaultValue !== undefined) continue;
      const value = literalFor(field.type);
      if (value === null) return null;
      parts.push(`${field.name}: ${value}`);
    }
    return `{ ${parts.join(', ')} }`;
  }
  const samples: Record<string, string> = {
    ID: '"00000000-0000-4000-8000-000000000001"',
    String: '"x"',
    Int: '1',
    Float: '1',
    Boolean: 'false',
    Date: '"2026-01-01"',
    DateTime: '"2026-01-01T00:00:00Z"',
    Decimal: '"1"',
  };
  return samples[(type as { name: string }).name] ?? null;
}

const PAGING = new Set(['first', 'last', 'before', 'after']);

function requiredArguments(field: GraphQLField<unknown, unknown>): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (PAGING.has(arg.name) || !isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const value = literalFor(arg.type);
    if (value === null) return null;
    parts.push(`${arg.name}: ${value}`);
  }
  return parts.join(', ');
}

const isConnection = (field: GraphQLField<unknown, unknown>) => {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.name.endsWith('Connection') && field.args.some((a) => a.name === 'first');
};

/** A connection and how to reach it: `query(args)` is a document that asks it with `args`. */
export interface ConnectionUse {
  label: string;
  viaEntities: boolean;
  variables?: Record<string, unknown>;
  query(args: string): string;
}

/**
 * Every connection field of a subgraph schema, each with a query that reaches it: from `Query`
 * (shortest path), or for a type only an entity reaches, through `_entities`.
 */
export function connectionUses(schema: GraphQLSchema): ConnectionUse[] {
  const reach = new Map<string, (inner: string) => string>();
  const queue: GraphQLObjectType[] = [];
  const query = schema.getQueryType()!;
  reach.set(query.name, (inner) => `{ ${inner} }`);
  queue.push(query);
  while (queue.length) {
    const type = queue.shift()!;
    const wrap = reach.get(type.name)!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || reach.has(target.name) || field.name.startsWith('_')) continue;
      const args = requiredArguments(field);
      if (args === null) continue;
      reach.set(target.name, (inner) => wrap(`${field.name}${args ? `(${args})` : ''} { ${inner} }`));
      queue.push(target);
    }
  }
  const entities = schema.getType('_Entity');
  for (const member of entities && isUnionType(entities) ? entities.getTypes() : []) {
    if (reach.has(member.name)) continue;
    reach.set(
      member.name,
      (inner) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${member.name} { ${inner} } } }`,
    );
  }
  const uses: ConnectionUse[] = [];
  for (const [typeName, wrap] of reach) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      if (!isConnection(field)) continue;
      const required = requiredArguments(field);
      if (required === null) continue;
      const viaEntities = wrap('').startsWith('query($r');
      uses.push({
        label: `${typeName}.${field.name}`,
        viaEntities,
        variables: viaEntities
          ? { r: [{ __typename: typeName, id: '00000000-0000-4000-8000-000000000001' }] }
          : undefined,
        query: (args) =>
          wrap(`${field.name}(${[required, args].filter(Boolean).join(', ')}) { pageInfo { hasNextPage } }`),
      });
    }
  }
  return uses;
}
