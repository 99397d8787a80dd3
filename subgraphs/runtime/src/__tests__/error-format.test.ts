import { ApolloServer } from '@apollo/server';
import {
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../graphql/scalars';
import { formatErrorFor } from '../http/errors';
import { inputErrorsPlugin } from '../http/input-errors';
import { describeError, redact } from '../http/log';
import { captureLogs } from '../observability/logger';

// Every scalar's refusal names where the value was, as a variable or written in the query; our
// own faults are logged without the data a database error quotes.
const BSN = '171239003';

const Input = new GraphQLInputObjectType({
  name: 'EchoInput',
  fields: { at: { type: new GraphQLNonNull(DateTimeScalar) }, ratio: { type: GraphQLFloat } },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: GraphQLString,
        args: {
          on: { type: DateScalar },
          at: { type: DateTimeScalar },
          amount: { type: DecimalScalar },
          ratio: { type: GraphQLFloat },
          n: { type: GraphQLInt },
          id: { type: GraphQLID },
          input: { type: Input },
          list: {
            type: new GraphQLNonNull(new GraphQLInputObjectType({ name: 'Box', fields: { on: { type: DateScalar } } })),
          },
        },
        resolve: () => 'ok',
      },
      boom: {
        type: GraphQLString,
        resolve: () => {
          const error = new Error(`Invalid \`prisma.employee.create()\` invocation: { bsn: "${BSN}" }`);
          error.name = 'PrismaClientValidationError';
          throw error;
        },
      },
    },
  }),
});

let server: ApolloServer;
beforeAll(async () => {
  server = new ApolloServer({ schema, formatError: formatErrorFor('test'), plugins: [inputErrorsPlugin()] });
  await server.start();
});
afterAll(() => server.stop());

async function errorsOf(query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return {
    status: response.http.status,
    errors: response.body.singleResult.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field })),
  };
}

const refused = (field: string) => ({ errors: [{ code: 'BAD_USER_INPUT', field }] });
const LIST = 'list: {}';

test.each([
  [
    'a DateTime without a zone',
    'query($at: DateTime) { echo(at: $at, list: {}) }',
    { at: '2026-03-01T09:30:00' },
    '$at',
  ],
  ['a Date that does not exist', 'query($on: Date) { echo(on: $on, list: {}) }', { on: '2026-02-30' }, '$on'],
  ['a Decimal "1e309"', 'query($d: Decimal) { echo(amount: $d, list: {}) }', { d: '1e309' }, '$d'],
  ['a Float of 1e309 (Infinity)', 'query($r: Float) { echo(ratio: $r, list: {}) }', { r: JSON.parse('1e309') }, '$r'],
  ['an Int of 2^31', 'query($n: Int) { echo(n: $n, list: {}) }', { n: 2 ** 31 }, '$n'],
  ['an ID of 1e309', 'query($id: ID) { echo(id: $id, list: {}) }', { id: JSON.parse('1e309') }, '$id'],
  [
    'a DateTime in an input object',
    'query($i: EchoInput) { echo(input: $i, list: {}) }',
    { i: { at: 'soon' } },
    '$i.at',
  ],
])('%s, as a variable, is BAD_USER_INPUT naming the variable', async (_name, query, variables, field) => {
  expect(await errorsOf(query, variables)).toMatchObject(refused(field));
});

test.each([
  ['a DateTime without a zone', `echo(at: "2026-03-01T09:30:00", ${LIST})`, 'at'],
  ['a DateTime that is a number', `echo(at: 5, ${LIST})`, 'at'],
  ['a Date that does not exist', `echo(on: "2026-02-30", ${LIST})`, 'on'],
  ['a Decimal "1e309"', `echo(amount: "1e309", ${LIST})`, 'amount'],
  ['a Float of 1e309', `echo(ratio: 1e309, ${LIST})`, 'ratio'],
  ['an Int of 2^31', `echo(n: 2147483648, ${LIST})`, 'n'],
  ['an ID of 1e309', `echo(id: 1e309, ${LIST})`, 'id'],
  ['a DateTime in an input object', `echo(input: { at: "soon" }, ${LIST})`, 'input.at'],
  ['a Date in a second argument', 'echo(list: { on: "2026-02-30" })', 'list.on'],
  ['a field missing from an input object', `echo(input: {}, ${LIST})`, 'input.at'],
  [
    'a field an input object does not have',
    `echo(input: { at: "2026-03-01T09:30:00Z", bsn: "${BSN}" }, ${LIST})`,
    'input.bsn',
  ],
])('%s, written in the query, is BAD_USER_INPUT naming the argument', async (_name, field, path) => {
  expect(await errorsOf(`{ ${field} }`)).toMatchObject(refused(path));
});

test('a variable default GraphQL refuses is BAD_USER_INPUT naming the variable', async () => {
  expect(await errorsOf('query($on: Date = "2026-02-30") { echo(on: $on, list: {}) }')).toMatchObject(refused('$on'));
});

test('an internal error is logged (service, path, what) without the values a database error quotes', async () => {
  const logs = captureLogs('error');
  try {
    const { errors } = await errorsOf('{ boom }');
    expect(errors).toEqual([{ code: 'INTERNAL_SERVER_ERROR', field: undefined }]);
  } finally {
    logs.stop();
  }
  expect(logs.entries()).toEqual([
    expect.objectContaining({
      level: 'error',
      msg: 'test: internal error',
      path: 'boom',
      cause: expect.stringMatching(/^PrismaClientValidationError: \(message withheld/),
    }),
  ]);
  expect(logs.lines[0]).not.toContain(BSN);
});

test('the log masks what looks like a BSN, an IBAN or an e-mail address', () => {
  expect(redact(`bsn ${BSN}, iban NL91ABNA0417164300 or NL91 ABNA 0417 1643 00, mail jan@example.nl, port 4001`)).toBe(
    'bsn [number], iban [iban] or [iban], mail [e-mail], port 4001',
  );
  // A stack frame's path stays readable; an address next to it does not.
  const frame = 'at execute (/app/node_modules/.pnpm/graphql@16.15.0/node_modules/graphql/execution/execute.js:576:31)';
  expect(redact(frame)).toBe(frame);
  expect(redact(`sent to Jan.de.Vries@kringloop-ommekeer.nl/inbox`)).toBe('sent to [e-mail]/inbox');
  const plain = new Error(`lookup of ${BSN} failed`, {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });
  expect(describeError(plain)).toBe(
    `Error: lookup of ${BSN} failed; caused by Error: connect ECONNREFUSED [code ECONNREFUSED]`,
  );
  expect(describeError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } })).not.toMatch(/object Object/);
});
