#!/usr/bin/env node
// Runs `prisma generate` for the subgraph in the current folder, offline.
// Prisma's CLI wants a schema-engine binary it would download; generate never runs it,
// so any existing file satisfies the check (see DEVELOPERS.md, "Known pitfalls").
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const prismaCli = require.resolve('prisma/build/index.js', { paths: [__dirname] });
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(
  process.execPath,
  [prismaCli, 'generate', '--schema', path.join(process.cwd(), 'prisma', 'schema.prisma')],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
