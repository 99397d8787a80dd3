import { SUPERGRAPH_PATH } from '@samen-sterk/schema';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import fs from 'node:fs';

/**
 * The public API, read from the committed supergraph, as generated tests see it: every root
 * field with its arguments, the subgraph that resolves it, a selection of what it returns, and
 * arguments made from a table of plausible values. Tests built on this cover a new field the
 * day it is composed, without anyone adding it by hand.
 */
export type Operation = 'query' | 'mutation';

export interface RootField {
  operation: Operation;
  name: string;
  field: GraphQLField<unknown, unknown>;
  /** The subgraph that resolves it (`hr-payroll`), from the supergraph's join directives. */
  subgraph: string;
}

let cached: GraphQLSchema | undefined;
export function supergraphSchema(): GraphQLSchema {
  cached ??= buildSchema(fs.readFileSync(SUPERGRAPH_PATH, 'utf8'));
  return cached;
}

const argValue = (directive: ConstDirectiveNode, name: string) => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value && (value.kind === Kind.STRING || value.kind === Kind.ENUM) ? value.value : undefined;
};

/** `HR_PAYROLL` → `hr-payroll`, from `enum join__Graph { HR_PAYROLL @join__graph(name: "hr-payroll" …) }`. */
function graphNames(schema: GraphQLSchema): Map<string, string> {
  const graphs = schema.getType('join__Graph');
  const names = new Map<string, string>();
  if (!graphs || !isEnumType(graphs)) return names;
  for (const value of graphs.getValues()) {
    const directive = value.astNode?.directives?.find((d) => d.name.value === 'join__graph');
    const name = directive && argValue(directive, 'name');
    if (name) names.set(value.name, name);
  }
  return names;
}

export function rootFields(schema = supergraphSchema()): RootField[] {
  const graphs = graphNames(schema);
  const fields: RootField[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const join = field.astNode?.directives?.find((d) => d.name.value === 'join__field');
      const graph = join && argValue(join, 'graph');
      fields.push({ operation, name: field.name, field, subgraph: (graph && graphs.get(graph)) ?? 'unknown' });
    }
  }
  return fields;
}

/** An entity as one subgraph resolves it: its `_entities` representation key and own fields. */
export interface EntityInSubgraph {
  type: GraphQLObjectType;
  subgraph: string;
  /** Fields this subgraph resolves (its own or shared), as `@join__field` says. */
  fields: GraphQLField<unknown, unknown>[];
}

/** Every entity keyed by `id` in every subgraph that resolves it, from the join directives. */
export function entities(schema = supergraphSchema()): EntityInSubgraph[] {
  const graphs = graphNames(schema);
  const found: EntityInSubgraph[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isInternal(type.name)) continue;
    for (const join of type.astNode?.directives?.filter((d) => d.name.value === 'join__type') ?? []) {
      const graph = argValue(join, 'graph');
      const resolvable = join.arguments?.find((a) => a.name.value === 'resolvable')?.value;
      if (argValue(join, 'key') !== 'id' || !graph || (resolvable?.kind === Kind.BOOLEAN && !resolvable.value))
        continue;
      const fields = Object.values(type.getFields()).filter((field) => {
        const joins = field.astNode?.directives?.filter((d) => d.name.value === 'join__field') ?? [];
        return joins.length === 0 || joins.some((d) => argValue(d, 'graph') === graph);
      });
      found.push({ type, subgraph: graphs.get(graph) ?? graph, fields });
    }
  }
  return found;
}

/** Whether `subgraph` resolves `field` of `type` (its type is in that subgraph and the field is not another's). */
function resolvesField(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, subgraph: string): boolean {
  const graphs = graphNames(supergraphSchema());
  const inGraph = (d: ConstDirectiveNode) => graphs.get(argValue(d, 'graph') ?? '') === subgraph;
  const typeJoins = type.astNode?.directives?.filter((d) => d.name.value === 'join__type') ?? [];
  if (typeJoins.length > 0 && !typeJoins.some(inGraph)) return false;
  const fieldJoins = field.astNode?.directives?.filter((d) => d.name.value === 'join__field') ?? [];
  return fieldJoins.length === 0 || fieldJoins.some(inGraph);
}

const isInternal = (name: string) => name.startsWith('__') || name.startsWith('join__') || name.startsWith('link__');

/**
 * A selection of everything `type` offers up to `depth` levels: scalars and enums, objects
 * nested, fields that need arguments given those they require, connections asked for two
 * nodes. Enough to see any data a response carries, small enough for the cost limit.
 */
export function selectionOf(type: GraphQLNamedType, values: ArgumentValues, depth = 3, subgraph?: string): string {
  if (!isObjectType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values((type as GraphQLObjectType).getFields())) {
    if (isInternal(field.name)) continue;
    // Asked of one subgraph directly: only the fields it resolves itself.
    if (subgraph && !resolvesField(type as GraphQLObjectType, field, subgraph)) continue;
    const named = getNamedType(field.type);
    const args = argumentsOf(field, values, { connectionPage: 2 });
    if (args === null) continue;
    if (isScalarType(named) || isEnumType(named)) {
      parts.push(`${field.name}${args}`);
    } else if (depth > 1) {
      const inner = selectionOf(named, values, depth - 1, subgraph);
      if (inner) parts.push(`${field.name}${args} ${inner}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/**
 * Plausible values for arguments and input fields, by name first (an `id` on `payslipPdf` is a
 * payslip's id), then by type. `ids` maps an entity kind (`employee`, `member`, …) to the id to
 * use; `overrides` wins over everything, by argument path.
 */
export interface ArgumentValues {
  ids: Record<string, string>;
  /** The entity kind an `id` argument of this root field refers to. */
  kindOfId?: string;
  /** The kind an `id` refers to when neither the caller nor the field's name says. */
  defaultKind?: string;
  overrides?: Record<string, unknown>;
  /** Give optional id arguments too (`users(memberId:)`), as a probe of access wants. */
  optionalIds?: boolean;
}

/** Entity kinds an id may refer to, matched against argument and field names (longest first). */
export const ID_KINDS = [
  'employment',
  'employee',
  'payrollRun',
  'payslip',
  'volunteer',
  'branch',
  'member',
  'user',
  'caoVersion',
  'contract',
  'order',
  'item',
  'enrolment',
] as const;

/** The kind of entity an argument or field name refers to, if it says. */
export function kindNamed(name: string): string | undefined {
  const lower = name.toLowerCase();
  return ID_KINDS.find((kind) => lower.includes(kind.toLowerCase()));
}

let unique = 0;
const PLAUSIBLE: Record<string, unknown> = {
  on: '2026-03-01',
  year: 2026,
  month: 3,
  age: 30,
  scale: 5,
  step: 3,
  caoScale: 5,
  caoStep: 3,
  hoursPerWeek: '32',
  wage: '2500.00',
  amount: '100.00',
  previousYearAnnualWage: '30000.00',
  withTaxCredit: true,
  bsn: '111222333',
  iban: 'NL91ABNA0417164300',
  postcode: '3511 AB',
  kvkNumber: '41234567',
  // Unique, so that a request that should succeed is not refused as a duplicate instead.
  email: () => `probe-${++unique}@example.org`,
  birthDate: '1990-05-17',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  effectiveFrom: '2027-01-01',
  date: '2026-03-01',
  percent: '2.5',
  name: 'Probe',
  quantity: 1,
  reason: 'Probe: not needed now.',
  // Unique, so that a new order is not the earlier one with the same key.
  idempotencyKey: () => `probe-order-${++unique}`,
  firstName: 'Probe',
  lastName: 'Tester',
  city: 'Utrecht',
  street: 'Oudegracht',
  houseNumber: '1',
};

function plausibleScalar(name: string, type: string): unknown {
  if (name in PLAUSIBLE) {
    const given = PLAUSIBLE[name];
    const value = typeof given === 'function' ? (given as () => unknown)() : given;
    const fits =
      (type === 'Int' && typeof value === 'number') ||
      (type === 'Boolean' && typeof value === 'boolean') ||
      (type !== 'Int' && type !== 'Boolean' && typeof value === 'string');
    if (fits) return value;
  }
  switch (type) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-03-01';
    case 'DateTime':
      return '2026-03-01T09:00:00Z';
    case 'Decimal':
      return '10.00';
    default:
      return 'probe';
  }
}

/** A value for an input of `type` called `name`, at `path`; undefined to leave it out. */
export function valueFor(
  type: GraphQLInputType,
  name: string,
  path: string,
  values: ArgumentValues,
  rootField: string,
  required: boolean,
): unknown {
  if (values.overrides && path in values.overrides) return values.overrides[path];
  // An optional input is left out, unless a value is given somewhere inside it.
  const overridden = Object.keys(values.overrides ?? {}).some((key) => key.startsWith(`${path}.`));
  const optionalId = values.optionalIds && !path.includes('.') && getNamedType(type).name === 'ID';
  if (!required && !overridden && !optionalId) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const element = valueFor(inner.ofType, name, `${path}.0`, values, rootField, true);
    if (element === undefined) return [];
    return [element];
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name;
  if (isInputObjectType(named)) {
    const object: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const value = valueFor(
        field.type,
        field.name,
        `${path}.${field.name}`,
        values,
        rootField,
        isNonNullType(field.type),
      );
      if (value !== undefined) object[field.name] = value;
    }
    return object;
  }
  if (named.name === 'ID') {
    const kind = name === 'id' ? (values.kindOfId ?? kindNamed(rootField) ?? values.defaultKind) : kindNamed(name);
    return (kind && values.ids[kind]) ?? Object.values(values.ids)[0] ?? '00000000-0000-4000-8000-000000000000';
  }
  return plausibleScalar(name, named.name);
}

/**
 * `(a: …, b: …)` for a nested field, literals inline; null when a required argument cannot be
 * given. Connections get `first`.
 */
function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  values: ArgumentValues,
  { connectionPage }: { connectionPage: number },
): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first') {
      parts.push(`first: ${connectionPage}`);
      continue;
    }
    if (!isNonNullType(arg.type)) continue;
    const value = valueFor(arg.type, arg.name, arg.name, values, field.name, true);
    if (value === undefined) return null;
    parts.push(`${arg.name}: ${literal(value, arg.type)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (Array.isArray(value)) {
    const inner = isNonNullType(type) ? type.ofType : type;
    return `[${value.map((v) => literal(v, isListType(inner) ? inner.ofType : inner)).join(', ')}]`;
  }
  if (isEnumType(named)) return String(value);
  if (value && typeof value === 'object' && isInputObjectType(named)) {
    const fields = named.getFields();
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** A request for a root field: the document, with every argument passed as a variable. */
export interface GeneratedRequest {
  query: string;
  variables: Record<string, unknown>;
}

export function requestFor(root: RootField, values: ArgumentValues, depth = 3): GeneratedRequest {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const args: string[] = [];
  for (const arg of root.field.args) {
    const value =
      arg.name === 'first' && !(values.overrides && 'first' in values.overrides)
        ? 5
        : valueFor(arg.type, arg.name, arg.name, values, root.name, isNonNullType(arg.type));
    if (value === undefined) continue;
    variables[arg.name] = value;
    declarations.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
  }
  const returned = getNamedType(root.field.type);
  // A connection has nothing of its own to select at depth 1: go as deep as it takes.
  let selection = selectionOf(returned, values, depth);
  for (let deeper = depth + 1; isObjectType(returned) && !selection && deeper <= depth + 3; deeper++) {
    selection = selectionOf(returned, values, deeper);
  }
  const query = `${root.operation} Probe${declarations.length ? `(${declarations.join(', ')})` : ''} { ${root.name}${
    args.length ? `(${args.join(', ')})` : ''
  } ${selection} }`;
  return { query, variables };
}

/** Every argument path of a root field, nested input fields included (`input.address.street`). */
export function argumentPaths(root: RootField): { path: string; type: GraphQLInputType }[] {
  const paths: { path: string; type: GraphQLInputType }[] = [];
  const walk = (name: string, type: GraphQLInputType, depth: number) => {
    paths.push({ path: name, type });
    const inner = isNonNullType(type) ? type.ofType : type;
    // Inside a list, the first element's fields (`cells.0.scale`).
    const element = isListType(inner) ? `${name}.0` : name;
    const named = getNamedType(type);
    if (isInputObjectType(named) && depth < 4) {
      for (const field of Object.values(named.getFields()) as GraphQLInputField[]) {
        walk(`${element}.${field.name}`, field.type, depth + 1);
      }
    }
  };
  for (const arg of root.field.args as readonly GraphQLArgument[]) walk(arg.name, arg.type, 0);
  return paths;
}
