#!/usr/bin/env bash
# scoring-service benchmark: single-row and batch inference over HTTP (wrk) next to raw in-process
# ONNX Runtime (JMH), in one run. Not a test. Run it under the shared build lock, from the repo root:
#   flock /tmp/strata-maven.lock scoring-service/bench/run.sh
# (the script calls ./mvnw itself, so it must not take the lock again). Needs RabbitMQ up (bin/infra up).
set -euo pipefail
for tool in wrk; do command -v "$tool" >/dev/null || { echo "$tool is required: apt-get install wrk" >&2; exit 1; }; done
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PORT=${BENCH_PORT:-18083}
DURATION=${BENCH_DURATION:-20s}
BATCH=${BENCH_BATCH:-1000}
OUT=scoring-service/target/bench
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== build"
./mvnw -B -ntp -o -q -pl scoring-service package -DskipTests
./mvnw -B -ntp -o -q -pl scoring-service org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
CP="scoring-service/target/test-classes:scoring-service/target/classes:$(cat $OUT/classpath.txt)"
# JMH's generator runs here, explicitly: JDK 23+ no longer runs processors found on the class path
mkdir -p "$OUT/jmh-classes" "$OUT/jmh-sources"
"$JAVA_HOME/bin/javac" -proc:full -processor org.openjdk.jmh.generators.BenchmarkProcessor -processorpath "$CP" -cp "$CP" \
  -d "$OUT/jmh-classes" -s "$OUT/jmh-sources" scoring-service/src/test/java/dev/strata/scoring/bench/*.java
CP="$OUT/jmh-classes:$CP"

echo "== train the churn model (Tribuo, Telco slice) and write request bodies"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.strata.scoring.bench.BenchModel "$OUT" "$BATCH"

echo "== start scoring-service on :$PORT"
TOKEN=$(cat "$OUT/token.txt")
# BENCH_JFR=1 records a JFR profile of the service (target/bench/service.jfr); it costs a little
# throughput, so the figures in BENCHMARKS.md come from runs without it
JFR_OPTS=()
if [ -n "${BENCH_JFR:-}" ]; then JFR_OPTS=("-XX:StartFlightRecording=filename=$OUT/service.jfr,settings=profile"); fi
# the prod profile refuses to start on the broker's default credentials or an empty service secret: the
# local broker administrator, and a secret used only here (no agent-service runs, so no token is issued)
STRATA_JWT_PUBLIC_KEY_LOCATION=$(cat "$OUT/jwt-public-key-location.txt") \
STRATA_RUN_DIR="$PWD/$OUT/run" QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN RABBITMQ_VHOST=strata-bench \
RABBITMQ_USERNAME=strata RABBITMQ_PASSWORD=strata STRATA_MESSAGING_TRUSTED_PUBLISHERS=strata \
STRATA_SERVICE_SECRET=${STRATA_SERVICE_SECRET:-bench-only-service-secret-of-32-characters} \
  "$JAVA" --enable-native-access=ALL-UNNAMED "${JFR_OPTS[@]}" -jar scoring-service/target/quarkus-app/quarkus-run.jar >"$OUT/service.log" 2>&1 &
SERVICE=$!
# its audit events go to the bench's own vhost (bin/infra up makes it), emptied at the end
trap 'kill $SERVICE 2>/dev/null || true; rabbitmqctl -q purge_queue -p strata-bench audit.log >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/q/health/live" >/dev/null && break; sleep 1; done
curl -sf -H "Authorization: Bearer $TOKEN" -F "model=@$OUT/model.onnx;type=application/octet-stream" -F "metadata=<$OUT/metadata.json;type=application/json" \
  "http://127.0.0.1:$PORT/models/churn_model/versions" >/dev/null
curl -sf "http://127.0.0.1:$PORT/v2/health/ready" && echo

post() { # wrk Lua script that POSTs one body file
  cat >"$OUT/$1.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
local f = io.open("$OUT/$1.json", "r"); wrk.body = f:read("*a"); f:close()
LUA
}
post single && post batch
URL="http://127.0.0.1:$PORT/v2/models/churn_model/infer"

echo "== warm-up"
wrk -t2 -c50 -d10s -s "$OUT/single.lua" "$URL" >/dev/null
wrk -t2 -c8 -d10s -s "$OUT/batch.lua" "$URL" >/dev/null

echo "== HTTP single-row: wrk -t2 -c50 -d$DURATION"
wrk -t2 -c50 -d"$DURATION" --latency -s "$OUT/single.lua" "$URL" | tee "$OUT/wrk-single.txt"
echo "== HTTP batch of $BATCH rows: wrk -t2 -c8 -d$DURATION"
wrk -t2 -c8 -d"$DURATION" --latency -s "$OUT/batch.lua" "$URL" | tee "$OUT/wrk-batch.txt"
kill $SERVICE; wait $SERVICE 2>/dev/null || true

# BENCH_SKIP_JMH=1 leaves out the in-process reference (for alternating runs of two builds of the service)
if [ -z "${BENCH_SKIP_JMH:-}" ]; then
  echo "== in-process ONNX Runtime (JMH)"
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main OnnxInferenceBenchmark -rf text -rff "$OUT/jmh.txt" | tail -8 || echo "JMH failed"
fi

single=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-single.txt")
batch=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-batch.txt")
echo "== summary"
echo "HTTP single-row req/s: $single"
echo "HTTP batch rows/s:     $(awk -v r="$batch" -v b="$BATCH" 'BEGIN {printf "%.0f", r*b}') ($batch req/s x $BATCH rows)"
if [ -f "$OUT/jmh.txt" ]; then cat "$OUT/jmh.txt"; fi
