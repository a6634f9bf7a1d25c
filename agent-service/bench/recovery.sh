#!/usr/bin/env bash
# Recovery benchmark of the workflow runner: how long executions in flight take to end after a fault.
# Starts BENCH_EXECUTIONS (400) executions of a three-step workflow whose middle step is an http call
# answered after BENCH_STEP_DELAY (0.3 s) by a local endpoint, waits BENCH_FAULT_AFTER (5 s), then
#   BENCH_FAULT=cut    terminates every Postgres connection of the service (pg_terminate_backend, as
#                      the postgres superuser through the local socket; needs root), BENCH_CUTS times
#                      one second apart;
#   BENCH_FAULT=kill9  kills the service with SIGKILL and starts it again at once;
# and reports the time from the fault until every execution SUCCEEDED, and how many ended late.
# Needs the packaged service (./mvnw -pl agent-service package -DskipTests) and bin/infra up:
#   BENCH_FAULT=cut flock /tmp/strata-maven.lock agent-service/bench/recovery.sh
# BENCH_APP_DIR runs another build's quarkus-app (to compare two versions on one machine state).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${BENCH_PORT:-18184}"
step_port="${BENCH_STEP_PORT:-18199}"
fault="${BENCH_FAULT:-cut}"
count="${BENCH_EXECUTIONS:-400}"
source "$here/resources.sh"
db="$DB_NAME"
work="$(mktemp -d)"
base="http://127.0.0.1:$port"

cleanup() {
  [ -n "${app_pid:-}" ] && { kill "$app_pid" 2>/dev/null || true; for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done; kill -9 "$app_pid" 2>/dev/null || true; }
  [ -n "${step_pid:-}" ] && kill "$step_pid" 2>/dev/null || true
  for queue in workflow.execute audit.log notification.send; do
    rabbitmqctl -q purge_queue -p "$RABBITMQ_VHOST" "$queue" >/dev/null 2>&1 || true
  done
  cat "$work"/app*.log > "${BENCH_LOG:-/tmp/agent-recovery-app.log}" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

source "$here/token.sh"
auth="Authorization: Bearer $(bench_token)"
sql() { psql -h 127.0.0.1 -U strata -d "$db" -qtAc "$1"; }
now() { date +%s.%N; }

start_app() {
  QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
    "$java" -jar "$work/app/quarkus-run.jar" >>"$work/app$1.log" 2>&1 & app_pid=$!
  for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "the service did not become ready" >&2; exit 1
}

# the third-party endpoint of the http step: answers every call after a delay, many at once
python3 - "$step_port" "${BENCH_STEP_DELAY:-0.3}" <<'PY' & step_pid=$!
import sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
delay = float(sys.argv[2])
class Slow(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(delay)
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"{}")
    def log_message(self, *args): pass
class Quiet(ThreadingHTTPServer):
    def handle_error(self, request, client_address): pass  # a caller killed mid-call (the kill9 fault)
Quiet(("127.0.0.1", int(sys.argv[1])), Slow).serve_forever()
PY

sql "TRUNCATE agent.audit_log, agent.checkpoints, agent.outbox, agent.executions CASCADE" || true
cp -r "${BENCH_APP_DIR:-$module/target/quarkus-app}" "$work/app"
start_app 1

workflow='{"name":"recovery","steps":[{"id":"a","kind":"template","params":{"text":"{{input.n}}"}},
  {"id":"call","kind":"http","params":{"url":"http://127.0.0.1:'"$step_port"'/step","body":"{{steps.a}}"}},
  {"id":"c","kind":"template","params":{"text":"{{steps.a}} {{steps.call.status}}"}}]}'
wf=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$workflow" "$base/workflows" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

echo "== $count executions of a three-step workflow (http step answered after ${BENCH_STEP_DELAY:-0.3} s), fault '$fault' after ${BENCH_FAULT_AFTER:-5} s"
load_start=$(now)
seq 1 "$count" | xargs -P 8 -I{} curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: recovery-{}-$$" -d '{"input":{"n":{}}}' "$base/workflows/$wf/executions" &
starts_pid=$!
sleep "${BENCH_FAULT_AFTER:-5}"
fault_at=$(now)
fault_ts="$(date -u '+%Y-%m-%d %H:%M:%S.%N+00')"
in_flight=$(sql "SELECT count(*) FROM agent.executions WHERE workflow_id = '$wf' AND status = 'RUNNING'")
case "$fault" in
  cut)
    for _ in $(seq 1 "${BENCH_CUTS:-3}"); do
      runuser -u postgres -- psql -qtAc "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
        WHERE datname = '$db' AND usename = 'strata' AND application_name NOT LIKE 'psql%'" | sed 's/^/   connections cut: /'
      sleep 1
    done ;;
  kill9)
    kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
    start_app 2
    echo "   restarted after $(python3 -c "print(round($(now) - $fault_at, 1))") s" ;;
  *) echo "BENCH_FAULT is cut or kill9" >&2; exit 2 ;;
esac
wait "$starts_pid" || true
echo "   RUNNING at the fault: $in_flight"

left="?"
for _ in $(seq 1 1200); do
  left=$(sql "SELECT count(*) FROM agent.executions WHERE workflow_id = '$wf' AND status IN ('PENDING','RUNNING')" || echo "?")
  [ "$left" = "0" ] && break
  sleep 0.5
done
done_at=$(now)
echo "== still PENDING/RUNNING at the end of the wait (10 min at most): $left"
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT status, count(*) FROM agent.executions WHERE workflow_id = '$wf' GROUP BY status ORDER BY status"
psql -h 127.0.0.1 -U strata -d "$db" -P pager=off -c "
  SELECT count(*) AS executions,
         round(extract(epoch FROM max(updated_at) - timestamptz '$fault_ts')::numeric, 1) AS last_end_after_fault_s,
         count(*) FILTER (WHERE updated_at > timestamptz '$fault_ts' + interval '30 s') AS ended_over_30s_after_fault,
         round(extract(epoch FROM max(updated_at) - min(created_at))::numeric, 1) AS first_start_to_last_end_s
  FROM agent.executions WHERE workflow_id = '$wf'"
echo "== fault to all ended (polled): $(python3 -c "print(round($done_at - $fault_at, 1))") s; load start to all ended: $(python3 -c "print(round($done_at - $load_start, 1))") s"
