import fs from 'node:fs';
import path from 'node:path';

// The walls of the house (docs/architecture.md), checked on every run. Each failure names the
// file and the import that crosses a wall.
const ROOT = path.resolve(__dirname, '../..');
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

const SUBGRAPHS = fs
  .readdirSync(path.join(ROOT, 'subgraphs'))
  .filter((name) => name !== 'runtime' && fs.existsSync(path.join(ROOT, 'subgraphs', name, 'package.json')));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;
const declared = (dir: string) => Object.keys({ ...manifest(dir).dependencies, ...manifest(dir).devDependencies });
const SUBGRAPH_PACKAGES = SUBGRAPHS.map((name) => manifest(`subgraphs/${name}`).name);

/** TypeScript files under `dir`, the generated Prisma client aside. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['generated', 'node_modules'].includes(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface Import {
  file: string;
  /** As written: `graphql`, `../schema/member`. */
  specifier: string;
  /** For a relative import, the absolute path it points at (without extension). */
  target: string | null;
}

/** Every `import … from`, `export … from`, `import('…')` and `require('…')` of a file (comment lines skipped). */
function importsOf(file: string): Import[] {
  const code = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => {
    const specifier = match[1]!;
    return {
      file,
      specifier,
      target: specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null,
    };
  });
}

const describeImport = (i: Import) => `${relative(i.file)} imports '${i.specifier}'`;

/** Is `target` the folder (or file) `dir`, or inside it? */
const within = (target: string, dir: string) =>
  target === dir || target.startsWith(dir + path.sep) || target.replace(/\.tsx?$/, '') === dir;

/** The room of a subgraph's file: the first folder under `src/` (`schema`, `services`, `domain`, `data`, …). */
function roomOf(srcDir: string, file: string): string | null {
  const parts = path.relative(srcDir, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : null;
}

/** A subgraph's files outside tests, with their room. */
function roomFiles(name: string) {
  const srcDir = path.join(ROOT, 'subgraphs', name, 'src');
  return sourceFiles(srcDir)
    .filter((file) => !file.split(path.sep).includes('__tests__'))
    .map((file) => ({ file, room: roomOf(srcDir, file), srcDir }));
}

test('there are subgraphs to check', () => {
  expect(SUBGRAPHS.length).toBeGreaterThanOrEqual(3);
});

// Each subgraph stands alone (its own database, deployable on its own): it may use the shared
// runtime, never another subgraph's code. They meet through federation and each other's APIs.
test.each(SUBGRAPHS)('%s neither depends on nor imports another subgraph', (name) => {
  const others = SUBGRAPH_PACKAGES.filter((other) => other !== manifest(`subgraphs/${name}`).name);
  expect(declared(`subgraphs/${name}`).filter((dependency) => others.includes(dependency))).toEqual([]);
  const files = sourceFiles(path.join(ROOT, 'subgraphs', name, 'src'));
  expect(files.length).toBeGreaterThan(0);
  const crossing = files
    .flatMap(importsOf)
    .filter((i) => others.some((other) => i.specifier === other || i.specifier.startsWith(`${other}/`)))
    .map(describeImport);
  expect(crossing).toEqual([]);
});

// Domain rules are pure: no GraphQL, no Prisma, no database, no I/O. They import other domain
// files and the runtime's pure part, nothing else, so they can be read and tested alone.
const DOMAIN_FORBIDDEN: [RegExp, string][] = [
  [/^graphql(\/|$)/, 'GraphQL'],
  [/^@pothos\//, 'Pothos'],
  [/^@prisma\//, 'Prisma'],
  [/(^|\/)generated(\/|$)/, 'the generated Prisma client'],
  [/^@samen-sterk\/subgraph-runtime$/, 'the runtime root (use @samen-sterk/subgraph-runtime/pure)'],
  [/^(node:)?(fs|net|http|https|child_process)(\/|$)/, 'I/O'],
];

test.each(SUBGRAPHS)('domain/ of %s imports only domain files and @samen-sterk/subgraph-runtime/pure', (name) => {
  const domain = roomFiles(name).filter((f) => f.room === 'domain');
  const violations = domain.flatMap(({ file, srcDir }) =>
    importsOf(file).flatMap((i) => {
      const forbidden = DOMAIN_FORBIDDEN.find(([pattern]) => pattern.test(i.specifier));
      if (forbidden) return [`${describeImport(i)}: domain code may not use ${forbidden[1]}`];
      if (i.target && !within(i.target, path.join(srcDir, 'domain'))) {
        return [`${describeImport(i)}: domain code imports only files inside domain/`];
      }
      return [];
    }),
  );
  expect(violations).toEqual([]);
});

// Use cases and data access know nothing of the GraphQL schema; finders know no use case. The
// schema calls services, services call domain and data, never the way back.
test.each(SUBGRAPHS)('services/ and data/ of %s do not import schema/, data/ does not import services/', (name) => {
  const violations = roomFiles(name)
    .filter((f) => f.room === 'services' || f.room === 'data')
    .flatMap(({ file, room, srcDir }) =>
      importsOf(file).flatMap((i) => {
        if (!i.target) return [];
        if (within(i.target, path.join(srcDir, 'schema')))
          return [`${describeImport(i)}: ${room}/ may not use schema/`];
        if (room === 'data' && within(i.target, path.join(srcDir, 'services'))) {
          return [`${describeImport(i)}: data/ may not use services/`];
        }
        return [];
      }),
    );
  expect(violations).toEqual([]);
});

// The runtime's pure part is what domain code may use: it must stay pure itself.
test('the runtime /pure imports only its own files and decimal.js', () => {
  const pure = path.join(ROOT, 'subgraphs', 'runtime', 'src', 'pure');
  const violations = sourceFiles(pure)
    .filter((file) => !file.split(path.sep).includes('__tests__'))
    .flatMap(importsOf)
    .filter((i) => (i.target ? !within(i.target, pure) : i.specifier !== 'decimal.js'))
    .map(describeImport);
  expect(violations).toEqual([]);
});

// The gateway runs on the runtime and the committed supergraph; the registry tells it the
// subgraphs' names. It never loads a subgraph's code, so it deploys (and starts) alone.
test('the gateway depends on and imports no subgraph, nor the composition', () => {
  const forbidden = [...SUBGRAPH_PACKAGES, '@samen-sterk/schema', '@samen-sterk/platform'];
  expect(declared('gateway').filter((dependency) => forbidden.includes(dependency))).toEqual([]);
  const violations = sourceFiles(path.join(ROOT, 'gateway', 'src'))
    .flatMap(importsOf)
    .filter(
      (i) =>
        forbidden.some((name) => i.specifier === name || i.specifier.startsWith(`${name}/`)) ||
        (i.target !== null && within(i.target, path.join(ROOT, 'subgraphs'))),
    )
    .map(describeImport);
  expect(violations).toEqual([]);
});

// Imports go one way: scripts, benchmarks and tests use the code; the code never uses them.
// The platform package (platform/) is what starts everything in one process, for pnpm start,
// the integration tests and the benchmarks alike: none of them imports another's entry points.
test('no code imports the integration tests, the scripts or the benchmarks', () => {
  const tests = path.join(ROOT, 'gateway', '__integration-tests__');
  const scripts = path.join(ROOT, 'scripts');
  const bench = path.join(ROOT, 'bench');
  const code = ['subgraphs', 'gateway/src', 'platform', 'schema'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
  const users = [...sourceFiles(tests), ...sourceFiles(bench)];
  const violations = [
    ...code.flatMap(importsOf).filter((i) => i.target && [tests, scripts, bench].some((dir) => within(i.target!, dir))),
    ...users.flatMap(importsOf).filter((i) => i.target && within(i.target, scripts)),
  ].map(describeImport);
  expect(violations).toEqual([]);
});

test('the platform package is not a dependency of what it starts', () => {
  const dependents = ['gateway', 'schema', 'subgraphs/runtime', ...SUBGRAPHS.map((name) => `subgraphs/${name}`)].filter(
    (dir) => declared(dir).includes('@samen-sterk/platform'),
  );
  expect(dependents).toEqual([]);
});
