import fs from 'node:fs';
import { composeSupergraph } from '../composition';
import { SUBGRAPHS, SUPERGRAPH_PATH } from '../subgraphs';

// The committed SDL is what the gateway serves and what Apollo Router would run: it must be
// what the code composes today.
const composition = composeSupergraph();

test('the subgraphs compose without errors', () => {
  expect(composition.errors).toEqual([]);
});

test.each(SUBGRAPHS.map((s) => [s.name, s] as const))(
  'the committed SDL of %s is current (run `pnpm compose`)',
  (name, subgraph) => {
    expect(fs.readFileSync(subgraph.sdlPath, 'utf8')).toBe(composition.subgraphSdl[name]);
  },
);

test('the committed supergraph is current (run `pnpm compose`)', () => {
  expect(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composition.supergraphSdl);
});
