import fs from 'node:fs';
import path from 'node:path';

// Each subgraph stands alone (its own database, deployable on its own): it may use the shared
// runtime, never another subgraph's code. They meet through federation and each other's APIs.
const ROOT = path.resolve(__dirname, '../..');
const SUBGRAPHS = fs
  .readdirSync(path.join(ROOT, 'subgraphs'))
  .filter((name) => name !== 'runtime' && fs.existsSync(path.join(ROOT, 'subgraphs', name, 'package.json')));
const packageName = (name: string) =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'subgraphs', name, 'package.json'), 'utf8')) as { name: string }).name;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test('there are subgraphs to check', () => {
  expect(SUBGRAPHS.length).toBeGreaterThanOrEqual(3);
});

test.each(SUBGRAPHS)('%s neither depends on nor imports another subgraph', (name) => {
  const others = SUBGRAPHS.filter((other) => other !== name).map(packageName);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'subgraphs', name, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  expect(declared.filter((dependency) => others.includes(dependency))).toEqual([]);
  const files = sourceFiles(path.join(ROOT, 'subgraphs', name, 'src'));
  expect(files.length).toBeGreaterThan(0);
  const crossing = files.filter((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return others.some((other) => text.includes(`from '${other}'`) || text.includes(`from '${other}/`));
  });
  expect(crossing.map((file) => path.relative(ROOT, file))).toEqual([]);
});
