#!/usr/bin/env bash
# ingest-service benchmark (not a test): 1 M one-minute bars as CSV and as NDJSON through POST /bars,
# and through ingest.bars, into Parquet; next to DuckDB's own COPY of the same CSV. Prints bars/s and
# the service's peak RSS (VmHWM) per run; the service is restarted for each run.
# Run from the repository root, under the shared build lock:
#   flock /tmp/strata-maven.lock ingest-service/bench/run.sh
# PHASES picks the runs (default "copy csv ndjson amqp"); SERVICE_JAVA_OPTS is passed to the service JVM,
# e.g. SERVICE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/ingest.jfr' PHASES=csv to profile one path.
set -euo pipefail
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
TOTAL=${TOTAL:-1000000}
CHUNK=${CHUNK:-100000}
WORK=${WORK:-/tmp/ingest-bench}
PORT=${PORT:-18081}
PHASES=${PHASES:-copy csv ndjson amqp}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
M2=${HOME}/.m2/repository
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

rm -rf "$WORK" && mkdir -p "$WORK/data"
python3 "$ROOT/ingest-service/bench/generate.py" "$TOTAL" "$CHUNK" "$WORK/data"
(cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -ntp -o -q -pl migrations,ingest-service package -DskipTests)
# the service verifies bearer JWTs: a throw-away key pair for this run, an operator token signed by it
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$WORK/jwt.pem" -outform DER -out "$WORK/jwt.der"
openssl pkey -in "$WORK/jwt.pem" -pubout -out "$WORK/jwt-public.pem"
CP="$M2/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar:$M2/com/rabbitmq/amqp-client/5.20.0/amqp-client-5.20.0.jar:$(ls $M2/org/slf4j/slf4j-api/*/slf4j-api-*.jar | tail -1)"

start_service() {
  rm -rf "$WORK/run"
  PGPASSWORD=strata psql -h 127.0.0.1 -U strata -d strata -qc "DELETE FROM ingest.ingestion_job WHERE id LIKE 'bench-%'; DELETE FROM ingest.outbox;" 2>/dev/null || true
  STRATA_RUN_DIR=$WORK/run STRATA_JWT_PUBLIC_KEY_LOCATION=file:$WORK/jwt-public.pem DB_PASSWORD=strata QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "$JAVA" $SERVICE_JAVA_OPTS -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "service did not start"; tail -50 "$WORK/service.log"; exit 1
}
stop_service() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null' EXIT
TOKEN=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" token "$WORK/jwt.der")
peak_rss_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$PID/status"; }
report() { printf '%-28s %9d bars %8.2f s %10.0f bars/s  peak RSS %s MB\n' "$1" "$TOTAL" "$2" "$(echo "$TOTAL / $2" | bc -l)" "$3"; }
now() { date +%s.%N; }

post_all() {  # $1 = extension, $2 = content type
  local t0; t0=$(now)
  for f in "$WORK"/data/bars-*."$1"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "Content-Type: $2" --data-binary @"$f" \
      "localhost:$PORT/bars?symbol=BENCH&frame=1m&jobId=bench-$1-$(basename "$f" ."$1")")
    [ "$code" = 201 ] || { echo "POST $f answered $code"; exit 1; }
  done
  echo "$(now) - $t0" | bc -l
}

phase() { [[ " $PHASES " == *" $1 "* ]]; }

if phase copy; then
  T=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" copy "$WORK/data/all.csv" "$WORK/duckdb-copy.parquet")
  report "DuckDB COPY read_csv" "$T" "-"
fi
if phase csv; then start_service; T=$(post_all csv text/csv); report "POST /bars text/csv" "$T" "$(peak_rss_mb)"; stop_service; fi
if phase ndjson; then start_service; T=$(post_all ndjson application/x-ndjson); report "POST /bars NDJSON" "$T" "$(peak_rss_mb)"; stop_service; fi
if phase amqp; then
  start_service
  N=$(ls "$WORK"/data/bars-*.ndjson | wc -l)
  t0=$(now)
  "$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" publish BENCHQ "$WORK"/data/bars-*.ndjson
  until [ "$(PGPASSWORD=strata psql -h 127.0.0.1 -U strata -d strata -tAc "SELECT count(*) FROM ingest.ingestion_job WHERE id LIKE 'bench-amqp-%' AND status = 'COMPLETED'")" = "$N" ]; do sleep 0.2; done
  T=$(echo "$(now) - $t0" | bc -l); report "ingest.bars (AMQP)" "$T" "$(peak_rss_mb)"
  stop_service
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
