#!/bin/bash
# The broker, its default user and limits written to its config file on each start; then the platform's users
# (rabbitmq-users.sh), after which the health check's file says the broker is ready for the services.
set -eu
: "${RABBITMQ_DEFAULT_USER:?}" "${RABBITMQ_DEFAULT_PASS:?}" "${STRATA_BROKER_PASSWORD:?}"
cat >"$RABBITMQ_CONFIG_FILE" <<CONF
default_user = $RABBITMQ_DEFAULT_USER
default_pass = $RABBITMQ_DEFAULT_PASS
loopback_users = none
max_message_size = ${RABBITMQ_MAX_MESSAGE_SIZE:-33554432}
log.console = true
log.file = false
CONF
ready=/var/lib/rabbitmq/users-ready
rm -f "$ready"
rabbitmq-server &
broker=$!
trap 'kill -TERM $broker; wait $broker' TERM INT
# await_startup needs a node to ask: one just launched is not registered with epmd yet
for _ in $(seq 1 60); do rabbitmqctl -q ping >/dev/null 2>&1 && break; sleep 1; done
rabbitmqctl -q await_startup --timeout 120 >/dev/null
rabbitmq-users.sh /
touch "$ready"
wait $broker
