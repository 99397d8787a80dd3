#!/bin/sh
# Makes deploy/secrets/, the files deploy/compose.yaml hands to the containers as secrets: new
# random values, readable only by you on this machine (the folder is 0700; the files are 0644 so
# that the containers' unprivileged users can read them once mounted). Never commit the folder
# (.gitignore keeps it out). deploy/secrets.example/ shows what each file holds.
#
#   deploy/make-secrets.sh          # refuses when deploy/secrets/ exists: that would change them all
set -eu
cd "$(dirname "$0")"
if [ -e secrets ]; then
  echo 'deploy/secrets/ exists already. Rotate one secret at a time (docs/operations.md), or remove the folder to start over.' >&2
  exit 1
fi
mkdir -m 700 secrets
# A half-made folder is removed again.
trap 'rm -rf secrets' EXIT
node - <<'JS'
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const write = (name, value) => fs.writeFileSync(path.join('secrets', name), `${value}\n`, { mode: 0o644 });
const random = () => crypto.randomBytes(32).toString('hex');
write('jwt_secret', random());
write('gateway_secret', random());
const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
write('academy_badge_key', JSON.stringify(privateKey.export({ format: 'jwk' })));
// Every subgraph with a database (a prisma/ folder) gets a PostgreSQL user, password and URL.
const subgraphs = fs
  .readdirSync(path.join('..', 'subgraphs'))
  .filter((name) => fs.existsSync(path.join('..', 'subgraphs', name, 'prisma', 'schema.prisma')));
for (const name of subgraphs) {
  const id = name.replace(/-/g, '_');
  const password = random();
  write(`${id}_db_password`, password);
  write(`${id}_database_url`, `postgresql://${id}:${password}@${name}-db:5432/${id}`);
}
console.log(`Wrote deploy/secrets/ (${fs.readdirSync('secrets').length} files).`);
JS
trap - EXIT
