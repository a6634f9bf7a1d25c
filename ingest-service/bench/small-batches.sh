#!/usr/bin/env bash
# Many small POST /bars requests at once (not a test): wrk keeps CONNECTIONS requests of 10 NDJSON bars
# in flight for DURATION, each to a random symbol, so every request is its own job, file and
# dataset.ingested message. Prints wrk's req/s and latency, how many answers were not 2xx, and the
# service's ERROR lines. It is the load that showed an intermittent 500 (ContextNotActiveException,
# 6 in 58,755 requests before the fix in OutboundMessages); a non-2xx count above 0 is a defect.
# Run from the repository root, under the shared build lock:
#   flock /tmp/strata-maven.lock ingest-service/bench/small-batches.sh
set -euo pipefail
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 1; }
WORK=${WORK:-/tmp/ingest-small-batches}
PORT=${PORT:-18082}
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-300s}
source "$(dirname "$0")/service.sh"

rm -rf "$WORK" && mkdir -p "$WORK"
build_service
make_token

# the jobs' ids are generated, so a run is known by its symbols (SMALL<n>) and what hangs off their jobs
clean_rows() {
  sql "DELETE FROM ingest.outbox WHERE correlation_id IN (SELECT id FROM ingest.ingestion_job WHERE symbol LIKE 'SMALL%');
       DELETE FROM ingest.ingestion_job WHERE symbol LIKE 'SMALL%'; DELETE FROM ingest.symbol_bars WHERE symbol LIKE 'SMALL%';" \
    >/dev/null 2>&1 || true
  purge_bench_queue
}
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; clean_rows; rm -rf "$WORK/run"' EXIT
start_service

python3 - > "$WORK/body.ndjson" <<'PY'
import json
for minute in range(10):
    print(json.dumps({"ts": f"2024-03-04T15:{minute:02d}:00Z", "open": 10, "high": 11, "low": 9, "close": 10.5, "volume": 100}))
PY
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = "application/x-ndjson"
local body = io.open("$WORK/body.ndjson")
wrk.body = body:read("*a")
body:close()
request = function()
  return wrk.format(nil, "/bars?frame=1m&symbol=SMALL" .. math.random(1, 100000))
end
LUA
echo "== POST /bars, 10 bars each, $CONNECTIONS connections, $DURATION ($(date -u +%FT%TZ))"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/post.lua" "http://localhost:$PORT/bars" | tee "$WORK/wrk.out"
echo "non-2xx answers: $(awk '/Non-2xx/ {print $5}' "$WORK/wrk.out" | grep . || echo 0)"
echo "service ERROR lines: $(grep -c ' ERROR ' "$WORK/service.log" || true)"
grep -m3 -A12 ' ERROR ' "$WORK/service.log" || true
