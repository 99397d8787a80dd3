import fs from 'node:fs';
import path from 'node:path';
import { migrationDrift } from '../drift';

// Every subgraph's migrations must produce exactly its schema.prisma: otherwise the database a
// deployment migrates to differs from the one its Prisma client expects.
const SUBGRAPHS_DIR = path.resolve(__dirname, '..', '..', '..', '..');
const subgraphs = fs
  .readdirSync(SUBGRAPHS_DIR, { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && fs.existsSync(path.join(SUBGRAPHS_DIR, entry.name, 'prisma', 'schema.prisma')),
  )
  .map((entry) => entry.name)
  .sort();

test('finds the subgraphs with a Prisma schema', () => {
  expect(subgraphs).toContain('members');
});

test.each(subgraphs)('subgraphs/%s: migrations match prisma/schema.prisma', async (subgraph) => {
  const prismaDir = path.join(SUBGRAPHS_DIR, subgraph, 'prisma');
  const drift = await migrationDrift(path.join(prismaDir, 'schema.prisma'), path.join(prismaDir, 'migrations'));
  if (drift !== '') {
    throw new Error(
      `subgraphs/${subgraph}/prisma/schema.prisma has changes that no migration makes. Create the ` +
        `migration with: cd subgraphs/${subgraph} && pnpm migration:new <what_changed>\n` +
        `(or from the repository root: pnpm migration:new <what_changed> --subgraph ${subgraph}),\n` +
        `review it and commit it with the schema. The SQL still missing:\n\n${drift}`,
    );
  }
});
