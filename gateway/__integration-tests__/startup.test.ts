import { membersSubgraph } from '@samen-sterk/members';
import { startPlatform, SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import { MigrationError, openDatabase, runSubgraph } from '@samen-sterk/subgraph-runtime';
import net from 'node:net';
import { testDatabaseLocation } from './testkit/databases';

// A migration that was applied and then edited means the database and the code no longer agree
// on what the schema is: the platform must refuse to start, and say why.
test('a changed applied migration stops start-up with a clear message, and nothing listens', async () => {
  const location = await testDatabaseLocation('members');
  const database = await openDatabase(location, membersSubgraph.createClient);
  const [applied] = await database.sql.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name LIMIT 1`,
  );
  expect(applied).toBeDefined();
  const setChecksum = (checksum: string) =>
    database.sql.query(`UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2`, [
      checksum,
      applied!.migration_name,
    ]);
  await setChecksum('0'.repeat(64));
  const port = await freePort();
  try {
    const others = Object.fromEntries(
      await Promise.all(
        SUBGRAPH_DEFINITIONS.filter((d) => d.name !== 'members').map(
          async (d) => [d.name, await testDatabaseLocation(d.name)] as const,
        ),
      ),
    );
    const failure = await startPlatform({
      location: (name) => (name === 'members' ? location : others[name]),
      port: () => port,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).code).toBe('MIGRATION_CHECKSUM_MISMATCH');
    expect((failure as Error).message).toContain(applied!.migration_name);
    expect(await isListening(port)).toBe(false);
  } finally {
    // A real PostgreSQL database outlives this test; the PGlite copy was closed by the failed start.
    if (location.kind === 'postgres') await setChecksum(applied!.checksum);
    await database.close();
  }
  // Every subgraph loads its database before the failed one stops them all: on a loaded two-core
  // machine (the suite runs two files at once) that takes longer than a test's default 30 s.
}, 120_000);

// `pnpm start --fresh` creates each database, migrates and seeds it in one process; the tests'
// templates were made in another. A type the migrations create (the enum array `Role[]`) was
// unknown to a PGlite opened before it existed, and every query on it failed until a restart.
test('a database created, migrated and seeded by this process answers queries on enum arrays', async () => {
  const template = await testDatabaseLocation('members');
  // On PGlite a new, empty database, as on a first start; PostgreSQL is the shared test database.
  const location = template.kind === 'postgres' ? template : { kind: 'pglite' as const, dataDir: null };
  if (template.kind === 'pglite-instance') await template.instance.close();
  const members = await runSubgraph(membersSubgraph, { location, port: 0, seed: true });
  try {
    const admins = await members.database.prisma.user.count({ where: { roles: { has: 'MEMBER_ADMIN' } } });
    expect(admins).toBeGreaterThan(0);
  } finally {
    await members.stop();
  }
}, 120_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
