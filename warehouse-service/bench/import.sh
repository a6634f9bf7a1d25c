#!/usr/bin/env bash
# POST /customers/import of ROWS generated Telco customers in one request, through the packaged
# service, twice: into an empty table, then again over the same ids (every row replaced). Prints rows/s.
# Run from the repository root under the shared lock (it packages the service first; SKIP_BUILD=1 reuses
# warehouse-service/target/quarkus-app):
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 flock /tmp/strata-maven.lock warehouse-service/bench/import.sh
set -euo pipefail
ROWS=${ROWS:-1000000}
# a port nothing listens on (a platform or another bench may hold the usual ones), unless PORT is given
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cd "$(dirname "$0")/../.."
RUN=$(mktemp -d /tmp/strata-warehouse-import.XXXX)
echo "run dir $RUN, rows $ROWS"

# an operator token signed with the local dev key that bin/infra up generates in ~/.strata
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
JWT_HEAD=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
JWT_BODY=$(printf '{"iss":"strata","upn":"bench","groups":["operator"],"iat":%d,"exp":%d}' "$NOW" $((NOW + 7200)) | b64url)
JWT_SIG=$(printf '%s.%s' "$JWT_HEAD" "$JWT_BODY" | openssl dgst -sha256 -sign "${STRATA_JWT_PRIVATE_KEY:-$HOME/.strata/jwt-private.pem}" | b64url)
AUTH="Authorization: Bearer $JWT_HEAD.$JWT_BODY.$JWT_SIG"

if [ -z "${SKIP_BUILD:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -B -ntp -o -q -pl migrations,warehouse-service package -DskipTests
fi

# the Telco header and value vocabulary, varied per row; every tenth row has an unknown total (NA)
awk -v rows="$ROWS" 'BEGIN {
  print "customer_id,churn,female,senior_citizen,partner,dependents,tenure,phone_service,multiple_lines,internet_service,online_security,online_backup,device_protection,tech_support,streaming_tv,streaming_movies,contract,paperless_billing,payment_method,monthly_charges,total_charges"
  split("Month-to-month|One year|Two year", contract, "|")
  split("Electronic check|Mailed check|Bank transfer (automatic)|Credit card (automatic)", payment, "|")
  for (i = 1; i <= rows; i++) {
    tenure = i % 72; monthly = 18 + (i % 100); total = i % 10 == 0 ? "NA" : sprintf("%.2f", tenure * monthly)
    printf "BENCH-%07d,%s,%d,%d,%d,%d,%d,1,No,DSL,No,Yes,No,No,No,No,%s,1,\"%s\",%.2f,%s\n", i, i % 4 == 0 ? "Yes" : "No",
      i % 2, i % 5 == 0, i % 3 == 0, i % 7 == 0, tenure, contract[i % 3 + 1], payment[i % 4 + 1], monthly, total
  }
}' > "$RUN/customers.csv"
echo "csv: $(du -h "$RUN/customers.csv" | cut -f1)"

# the prod profile refuses the broker's default credentials: the local administrator, on the benchmarks' own
# vhost (bin/infra up makes it), whose warehouse queues are emptied when the bench ends
STRATA_RUN_DIR=$RUN RABBITMQ_USERNAME=strata RABBITMQ_PASSWORD=strata RABBITMQ_VHOST=strata-bench \
  STRATA_MESSAGING_TRUSTED_PUBLISHERS=strata $JAVA --enable-native-access=ALL-UNNAMED -Dquarkus.http.port=$PORT \
  -jar warehouse-service/target/quarkus-app/quarkus-run.jar > "$RUN/service.log" 2>&1 &
SERVICE=$!
purge() { for queue in dataset.ingested audit.log; do rabbitmqctl -q purge_queue -p strata-bench $queue > /dev/null 2>&1 || true; done; }
trap 'kill $SERVICE 2>/dev/null || true; purge' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; do
  kill -0 $SERVICE 2>/dev/null || { echo "the service did not start:"; tail -20 "$RUN/service.log"; exit 1; }
  sleep 1
done

for pass in "into an empty table" "again, every row replaced"; do
  START=$(date +%s.%N)
  curl -sSf -X POST -H "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$RUN/customers.csv" \
    "http://127.0.0.1:$PORT/customers/import"; echo
  END=$(date +%s.%N)
  echo "import $pass: $ROWS customers in $(echo "$END - $START" | bc) s = $(echo "$ROWS / ($END - $START)" | bc) rows/s"
done
curl -sf -H "$AUTH" "http://127.0.0.1:$PORT/ops/layers"; echo
kill $SERVICE; wait $SERVICE 2>/dev/null || true
trap - EXIT
purge
echo "machine: $(nproc) cores, $(grep 'model name' /proc/cpuinfo | head -1 | cut -d: -f2), $(free -g | awk '/Mem:/{print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$RUN"
