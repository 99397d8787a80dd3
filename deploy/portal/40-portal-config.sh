#!/bin/sh
# Run by the nginx image's entry point before nginx starts: writes /tmp/portal/config.json, which
# the portal reads first (clients/portal/src/config.ts), from the container's environment.
#   PORTAL_GATEWAY_URL      the gateway's GraphQL URL as browsers reach it (required)
#   PORTAL_OIDC_AUTHORITY   the OpenID Connect provider's issuer URL  } both, or neither:
#   PORTAL_OIDC_CLIENT_ID   the portal's client id there               } no sign-in then
#   PORTAL_OIDC_SCOPE       default "openid profile"
# The development demo sign-in is always off here.
set -eu

if [ -z "${PORTAL_GATEWAY_URL:-}" ]; then
  echo 'PORTAL_GATEWAY_URL must be set: the gateway GraphQL URL as browsers reach it, e.g. https://api.example.org/graphql' >&2
  exit 1
fi
for name in PORTAL_GATEWAY_URL PORTAL_OIDC_AUTHORITY PORTAL_OIDC_CLIENT_ID PORTAL_OIDC_SCOPE; do
  case "$(printenv "$name" || true)" in
    *'"'* | *'\'*)
      echo "$name must not contain quotes or backslashes." >&2
      exit 1
      ;;
  esac
done

oidc=null
if [ -n "${PORTAL_OIDC_AUTHORITY:-}" ] && [ -n "${PORTAL_OIDC_CLIENT_ID:-}" ]; then
  oidc=$(printf '{"authority":"%s","clientId":"%s","scope":"%s"}' \
    "$PORTAL_OIDC_AUTHORITY" "$PORTAL_OIDC_CLIENT_ID" "${PORTAL_OIDC_SCOPE:-openid profile}")
fi

mkdir -p /tmp/portal
printf '{"gatewayUrl":"%s","oidc":%s,"demoSignIn":false}\n' "$PORTAL_GATEWAY_URL" "$oidc" >/tmp/portal/config.json
echo "portal: /config.json points the browser at $PORTAL_GATEWAY_URL"
