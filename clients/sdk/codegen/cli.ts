import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR, generateSdk } from './generate';

// `pnpm --filter @samen-sterk/sdk codegen`: writes src/generated/ from the committed supergraph
// and operations/.
async function main() {
  const files = await generateSdk();
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(GENERATED_DIR, name), content);
    console.log(`wrote ${path.relative(process.cwd(), path.join(GENERATED_DIR, name))}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
