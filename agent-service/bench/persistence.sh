#!/usr/bin/env bash
# Persistence benchmark (issue 3) and runner benchmark (issue 4) of agent-service, next to pgbench
# on the same Postgres in the same run. Needs the packaged service (./mvnw -pl agent-service
# package -DskipTests), Postgres/Redis/RabbitMQ up (bin/infra up), wrk and pgbench. Run it under
# the shared lock so no build disturbs it:
#   flock /tmp/strata-maven.lock agent-service/bench/persistence.sh
# BENCH_PARTS picks the parts (default "crud executions sustained"): crud = the agents API next to pgbench;
# executions = one-step workflows started as fast as answered; sustained = starts offered at BENCH_RATE/s
# (500) for BENCH_SUSTAIN (30s). The execution parts warm the JIT first (BENCH_EXEC_WARMUP, 60s).
set -euo pipefail
for tool in pgbench wrk; do command -v "$tool" >/dev/null || { echo "$tool is required: apt-get install postgresql wrk" >&2; exit 1; }; done
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${BENCH_PORT:-18184}"
duration="${BENCH_DURATION:-30s}"
source "$here/resources.sh"
db="$DB_NAME"
work="$(mktemp -d)"
base="http://127.0.0.1:$port"

cleanup() {
  if [ -n "${app_pid:-}" ]; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ -n "${sampler_pid:-}" ]; then kill "$sampler_pid" 2>/dev/null || true; fi
  if [ -f "$work/app.log" ]; then
    echo "== service log: $(grep -c ' WARN ' "$work/app.log" || true) WARN, $(grep -c ' ERROR ' "$work/app.log" || true) ERROR lines, most frequent:"
    grep -E ' (WARN|ERROR) ' "$work/app.log" | cut -c25- | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g' | cut -c1-160 \
      | sort | uniq -c | sort -rn | head -n 5 || true
    cp "$work/app.log" "${BENCH_LOG:-/tmp/agent-bench-app.log}" && echo "   (whole log: ${BENCH_LOG:-/tmp/agent-bench-app.log})"
  fi
  # what the service left queued in the bench's own vhost goes with it
  for queue in workflow.execute audit.log notification.send; do
    rabbitmqctl -q purge_queue -p "$RABBITMQ_VHOST" "$queue" >/dev/null 2>&1 || true
  done
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

# every run starts from the same empty tables: rows (and dead row versions) piling up over earlier runs made
# later runs slower, the filtered list above all, which counts every agent the POST part of each run created
# (the bench's own database, so nothing else is lost)
psql -h 127.0.0.1 -U strata -d "$db" -qc "TRUNCATE agent.audit_log, agent.checkpoints, agent.outbox, agent.executions, agent.agents CASCADE" 2>/dev/null || true
# run a copy, so a build in the work tree cannot swap the jar under the benchmark
# (BENCH_APP_DIR: another build's quarkus-app, to compare two versions on the same machine state)
cp -r "${BENCH_APP_DIR:-$module/target/quarkus-app}" "$work/app"
QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  "$java" ${BENCH_JAVA_OPTS:-} -jar "$work/app/quarkus-run.jar" >"$work/app.log" 2>&1 & app_pid=$!
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null && break; sleep 0.5; done

agent='{"name":"Bench agent","type":"bench","model":"m","systemPrompt":"x","config":{"t":0},"status":"active"}'
json_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
parts="${BENCH_PARTS:-crud executions sustained}"
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
# the list counts every match: it gets the same rows with every build, not the many or few the POST part made
list_rows="${BENCH_LIST_ROWS:-20000}"
psql -h 127.0.0.1 -U strata -d "$db" -q >/dev/null <<SQL
DELETE FROM agent.agents WHERE type = 'bench';
INSERT INTO agent.agents (id, name, type, model, system_prompt, config, status, version, created_at, updated_at)
  SELECT gen_random_uuid(), 'Bench agent', 'bench', 'm', 'x', '{"t":0}', 'active', 0, now() - g * interval '1 ms', now()
  FROM generate_series(1, $list_rows) g;
ANALYZE agent.agents;
SQL
echo "== wrk GET /agents?type=bench&status=active&limit=20 (filter + count over $list_rows matches), 50 connections, $duration"
wrk -H "$auth" -t2 -c50 -d"$duration" --latency "$base/agents?type=bench&status=active&limit=20"

echo "== pgbench (scale 10) select-only and TPC-B, 50 clients, $duration"
pgbench -h 127.0.0.1 -U strata -i -s 10 -q "$db" >/dev/null 2>&1
secs="${duration%s}"
pgbench -h 127.0.0.1 -U strata -S -c 50 -j 2 -T "$secs" "$db" 2>/dev/null | grep -E "^(tps|latency)"
pgbench -h 127.0.0.1 -U strata -c 50 -j 2 -T "$secs" "$db" 2>/dev/null | grep -E "^(tps|latency)"
fi

if [[ " $parts " == *" executions "* || " $parts " == *" sustained "* ]]; then
exec_duration="${BENCH_EXEC_DURATION:-20s}"
exec_connections="${BENCH_EXEC_CONNECTIONS:-16}"
workflow='{"name":"bench","steps":[{"id":"t","kind":"template","params":{"text":"hi {{input.n}}"}}]}'
new_workflow() { curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$workflow" "$base/workflows" | json_id; }
# waits (at most 10 min) until every started execution of workflow $1 ended; a failed status query is
# reported and retried, not taken for the end of the wait (the 2026-11-22 03:34 run stopped early on one)
wait_done() {
  local q="SELECT count(*) FILTER (WHERE status IN ('PENDING','RUNNING')) FROM agent.executions WHERE workflow_id = '$1'"
  left="?"
  for _ in $(seq 1 600); do
    if left="$(psql -h 127.0.0.1 -U strata -d "$db" -qtAc "$q" 2>"$work/psql.err")"; then
      [ "$left" = "0" ] && break
    else
      left="?"
      echo "status query failed, retrying: $(tr '\n' ' ' <"$work/psql.err")" >&2
    fi
    sleep 1
  done
}
# every request a fresh Idempotency-Key: wrk's threads share one random seed, so the key carries the
# thread's number (before, both threads sent the same keys and half the starts were repeats)
cat >"$work/start.lua" <<'LUA'
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"input":{"n":1}}'
request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. os.time() .. "-" .. tid .. "-" .. counter
  return wrk.format()
end
LUA
# the same starts at an offered rate instead of as fast as answered: each of wrk's threads spaces its
# requests evenly (LuaJIT's ffi for a monotonic clock in milliseconds), so a service that cannot keep up
# shows as a growing queue, not as a slower client
rate="${BENCH_RATE:-500}"
{ cat "$work/start.lua"; cat <<LUA; } >"$work/rate.lua"
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } timespec;
int clock_gettime(int clk_id, timespec *tp);
]]
local clock = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local spacing = 2 * 1000 / $rate
local next_at = 0
function delay()
  local now = now_ms()
  next_at = math.max(next_at, now) + spacing
  return next_at - now
end
LUA
depth() { rabbitmqctl -q list_queues -p "$RABBITMQ_VHOST" name messages 2>/dev/null | awk '$1=="workflow.execute"{print $2}'; }
sample_depth() {
  ( while true; do printf '%s workflow.execute depth=%s\n' "$(date +%T)" "$(depth)"; sleep "$1"; done ) & sampler_pid=$!
}
# a warm JIT, as a service under load has: the same load on a workflow of its own, drained, not recorded.
# C2 takes its time on two shared cores: after 10-20 s of it, 500 starts/s were not sustained (369-420
# completions/s), after 60 s they were (508-514/s; BENCHMARKS.md)
warmup="${BENCH_EXEC_WARMUP:-60s}"
echo "== warm-up ($warmup, not recorded)"
warm=$(new_workflow)
wrk -H "$auth" -t2 -c"$exec_connections" -d"$warmup" -s "$work/start.lua" "$base/workflows/$warm/executions" >/dev/null
wait_done "$warm"
# what autovacuum would have done by now on a production server; this machine's Postgres runs with it
# off (its conf.d/90-ci.conf), so the tables kept no statistics and the statements prepared while they
# were empty kept their plans (a sequential scan of audit_log for every batch's duplicate check)
psql -h 127.0.0.1 -U strata -d "$db" -qc "VACUUM ANALYZE agent.executions, agent.checkpoints, agent.outbox, agent.audit_log"
fi

if [[ " $parts " == *" executions "* ]]; then
echo "== executions: one-step template workflows started over HTTP for $exec_duration, $exec_connections connections, as fast as answered"
sample_depth 2
# the runner's channel settings of this run (copies of the channel x prefetch each)
echo "== runner concurrency: ${AGENT_RUNNER_CONCURRENCY:-8 (default)}"
wf=$(new_workflow)
# where the machine's two cores go during the load (the service, Postgres, RabbitMQ, wrk)
python3 "$here/cpu-split.py" "$(( ${exec_duration%s} - 4 ))" 2 & split_pid=$!
wrk -H "$auth" -t2 -c"$exec_connections" -d"$exec_duration" --latency -s "$work/start.lua" "$base/workflows/$wf/executions"
wait "$split_pid"
load_end="$(date -u '+%Y-%m-%d %H:%M:%S.%N+00')"
wait_done "$wf"
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=
echo "== executions still PENDING/RUNNING at the end of the wait: $left"
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT status, count(*) FROM agent.executions WHERE workflow_id = '$wf' GROUP BY status ORDER BY status"
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT count(*) AS executions,
         round(count(*) / extract(epoch FROM max(updated_at) - min(created_at))::numeric, 1) AS executions_per_s,
         round(1000 * extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY updated_at - created_at))::numeric, 1) AS p50_ms,
         round(1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY updated_at - created_at))::numeric, 1) AS p99_ms
  FROM agent.executions WHERE workflow_id = '$wf' AND status = 'SUCCEEDED'"
# the runner alone: the backlog left when wrk stopped, drained with no starts competing for the CPUs
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT count(*) AS drained_after_load,
         round(count(*) / nullif(extract(epoch FROM max(updated_at) - timestamptz '$load_end'), 0)::numeric, 1) AS runner_only_per_s
  FROM agent.executions WHERE workflow_id = '$wf' AND status = 'SUCCEEDED' AND updated_at > timestamptz '$load_end'"
# the audit writer: each ended execution sends one audit.log record; how many the chain holds when the
# executions are done (a writer that falls behind leaves the rest in the queue, purged when the bench ends)
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT count(*) AS audit_records_written_by_then FROM agent.audit_log WHERE details->>'workflowId' = '$wf'"
fi

if [[ " $parts " == *" sustained "* ]]; then
sustain="${BENCH_SUSTAIN:-30s}"
echo "== sustained: starts offered at $rate/s for $sustain (32 connections); completions per second while offered"
wf=$(new_workflow)
sample_depth 3
python3 "$here/cpu-split.py" "$(( ${sustain%s} - 4 ))" 2 & split_pid=$!
load_start="$(date -u '+%Y-%m-%d %H:%M:%S.%N+00')"
wrk -H "$auth" -t2 -c32 -d"$sustain" --latency -s "$work/rate.lua" "$base/workflows/$wf/executions"
load_end="$(date -u '+%Y-%m-%d %H:%M:%S.%N+00')"
wait "$split_pid"
backlog="$(psql -h 127.0.0.1 -U strata -d "$db" -qtAc "SELECT count(*) FROM agent.executions WHERE workflow_id = '$wf' AND status IN ('PENDING','RUNNING')")"
wait_done "$wf"
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=
echo "== not yet ended when the load stopped: $backlog; still PENDING/RUNNING after the wait: $left"
# the first 5 s are the pipeline filling; completions after the load's end are the backlog, not the rate
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT count(*) FILTER (WHERE created_at < timestamptz '$load_end') AS started,
         round(count(*) FILTER (WHERE updated_at BETWEEN timestamptz '$load_start' + interval '5 s' AND timestamptz '$load_end')
           / extract(epoch FROM timestamptz '$load_end' - timestamptz '$load_start' - interval '5 s')::numeric, 1) AS completed_per_s_under_load,
         round(1000 * extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY updated_at - created_at))::numeric, 1) AS p50_ms,
         round(1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY updated_at - created_at))::numeric, 1) AS p99_ms
  FROM agent.executions WHERE workflow_id = '$wf' AND status = 'SUCCEEDED'"
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT status, count(*) FROM agent.executions WHERE workflow_id = '$wf' GROUP BY status ORDER BY status"
fi
