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
TOTAL=${TOTAL:-1000000}
CHUNK=${CHUNK:-100000}
WORK=${WORK:-/tmp/ingest-bench}
PORT=${PORT:-18081}
PHASES=${PHASES:-copy csv ndjson amqp}
WARMUP=${WARMUP:-100000}
# REST requests in flight at once (the AMQP consumer takes INGEST_BARS_CONCURRENCY messages at once, 2 by default)
CLIENTS=${CLIENTS:-1}
source "$(dirname "$0")/service.sh"

rm -rf "$WORK" && mkdir -p "$WORK/data"
python3 "$ROOT/ingest-service/bench/generate.py" "$TOTAL" "$CHUNK" "$WORK/data"
# the warm-up batch: the first WARMUP bars, sent under another symbol so they share no partition with the measured ones
mkdir -p "$WORK/warmup"
if [ "$WARMUP" -gt 0 ]; then
  head -n $((WARMUP + 1)) "$WORK/data/all.csv" > "$WORK/warmup/bars-warm.csv"
  cat "$WORK"/data/bars-*.ndjson | awk -v n="$WARMUP" 'NR <= n' > "$WORK/warmup/bars-warm.ndjson"
fi
build_service
make_token

# what a run leaves in Postgres: its jobs, the symbol days of its symbols, and its outbox rows (their
# correlation id is the job id); unsent, they would be published by the next ingest-service on this database
clean_rows() {
  sql "DELETE FROM ingest.ingestion_job WHERE id LIKE 'bench-%'; DELETE FROM ingest.symbol_bars WHERE symbol LIKE 'BENCH%'; DELETE FROM ingest.outbox WHERE correlation_id LIKE 'bench-%';" >/dev/null 2>&1 || true
  purge_bench_queue
}
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; clean_rows; rm -rf "$WORK/run"' EXIT
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
  # the same rows written by DuckDB alone into the lake's layout (~70 one-day files per 100 k bars):
  # no HTTP, validation, manifest, lock or Postgres, so no ingest path can beat it
  T=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" copy-partitioned "$WORK/duckdb-lake" "$WORK"/data/bars-*.csv)
  report "DuckDB COPY, lake layout" "$T" "-"
  echo "  files: $(find "$WORK/duckdb-lake" -name '*.parquet' | wc -l)"
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
