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
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
WORK=${WORK:-/tmp/ingest-small-batches}
PORT=${PORT:-18082}
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-300s}
M2=${HOME}/.m2/repository
# the bench's own database and vhost (bin/infra up makes them), shared with no platform
export DB_NAME=strata_bench RABBITMQ_VHOST=strata-bench
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

rm -rf "$WORK" && mkdir -p "$WORK"
(cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -ntp -o -q -pl migrations,ingest-service package -DskipTests)
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$WORK/jwt.pem" -outform DER -out "$WORK/jwt.der"
openssl pkey -in "$WORK/jwt.pem" -pubout -out "$WORK/jwt-public.pem"
CP="$M2/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar:$M2/com/rabbitmq/amqp-client/5.20.0/amqp-client-5.20.0.jar:$(ls $M2/org/slf4j/slf4j-api/*/slf4j-api-*.jar | tail -1)"
TOKEN=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" token "$WORK/jwt.der")

sql() { PGPASSWORD=strata psql -h 127.0.0.1 -U strata -d "$DB_NAME" -tAc "$1"; }
# the jobs' ids are generated, so a run is known by its symbols (SMALL<n>) and what hangs off their jobs
clean_rows() {
  sql "DELETE FROM ingest.outbox WHERE correlation_id IN (SELECT id FROM ingest.ingestion_job WHERE symbol LIKE 'SMALL%');
       DELETE FROM ingest.ingestion_job WHERE symbol LIKE 'SMALL%'; DELETE FROM ingest.symbol_bars WHERE symbol LIKE 'SMALL%';" \
    >/dev/null 2>&1 || true
  rabbitmqctl -q purge_queue -p "$RABBITMQ_VHOST" dataset.ingested >/dev/null 2>&1 || true  # no warehouse consumes them here
}
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; clean_rows; rm -rf "$WORK/run"' EXIT
clean_rows
STRATA_RUN_DIR=$WORK/run STRATA_JWT_PUBLIC_KEY_LOCATION=file:$WORK/jwt-public.pem DB_PASSWORD=strata QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false "$JAVA" -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "localhost:$PORT/q/health/ready" >/dev/null || { echo "service did not start"; tail -50 "$WORK/service.log"; exit 1; }

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
