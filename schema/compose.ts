// `pnpm compose`: writes each subgraph's SDL beside it and the supergraph to schema/.
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './composition';
import { SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs';

const composition = composeSupergraph();
for (const subgraph of SUBGRAPHS) {
  fs.writeFileSync(subgraph.sdlPath, composition.subgraphSdl[subgraph.name]!);
  console.log(`wrote ${path.relative(process.cwd(), subgraph.sdlPath)}`);
}
if (composition.errors.length > 0) {
  console.error('Composition failed:\n' + composition.errors.map((e) => `  - ${e}`).join('\n'));
  process.exit(1);
}
for (const hint of composition.hints) console.log(`hint: ${hint}`);
fs.writeFileSync(SUPERGRAPH_PATH, composition.supergraphSdl!);
console.log(`wrote ${path.relative(process.cwd(), SUPERGRAPH_PATH)}`);
