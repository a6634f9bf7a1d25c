#!/usr/bin/env bash
# rabbitmq-users.sh VHOST...: the platform's broker users and their least-privilege permissions on each vhost,
# with rabbitmqctl on the broker's own machine. bin/infra runs it, and the rabbitmq image at every start.
#
# Each service connects as the user of its own name and every publisher sets user_id, which the broker checks
# against that user, so consumers know who published (README "Security"). Permissions are regular expressions
# over exchange and queue names (configure, write, read), and topic permissions over routing keys on the strata
# exchange: the routing keys a user may publish, the only way in, since no user may write to the default exchange.
#   <service>          declare the topology; publish its own messages; consume its own queues
#   strata-producer    publish ingest.bars, ingest.usage and workflow.execute; nothing else
#   guest              nothing
# Users that exist keep their password; new ones get STRATA_BROKER_PASSWORD.
set -euo pipefail
: "${STRATA_BROKER_PASSWORD:?the password of users this creates}"

queues='ingest\.bars|ingest\.usage|dataset\.ingested|workflow\.execute|notification\.send|audit\.log'
exchanges='strata|strata\.dlx|strata\.tokens'
# the topology every service declares and binds: exchanges, queues and their .dlq, each instance's broadcast queue
platform="^($exchanges|($queues)(\.dlq)?|amq\.gen-.*)\$"

# service queues-it-consumes routing-keys-it-publishes
services=(
  "ingest-service ingest\.bars|ingest\.usage dataset\.ingested|audit\.log"
  "warehouse-service dataset\.ingested audit\.log"
  "scoring-service - audit\.log"
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
  rabbitmqctl -q list_vhosts | grep -qx "$vhost" || ctl add_vhost "$vhost"
  for entry in "${services[@]}"; do
    read -r service consumes publishes <<<"$entry"
    if [ "$consumes" = - ]; then reads="^($exchanges|amq\.gen-.*)\$"; else reads="^($exchanges|$consumes|amq\.gen-.*)\$"; fi
    ctl set_permissions -p "$vhost" "$service" "$platform" "$platform" "$reads"
    ctl set_topic_permissions -p "$vhost" "$service" strata "^($publishes)\$" '.*'
  done
  ctl set_permissions -p "$vhost" strata-producer '^$' '^strata$' '^$'
  ctl set_topic_permissions -p "$vhost" strata-producer strata "^($producer_keys)\$" '^$'
  ctl clear_permissions -p "$vhost" guest 2>/dev/null || true
done
