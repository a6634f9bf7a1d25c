#!/usr/bin/env bash
# Persistence benchmark (issue 3) and runner benchmark (issue 4) of agent-service, next to pgbench
# on the same Postgres in the same run. Needs the packaged service (./mvnw -pl agent-service
# package -DskipTests), Postgres/Redis/RabbitMQ up (bin/infra up), wrk and pgbench. Run it under
# the shared lock so no build disturbs it:
#   flock /tmp/strata-maven.lock agent-service/bench/persistence.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${BENCH_PORT:-18184}"
duration="${BENCH_DURATION:-30s}"
db="${BENCH_DB:-strata}"
export PGPASSWORD="${DB_PASSWORD:-strata}"
work="$(mktemp -d)"
base="http://127.0.0.1:$port"

cleanup() {
  if [ -n "${app_pid:-}" ]; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ -n "${sampler_pid:-}" ]; then kill "$sampler_pid" 2>/dev/null || true; fi
  # pgbench's tables go; the agent schema stays (the app owns it)
  pgbench -h 127.0.0.1 -U strata -i -I d "$db" >/dev/null 2>&1 || true
  # the app is stopped above before its jar is removed: a JVM that loses its jar cannot shut down
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM


# every endpoint needs a bearer token (issue 9): an admin token signed with the local dev key
source "$(dirname "$0")/token.sh"
auth="Authorization: Bearer $(bench_token)"

# run a copy, so a build in the work tree cannot swap the jar under the benchmark
cp -r "$module/target/quarkus-app" "$work/app"
DB_PASSWORD="$PGPASSWORD" DB_REACTIVE_URL="postgresql://127.0.0.1:5432/$db" DB_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  "$java" -jar "$work/app/quarkus-run.jar" >"$work/app.log" 2>&1 & app_pid=$!
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null && break; sleep 0.5; done

agent='{"name":"Bench agent","type":"bench","model":"m","systemPrompt":"x","config":{"t":0},"status":"active"}'
json_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
parts="${BENCH_PARTS:-crud executions}"
id=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$agent" "$base/agents" | json_id)
if [[ " $parts " == *" crud "* ]]; then
for i in $(seq 1 200); do curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' -d "$agent" "$base/agents"; done
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$agent'
LUA

echo "== warm-up (10s, not recorded)"
wrk -H "$auth" -t2 -c50 -d10s "$base/agents/$id" >/dev/null
echo "== wrk GET /agents/{id}, 50 connections, $duration"
wrk -H "$auth" -t2 -c50 -d"$duration" --latency "$base/agents/$id"
echo "== wrk POST /agents, 50 connections, $duration"
wrk -H "$auth" -t2 -c50 -d"$duration" --latency -s "$work/post.lua" "$base/agents"
echo "== wrk GET /agents?type=bench&status=active&limit=20 (filter + count), 50 connections, $duration"
wrk -H "$auth" -t2 -c50 -d"$duration" --latency "$base/agents?type=bench&status=active&limit=20"

echo "== pgbench (scale 10) select-only and TPC-B, 50 clients, $duration"
pgbench -h 127.0.0.1 -U strata -i -s 10 -q "$db" >/dev/null 2>&1
secs="${duration%s}"
pgbench -h 127.0.0.1 -U strata -S -c 50 -j 2 -T "$secs" "$db" 2>/dev/null | grep -E "^(tps|latency)"
pgbench -h 127.0.0.1 -U strata -c 50 -j 2 -T "$secs" "$db" 2>/dev/null | grep -E "^(tps|latency)"
fi

if [[ " $parts " == *" executions "* ]]; then
exec_duration="${BENCH_EXEC_DURATION:-20s}"
exec_connections="${BENCH_EXEC_CONNECTIONS:-16}"
echo "== executions: one-step template workflows started over HTTP for $exec_duration, $exec_connections connections"
workflow='{"name":"bench","steps":[{"id":"t","kind":"template","params":{"text":"hi {{input.n}}"}}]}'
wf=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$workflow" "$base/workflows" | json_id)
cat >"$work/start.lua" <<'LUA'
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"input":{"n":1}}'
request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. tostring(math.random(1, 2^30)) .. "-" .. counter
  return wrk.format()
end
LUA
( while true; do
    printf '%s workflow.execute depth=%s\n' "$(date +%T)" \
      "$(rabbitmqctl -q list_queues name messages 2>/dev/null | awk '$1=="workflow.execute"{print $2}')"
    sleep 2
  done ) & sampler_pid=$!
wrk -H "$auth" -t2 -c"$exec_connections" -d"$exec_duration" --latency -s "$work/start.lua" "$base/workflows/$wf/executions"
q="SELECT count(*) FILTER (WHERE status <> 'SUCCEEDED') FROM agent.executions WHERE workflow_id = '$wf'"
for _ in $(seq 1 600); do
  left="$(psql -h 127.0.0.1 -U strata -d "$db" -qtAc "$q")" || break
  [ "$left" = "0" ] && break
  sleep 1
done
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT count(*) AS executions,
         round(count(*) / extract(epoch FROM max(updated_at) - min(created_at))::numeric, 1) AS executions_per_s,
         round(1000 * extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY updated_at - created_at))::numeric, 1) AS p50_ms,
         round(1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY updated_at - created_at))::numeric, 1) AS p99_ms
  FROM agent.executions WHERE workflow_id = '$wf' AND status = 'SUCCEEDED'"
fi
