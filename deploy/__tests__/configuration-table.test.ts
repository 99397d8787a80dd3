import { read, sourcesUnder } from './deploy-files';

// Every environment variable the code reads is in the README's configuration table, so whoever
// deploys the platform finds what it can set. Read from the code: `process.env.NAME`, names given
// to the helpers that read `process.env[name]`, and `<SERVICE>_SUFFIX` patterns.

const CODE = [
  'gateway/src',
  'platform/src',
  'scripts',
  'clients/portal/server',
  ...['members', 'cao', 'hr-payroll', 'procurement', 'academy', 'runtime'].map((name) => `subgraphs/${name}/src`),
];

/** Read by the code but not configuration: set by tools, or only for tests and benchmarks. */
const NOT_CONFIGURATION = new Set([
  'JEST_WORKER_ID', // set by Jest: logs are silent in tests
  'INIT_CWD', // set by pnpm: where the command was typed (SAMEN_STERK_DATA_DIR is relative to it)
  'HR_PAYROLL_PAYSLIP_STORAGE', // benchmark switch (bench/payroll-run.ts compares COPY with INSERT)
]);

/** Tools that start the platform to test it, not parts of it: their own variables are in their usage notes. */
const TEST_TOOLS = ['scripts/scale-out']; // pnpm test:scale-out (README, "Scale-out on one machine")

interface Read {
  /** A name, or a pattern such as `<SERVICE>_URL` for names made from a service's name. */
  name: string;
  file: string;
}

function variablesRead(): Read[] {
  const reads: Read[] = [];
  for (const file of CODE.flatMap(sourcesUnder).filter((f) => !TEST_TOOLS.some((tool) => f.startsWith(tool)))) {
    const text = read(file);
    for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) reads.push({ name: m[1]!, file });
    for (const m of text.matchAll(/process\.env\[\s*'([A-Z][A-Z0-9_]*)'\s*\]/g)) reads.push({ name: m[1]!, file });
    if (/process\.env\[(?!\s*')/.test(text)) {
      // A helper reading `process.env[name]`: the names handed to calls in the same file.
      // (`setting('TIMEOUT_MS', …)` names a suffix, below.)
      for (const m of text.matchAll(/\b(?!setting\()\w+\(\s*'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) {
        reads.push({ name: m[1]!, file });
      }
      // Names made from a service's name: `${envPrefix(name)}_URL` and the like.
      for (const m of text.matchAll(/`\$\{(?:envPrefix\([^)]*\)|own)\}_([A-Z][A-Z0-9_]*)`/g)) {
        reads.push({ name: `<SERVICE>_${m[1]}`, file });
      }
      // `SUBGRAPH_${suffix}` with the suffixes of `setting('SUFFIX', …)` (resilience/policies.ts).
      if (text.includes('`SUBGRAPH_${suffix}`')) {
        for (const m of text.matchAll(/\bsetting\(\s*'([A-Z_]+)'/g)) reads.push({ name: `SUBGRAPH_${m[1]}`, file });
      }
    }
  }
  return reads.filter((r) => !NOT_CONFIGURATION.has(r.name));
}

/** The README's "Configuration" section, up to the next heading. */
function configurationTable(): string {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Configuration\n');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .join('\n');
}

function documented(table: string, name: string): boolean {
  const names = [...table.matchAll(/`([A-Z<][A-Za-z0-9_<>*]*)`/g)].map((m) => m[1]!);
  if (name.startsWith('<SERVICE>_')) {
    const suffix = name.slice('<SERVICE>'.length);
    // `MEMBERS_URL (<SUBGRAPH>_URL)`, `<NAME>_TIMEOUT_MS` or `GATEWAY_PORT`, `MEMBERS_PORT`, …
    return names.some((n) => n.endsWith(suffix) && /^(<[A-Z]+>|MEMBERS|GATEWAY)$/.test(n.slice(0, -suffix.length)));
  }
  return names.some((n) => n === name || (n.endsWith('_*') && name.startsWith(n.slice(0, -1))));
}

test('the code reads environment variables (the scan sees them)', () => {
  const names = new Set(variablesRead().map((r) => r.name));
  for (const expected of ['GATEWAY_SECRET', 'MAX_QUERY_DEPTH', '<SERVICE>_DATABASE_URL', 'SUBGRAPH_READ_RETRIES']) {
    expect(names).toContain(expected);
  }
});

test("every environment variable the code reads is in the README's configuration table", () => {
  const table = configurationTable();
  const missing = [
    ...new Set(
      variablesRead()
        .filter((r) => !documented(table, r.name))
        .map((r) => `${r.name} (${r.file})`),
    ),
  ];
  expect(missing).toEqual([]);
});
