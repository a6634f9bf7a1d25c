# Sourced by the ingest benches (run.sh, small-batches.sh): builds the packaged service, makes a
# throw-away JWT key pair and an operator token signed by it, and starts/stops the service on the
# bench's own database and vhost. Expects WORK and PORT set and `set -euo pipefail`; the sourcing
# script defines clean_rows (what its run leaves in Postgres), which start_service calls first.
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
M2=${HOME}/.m2/repository
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
# the bench's own database and vhost (bin/infra up makes them), so a platform running beside it on strata
# and / neither relays the bench's outbox rows nor receives its dataset.ingested messages
export DB_NAME=strata_bench RABBITMQ_VHOST=strata-bench
# Bench.java's class path: DuckDB (the reference COPY), the AMQP client (the publisher) and SLF4J
CP="$M2/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar:$M2/com/rabbitmq/amqp-client/5.20.0/amqp-client-5.20.0.jar:$(ls $M2/org/slf4j/slf4j-api/*/slf4j-api-*.jar | tail -1)"
PID=

build_service() {
  (cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -ntp -o -q -pl migrations,ingest-service package -DskipTests)
}

# sets TOKEN: the service verifies bearer JWTs against this run's own public key
make_token() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in "$WORK/jwt.pem" -outform DER -out "$WORK/jwt.der"
  openssl pkey -in "$WORK/jwt.pem" -pubout -out "$WORK/jwt-public.pem"
  TOKEN=$("$JAVA" -cp "$CP" "$ROOT/ingest-service/bench/Bench.java" token "$WORK/jwt.der")
}

sql() { PGPASSWORD=strata psql -h 127.0.0.1 -U strata -d "$DB_NAME" -tAc "$1"; }

# no warehouse consumes the bench's dataset.ingested messages
purge_bench_queue() { rabbitmqctl -q purge_queue -p "$RABBITMQ_VHOST" dataset.ingested >/dev/null 2>&1 || true; }

start_service() {
  rm -rf "$WORK/run"
  clean_rows
  # the prod profile refuses to start on the broker's default credentials: the local broker administrator
  STRATA_RUN_DIR=$WORK/run STRATA_JWT_PUBLIC_KEY_LOCATION=file:$WORK/jwt-public.pem DB_PASSWORD=strata QUARKUS_HTTP_PORT=$PORT \
    RABBITMQ_USERNAME=strata RABBITMQ_PASSWORD=strata STRATA_MESSAGING_TRUSTED_PUBLISHERS=strata \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false "$JAVA" $SERVICE_JAVA_OPTS -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" \
    > "$WORK/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "service did not start"; tail -50 "$WORK/service.log"; exit 1
}

stop_service() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }
