#!/usr/bin/env bash
# ingest-service benchmark (not a test): 1 M one-minute bars as CSV and as NDJSON through POST /bars,
# and through ingest.bars, into Parquet; next to DuckDB's own COPY of the same CSV. Prints bars/s and
# the service's peak RSS (VmHWM) per run; the service is restarted for each run.
# Run from the repository root, under the shared build lock:
#   flock /tmp/strata-maven.lock ingest-service/bench/run.sh
# PHASES picks the runs (default "copy csv ndjson amqp"); SERVICE_JAVA_OPTS is passed to the service JVM,
# e.g. SERVICE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/ingest.jfr' PHASES=csv to profile one path.
# WARMUP (default 100000) bars are sent once per path, as one request/message of another symbol (BENCHW),
# after the service started and before the measured TOTAL, and are not counted; WARMUP=0 measures a cold JVM.
# The AMQP clock starts at the first publish (the publisher's JVM start and file reading are not counted)
# and stops at the last job's completion time in Postgres.
set -euo pipefail
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
TOTAL=${TOTAL:-1000000}
CHUNK=${CHUNK:-100000}
WORK=${WORK:-/tmp/ingest-bench}
PORT=${PORT:-18081}
PHASES=${PHASES:-copy csv ndjson amqp}
WARMUP=${WARMUP:-100000}
# REST requests in flight at once (the AMQP consumer takes INGEST_BARS_CONCURRENCY messages at once, 2 by default)
CLIENTS=${CLIENTS:-1}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
M2=${HOME}/.m2/repository
# the bench's own database and vhost (bin/infra up makes them), so a platform running beside it on strata
# and / neither relays the bench's outbox rows nor receives its dataset.ingested messages
export DB_NAME=strata_bench RABBITMQ_VHOST=strata-bench
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

rm -rf "$WORK" && mkdir -p "$WORK/data"
python3 "$ROOT/ingest-service/bench/generate.py" "$TOTAL" "$CHUNK" "$WORK/data"
# the warm-up batch: the first WARMUP bars, sent under another symbol so they share no partition with the measured ones
mkdir -p "$WORK/warmup"
if [ "$WARMUP" -gt 0 ]; then
  head -n $((WARMUP + 1)) "$WORK/data/all.csv" > "$WORK/warmup/bars-warm.csv"
  cat "$WORK"/data/bars-*.ndjson | awk -v n="$WARMUP" 'NR <= n' > "$WORK/warmup/bars-warm.ndjson"
fi
(cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -ntp -o -q -pl migrations,ingest-service package -DskipTests)
# the service verifies bearer JWTs: a throw-away key pair for this run, an operator token signed by it
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$WORK/jwt.pem" -outform DER -out "$WORK/jwt.der"
openssl pkey -in "$WORK/jwt.pem" -pubout -out "$WORK/jwt-public.pem"
CP="$M2/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar:$M2/com/rabbitmq/amqp-client/5.20.0/amqp-client-5.20.0.jar:$(ls $M2/org/slf4j/slf4j-api/*/slf4j-api-*.jar | tail -1)"

sql() { PGPASSWORD=strata psql -h 127.0.0.1 -U strata -d "$DB_NAME" -tAc "$1"; }
# what a run leaves in Postgres: its jobs, the symbol days of its symbols, and its outbox rows (their
# correlation id is the job id); unsent, they would be published by the next ingest-service on this database
clean_rows() {
  sql "DELETE FROM ingest.ingestion_job WHERE id LIKE 'bench-%'; DELETE FROM ingest.symbol_bars WHERE symbol LIKE 'BENCH%'; DELETE FROM ingest.outbox WHERE correlation_id LIKE 'bench-%';" >/dev/null 2>&1 || true
  rabbitmqctl -q purge_queue -p "$RABBITMQ_VHOST" dataset.ingested >/dev/null 2>&1 || true  # no warehouse consumes them here
}
start_service() {
  rm -rf "$WORK/run"
  clean_rows
  STRATA_RUN_DIR=$WORK/run STRATA_JWT_PUBLIC_KEY_LOCATION=file:$WORK/jwt-public.pem DB_PASSWORD=strata QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "$JAVA" $SERVICE_JAVA_OPTS -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "service did not start"; tail -50 "$WORK/service.log"; exit 1
}
stop_service() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; clean_rows; rm -rf "$WORK/run"' EXIT
TOKEN=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" token "$WORK/jwt.der")
peak_rss_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$PID/status"; }
RESULTS=()
report() {
  printf '%-28s %9d bars %8.2f s %10.0f bars/s  peak RSS %s MB\n' "$1" "$TOTAL" "$2" "$(echo "$TOTAL / $2" | bc -l)" "$3"
  RESULTS+=("$(printf '| %s | %d | %.2f | %.0f | %s MB |' "$1" "$TOTAL" "$2" "$(echo "$TOTAL / $2" | bc -l)" "$3")")
}
now() { date +%s.%N; }

post() {  # $1 = file, $2 = content type, $3 = symbol, $4 = job id
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "Content-Type: $2" --data-binary @"$1" \
    "localhost:$PORT/bars?symbol=$3&frame=1m&jobId=$4")
  [ "$code" = 201 ] || { echo "POST $1 answered $code" >&2; exit 1; }
}
post_all() {  # $1 = extension, $2 = content type
  [ "$WARMUP" -gt 0 ] && post "$WORK/warmup/bars-warm.$1" "$2" BENCHW "bench-warm-$1"
  local t0; t0=$(now)
  export -f post; export TOKEN PORT
  ls "$WORK"/data/bars-*."$1" | xargs -P "$CLIENTS" -I{} bash -c 'post "$1" "$2" BENCH "bench-$3-$(basename "$1" ."$3")"' _ {} "$2" "$1" \
    || { echo "a POST failed" >&2; exit 1; }
  echo "$(now) - $t0" | bc -l
}
completed() { sql "SELECT count(*) FROM ingest.ingestion_job WHERE id LIKE '$1' AND status = 'COMPLETED'"; }

phase() { [[ " $PHASES " == *" $1 "* ]]; }

if phase copy; then
  T=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" copy "$WORK/data/all.csv" "$WORK/duckdb-copy.parquet")
  report "DuckDB COPY read_csv" "$T" "-"
fi
if phase csv; then start_service; T=$(post_all csv text/csv); report "POST /bars text/csv" "$T" "$(peak_rss_mb)"; stop_service; fi
if phase ndjson; then start_service; T=$(post_all ndjson application/x-ndjson); report "POST /bars NDJSON" "$T" "$(peak_rss_mb)"; stop_service; fi
if phase amqp; then
  start_service
  if [ "$WARMUP" -gt 0 ]; then
    "$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" publish BENCHW bench-amqpwarm- "$WORK/warmup/bars-warm.ndjson" >/dev/null
    until [ "$(completed 'bench-amqpwarm-%')" = 1 ]; do sleep 0.2; done
  fi
  N=$(ls "$WORK"/data/bars-*.ndjson | wc -l)
  # the publisher prints the epoch second of its first publish; the last job's updated_at is when the work ended
  t0=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" publish BENCHQ bench-amqp- "$WORK"/data/bars-*.ndjson)
  until [ "$(completed 'bench-amqp-%')" = "$N" ]; do sleep 0.2; done
  t1=$(sql "SELECT extract(epoch FROM max(updated_at)) FROM ingest.ingestion_job WHERE id LIKE 'bench-amqp-%'")
  T=$(echo "$t1 - $t0" | bc -l); report "ingest.bars (AMQP)" "$T" "$(peak_rss_mb)"
  stop_service
fi
echo
echo "| path | bars | seconds | bars/s | peak RSS |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${RESULTS[@]}"
echo "warm-up: $WARMUP bars per path (not counted); REST clients: $CLIENTS; $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
