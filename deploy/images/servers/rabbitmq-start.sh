#!/bin/sh
# The broker in the foreground, its default user and limits written to its config file on each start.
set -eu
: "${RABBITMQ_DEFAULT_USER:?}" "${RABBITMQ_DEFAULT_PASS:?}"
cat >"$RABBITMQ_CONFIG_FILE" <<CONF
default_user = $RABBITMQ_DEFAULT_USER
default_pass = $RABBITMQ_DEFAULT_PASS
loopback_users = none
max_message_size = ${RABBITMQ_MAX_MESSAGE_SIZE:-33554432}
log.console = true
log.file = false
CONF
exec rabbitmq-server
