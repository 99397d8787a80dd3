import { defineSubgraph } from '@samen-sterk/subgraph-runtime';
import { PrismaClient } from './generated/prisma/client';
import { schema } from './schema';
import { seedAcademy } from './seed/seed';
import { closeStartedSessions } from './services/sessions';

/** The Academy subgraph, as the runtime runs it. */
export const academySubgraph = defineSubgraph({
  name: 'academy',
  schema,
  sourceDir: __dirname,
  Client: PrismaClient,
  seed: seedAcademy,
  // Rule 7: whoever still waits or awaits approval when a session starts is cancelled.
  jobs: [{ name: 'close-started-sessions', intervalMs: 60_000, run: (db) => closeStartedSessions(db) }],
});

export { schema };
