#!/usr/bin/env bash
# rabbitmq-users.sh VHOST...: the platform's broker users and their least-privilege permissions on each vhost,
# with rabbitmqctl on the broker's own machine. bin/infra runs it, and the rabbitmq image at every start.
#
# Each service connects as the user of its own name and every publisher sets user_id, which the broker checks
# against that user, so consumers know who published (README "Security"). Permissions are regular expressions
# over exchange and queue names (configure, write, read), and topic permissions over routing keys on the strata
# exchange: the routing keys a user may publish, the only way in, since no user may write to the default exchange.
#   <service>          declare the exchanges and its queues (those it consumes or publishes to, its
#                      strata.messaging.queues: creating a queue with a dead-letter exchange takes read on it),
#                      consume them, publish its own messages; no other queue
#   strata-producer    publish ingest.bars, ingest.usage and workflow.execute; nothing else
#   guest              nothing
# Users that exist keep their password; new ones get STRATA_BROKER_PASSWORD.
set -euo pipefail
: "${STRATA_BROKER_PASSWORD:?the password of users this creates}"

exchanges='strata|strata\.dlx|strata\.tokens'

# service, its queues (its strata.messaging.queues), the routing keys it publishes
services=(
  "ingest-service ingest\.bars|ingest\.usage|dataset\.ingested|audit\.log dataset\.ingested|audit\.log"
  "warehouse-service dataset\.ingested|audit\.log audit\.log"
  "scoring-service audit\.log audit\.log"
  "agent-service workflow\.execute|notification\.send|audit\.log workflow\.execute|notification\.send|audit\.log|token\.revocations"
)
producer_keys='ingest\.bars|ingest\.usage|workflow\.execute'

ctl() { rabbitmqctl -q "$@" >/dev/null; }

existing=$(rabbitmqctl -q list_users | awk 'NR > 1 || $1 != "user" { print $1 }')
ensure_user() { grep -qx "$1" <<<"$existing" || ctl add_user "$1" "$STRATA_BROKER_PASSWORD"; }

for entry in "${services[@]}"; do
  read -r service _ <<<"$entry"
  ensure_user "$service"
done
ensure_user strata-producer

for vhost in "$@"; do
  rabbitmqctl -q list_vhosts | grep -x "$vhost" >/dev/null || ctl add_vhost "$vhost"
  for entry in "${services[@]}"; do
    read -r service queues publishes <<<"$entry"
    # the exchanges, its queues and their .dlq, and each instance's server-named broadcast queue
    own="^($exchanges|($queues)(\.dlq)?|amq\.gen-.*)\$"
    ctl set_permissions -p "$vhost" "$service" "$own" "$own" "$own"
    ctl set_topic_permissions -p "$vhost" "$service" strata "^($publishes)\$" '.*'
  done
  ctl set_permissions -p "$vhost" strata-producer '^$' '^strata$' '^$'
  ctl set_topic_permissions -p "$vhost" strata-producer strata "^($producer_keys)\$" '^$'
  ctl clear_permissions -p "$vhost" guest 2>/dev/null || true
done
