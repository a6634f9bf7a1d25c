#!/usr/bin/env bash
# Attachment benchmark (issue 3, item 6): streamed upload and download of large files through the
# packaged agent-service, next to the same machine's disk + SHA-256 speed (cp + sha256sum of the
# same file), plus the JVM's resident memory while 8 uploads of 20 MB run at once (streamed: it
# must not grow by their sum) and the rate of small (1 KB) uploads with wrk.
# Needs the packaged service (./mvnw -pl migrations,agent-service package -DskipTests), Postgres,
# Redis and RabbitMQ up (bin/infra up), curl, wrk. Run it under the shared lock:
#   flock /tmp/strata-maven.lock agent-service/bench/files.sh
set -euo pipefail
for tool in wrk; do command -v "$tool" >/dev/null || { echo "$tool is required: apt-get install wrk" >&2; exit 1; }; done
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${BENCH_PORT:-18185}"
size_mb="${BENCH_FILE_MB:-20}"
rounds="${BENCH_ROUNDS:-10}"
source "$here/resources.sh"
work="$(mktemp -d)"
base="http://127.0.0.1:$port"

cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -f "$work/app.log" ]; then echo "== failed ($status); app log:"; tail -20 "$work/app.log"; fi
  if [ -n "${app_pid:-}" ]; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

source "$here/token.sh"
auth="Authorization: Bearer $(bench_token)"

# (BENCH_APP_DIR: another build's quarkus-app, to compare two versions on the same machine state)
cp -r "${BENCH_APP_DIR:-$module/target/quarkus-app}" "$work/app"
# the shared dev database may carry migrations of branches not merged here yet: tolerate newer ones
export QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future'
AGENT_FILES_ROOT="$work/files" AGENT_FILES_MAX_SIZE=64M \
QUARKUS_HTTP_PORT="$port" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  "$java" -jar "$work/app/quarkus-run.jar" >"$work/app.log" 2>&1 & app_pid=$!
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null && break; sleep 0.5; done

json_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
agent='{"name":"Bench files","type":"bench","model":"m","systemPrompt":"x","config":{},"status":"active"}'
agent_id=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$agent" "$base/agents" | json_id)
session=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "{\"agentId\":\"$agent_id\",\"title\":\"bench\"}" "$base/sessions" | json_id)
uploads="$base/sessions/$session/attachments"
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$app_pid/status"; }
mbps() { python3 -c "print(f'{$1 * $2 / $3:.0f}')"; }  # rounds * MB / seconds

for i in $(seq 1 "$rounds"); do head -c "${size_mb}M" /dev/urandom >"$work/f$i.bin"; done
echo "== machine: $(nproc) cores, $("$java" -version 2>&1 | head -1)"

echo "== baseline: cp + sha256sum of $rounds distinct ${size_mb} MB files"
start=$(date +%s.%N)
for i in $(seq 1 "$rounds"); do cp "$work/f$i.bin" "$work/copy.bin"; sha256sum "$work/copy.bin" >/dev/null; done
secs=$(python3 -c "import time; print(time.time() - $start)")
echo "baseline: $(mbps "$rounds" "$size_mb" "$secs") MB/s"

echo "== warm-up (3 uploads + downloads, not recorded)"
for i in 1 2 3; do
  id=$(curl -sf -H "$auth" -H 'Content-Type: application/octet-stream' --data-binary "@$work/f$i.bin" "$uploads?name=w$i.bin" | json_id)
  curl -sf -H "$auth" -o /dev/null "$base/attachments/$id/content"
  curl -sf -H "$auth" -X DELETE "$base/attachments/$id"
done

echo "== upload: $rounds distinct ${size_mb} MB files, one at a time"
ids=()
start=$(date +%s.%N)
for i in $(seq 1 "$rounds"); do
  ids+=("$(curl -sf -H "$auth" -H 'Content-Type: application/octet-stream' --data-binary "@$work/f$i.bin" "$uploads?name=f$i.bin" | json_id)")
done
secs=$(python3 -c "import time; print(time.time() - $start)")
echo "upload: $(mbps "$rounds" "$size_mb" "$secs") MB/s"

echo "== download: the same $rounds files, one at a time (checked byte-identical afterwards)"
start=$(date +%s.%N)
for i in $(seq 1 "$rounds"); do curl -sf -H "$auth" -o "$work/d$i.bin" "$base/attachments/${ids[$((i-1))]}/content"; done
secs=$(python3 -c "import time; print(time.time() - $start)")
echo "download: $(mbps "$rounds" "$size_mb" "$secs") MB/s"
for i in $(seq 1 "$rounds"); do cmp -s "$work/f$i.bin" "$work/d$i.bin" || { echo "download $i differs"; exit 1; }; done
rm -f "$work"/d*.bin

echo "== memory: 8 concurrent uploads of ${size_mb} MB"
before=$(rss_mb); peak=$before
pids=()
for i in $(seq 1 8); do
  curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/octet-stream' --data-binary "@$work/f$(( (i - 1) % rounds + 1 )).bin" "$uploads?name=c$i.bin" &
  pids+=($!)
done
running() { for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
while running; do r=$(rss_mb); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.05; done
for p in "${pids[@]}"; do wait "$p"; done
echo "rss before: ${before} MB, peak during: ${peak} MB (the 8 bodies total $((8 * size_mb)) MB)"

echo "== wrk: 1 KB uploads (same content: one blob, new rows), 16 connections, 20s"
head -c 1024 /dev/urandom | base64 -w0 | head -c 1024 >"$work/small.txt"
cat >"$work/small.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
wrk.body = "$(cat "$work/small.txt")"
LUA
wrk -H "$auth" -t2 -c16 -d20s --latency -s "$work/small.lua" "$uploads?name=small.txt" | grep -E "Requests/sec|Latency |50.0*%|99.0*%|Non-2xx"
sleep 2  # uploads still in flight when wrk stopped finish first
echo "== blobs on disk: $(find "$work/files/sha256" -type f | wc -l), staging files left: $(find "$work/files/staging" -type f | wc -l)"
