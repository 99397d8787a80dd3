import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  typeFromAST,
  validate,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * The questions one subgraph asks another, checked against the other's committed SDL: a unit
 * test of the asking subgraph reads that SDL file (never the other subgraph's code), validates
 * every operation it sends, and generates the TypeScript types of the answers and variables, so
 * the client reads only what the schema promises. See hr-payroll's `cao-client.ts` and its test.
 */

/** The schema a subgraph's committed SDL describes, federation directives and all. */
export const schemaOfSdl = (sdl: string): GraphQLSchema => buildSubgraphSchema(parse(sdl));

/** GraphQL's validation errors of each document against the schema, as `name: message`. */
export function operationProblems(schema: GraphQLSchema, documents: Record<string, string>): string[] {
  return Object.entries(documents).flatMap(([name, document]) => {
    try {
      return validate(schema, parse(document)).map((error) => `${name}: ${error.message}`);
    } catch (error) {
      return [`${name}: ${error instanceof Error ? error.message : String(error)}`];
    }
  });
}

/** Custom scalars as JSON carries them: `{ Decimal: 'string', Date: 'string' }`. */
export type ScalarTypes = Record<string, string>;

const BUILT_IN_SCALARS: ScalarTypes = {
  Int: 'number',
  Float: 'number',
  String: 'string',
  ID: 'string',
  Boolean: 'boolean',
};

/**
 * TypeScript for every operation in `documents` (`<Name>Query`/`<Name>Mutation` and
 * `<Name>Variables`) and every fragment (`<Name>Fragment`): what the schema answers for exactly
 * that selection. Unformatted; the test runs Prettier over it.
 */
export function operationTypes(schema: GraphQLSchema, documents: string[], scalars: ScalarTypes = {}): string {
  const known = { ...BUILT_IN_SCALARS, ...scalars };
  const definitions = documents.flatMap((document) => parse(document).definitions);
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );

  const scalar = (name: string, values?: readonly { name: string }[]) => {
    if (values) return values.map((v) => `'${v.name}'`).join(' | ');
    const type = known[name];
    if (!type) throw new Error(`No TypeScript type for the scalar ${name}: pass it in \`scalars\`.`);
    return type;
  };

  const output = (type: GraphQLOutputType, selection: SelectionSetNode | undefined): string => {
    const inner = getNullableType(type);
    let text: string;
    if (isListType(inner)) text = `Array<${output(inner.ofType, selection)}>`;
    else if (isEnumType(inner)) text = scalar(inner.name, inner.getValues());
    else if (isScalarType(inner)) text = scalar(inner.name);
    else if (isObjectType(inner) && selection) text = objectOf(inner, selection);
    else throw new Error(`Selections on ${String(getNamedType(inner))} (an interface or union) are not supported.`);
    return isNonNullType(type) ? text : `${text} | null`;
  };

  /** The fields selected on `parent`, fragments merged in; the same key twice merges its selections. */
  const objectOf = (parent: GraphQLObjectType, selectionSet: SelectionSetNode): string => {
    // A selection that is just one fragment is that fragment's type, by name (written once).
    const [only, ...more] = selectionSet.selections;
    if (only?.kind === Kind.FRAGMENT_SPREAD && more.length === 0) {
      const fragment = fragments.get(only.name.value);
      if (fragment && fragment.typeCondition.name.value === parent.name) return `${only.name.value}Fragment`;
    }
    const byKey = new Map<string, { field: string; selections: SelectionSetNode[] }>();
    const collect = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const entry = byKey.get(key) ?? { field: selection.name.value, selections: [] };
          if (selection.selectionSet) entry.selections.push(selection.selectionSet);
          byKey.set(key, entry);
        } else {
          const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
          if (!fragment) throw new Error(`Unknown fragment ${(selection as { name: { value: string } }).name.value}.`);
          const on = fragment.typeCondition?.name.value ?? parent.name;
          if (on !== parent.name) throw new Error(`Fragments on ${on} inside ${parent.name} are not supported.`);
          collect(fragment.selectionSet);
        }
      }
    };
    collect(selectionSet);
    const fields = [...byKey].map(([key, { field, selections }]) => {
      const type = field === '__typename' ? `'${parent.name}'` : undefined;
      const definition = parent.getFields()[field];
      if (!type && !definition) throw new Error(`${parent.name} has no field ${field}.`);
      const merged: SelectionSetNode | undefined = selections.length
        ? { kind: Kind.SELECTION_SET, selections: selections.flatMap((s) => s.selections) }
        : undefined;
      return `${key}: ${type ?? output(definition!.type, merged)};`;
    });
    return `{\n${fields.join('\n')}\n}`;
  };

  const input = (type: GraphQLInputType, seen: string[]): string => {
    const inner = getNullableType(type);
    let text: string;
    if (isListType(inner)) text = `Array<${input(inner.ofType, seen)}>`;
    else if (isEnumType(inner)) text = scalar(inner.name, inner.getValues());
    else if (isScalarType(inner)) text = scalar(inner.name);
    else if (isInputObjectType(inner) && !seen.includes(inner.name)) {
      const fields = Object.values(inner.getFields()).map((f) => {
        const optional = !isNonNullType(f.type) || f.defaultValue !== undefined;
        return `${f.name}${optional ? '?' : ''}: ${input(f.type, [...seen, inner.name])};`;
      });
      text = `{\n${fields.join('\n')}\n}`;
    } else text = 'unknown';
    return isNonNullType(type) ? text : `${text} | null`;
  };

  const emitted = new Set<string>();
  const blocks = definitions.flatMap((definition) => {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      // Documents that share a fragment each carry a copy: its type is written once.
      if (emitted.has(definition.name.value)) return [];
      emitted.add(definition.name.value);
      const on = schema.getType(definition.typeCondition.name.value);
      if (!isObjectType(on)) throw new Error(`Fragment ${definition.name.value}: ${String(on)} is no object type.`);
      return [`export type ${definition.name.value}Fragment = ${objectOf(on, definition.selectionSet)};`];
    }
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    const name = definition.name?.value;
    if (!name) throw new Error('Every operation sent to another service has a name.');
    const root = schema.getRootType(definition.operation);
    if (!root) throw new Error(`The schema has no ${definition.operation} type.`);
    const kind = definition.operation[0]!.toUpperCase() + definition.operation.slice(1);
    const variables = (definition.variableDefinitions ?? []).map((v) => {
      const type = typeFromAST(schema, v.type) as GraphQLInputType | undefined;
      if (!type) throw new Error(`${name}: unknown type of $${v.variable.name.value}.`);
      const optional = !isNonNullType(type) || v.defaultValue !== undefined;
      return `${v.variable.name.value}${optional ? '?' : ''}: ${input(type, [])};`;
    });
    return [
      `export type ${name}${kind} = ${objectOf(root, definition.selectionSet)};`,
      `export type ${name}Variables = ${variables.length ? `{\n${variables.join('\n')}\n}` : 'Record<string, never>'};`,
    ];
  });
  return blocks.join('\n\n') + '\n';
}
