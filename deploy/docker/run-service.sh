#!/bin/sh
# The entry point of the service images (deploy/docker/Dockerfile):
#   run-service.sh start     runs $SERVICE (the gateway or a subgraph) until SIGTERM
#   run-service.sh migrate   applies the subgraph's pending migrations and exits (pnpm migrate)
#
# Secrets may come as files (Compose secrets, mounted Kubernetes Secrets): for the secret
# variables below, NAME_FILE=/path sets NAME to the file's content (without its trailing newline).
# Only these: other *_FILE variables (a CA bundle's path, say) mean something else.
set -eu
SECRET_VARIABLES='^\(JWT_SECRET\|GATEWAY_SECRET\|GATEWAY_SECRET_PREVIOUS\|ACADEMY_BADGE_KEY\|[A-Z][A-Z0-9_]*_DATABASE_URL\)_FILE='
cd "$(dirname "$0")/../.." # the workspace root (/app in the image)

for name in $(env | grep "$SECRET_VARIABLES" | sed 's/_FILE=.*//'); do
  file=$(printenv "${name}_FILE")
  if [ ! -r "$file" ]; then
    echo "${name}_FILE names ${file}, which cannot be read: mount the secret there or unset ${name}_FILE." >&2
    exit 1
  fi
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done

case "${SERVICE:-}" in
  '') echo 'SERVICE is not set: this image was built without --build-arg SERVICE.' >&2; exit 1 ;;
  gateway) dir=gateway ;;
  *) dir="subgraphs/$SERVICE" ;;
esac

case "${1:-start}" in
  start)
    exec node --import tsx "$dir/src/main.ts"
    ;;
  migrate)
    if [ "$SERVICE" = gateway ]; then
      echo 'The gateway has no database to migrate.' >&2
      exit 2
    fi
    exec node --import tsx subgraphs/runtime/scripts/migrate.ts "$SERVICE"
    ;;
  *)
    echo "Unknown command \"$1\": give start or migrate." >&2
    exit 2
    ;;
esac
