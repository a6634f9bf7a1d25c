#!/usr/bin/env bash
# Promotion of ROWS bronze bars to silver and gold through the service (dataset.ingested), the
# same core SQL straight over JDBC, and GET /customers/{id} read QPS during the promotion.
# Run from the repository root under the shared lock:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 flock /tmp/strata-maven.lock warehouse-service/bench/run.sh
set -euo pipefail
for tool in wrk; do command -v "$tool" >/dev/null || { echo "$tool is required: apt-get install wrk" >&2; exit 1; }; done
ROWS=${ROWS:-10000000}
PORT=${PORT:-18082}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cd "$(dirname "$0")/../.."
M2=~/.m2/repository
CP=$M2/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar:$M2/com/rabbitmq/amqp-client/5.20.0/amqp-client-5.20.0.jar:$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar
BENCH="$JAVA -cp $CP warehouse-service/bench/Bench.java"
RUN=$(mktemp -d /tmp/strata-warehouse-bench.XXXX)
echo "run dir $RUN, rows $ROWS"

# the prod profile refuses the broker's default credentials: the local administrator, on the benchmarks' own
# vhost (bin/infra up makes it), whose warehouse queues are emptied when the bench ends; Bench.java publishes
# dataset.ingested with them too, as a publisher the service trusts
export RABBITMQ_USERNAME=strata RABBITMQ_PASSWORD=strata RABBITMQ_VHOST=strata-bench STRATA_MESSAGING_TRUSTED_PUBLISHERS=strata

# the endpoints need a bearer token (role operator): signed here with the local dev key that
# bin/infra up generates in ~/.strata (the service trusts its public half by default)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
JWT_HEAD=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
JWT_BODY=$(printf '{"iss":"strata","upn":"bench","groups":["operator"],"iat":%d,"exp":%d}' "$NOW" $((NOW + 7200)) | b64url)
JWT_SIG=$(printf '%s.%s' "$JWT_HEAD" "$JWT_BODY" | openssl dgst -sha256 -sign "${STRATA_JWT_PRIVATE_KEY:-$HOME/.strata/jwt-private.pem}" | b64url)
AUTH="Authorization: Bearer $JWT_HEAD.$JWT_BODY.$JWT_SIG"

JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -B -ntp -o -q -pl migrations,warehouse-service package -DskipTests
$BENCH generate "$RUN/lake" "$ROWS"

STRATA_RUN_DIR=$RUN $JAVA --enable-native-access=ALL-UNNAMED -Dquarkus.http.port=$PORT \
  -jar warehouse-service/target/quarkus-app/quarkus-run.jar > "$RUN/service.log" 2>&1 &
SERVICE=$!
purge() { for queue in dataset.ingested audit.log; do rabbitmqctl -q purge_queue -p strata-bench $queue > /dev/null 2>&1 || true; done; }
trap 'kill $SERVICE 2>/dev/null || true; purge' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do
  kill -0 $SERVICE 2>/dev/null || { echo "the service did not start:"; tail -20 "$RUN/service.log"; exit 1; }
  sleep 1
done
curl -sf -X POST -H "$AUTH" -H 'Content-Type: text/csv' --data-binary @../shared/data/telco-churn.csv \
  "http://127.0.0.1:$PORT/customers/import"; echo

echo "== reads, idle"
wrk -t2 -c8 -d10s -H "$AUTH" "http://127.0.0.1:$PORT/customers/C00002" | grep -E "Requests/sec|Latency"

echo "== promotion through the service, reads meanwhile (5 s wrk windows)"
SHA256=$(sha256sum "$RUN/lake/frame=1m/symbol=BENCH/date=2024-01-01/bench.parquet" | cut -d' ' -f1)
START=$(date +%s.%N)
$BENCH publish "frame=1m/symbol=BENCH/date=2024-01-01/bench.parquet" "$ROWS" bench-run "$SHA256"
while ! curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/ops/runs/bench-run" | grep -q '"status":"promoted"'; do
  # a rejected file is never promoted: say so rather than wait forever
  if curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/ops/runs/bench-run" | grep -q '"status":"rejected"'; then
    echo "the bench file was rejected:"; curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/ops/file-ingestions?limit=5"; echo; exit 1
  fi
  wrk -t2 -c8 -d5s -H "$AUTH" "http://127.0.0.1:$PORT/customers/C00002" | grep -E "Requests/sec" | sed 's/^/  window /'
done
END=$(date +%s.%N)
echo "service: $ROWS bronze bars promoted (publish → promoted) in $(echo "$END - $START" | bc) s" \
  "= $(echo "$ROWS / ($END - $START)" | bc) rows/s"
curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/ops/runs/bench-run"; echo
kill $SERVICE; wait $SERVICE 2>/dev/null || true
trap - EXIT
purge

echo "== the same core SQL over JDBC (fresh DuckDB file)"
$BENCH jdbc "$RUN/lake/frame=1m/symbol=BENCH/date=2024-01-01/bench.parquet" "$RUN/jdbc.duckdb" \
  migrations/src/main/resources/duckdb/warehouse
echo "machine: $(nproc) cores, $(grep 'model name' /proc/cpuinfo | head -1 | cut -d: -f2), $(free -g | awk '/Mem:/{print $2}') GB RAM"
rm -rf "$RUN"
