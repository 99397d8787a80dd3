import {
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  isCompositeType,
  isInputObjectType,
  isListType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { RequestLimits } from './config';

/** The extension key under which a list argument or input field declares its maximum. */
export const MAX_ITEMS = 'maxItems';

/**
 * Declares the most items a list argument or list input field takes, e.g.
 * `t.arg({ type: [WageRequestInput], required: true, extensions: maxItems(2000) })`. A longer
 * list is refused with BAD_USER_INPUT on that argument before anything runs.
 */
export const maxItems = (n: number) => ({ [MAX_ITEMS]: n });

/**
 * Lists that declare no maximum of their own but are bounded by the cost alone: federation's
 * `_entities(representations:)` carries as many references as the gateway's (costed) plan has.
 */
const BOUNDED_BY_COST_ONLY = new Set(['_entities.representations']);

export interface LimitViolation {
  /** The argument (path) at fault, as in BAD_USER_INPUT's `extensions.field`. */
  field: string;
  message: string;
}

export interface RequestCost {
  /** Infinity when the operation is too large even to be costed. */
  cost: number;
  violations: LimitViolation[];
}

type Holder = Pick<GraphQLArgument | GraphQLInputField, 'name' | 'extensions'>;

/**
 * The cost of an operation with its variables, before it runs: a field with a composite type
 * costs 1 (a leaf 0) plus its selections, times its multiplier; the multiplier is the page
 * size of a connection (`first`/`last`, or the default page size) times the items in its list
 * arguments (literals or variables, lists nested in input objects counted), at least 1. So
 * multipliers compound down nested connections, and fragments count where they are spread.
 * Page sizes and list lengths over their maxima are reported as violations.
 *
 * Lists are counted as sent, not coerced: coercing 2,000 dates and decimals only to refuse
 * them would cost the server more than counting them. graphql-query-complexity walks the
 * operation (fragments, @skip/@include, abstract types) with every list emptied.
 *
 * Undefined when the variables do not fit the operation: then it does not run at all.
 */
export function requestCost(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  limits: Pick<RequestLimits, 'defaultPageSize' | 'maxPageSize' | 'maxListItems'>;
}): RequestCost | undefined {
  const { schema, document, limits } = options;
  const operation = getOperationAST(document, options.operationName ?? undefined);
  if (!operation) return undefined;
  const raw = options.variables ?? {};
  const defaults = new Map<string, ValueNode>();
  const withoutLists: Record<string, unknown> = { ...raw };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue) defaults.set(name, definition.defaultValue);
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && name in raw) withoutLists[name] = emptyLists(type, raw[name]);
  }
  // An argument as sent: variables as they came (the same object wherever used), literals as written.
  const asSent = (node: ValueNode): unknown => {
    switch (node.kind) {
      case Kind.VARIABLE: {
        const name = node.name.value;
        if (name in raw) return raw[name];
        const fallback = defaults.get(name);
        return fallback ? asSent(fallback) : undefined;
      }
      case Kind.LIST:
        return node.values.map(asSent);
      case Kind.OBJECT:
        return Object.fromEntries(node.fields.map((field) => [field.name.value, asSent(field.value)]));
      case Kind.NULL:
        return null;
      default:
        return true; // a scalar or enum value: not counted
    }
  };

  const violations: LimitViolation[] = [];
  // The same variable given to 20 aliases is one value: count its items once per argument.
  const counted = new Map<Holder, WeakMap<object, number>>();
  const itemsIn = (type: GraphQLInputType, value: unknown, holder: Holder, path: string, at: string): number => {
    const nullable = getNullableType(type);
    if (value === null || value === undefined) return 0;
    if (typeof value !== 'object') return countItems(nullable, value, holder, path, at);
    let seen = counted.get(holder);
    if (!seen) counted.set(holder, (seen = new WeakMap()));
    const known = seen.get(value);
    if (known !== undefined) return known;
    const count = countItems(nullable, value, holder, path, at);
    seen.set(value, count);
    return count;
  };
  const countItems = (nullable: GraphQLInputType, value: unknown, holder: Holder, path: string, at: string): number => {
    if (isListType(nullable)) {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      const declared = holder.extensions?.[MAX_ITEMS];
      const max = BOUNDED_BY_COST_ONLY.has(`${at}.${path}`)
        ? Infinity
        : typeof declared === 'number'
          ? declared
          : limits.maxListItems;
      if (items.length > max) {
        violations.push({
          field: path,
          message: `\`${at}\` takes at most ${max} items in \`${path}\`; this request has ${items.length}. Split it into smaller requests.`,
        });
      }
      return items.reduce<number>(
        (sum, item, i) => sum + itemsIn(nullable.ofType as GraphQLInputType, item, holder, `${path}.${i}`, at),
        items.length,
      );
    }
    if (isInputObjectType(nullable) && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      return Object.values(nullable.getFields()).reduce(
        (sum, field) => sum + itemsIn(field.type, record[field.name], field, `${path}.${field.name}`, at),
        0,
      );
    }
    return 0;
  };

  const pageSize = (field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number => {
    const slicing = field.args.filter((arg) => arg.name === 'first' || arg.name === 'last');
    if (slicing.length === 0) return 1;
    let size: number | undefined;
    for (const arg of slicing) {
      const value = args[arg.name];
      if (typeof value !== 'number') continue;
      if (value > limits.maxPageSize) {
        violations.push({
          field: arg.name,
          message: `\`${field.name}\` gives at most ${limits.maxPageSize} at a time; \`${arg.name}: ${value}\` asks for more. Page through with \`after\`.`,
        });
      }
      size = Math.max(size ?? 0, value);
    }
    return Math.max(1, size ?? limits.defaultPageSize);
  };

  const estimator: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
    const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
    const listItems = field.args.reduce((sum, arg) => {
      const given = node.arguments?.find((a) => a.name.value === arg.name);
      const value = given ? asSent(given.value) : args[arg.name];
      return sum + itemsIn(arg.type, value, arg, arg.name, field.name);
    }, 0);
    return pageSize(field, args) * Math.max(1, listItems) * (own + childComplexity);
  };

  try {
    const cost = getComplexity({
      schema,
      query: document,
      variables: withoutLists,
      operationName: operation.name?.value,
      estimators: [estimator],
      // Fragments spread in fragments multiply: stop counting long before that takes time.
      maxQueryNodes: MAX_QUERY_NODES,
    });
    return { cost, violations };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    if (error.message === TOO_MANY_NODES) return { cost: Infinity, violations };
    // Variables that do not fit the operation: it is refused before anything runs anyway.
    return undefined;
  }
}

/** The value with every list in it (as its type says) emptied: what is left is cheap to coerce. */
function emptyLists(type: GraphQLInputType, value: unknown): unknown {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return value;
  if (isListType(nullable)) return [];
  if (isInputObjectType(nullable) && typeof value === 'object' && !Array.isArray(value)) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of Object.values(nullable.getFields())) {
      if (field.name in copy) copy[field.name] = emptyLists(field.type, copy[field.name]);
    }
    return copy;
  }
  return value;
}

const MAX_QUERY_NODES = 50_000;
/** graphql-query-complexity's error when it stops counting at `maxQueryNodes`. */
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';
