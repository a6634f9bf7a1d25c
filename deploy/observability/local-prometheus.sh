#!/usr/bin/env bash
# A Prometheus for the platform bin/strata up runs on this machine: installs Debian's prometheus package when
# missing (bin/infra need), checks the alert rules with promtool, and runs Prometheus in the foreground on
# 127.0.0.1:${PROMETHEUS_PORT:-9090}, scraping the four services (8081-8084) with the rules of rules/.
# Its data lives in .run/prometheus (STRATA_RUN_DIR). Ctrl-C stops it.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUN=${STRATA_RUN_DIR:-$ROOT/.run}/prometheus
"$ROOT/bin/infra" need prometheus promtool=prometheus
promtool check rules "$HERE"/rules/*.rules.yml
mkdir -p "$RUN"
{
  printf 'global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nrule_files:\n'
  for rules in "$HERE"/rules/*.rules.yml; do printf "  - '%s'\n" "$rules"; done
  printf 'scrape_configs:\n'
  for service in ingest-service:8081 warehouse-service:8082 scoring-service:8083 agent-service:8084; do
    printf "  - job_name: %s\n    metrics_path: /q/metrics\n    static_configs:\n      - targets: ['127.0.0.1:%s']\n" \
      "${service%%:*}" "${service##*:}"
  done
} >"$RUN/prometheus.yml"
echo "local-prometheus: http://127.0.0.1:${PROMETHEUS_PORT:-9090} (alerts: /alerts), config $RUN/prometheus.yml"
exec prometheus --config.file="$RUN/prometheus.yml" --storage.tsdb.path="$RUN/data" \
  --web.listen-address="127.0.0.1:${PROMETHEUS_PORT:-9090}"
