import { operationProblems, operationTypes, schemaOfSdl } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcurementContext } from '../builder';
import { buyerOf, MEMBERS_OPERATIONS } from '../services/members-directory';

// Procurement asks the members directory for an order's buyer (name, KvK number, city); what it
// asks must be what the members' committed SDL offers, and the hand-written answer type in
// services/members-directory.ts must be what that SDL answers.

const ROOT = path.resolve(__dirname, '../../../..');
const SDL = 'subgraphs/members/schema.graphql';
const schema = schemaOfSdl(fs.readFileSync(path.join(ROOT, SDL), 'utf8'));
const documents = Object.fromEntries(MEMBERS_OPERATIONS.map((o, i) => [o.name ?? `operation ${i + 1}`, o.document]));
/** Without white space: the generated text and the hand-written type compared as tokens. */
const tokens = (text: string) => text.replace(/\s+/g, '').replace(/;}/g, '}');

test('there are operations to check', () => {
  expect(MEMBERS_OPERATIONS.length).toBeGreaterThan(0);
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
  const source = fs.readFileSync(path.join(__dirname, '../services/members-directory.ts'), 'utf8');
  const types = [...generated.matchAll(/export type \w+ = [\s\S]*?\n};/g)].map((m) => m[0]);
  expect(types.length).toBeGreaterThan(0);
  for (const type of types) expect(tokens(source)).toContain(tokens(type));
});

test('when the members directory does not answer, the buyer is an error saying so, not a guess', async () => {
  // Port 1 on the loopback: nothing listens there, the connection is refused at once.
  const ctx = { serviceUrl: () => 'http://127.0.0.1:1/graphql', authorization: null } as unknown as ProcurementContext;
  const refusal = await buyerOf(ctx, '00000000-0000-4000-8000-000000000001').then(
    () => null,
    (error: { message: string; extensions?: { code?: string } }) => error,
  );
  expect(refusal?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(refusal?.message).toMatch(/members directory could not answer/);
});
