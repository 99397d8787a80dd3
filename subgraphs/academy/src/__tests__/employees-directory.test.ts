import { operationProblems, operationTypes, schemaOfSdl } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import type { AcademyContext } from '../builder';
import { employerOf, HR_OPERATIONS } from '../services/employees-directory';

// The Academy asks hr-payroll which member an employee works for (when member HR enrols them);
// what it asks must be what hr-payroll's committed SDL offers, and the hand-written answer type
// in services/employees-directory.ts must be what that SDL answers.

const ROOT = path.resolve(__dirname, '../../../..');
const SDL = 'subgraphs/hr-payroll/schema.graphql';
const schema = schemaOfSdl(fs.readFileSync(path.join(ROOT, SDL), 'utf8'));
const documents = Object.fromEntries(HR_OPERATIONS.map((o, i) => [o.name ?? `operation ${i + 1}`, o.document]));
/** Without white space: the generated text and the hand-written type compared as tokens. */
const tokens = (text: string) => text.replace(/\s+/g, '').replace(/;}/g, '}');

test('there are operations to check', () => {
  expect(HR_OPERATIONS.length).toBeGreaterThan(0);
});

test(`every operation is valid against ${SDL}`, () => {
  expect(operationProblems(schema, documents)).toEqual([]);
});

test(`the hand-written answer types are what ${SDL} answers`, () => {
  const generated = operationTypes(schema, Object.values(documents), {
    Date: 'string',
    DateTime: 'string',
    Decimal: 'string',
  });
  const source = fs.readFileSync(path.join(__dirname, '../services/employees-directory.ts'), 'utf8');
  // One type a paragraph (the generated lines are not indented, so a nested type's `};` ends no type).
  const types = generated.split(/\n\s*\n/).filter((t) => t.trim().startsWith('export type'));
  expect(types.length).toBeGreaterThan(0);
  for (const type of types) expect(tokens(source)).toContain(tokens(type));
});

test('when hr-payroll does not answer, the enrolment is an error saying so, not a guess', async () => {
  // Port 1 on the loopback: nothing listens there, the connection is refused at once.
  const ctx = { serviceUrl: () => 'http://127.0.0.1:1/graphql', authorization: null } as unknown as AcademyContext;
  const refusal = await employerOf(ctx, '00000000-0000-4000-8000-000000000001').then(
    () => null,
    (error: { message: string; extensions?: { code?: string } }) => error,
  );
  expect(refusal?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(refusal?.message).toMatch(/HR directory could not answer/);
});
