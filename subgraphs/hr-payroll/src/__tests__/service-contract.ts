import {
  operationProblems,
  operationTypes,
  schemaOfSdl,
  type ScalarTypes,
  type ServiceOperation,
} from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

const ROOT = path.resolve(__dirname, '../../../..');
const UPDATE = 'UPDATE_SERVICE_TYPES';

/**
 * The contract of a client of another subgraph: every operation it sends is valid against that
 * subgraph's committed SDL (read from its file; its code is never loaded), and the client's
 * answer types (`generated`, beside the client) are what the SDL says those operations answer.
 * With UPDATE_SERVICE_TYPES=1 the generated file is rewritten instead of compared.
 */
export function describeServiceContract(options: {
  /** The other subgraph's committed SDL, relative to the repository root. */
  sdl: string;
  operations: readonly ServiceOperation<unknown, unknown>[];
  /** The generated types, relative to the repository root. */
  generated: string;
  /** Who uses the types, for the file's header. */
  client: string;
  scalars: ScalarTypes;
}) {
  const schema = schemaOfSdl(fs.readFileSync(path.join(ROOT, options.sdl), 'utf8'));
  const documents = Object.fromEntries(options.operations.map((o, i) => [o.name ?? `operation ${i + 1}`, o.document]));

  test('there are operations to check', () => {
    expect(options.operations.length).toBeGreaterThan(0);
  });

  test(`every operation is valid against ${options.sdl}`, () => {
    expect(operationProblems(schema, documents)).toEqual([]);
  });

  test(`the answer types in ${options.generated} are what ${options.sdl} answers`, async () => {
    const file = path.join(ROOT, options.generated);
    const header = `// Generated from ${options.sdl} and the operations of ${options.client}: do not edit.
// After changing an operation, or when that SDL changed: ${UPDATE}=1 pnpm test ${path.relative(ROOT, __dirname)}
`;
    const text = header + '\n' + operationTypes(schema, Object.values(documents), options.scalars);
    const expected = await format(text, { ...(await resolveConfig(file)), filepath: file });
    if (process.env[UPDATE] === '1') fs.writeFileSync(file, expected);
    expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)').toBe(expected);
  });
}
