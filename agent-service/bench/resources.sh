# Sourced by the bench scripts: the resources the benchmarked service runs on, its own so that no
# platform shares them (bin/infra up makes them). Redis database 0 is the platform's, 1 the tests',
# 2 the e2e suite's, 3 the benchmarks'.
export DB_NAME="${BENCH_DB:-strata_bench}" RABBITMQ_VHOST="${BENCH_VHOST:-strata-bench}"
export DB_PASSWORD="${DB_PASSWORD:-strata}" PGPASSWORD="${DB_PASSWORD:-strata}"
redis_db="${BENCH_REDIS_DB:-3}"
export REDIS_URL="redis://127.0.0.1:6379/$redis_db"
# the prod profile's secrets, with bench-only values; the service connects as the broker's administrator
# (strata), so it must trust that user as the publisher of every message type
export RABBITMQ_USERNAME="${RABBITMQ_USERNAME:-strata}" RABBITMQ_PASSWORD="${RABBITMQ_PASSWORD:-strata}"
export STRATA_MESSAGING_TRUSTED_PUBLISHERS="${STRATA_MESSAGING_TRUSTED_PUBLISHERS:-strata}"
export STRATA_SERVICE_SECRET="${STRATA_SERVICE_SECRET:-bench-only-service-secret-of-32-characters}"
export STRATA_ADMIN_PASSWORD="${STRATA_ADMIN_PASSWORD:-bench-only-admin-password}"
export STRATA_AUDIT_HMAC_KEY="${STRATA_AUDIT_HMAC_KEY:-bench-only-audit-hmac-key-of-32-characters}"
