#!/bin/bash
# Run inside an image build: starts the service once with -XX:AOTCacheOutput, waits until it is
# READY, asks it a few ordinary questions (health, metrics, OpenAPI), and stops it; the JVM writes
# the AOT cache as it exits. The build passes the servers' address and secrets as environment.
set -euo pipefail
port=$1
set -a
. /run/strata-train/env
set +a
export QUARKUS_HTTP_PORT=$port

get() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  local status
  read -r _ status _ <&3 || status=0
  exec 3<&-
  [ "$status" = 200 ]
}

java $JAVA_OPTS -XX:AOTCacheOutput=/work/aot/app.aot -Xlog:aot=warning -jar /work/quarkus-run.jar &
pid=$!
for _ in $(seq 1 180); do
  get /q/health/ready 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the service exited during AOT training" >&2; exit 1; }
  sleep 1
done
for _ in $(seq 1 20); do get /q/health >/dev/null 2>&1 || true; get /q/metrics >/dev/null 2>&1 || true; get /q/openapi >/dev/null 2>&1 || true; done
kill -TERM $pid
wait $pid || true
rm -rf /tmp/* 2>/dev/null || true
test -s /work/aot/app.aot
