#!/usr/bin/env bash
# LLM cache benchmark (issue 5): cached hits over HTTP with wrk at 50 connections, next to
# redis-benchmark GET at 50 clients in the same run. Needs the packaged service
# (./mvnw -pl agent-service package -DskipTests), Postgres/Redis/RabbitMQ up (bin/infra up), wrk.
# Run it under the shared lock so no build disturbs it:
#   flock -o /tmp/strata-maven.lock agent-service/bench/run.sh   (-o: children do not inherit the lock)
set -euo pipefail
for tool in redis-benchmark wrk; do command -v "$tool" >/dev/null || { echo "$tool is required: apt-get install redis-tools wrk" >&2; exit 1; }; done
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${BENCH_PORT:-18084}"
stub_port="${BENCH_STUB_PORT:-18999}"
duration="${BENCH_DURATION:-30s}"
source "$here/resources.sh"
# extra JVM flags for an experiment (e.g. -XX:StartFlightRecording=...); appended to the recommended ones
extra_opts="${BENCH_JAVA_OPTS:-}"
log="$(mktemp -d)"

cleanup() {
  # the app may hang in its own shutdown; it must never outlive the script (it would keep the
  # build lock's file descriptor open), so TERM, wait, then KILL
  for pid in ${app_pid:-} ${stub_pid:-}; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$log/app"
}
trap cleanup EXIT

# every endpoint needs a bearer token (issue 9): an admin token signed with the local dev key
source "$(dirname "$0")/token.sh"
auth="Authorization: Bearer $(bench_token)"

# run a copy, so a build in the work tree cannot swap the jar under the benchmark
# (BENCH_APP_DIR: another build's quarkus-app, to compare two versions on the same machine state)
cp -r "${BENCH_APP_DIR:-$module/target/quarkus-app}" "$log/app"
python3 "$here/stub_llm.py" "$stub_port" & stub_pid=$!

# The dev database is shared with other branches' builds, which may have applied newer migrations
# than this build knows (Flyway would refuse to start); the hit path never touches Postgres.
LLM_BASE_URL="http://127.0.0.1:$stub_port/v1" LLM_MODEL=bench-model \
QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false \
  "$java" $extra_opts -jar "$log/app/quarkus-run.jar" >"$log/app.log" 2>&1 & app_pid=$!

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null || { echo "the service did not start:"; tail -20 "$log/app.log"; exit 1; }
redis-cli -n "$redis_db" flushdb >/dev/null

body='{"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"What is churn?"}],"temperature":0}'
echo "prime: $(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/llm/completions" | grep -o '"cache":"[A-Z]*"')"
echo "check: $(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/llm/completions" | grep -o '"cache":"[A-Z]*"')"

echo "== warm-up (10s, not recorded)"
wrk -H "$auth" -t2 -c50 -d10s -s "$here/hit.lua" "http://127.0.0.1:$port/llm/completions" >/dev/null

echo "== wrk: cached hits over HTTP, 50 connections, $duration"
wrk -H "$auth" -t2 -c50 -d"$duration" --latency -s "$here/hit.lua" "http://127.0.0.1:$port/llm/completions"

echo "== redis-benchmark: GET, 50 clients"
redis-benchmark -h 127.0.0.1 -p 6379 -t get -c 50 -n 1000000 -d 300 --dbnum "$redis_db" 2>/dev/null | sed -n '/Summary/,$p'

echo "== gateway stats after the run"
curl -sf -H "$auth" "http://127.0.0.1:$port/llm/cache/stats"; echo

# Floors (BENCH_FLOORS=0 skips them): what the same wrk load reaches on this machine without the
# cache's work (an authenticated GET that touches nothing), and without Quarkus at all (BareHttp.java).
[ "${BENCH_FLOORS:-1}" = 1 ] || exit 0
echo "== floor: GET /llm/status (token, routing, JSON out; no body, no Redis), 50 connections, $duration"
wrk -H "$auth" -t2 -c50 -d10s "http://127.0.0.1:$port/llm/status" >/dev/null
wrk -H "$auth" -t2 -c50 -d"$duration" --latency "http://127.0.0.1:$port/llm/status"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
bare_port=$((port + 1))
"$java" -cp "$log/app/lib/main/*" "$here/BareHttp.java" "$bare_port" >"$log/bare.log" 2>&1 & app_pid=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$bare_port/" && break; sleep 0.5; done
echo "== floor: bare Vert.x server, same body in and the same answer's size out, 50 connections, $duration"
wrk -t2 -c50 -d10s -s "$here/hit.lua" "http://127.0.0.1:$bare_port/" >/dev/null
wrk -t2 -c50 -d"$duration" --latency -s "$here/hit.lua" "http://127.0.0.1:$bare_port/"
