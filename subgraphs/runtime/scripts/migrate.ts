/**
 * `pnpm migrate [subgraph …]`: applies the pending migrations of each named subgraph (every
 * registered one when none is named) to its database, then exits. The database is the one the
 * subgraph itself would open: `<NAME>_DATABASE_URL`, else its PGlite folder under
 * `SAMEN_STERK_DATA_DIR` (`.data` in the repository root), as `pnpm start` uses it.
 *
 * One line per subgraph: what was applied, or "up to date"; on failure one sentence saying why,
 * then the runner's advice, and exit code 1 (the other subgraphs are still migrated: their
 * databases are their own). Exit code 2 for a wrong command line.
 *
 * Deployments run it once per subgraph before the subgraph starts (the Compose one-shots, the
 * Kubernetes Jobs; docs/operations.md). `pnpm --filter @samen-sterk/<name> migrate` does one.
 */
import { migrateSubgraph } from '../src/migrations/deploy';
import { SUBGRAPH_REGISTRY } from '../src/registry';

const NAMES: readonly string[] = SUBGRAPH_REGISTRY.map((subgraph) => subgraph.name);
const USAGE = `Usage: pnpm migrate [subgraph …]   (subgraphs: ${NAMES.join(', ')}; all when none is named)`;

function selected(argv: string[]): readonly (typeof SUBGRAPH_REGISTRY)[number][] | string {
  const names = argv.filter((arg) => arg !== '--');
  if (names.some((arg) => arg === '--help' || arg === '-h')) return '';
  const option = names.find((arg) => arg.startsWith('-'));
  if (option) return `Unknown option ${option}.`;
  const unknown = names.find((name) => !NAMES.includes(name));
  if (unknown) return `There is no subgraph "${unknown}"; the registered ones are ${NAMES.join(', ')}.`;
  if (names.length === 0) return SUBGRAPH_REGISTRY;
  return SUBGRAPH_REGISTRY.filter((subgraph) => names.includes(subgraph.name));
}

async function main(): Promise<number> {
  const subgraphs = selected(process.argv.slice(2));
  if (typeof subgraphs === 'string') {
    if (subgraphs) console.error(subgraphs);
    console.error(USAGE);
    return 2;
  }
  let failed = 0;
  // One after the other: each opens its own database, and the output reads in order.
  for (const subgraph of subgraphs) {
    const outcome = await migrateSubgraph(subgraph);
    if (outcome.ok) {
      console.log(outcome.summary);
    } else {
      failed++;
      console.error(outcome.summary);
      if (outcome.detail) console.error(`  ${outcome.detail}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Migrating failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
