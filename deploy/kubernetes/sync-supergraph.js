// `pnpm supergraph:sync` (also run by `pnpm compose`): copies the committed supergraph into the
// Kubernetes base, where kustomize makes the gateway's ConfigMap of it (it reads no file outside
// its own folder). deploy/__tests__ fails when the copy differs from schema/supergraph.graphql.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const source = path.join(root, 'schema', 'supergraph.graphql');
const target = path.join(__dirname, 'base', 'supergraph.graphql');
const text = fs.readFileSync(source, 'utf8');
if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) {
  console.log('deploy/kubernetes/base/supergraph.graphql is current.');
} else {
  fs.writeFileSync(target, text);
  console.log('Copied schema/supergraph.graphql to deploy/kubernetes/base/supergraph.graphql.');
}
