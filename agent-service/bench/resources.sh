# Sourced by the bench scripts: the resources the benchmarked service runs on, its own so that no
# platform shares them (bin/infra up makes them). Redis database 0 is the platform's, 1 the tests',
# 2 the e2e suite's, 3 the benchmarks'.
export DB_NAME="${BENCH_DB:-strata_bench}" RABBITMQ_VHOST="${BENCH_VHOST:-strata-bench}"
export DB_PASSWORD="${DB_PASSWORD:-strata}" PGPASSWORD="${DB_PASSWORD:-strata}"
redis_db="${BENCH_REDIS_DB:-3}"
export REDIS_URL="redis://127.0.0.1:6379/$redis_db"
