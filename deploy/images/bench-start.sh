#!/usr/bin/env bash
# Start-to-READY of each service image, with and without its AOT cache, alternating, against the
# local servers on the benchmarks' database, vhost and Redis database (ports 2808x). Prints one line
# per run and a table of medians. Start and warm-up together: how many requests wrk gets answered
# from /q/health/ready (a database and a broker check each) between READY and 30 s after the launch,
# so a JVM that got READY sooner but compiles later is not flattered. Needs the images
# (bin/strata images) and bin/infra up.
#
#   deploy/images/bench-start.sh [ROUNDS]      default 3 rounds of each service in each mode
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/bin/lib/containers.sh"
rounds=${1:-3}
"$ROOT/bin/infra" need wrk bc
version=$(project_version)
STRATA_HOME=${STRATA_HOME:-$HOME/.strata}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/secrets"
# the images run the prod profile, which refuses to start without its secrets: the local ones bin/strata made
for secret in jwt-public.pem jwt-private.pem admin-password service-secret audit-hmac-key; do
  [ -f "$STRATA_HOME/$secret" ] || { echo "bench-start: no $STRATA_HOME/$secret; run bin/strata up once first" >&2; exit 1; }
done
cp "$STRATA_HOME/jwt-public.pem" "$STRATA_HOME/jwt-private.pem" "$work/secrets/"
chmod 444 "$work/secrets"/*
cat >"$work/env" <<SETTINGS
DB_NAME=strata_bench
DB_USERNAME=${DB_USERNAME:-strata}
DB_PASSWORD=${DB_PASSWORD:-strata}
RABBITMQ_VHOST=strata-bench
RABBITMQ_USERNAME=${RABBITMQ_USERNAME:-strata}
RABBITMQ_PASSWORD=${RABBITMQ_PASSWORD:-strata}
STRATA_MESSAGING_TRUSTED_PUBLISHERS=${RABBITMQ_USERNAME:-strata}
REDIS_URL=redis://127.0.0.1:6379/3
WAREHOUSE_URL=http://127.0.0.1:28082
STRATA_JWT_PUBLIC_KEY_LOCATION=file:/etc/strata/secrets/jwt-public.pem
STRATA_JWT_PRIVATE_KEY_LOCATION=file:/etc/strata/secrets/jwt-private.pem
STRATA_ADMIN_PASSWORD=$(cat "$STRATA_HOME/admin-password")
STRATA_SERVICE_SECRET=$(cat "$STRATA_HOME/service-secret")
STRATA_AUDIT_HMAC_KEY=$(cat "$STRATA_HOME/audit-hmac-key")
AGENT_URL=http://127.0.0.1:28084
SETTINGS

# one SERVICE PORT AOT: seconds from podman run to a 200 from /q/health/ready, then the requests
# answered until 30 s after podman run
one() {
  local service=$1 port=$2 aot=$3 started elapsed
  podman rm -i -f "bench-$service" >/dev/null 2>&1 || true
  started=$(date +%s.%N)
  podman run -d --rm --name "bench-$service" --network host --read-only --tmpfs /tmp \
    --env-file "$work/env" -e QUARKUS_HTTP_PORT="$port" -e STRATA_AOT="$aot" -e STRATA_RUN_DIR=/tmp/run \
    -v "$work/secrets:/etc/strata/secrets:ro" "localhost/strata/$service:$version" >/dev/null
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    podman container exists "bench-$service" || { echo "bench-$service exited" >&2; return 1; }
    sleep 0.05
  done
  elapsed=$(echo "$(date +%s.%N) - $started" | bc)
  rate=$(wrk -t1 -c4 -d"$(echo "30 - $elapsed" | bc | cut -d. -f1)s" "http://127.0.0.1:$port/q/health/ready" |
    awk '/requests in/ {print $1}')
  podman stop -t 20 "bench-$service" >/dev/null
  podman rm -i "bench-$service" >/dev/null 2>&1 || true
  printf '%.2f %.0f\n' "$elapsed" "$rate"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

printf '%-18s %9s %9s %14s %14s\n' service "READY on" "READY off" "by 30 s on" "by 30 s off" >"$work/table"
for entry in ingest-service:28081 warehouse-service:28082 scoring-service:28083 agent-service:28084; do
  service=${entry%%:*} port=${entry##*:}
  : >"$work/on"; : >"$work/off"; : >"$work/on.rate"; : >"$work/off.rate"
  for round in $(seq 1 "$rounds"); do
    for aot in on off; do
      read -r t rate < <(one "$service" "$port" "$aot")
      echo "$t" >>"$work/$aot"
      echo "$rate" >>"$work/$aot.rate"
      printf '%s round %d AOT %-3s READY %6.2f s, %6.0f requests answered by 30 s\n' "$service" "$round" "$aot" "$t" "$rate"
    done
  done
  printf '%-18s %8.2fs %8.2fs %14.0f %14.0f\n' "$service" "$(median <"$work/on")" "$(median <"$work/off")" \
    "$(median <"$work/on.rate")" "$(median <"$work/off.rate")" >>"$work/table"
done
echo
echo "medians over $rounds rounds: podman run to the first 200 from /q/health/ready; requests answered by 30 s after podman run"
cat "$work/table"
