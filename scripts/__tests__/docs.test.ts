import fs from 'node:fs';
import path from 'node:path';

// The README and the docs are read in a clone of this repository and nowhere else: every
// relative link points at a file in it (none at a folder beside the repository).
const ROOT = path.resolve(__dirname, '../..');
const DOCS = ['README.md', 'DEVELOPERS.md', ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)];

test.each(DOCS)('%s links only to files in the repository', (doc) => {
  const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
  const links = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
  const outside = links.filter((link) => {
    const target = path.resolve(ROOT, path.dirname(doc), link);
    return !target.startsWith(`${ROOT}${path.sep}`) || !fs.existsSync(target);
  });
  expect(outside).toEqual([]);
  expect(text).not.toMatch(/\.\.\/shared/);
});
