import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR, generateSdk, SUPERGRAPH_FILE } from '../codegen/generate';

// The committed generated code must be what the committed supergraph and operations give: a
// changed schema or operation without `pnpm --filter @samen-sterk/sdk codegen` fails here.
const supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');

/** The supergraph with `edit` applied to the definition that starts with `start` (up to its `}`). */
function editDefinition(start: string, edit: (definition: string) => string): string {
  const from = supergraph.indexOf(`\n${start}\n`);
  expect(from).toBeGreaterThan(0);
  const to = supergraph.indexOf('\n}', from) + 2;
  const changed = edit(supergraph.slice(from, to));
  expect(changed).not.toBe(supergraph.slice(from, to));
  return supergraph.slice(0, from) + changed + supergraph.slice(to);
}

test('the committed generated code is up to date with the supergraph and the operations', async () => {
  const files = await generateSdk(supergraph);
  expect(Object.keys(files).sort()).toEqual(['api-schema.graphql', 'graphql.ts']);
  for (const [name, content] of Object.entries(files)) {
    const committed = fs.readFileSync(path.join(GENERATED_DIR, name), 'utf8');
    if (committed !== content) {
      throw new Error(`clients/sdk/src/generated/${name} is stale: run pnpm --filter @samen-sterk/sdk codegen`);
    }
  }
});

test('a supergraph change that reaches the operations changes the generated code', async () => {
  // One more order status: the committed union of statuses is then stale.
  const changed = editDefinition('enum OrderStatus', (definition) =>
    definition.replace('\n}', '\n  ON_HOLD @join__enumValue(graph: PROCUREMENT)\n}'),
  );
  const files = await generateSdk(changed);
  expect(files['graphql.ts']).toContain("'ON_HOLD'");
  expect(files['graphql.ts']).not.toBe(fs.readFileSync(path.join(GENERATED_DIR, 'graphql.ts'), 'utf8'));
});

test('an operation that asks for a field the supergraph no longer has is refused, with its file and field', async () => {
  const withoutSavings = editDefinition('type Order', (definition) => definition.replace(/\n\s*savings: Decimal!/, ''));
  await expect(generateSdk(withoutSavings)).rejects.toThrow(
    /operations\/procurement\.graphql: Cannot query field "savings" on type "Order"/,
  );
});
